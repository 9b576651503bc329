import type { Template } from '../types.ts';

/** Channel accounts, orders, order imports, SKU mappings (src/domains/orders). */
export const ordersMessages = {} as const satisfies Record<string, Template>;
