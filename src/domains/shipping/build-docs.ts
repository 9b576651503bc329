import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { Component } from '../orders/index.ts';
import type { DocAddress, DocItem, ParcelDoc, PickItem, ShipmentDoc } from './documents/index.ts';
import { requireShipment, type ShipmentDetail } from './get-shipment.ts';
import { resolveSender, type Sender } from './senders.ts';

const senderAddress = (s: Sender): DocAddress => ({
  // Latin for carriers and customs; the Chinese name and address printed alongside for people.
  name: s.nameZh ? `${s.name} ${s.nameZh}` : s.name,
  company: s.companyZh ? [s.company, s.companyZh].filter(Boolean).join(' ') : s.company,
  lines: [s.line1, s.line2, s.addressZh].filter((x): x is string => !!x),
  city: s.city,
  region: s.region,
  postcode: s.postcode,
  country: s.country,
  phone: s.phone,
  email: s.email,
});

const recipient = (d: ShipmentDetail): DocAddress => ({ ...d.shipTo });

/** Everything the renderers need for a shipment, built from the database. */
export async function loadShipmentDocs(trx: Tx, shopId: string, id: string) {
  const d = await requireShipment(trx, shopId, id);
  const sender = await resolveSender(trx, shopId, null, d.senderId);
  if (!sender) throw appError('CONFLICT', 'shipping.sender.missing');
  const lineIds = d.parcels.flatMap((p) => p.lines.map((l) => l.orderLineId));
  const comps = lineIds.length
    ? await trx
        .selectFrom('order_lines')
        .select(['id', 'components'])
        .where('shop_id', '=', shopId)
        .where('id', 'in', lineIds)
        .execute()
    : [];
  const compsOf = new Map(comps.map((c) => [c.id, (c.components as Component[] | null) ?? []]));
  const variantIds = [
    ...new Set(comps.flatMap((c) => ((c.components as Component[] | null) ?? []).map((x) => x.variantId))),
  ];
  const variants = variantIds.length
    ? await trx
        .selectFrom('variants as v')
        .innerJoin('products as p', (j) =>
          j.onRef('p.shop_id', '=', 'v.shop_id').onRef('p.id', '=', 'v.product_id'),
        )
        .select([
          'v.id',
          'v.sku',
          'v.weight_g',
          'v.hs_code',
          'v.declared_name_en',
          'v.declared_name_zh',
          'v.origin_country',
          'v.dg_lithium',
          'p.title',
        ])
        .where('v.shop_id', '=', shopId)
        .where('v.id', 'in', variantIds)
        .execute()
    : [];
  const vById = new Map(variants.map((v) => [v.id, v]));
  const orderRefs = d.orders.map((o) => o.ref);
  const service = {
    code: d.service?.code ?? '',
    name: d.service?.name ?? '',
    carrier: d.service?.carrier ?? 'other',
  };
  const battery = variants.find((v) => v.dg_lithium && v.dg_lithium !== 'none')?.dg_lithium ?? null;
  const parcels: ParcelDoc[] = d.parcels.map((p) => ({
    shipmentNumber: d.number,
    parcelNo: p.parcelNo,
    parcelCount: d.parcels.length,
    sender: senderAddress(sender),
    recipient: recipient(d),
    service,
    trackingNumber: p.trackingNumber,
    weightG: p.weightG,
    dimsMm: p.dimsMm,
    items: p.lines.map((l): DocItem => {
      const cs = compsOf.get(l.orderLineId) ?? [];
      const main = cs[0] ? vById.get(cs[0].variantId) : undefined;
      return {
        sku: main?.sku ?? l.sku,
        description: main?.declared_name_en ?? l.title ?? main?.title ?? l.sku,
        descriptionZh: main?.declared_name_zh ?? null,
        hsCode: main?.hs_code ?? null,
        originCountry: main?.origin_country ?? 'CN',
        quantity: l.quantity,
        unitWeightG: cs.reduce((s, c) => s + (vById.get(c.variantId)?.weight_g ?? 0) * c.quantity, 0),
        unitValueMinor: l.unitPriceMinor,
        currency: d.currency,
      };
    }),
    contents: d.contents,
    orderRefs,
    createdAt: new Date(d.createdAt!),
    battery: battery ? `${battery} Section II` : null,
  }));
  const doc: ShipmentDoc = {
    shipmentNumber: d.number,
    invoiceNumber: `INV-${d.number}`,
    date: new Date(d.shippedAt ?? d.createdAt!),
    seller: senderAddress(sender),
    buyer: recipient(d),
    shipTo: recipient(d),
    incoterm: 'DAP',
    currency: d.currency,
    parcels,
    exportReason: d.contents === 'gift' ? 'Gift' : d.contents === 'sample' ? 'Sample' : 'Sale of goods',
    orderRefs,
    notes: d.note,
  };
  const picks: PickItem[] = d.parcels.flatMap((p) =>
    p.lines.flatMap((l) => {
      const cs = compsOf.get(l.orderLineId) ?? [];
      const ref = d.orders.find((o) => o.id === l.orderId)?.ref ?? '';
      if (!cs.length)
        return [
          {
            sku: l.sku,
            title: l.title ?? l.sku,
            quantity: l.quantity,
            shipmentNumber: d.number,
            orderRef: ref,
          },
        ];
      // Pickers pick the variants a bundle is made of.
      return cs.map((c) => ({
        sku: vById.get(c.variantId)?.sku ?? c.sku,
        title: vById.get(c.variantId)?.title ?? l.title ?? c.sku,
        quantity: c.quantity * l.quantity,
        shipmentNumber: d.number,
        orderRef: ref,
      }));
    }),
  );
  return { detail: d, parcels, doc, picks };
}
