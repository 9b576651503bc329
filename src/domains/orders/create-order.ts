import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { isCurrency } from './core/money.ts';
import { toE164 } from './core/phone.ts';
import type { NormalisedOrder } from './import/build-order.ts';
import { writeOrderBatch } from './import/write-batch.ts';
import { createSkuResolver } from './resolve-skus.ts';
import { orderStatuses } from './tables.ts';

const text = (max = 200) => z.string().trim().max(max).nullish();
export const createOrderSchema = z.object({
  channelAccountId: z.uuid(),
  /** The channel's order number; generated (M-…) for a chat sale that has none. */
  externalId: z.string().trim().min(1).max(100).optional(),
  status: z.enum(orderStatuses).optional(),
  purchasedAt: z.coerce.date().optional(),
  /** 'cod' = cash on delivery: the order ships first and is paid to the courier. */
  paymentMethod: z.string().trim().max(50).optional(),
  currency: z.string().length(3).toUpperCase(),
  buyer: z.object({ name: text(), email: z.email().nullish(), phone: text(40) }).default({}),
  shipTo: z
    .object({
      name: text(),
      line1: text(),
      line2: text(),
      city: text(100),
      state: text(100),
      postcode: text(20),
      country: z.string().length(2).toUpperCase().nullish(),
    })
    .default({}),
  lines: z
    .array(
      z.object({
        sku: z.string().trim().min(1).max(100),
        title: text(),
        quantity: z.number().int().min(1).max(100000),
        unitPriceMinor: z.number().int().min(0),
      }),
    )
    .min(1)
    .max(500),
  shippingMinor: z.number().int().min(0).default(0),
  discountMinor: z.number().int().min(0).default(0),
  taxMinor: z.number().int().min(0).default(0),
  notes: z.string().max(2000).nullish(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

/**
 * Fast entry of an order sold in a chat (Facebook, WhatsApp, Instagram) or offline. It goes
 * through the same writer as imports, so SKU mapping, holds, history and stock are identical.
 */
export async function createOrder(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: CreateOrderInput,
): Promise<string> {
  if (!isCurrency(input.currency))
    throw appError(
      'VALIDATION_FAILED',
      'orders.cell.unknownCurrency',
      { text: input.currency },
      { issues: [issue('currency', 'orders.cell.unknownCurrency', { text: input.currency })] },
    );
  // Orders typed in by a person are checked at once (imports keep the channel's raw text instead):
  // a courier cannot call a number that is not one.
  const phoneRaw = input.buyer.phone?.trim() || null;
  const phone = phoneRaw ? toE164(phoneRaw, input.shipTo.country ?? null) : null;
  if (phoneRaw && !phone)
    throw appError(
      'VALIDATION_FAILED',
      'orders.manual.badPhone',
      { text: phoneRaw },
      { issues: [issue('buyer.phone', 'orders.manual.badPhone', { text: phoneRaw })] },
    );
  const account = await trx
    .selectFrom('channel_accounts')
    .select(['id', 'channel'])
    .where('shop_id', '=', shopId)
    .where('id', '=', input.channelAccountId)
    .executeTakeFirst();
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  const externalId = input.externalId ?? `M-${newId().slice(0, 8).toUpperCase()}`;
  const taken = await trx
    .selectFrom('orders')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('channel_account_id', '=', account.id)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (taken) throw appError('CONFLICT', 'orders.externalIdTaken', { externalId });
  const cod = input.paymentMethod?.toLowerCase() === 'cod';
  const lines = input.lines.map((l) => ({
    externalLineId: null,
    channelSku: l.sku,
    title: l.title ?? null,
    quantity: l.quantity,
    unitPrice: l.unitPriceMinor,
    lineTotal: l.unitPriceMinor * l.quantity,
    tax: 0,
    discount: 0,
  }));
  const itemTotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const order: NormalisedOrder = {
    externalId,
    // A COD order is confirmed, not paid: it is ready to ship and collects money on delivery.
    status: input.status ?? (cod ? 'ready_to_ship' : 'paid'),
    channelStatus: null,
    fulfillment: 'merchant',
    purchasedAt: input.purchasedAt ?? new Date(),
    channelUpdatedAt: null,
    buyerName: input.buyer.name ?? null,
    buyerEmail: input.buyer.email?.toLowerCase() ?? null,
    phone,
    phoneRaw,
    shipName: input.shipTo.name ?? input.buyer.name ?? null,
    shipLine1: input.shipTo.line1 ?? null,
    shipLine2: input.shipTo.line2 ?? null,
    shipCity: input.shipTo.city ?? null,
    shipState: input.shipTo.state ?? null,
    shipPostcode: input.shipTo.postcode ?? null,
    shipCountry: input.shipTo.country ?? null,
    currency: input.currency,
    itemTotal,
    shipping: input.shippingMinor,
    tax: input.taxMinor,
    discount: input.discountMinor,
    fees: 0,
    total: itemTotal + input.shippingMinor + input.taxMinor - input.discountMinor,
    paymentMethod: cod ? 'cod' : (input.paymentMethod ?? null),
    carrier: null,
    tracking: null,
    notes: input.notes ?? null,
    lines,
  };
  await writeOrderBatch(
    trx,
    {
      shopId,
      accountId: account.id,
      channel: account.channel,
      actor: actor.userId ?? actor.tokenId,
      fileName: null,
      resolve: createSkuResolver(shopId, account.id),
    },
    [order],
  );
  const { id } = await trx
    .selectFrom('orders')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('channel_account_id', '=', account.id)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  if (input.tags.length || cod) {
    const tags = [...new Set([...input.tags, ...(cod ? ['cod'] : [])])];
    await trx
      .updateTable('orders')
      .set({ tags })
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .execute();
  }
  await recordAudit(trx, shopId, actor, {
    action: 'order.created',
    entityType: 'order',
    entityId: id,
    changes: { externalId, channel: account.channel },
  });
  return id;
}
