import type { z } from 'zod';
import { appError, type FieldIssue, issue, issueList } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { Component, OrderStatus } from '../orders/index.ts';
import {
  addressKeyOf,
  addressText,
  allocatedByLine,
  type OrderRow,
  refuseUnshippable,
} from './order-checks.ts';
import type { planInput } from './shipment-schemas.ts';
import type { ShipTo } from './tables.ts';

export {
  addressKeyOf,
  allocatedByLine,
  holdParam,
  refuseUnshippable,
  shippableStatuses,
} from './order-checks.ts';
export {
  type CreateShipmentInput,
  createShipmentSchema,
  firstMileSchema,
  parcelInput,
  planInput,
} from './shipment-schemas.ts';

export interface PlannedLine {
  orderId: string;
  orderLineId: string;
  orderRef: string;
  sku: string;
  title: string | null;
  ordered: number;
  remaining: number;
  unitPriceMinor: number;
  unitWeightG: number;
  components: Component[];
}
export interface PlannedParcel {
  weightG: number;
  dimsMm: { l: number; w: number; h: number } | null;
  lines: { orderLineId: string; quantity: number }[];
}
export interface ShipmentPlan {
  orders: {
    id: string;
    ref: string;
    channel: string;
    channelAccountId: string;
    status: OrderStatus;
    warehouseId: string | null;
  }[];
  shipTo: ShipTo;
  addressKey: string;
  currency: string;
  lines: PlannedLine[];
  parcels: PlannedParcel[];
  valueMinor: number;
  skus: string[];
  battery: boolean;
  dangerousGoods: boolean;
}

/**
 * Checks the orders (locked, in id order) and the parcels asked for: same address for a merge,
 * quantities within what is ordered minus what other shipments already hold; without parcels
 * everything still unshipped goes in one. Weights default to the catalog's unit weights.
 */
export async function planShipment(
  trx: Tx,
  shopId: string,
  input: z.infer<typeof planInput>,
): Promise<ShipmentPlan> {
  const ids = [...new Set(input.orderIds)].sort();
  const orders = (await trx
    .selectFrom('orders')
    .select([
      'id',
      'external_id',
      'status',
      'fulfillment',
      'holds',
      'currency',
      'channel',
      'channel_account_id',
      'ship_name',
      'ship_line1',
      'ship_line2',
      'ship_city',
      'ship_state',
      'ship_postcode',
      'ship_country',
      'phone',
      'buyer_email',
    ])
    .where('shop_id', '=', shopId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute()) as OrderRow[];
  if (orders.length !== ids.length) throw appError('NOT_FOUND', 'shipping.order.notFound');
  for (const o of orders) refuseUnshippable(o);
  const first = orders[0]!;
  const key = addressKeyOf(first);
  const other = orders.find((o) => addressKeyOf(o) !== key);
  if (other)
    throw appError('CONFLICT', 'shipping.merge.differentAddress', {
      a: first.external_id,
      addressA: addressText(first),
      b: other.external_id,
      addressB: addressText(other),
    });
  const otherCurrency = orders.find((o) => o.currency !== first.currency);
  if (otherCurrency)
    throw appError('CONFLICT', 'shipping.merge.differentCurrency', {
      a: first.external_id,
      b: otherCurrency.external_id,
    });
  if (!first.ship_country || !first.ship_city || !first.ship_line1 || !first.ship_name)
    throw appError('CONFLICT', 'shipping.order.noAddress', { order: first.external_id });

  const rows = await trx
    .selectFrom('order_lines')
    .select(['id', 'order_id', 'channel_sku', 'title', 'quantity', 'unit_price_minor', 'components'])
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', ids)
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  const variantIds = [
    ...new Set(rows.flatMap((r) => ((r.components as Component[] | null) ?? []).map((c) => c.variantId))),
  ];
  const variants = variantIds.length
    ? await trx
        .selectFrom('variants')
        .select([
          'id',
          'weight_g',
          'length_mm',
          'width_mm',
          'height_mm',
          'dg_lithium',
          'dg_liquid',
          'dg_magnet',
          'dg_powder',
          'dg_blade',
        ])
        .where('shop_id', '=', shopId)
        .where('id', 'in', variantIds)
        .execute()
    : [];
  const vById = new Map(variants.map((v) => [v.id, v]));
  const taken = await allocatedByLine(trx, shopId, ids);
  const refOf = new Map(orders.map((o) => [o.id, o.external_id]));
  const lines: PlannedLine[] = rows.map((r) => {
    const components = (r.components as Component[] | null) ?? [];
    return {
      orderId: r.order_id,
      orderLineId: r.id,
      orderRef: refOf.get(r.order_id)!,
      sku: r.channel_sku,
      title: r.title,
      ordered: r.quantity,
      remaining: r.quantity - (taken.get(r.id) ?? 0),
      unitPriceMinor: r.unit_price_minor,
      unitWeightG: components.reduce((s, c) => s + (vById.get(c.variantId)?.weight_g ?? 0) * c.quantity, 0),
      components,
    };
  });
  const byLine = new Map(lines.map((l) => [l.orderLineId, l]));
  const asked: PlannedParcel[] = (
    input.parcels ?? [
      {
        lines: lines
          .filter((l) => l.remaining > 0)
          .map((l) => ({ orderLineId: l.orderLineId, quantity: l.remaining })),
      },
    ]
  ).map((p) => ({ weightG: p.weightG ?? 0, dimsMm: p.dimsMm ?? null, lines: p.lines }));
  const issues: FieldIssue[] = [];
  const used = new Map<string, number>();
  for (const [pi, p] of asked.entries()) {
    for (const [li, pl] of p.lines.entries()) {
      const l = byLine.get(pl.orderLineId);
      if (!l) {
        issues.push(issue(`parcels.${pi}.lines.${li}.orderLineId`, 'shipping.line.unknown'));
        continue;
      }
      used.set(l.orderLineId, (used.get(l.orderLineId) ?? 0) + pl.quantity);
    }
  }
  for (const [id, q] of used) {
    const l = byLine.get(id)!;
    if (q > l.remaining)
      issues.push(
        issue(`lines.${id}`, 'shipping.line.tooMany', {
          sku: l.sku,
          order: l.orderRef,
          requested: q,
          max: l.remaining,
          ordered: l.ordered,
          already: l.ordered - l.remaining,
        }),
      );
  }
  if (!used.size && !issues.length) throw appError('CONFLICT', 'shipping.nothingToShip');
  if (issues.length)
    throw appError('VALIDATION_FAILED', 'shipping.pleaseCorrect', { list: issueList(issues) }, { issues });
  const parcels = asked
    .filter((p) => p.lines.length)
    .map((p) => {
      const weight = p.lines.reduce((s, pl) => s + byLine.get(pl.orderLineId)!.unitWeightG * pl.quantity, 0);
      const oneVariant =
        p.lines.length === 1 && byLine.get(p.lines[0]!.orderLineId)!.components.length === 1
          ? vById.get(byLine.get(p.lines[0]!.orderLineId)!.components[0]!.variantId)
          : undefined;
      const defaultDims =
        oneVariant?.length_mm && oneVariant.width_mm && oneVariant.height_mm && p.lines[0]!.quantity === 1
          ? { l: oneVariant.length_mm, w: oneVariant.width_mm, h: oneVariant.height_mm }
          : null;
      return { weightG: p.weightG || weight, dimsMm: p.dimsMm ?? defaultDims, lines: p.lines };
    });
  const noWeight = parcels.findIndex((p) => p.weightG <= 0);
  if (noWeight >= 0)
    throw appError(
      'VALIDATION_FAILED',
      'shipping.parcel.weightUnknown',
      { parcel: noWeight + 1 },
      {
        issues: [
          issue(`parcels.${noWeight}.weightG`, 'shipping.parcel.weightUnknown', { parcel: noWeight + 1 }),
        ],
      },
    );
  const shipped = [...used].map(([id, q]) => ({ line: byLine.get(id)!, q }));
  const vs = shipped
    .flatMap(({ line }) => line.components.map((c) => vById.get(c.variantId)))
    .filter((v) => !!v);
  return {
    orders: orders.map((o) => ({
      id: o.id,
      ref: o.external_id,
      channel: o.channel,
      channelAccountId: o.channel_account_id,
      status: o.status,
      warehouseId: null,
    })),
    shipTo: {
      name: first.ship_name,
      lines: [first.ship_line1, first.ship_line2].filter((x): x is string => !!x),
      city: first.ship_city,
      region: first.ship_state,
      postcode: first.ship_postcode,
      country: first.ship_country.toUpperCase(),
      phone: first.phone,
      email: first.buyer_email,
    },
    addressKey: key,
    currency: first.currency,
    lines,
    parcels,
    valueMinor: shipped.reduce((s, { line, q }) => s + line.unitPriceMinor * q, 0),
    skus: [...new Set(shipped.map(({ line }) => line.sku))],
    battery: vs.some((v) => v.dg_lithium && v.dg_lithium !== 'none'),
    dangerousGoods: vs.some((v) => v.dg_liquid || v.dg_powder || v.dg_blade || v.dg_magnet),
  };
}
