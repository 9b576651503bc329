import type { Template } from '../types.ts';

/** Messages of src/domains/logistics. */
export const logisticsMessages = {} as const satisfies Record<string, Template>;
