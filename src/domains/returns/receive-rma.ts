import { sql } from 'kysely';
import { z } from 'zod';
import { appError, type FieldIssue, issue, issueList } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { returnStock } from '../inventory/index.ts';
import type { Component } from '../orders/index.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { addOrderEvent, addRmaEvent, lockRma, moveOrder, rmaStatusLabel } from './rma-support.ts';
import { dispositions, openStatuses, type ReceiptLine, type RmaStatus } from './tables.ts';

export const receiveRmaSchema = z.object({
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        quantity: z.number().int().min(1).max(100000),
        /** Required unless the order was fulfilled by the marketplace (FBA): then no local stock moves. */
        warehouseId: z.uuid().optional(),
        disposition: z.enum(dispositions),
      }),
    )
    .min(1)
    .max(500),
  note: z.string().trim().max(2000).optional(),
  /** A retried request with the same key answers with the first receipt and posts nothing again. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type ReceiveRmaInput = z.infer<typeof receiveRmaSchema>;

/**
 * Goods of a return arrive: each line goes back to stock through the inventory ledger
 * (returnStock: sellable, quarantine = on hand but held, writeoff = in and out again), bundles
 * and kits as their components times the quantity. Partial receipts add up; never beyond what
 * the return asked for. The RMA row lock serialises receipts, so a retry waits for the first.
 */
export async function receiveRma(
  trx: Tx,
  shopId: string,
  actor: Actor,
  rmaId: string,
  input: ReceiveRmaInput,
) {
  const rma = await lockRma(trx, shopId, rmaId);
  if (input.idempotencyKey) {
    const done = await trx
      .selectFrom('rma_receipts')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('rma_id', '=', rmaId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (done) return { replayed: true, receiptId: done.id, status: rma.status };
  }
  if (!openStatuses.includes(rma.status)) {
    throw appError('CONFLICT', 'returns.receive.notOpen', {
      number: rma.number,
      status: rmaStatusLabel(rma.status),
    });
  }
  const lines = await trx
    .selectFrom('rma_lines as l')
    .innerJoin('order_lines as ol', (j) =>
      j.onRef('ol.shop_id', '=', 'l.shop_id').onRef('ol.id', '=', 'l.order_line_id'),
    )
    .select(['l.id', 'l.channel_sku', 'l.quantity', 'l.received', 'ol.components'])
    .where('l.shop_id', '=', shopId)
    .where('l.rma_id', '=', rmaId)
    .where('ol.order_id', '=', rma.order_id)
    .execute();
  const byId = new Map(lines.map((l) => [l.id, l]));
  const local = rma.fulfillment === 'merchant';
  const issues: FieldIssue[] = [];
  const asked = new Map<string, number>();
  for (const [i, l] of input.lines.entries()) {
    const line = byId.get(l.lineId);
    if (!line) {
      issues.push(issue(`lines.${i}.lineId`, 'returns.receive.unknownLine', { number: rma.number }));
      continue;
    }
    const total = (asked.get(l.lineId) ?? 0) + l.quantity;
    asked.set(l.lineId, total);
    const max = line.quantity - line.received - (total - l.quantity);
    if (l.quantity > max) {
      issues.push(
        issue(`lines.${i}.quantity`, 'returns.receive.tooMany', {
          sku: line.channel_sku,
          quantity: l.quantity,
          max: Math.max(0, max),
          requested: line.quantity,
        }),
      );
    }
    if (local && !l.warehouseId)
      issues.push(issue(`lines.${i}.warehouseId`, 'returns.receive.warehouseRequired'));
    if (local && !(line.components as Component[] | null)?.length) {
      issues.push(issue(`lines.${i}.lineId`, 'returns.receive.unmapped', { sku: line.channel_sku }));
    }
  }
  if (issues.length) {
    const tooMany = issues.some((x) => x.key === 'returns.receive.tooMany');
    throw appError(
      tooMany ? 'CONFLICT' : 'VALIDATION_FAILED',
      'returns.receive.failed',
      { list: issueList(issues) },
      {
        issues,
      },
    );
  }

  const receiptId = newId();
  const posted: ReceiptLine[] = [];
  for (const l of input.lines) {
    const line = byId.get(l.lineId)!;
    const out: ReceiptLine = {
      lineId: l.lineId,
      quantity: l.quantity,
      warehouseId: local ? l.warehouseId! : null,
      disposition: l.disposition,
      movements: [],
    };
    if (local) {
      for (const c of line.components as Component[]) {
        const quantity = c.quantity * l.quantity;
        const r = await returnStock(trx, shopId, actor, {
          variantId: c.variantId,
          warehouseId: l.warehouseId!,
          quantity,
          disposition: l.disposition,
          refType: 'rma',
          refId: rmaId,
          reason: rma.number,
        });
        out.movements.push({ variantId: c.variantId, sku: c.sku, quantity, movementId: r.movementId });
        if (r.quarantineRef) {
          await trx
            .insertInto('rma_holds')
            .values({
              shop_id: shopId,
              rma_id: rmaId,
              id: newId(),
              receipt_id: receiptId,
              rma_line_id: l.lineId,
              variant_id: c.variantId,
              sku: c.sku,
              warehouse_id: l.warehouseId!,
              quantity,
              ref_type: r.quarantineRef.refType,
              ref_id: r.quarantineRef.refId,
              settled_at: null,
            })
            .execute();
        }
      }
    }
    await trx
      .updateTable('rma_lines')
      .set({ received: sql<number>`received + ${l.quantity}` })
      .where('shop_id', '=', shopId)
      .where('rma_id', '=', rmaId)
      .where('id', '=', l.lineId)
      .execute();
    posted.push(out);
  }
  await trx
    .insertInto('rma_receipts')
    .values({
      shop_id: shopId,
      rma_id: rmaId,
      id: receiptId,
      idempotency_key: input.idempotencyKey ?? null,
      lines: JSON.stringify(posted),
      note: input.note || null,
      actor: actor.userId ?? actor.tokenId,
      created_at: new Date(),
    })
    .execute();

  const left = lines.reduce((n, l) => n + l.quantity - l.received - (asked.get(l.id) ?? 0), 0);
  // Fully received and already refunded: nothing is left to do.
  const status: RmaStatus = left > 0 ? 'partially_received' : rma.refund_minor ? 'closed' : 'received';
  await trx
    .updateTable('rmas')
    .set({ status, updated_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('id', '=', rmaId)
    .execute();
  const summary = { number: rma.number, receiptId, status, lines: posted };
  await addRmaEvent(trx, shopId, rmaId, actor, 'received', summary);
  await addOrderEvent(trx, shopId, rma.order_id, actor, 'return_received', {
    rmaId,
    number: rma.number,
    units: input.lines.reduce((n, l) => n + l.quantity, 0),
  });
  if (left === 0 && !(await otherOpenReturns(trx, shopId, rma.order_id, rmaId))) {
    await moveOrder(trx, shopId, actor, rma.order_id, 'returned', rma.number);
  }
  await recordAudit(trx, shopId, actor, {
    action: 'rma.received',
    entityType: 'rma',
    entityId: rmaId,
    changes: summary,
  });
  return { replayed: false, receiptId, status };
}

/** Whether another return of the order still waits for goods (the order is not "returned" yet). */
export async function otherOpenReturns(trx: Tx, shopId: string, orderId: string, rmaId: string) {
  const other = await trx
    .selectFrom('rmas')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('order_id', '=', orderId)
    .where('id', '<>', rmaId)
    .where('status', 'in', openStatuses)
    .executeTakeFirst();
  return !!other;
}
