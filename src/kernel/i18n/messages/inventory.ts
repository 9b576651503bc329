import type { Template } from '../types.ts';

/** Warehouses, the stock ledger, reservations (src/domains/inventory). */
export const inventoryMessages = {} as const satisfies Record<string, Template>;
