import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type AppError, isAppError } from '../../kernel/errors.ts';
import type { MessageKey, MessageParams } from '../../kernel/i18n/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Actor } from '../shops/index.ts';
import { findShipmentId } from './get-shipment.ts';
import { shipShipment } from './ship-shipment.ts';
import { checkShipmentNumber, normaliseScan } from './shipment-number.ts';

/** When it shipped, readable on a warehouse screen in any language (UTC, to the minute). */
const whenText = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '');

export const scanSchema = z.object({ code: z.string().trim().min(1).max(80) });

export type ScanOutcome =
  | 'shipped'
  | 'already_shipped'
  | 'unknown'
  | 'typo'
  | 'cancelled'
  | 'on_hold'
  | 'not_labelled'
  | 'refused';

export interface ScanResult {
  code: string;
  outcome: ScanOutcome;
  shipmentId?: string;
  number?: string;
  shippedAt?: string | null;
  /** The message: a catalog key with its parameters, or the refusal the shipment gave. */
  messageKey?: MessageKey;
  params?: MessageParams;
  error?: AppError;
}

/**
 * What the scan-to-ship screen does with one scanned code: find the shipment (Cunkou number, a
 * carrier or last-mile tracking number) and mark it shipped, or say why not. Expected outcomes are
 * results, not errors: the screen shows each in its colour and keeps going.
 */
export async function scanToShip(
  db: Kysely<DB>,
  shopId: string,
  actor: Actor,
  code: string,
): Promise<ScanResult> {
  const scanned = normaliseScan(code);
  const base = { code: scanned };
  const found = await withShop(db, shopId, async (trx) => {
    const id = await findShipmentId(trx, shopId, scanned);
    if (!id) return undefined;
    return trx
      .selectFrom('shipments')
      .select(['id', 'number', 'status', 'shipped_at'])
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .executeTakeFirst();
  });
  if (!found) {
    const outcome = checkShipmentNumber(scanned) === 'check' ? 'typo' : 'unknown';
    return {
      ...base,
      outcome,
      messageKey: `shipping.scan.${outcome}` as MessageKey,
      params: { code: scanned },
    };
  }
  const ref = { shipmentId: found.id, number: found.number };
  if (found.status === 'shipped')
    return {
      ...base,
      ...ref,
      outcome: 'already_shipped',
      shippedAt: found.shipped_at?.toISOString() ?? null,
      messageKey: 'shipping.scan.already_shipped',
      params: { number: found.number, at: whenText(found.shipped_at) },
    };
  if (found.status === 'cancelled')
    return {
      ...base,
      ...ref,
      outcome: 'cancelled',
      messageKey: 'shipping.scan.cancelled',
      params: { number: found.number },
    };
  if (found.status !== 'labelled')
    return {
      ...base,
      ...ref,
      outcome: 'not_labelled',
      messageKey: 'shipping.scan.not_labelled',
      params: { number: found.number },
    };
  try {
    const r = await withShop(db, shopId, (trx) => shipShipment(trx, shopId, actor, found.id));
    if (r.replayed)
      return {
        ...base,
        ...ref,
        outcome: 'already_shipped',
        shippedAt: r.shippedAt.toISOString(),
        messageKey: 'shipping.scan.already_shipped',
        params: { number: found.number, at: whenText(r.shippedAt) },
      };
    return {
      ...base,
      ...ref,
      outcome: 'shipped',
      shippedAt: r.shippedAt.toISOString(),
      messageKey: 'shipping.scan.shipped',
      params: { number: found.number },
    };
  } catch (e) {
    if (!isAppError(e) || e.code !== 'CONFLICT') throw e;
    const onHold = e.key === 'shipping.order.onHold';
    return { ...base, ...ref, outcome: onHold ? 'on_hold' : 'refused', error: e };
  }
}
