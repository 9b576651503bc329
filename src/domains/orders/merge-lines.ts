import type { NormalisedLine } from './import/build-order.ts';
import type { LineRow, OrderRow } from './order-rows.ts';

/**
 * Lines after an import: a file line updates the stored line with the same channel line id (else
 * the same SKU); new ones are added; stored lines the file does not list stay (a report of
 * unshipped items only must not delete the shipped ones).
 */
export function mergeLines(
  stored: LineRow[],
  incoming: NormalisedLine[],
  orderId: string,
  shopId: string,
  newId: () => string,
): LineRow[] {
  const out = stored.map((l) => ({ ...l }));
  const used = new Set<number>();
  for (const l of incoming) {
    let i = l.externalLineId
      ? out.findIndex((s, k) => !used.has(k) && s.external_line_id === l.externalLineId)
      : -1;
    if (i < 0)
      i = out.findIndex(
        (s, k) =>
          !used.has(k) && s.channel_sku === l.channelSku && (!l.externalLineId || !s.external_line_id),
      );
    const row: LineRow = {
      shop_id: shopId,
      order_id: orderId,
      id: i >= 0 ? out[i]!.id : newId(),
      position: i >= 0 ? out[i]!.position : out.length,
      external_line_id: l.externalLineId ?? (i >= 0 ? out[i]!.external_line_id : null),
      channel_sku: l.channelSku,
      title: l.title ?? (i >= 0 ? out[i]!.title : null),
      quantity: l.quantity,
      unit_price_minor: l.unitPrice,
      line_total_minor: l.lineTotal,
      tax_minor: l.tax,
      discount_minor: l.discount,
      components: i >= 0 ? out[i]!.components : null,
    };
    if (i >= 0) out[i] = row;
    else out.push(row);
    used.add(i >= 0 ? i : out.length - 1);
  }
  return out;
}

const compared = [
  'status',
  'fulfillment',
  'purchased_at',
  'buyer_name',
  'buyer_email',
  'phone',
  'phone_raw',
  'ship_name',
  'ship_line1',
  'ship_line2',
  'ship_city',
  'ship_state',
  'ship_postcode',
  'ship_country',
  'currency',
  'item_total_minor',
  'shipping_minor',
  'tax_minor',
  'discount_minor',
  'fees_minor',
  'total_minor',
  'payment_method',
  'carrier',
  'tracking_number',
  'notes',
] as const satisfies readonly (keyof OrderRow)[];

/** Changed columns as {column: [before, after]} (status and holds are reported as their own events). */
export function diffOrder(a: OrderRow, b: OrderRow): Record<string, [unknown, unknown]> {
  const d: Record<string, [unknown, unknown]> = {};
  for (const k of compared) if (k !== 'status' && String(a[k]) !== String(b[k])) d[k] = [a[k], b[k]];
  return d;
}

const lineKey = (l: LineRow) =>
  [
    l.id,
    l.channel_sku,
    l.quantity,
    l.unit_price_minor,
    l.line_total_minor,
    l.tax_minor,
    l.discount_minor,
    l.external_line_id,
    l.title,
    JSON.stringify(l.components),
  ].join('\u0001');
export const linesEqual = (a: LineRow[], b: LineRow[]) =>
  a.length === b.length && a.every((l, i) => lineKey(l) === lineKey(b[i]!));
