import type { Template } from '../types.ts';

/** Messages of src/domains/carriers. */
export const carriersMessages = {} as const satisfies Record<string, Template>;
