import type { Template } from '../types.ts';

/** Messages of src/domains/tracking. */
export const trackingMessages = {} as const satisfies Record<string, Template>;
