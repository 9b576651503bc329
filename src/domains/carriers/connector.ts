/**
 * What every carrier module provides. The use cases (purchase, cancel, tracking pull, test) are
 * written once against this; each carrier maps its own API to it.
 */
import type { MessageKey, MessageParams } from '../../kernel/i18n/index.ts';
import type { ParcelDoc } from '../shipping/documents/model.ts';

export interface CarrierOrder {
  carrierOrderId: string;
  trackingNumber: string;
  lastMile: { carrier: string; trackingNumber: string } | null;
}

export interface CarrierEvent {
  carrier: 'yunexpress' | '4px';
  trackingNumber: string;
  occurredAt: Date;
  description: string;
  rawStatus: string | null;
  location: string | null;
  source: 'api';
  externalId: string;
}

export interface CarrierConnector {
  /**
   * Create the order under `ref` (the customer order number, unique at the carrier), or — when
   * the carrier says it already exists — fetch that order. Refusals throw an AppError naming the field.
   */
  createOrFind(parcel: ParcelDoc, ref: string, productCode: string): Promise<CarrierOrder>;
  /** The label PDF bytes (downloaded only from allowed hosts). */
  labelPdf(order: CarrierOrder, ref: string): Promise<Buffer>;
  /** A refusal (already picked up) is `{cancelled: false}` with the carrier's words. */
  cancel(carrierOrderId: string): Promise<{ cancelled: boolean; message: string | null }>;
  /** Events for a tracking number; an empty list when the carrier has none yet. */
  tracking(trackingNumber: string): Promise<CarrierEvent[]>;
  /** A signed read-only call; the outcome as a message key for the admin. */
  test(): Promise<{ ok: boolean; key: MessageKey; params?: MessageParams }>;
}
