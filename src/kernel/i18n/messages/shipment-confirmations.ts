import type { Template } from '../types.ts';

/** Messages of src/domains/connectors/confirm-shipments (write-back of shipments to channels). */
export const shipmentConfirmationsMessages = {} as const satisfies Record<string, Template>;
