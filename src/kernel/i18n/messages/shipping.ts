import type { Template } from '../types.ts';

/** Messages of src/domains/shipping. */
export const shippingMessages = {} as const satisfies Record<string, Template>;
