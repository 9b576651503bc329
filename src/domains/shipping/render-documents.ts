import type { Kysely } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { loadShipmentDocs } from './build-docs.ts';
import { customsFormFor } from './customs-form.ts';
import {
  type LabelSource,
  type PickItem,
  renderCn22,
  renderCn23,
  renderCommercialInvoice,
  renderLabels,
  renderPackingList,
  renderPackingSlip,
  renderPickList,
} from './documents/index.ts';
import { findShipmentId } from './get-shipment.ts';
import { fetchStoredLabel } from './integrations.ts';

export const documentKinds = [
  'label',
  'customs',
  'cn22',
  'cn23',
  'commercial-invoice',
  'packing-list',
  'packing-slip',
  'pick-list',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A file name safe in a header on every OS: letters, digits, dash, underscore, dot. */
export const safeFileName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

/** The label sources of a shipment: carrier PDFs for bought labels, own labels otherwise. */
async function labelSources(
  deps: Deps,
  shopId: string,
  docs: Awaited<ReturnType<typeof loadShipmentDocs>>,
): Promise<LabelSource[]> {
  const out: LabelSource[] = [];
  for (const p of docs.parcels) {
    const kind = docs.detail.parcels.find((x) => x.parcelNo === p.parcelNo)?.labelKind;
    if (kind === 'carrier') {
      const key = `${p.shipmentNumber}/${p.parcelNo}`;
      const bytes = await fetchStoredLabel(deps, shopId, key);
      if (!bytes) throw appError('CONFLICT', 'shipping.label.carrierMissing', { key });
      out.push({ kind: 'pdf', bytes, name: key });
    } else out.push({ kind: 'own', parcel: p });
  }
  return out;
}

/** One document of one shipment as a PDF. 'customs' picks CN22 or CN23 by declared value. */
export async function renderShipmentDocument(deps: Deps, shopId: string, id: string, kind: DocumentKind) {
  const db = deps.database.db;
  const docs = await withShop(db, shopId, (trx) => loadShipmentDocs(trx, shopId, id));
  const number = docs.detail.number;
  const form = kind === 'customs' ? customsFormFor(docs.detail.valueMinor, docs.detail.currency) : kind;
  const pdf =
    form === 'label'
      ? await renderLabels(await labelSources(deps, shopId, docs))
      : form === 'cn22'
        ? await renderCn22(docs.parcels)
        : form === 'cn23'
          ? await renderCn23(docs.parcels)
          : form === 'commercial-invoice'
            ? await renderCommercialInvoice(docs.doc)
            : form === 'packing-list'
              ? await renderPackingList(docs.doc)
              : form === 'packing-slip'
                ? await renderPackingSlip(docs.doc)
                : await renderPickList(docs.picks, number);
  return { pdf, fileName: safeFileName(`${number}-${form}.pdf`) };
}

async function resolveAll(db: Kysely<DB>, shopId: string, refs: string[]) {
  return withShop(db, shopId, async (trx) => {
    const ids: string[] = [];
    for (const ref of refs) {
      const id = await findShipmentId(trx, shopId, ref);
      if (!id) throw appError('NOT_FOUND', 'shipping.notFoundRef', { ref });
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  });
}

/** Labels of many shipments in one PDF, in the order given (ids, numbers or tracking numbers). */
export async function renderBatchLabels(deps: Deps, shopId: string, refs: string[]) {
  const ids = await resolveAll(deps.database.db, shopId, refs);
  // One transaction reads every shipment; carrier PDFs are fetched after it (their own store).
  const all = await withShop(deps.database.db, shopId, async (trx) => {
    const out = [];
    for (const id of ids) out.push(await loadShipmentDocs(trx, shopId, id));
    return out;
  });
  const sources: LabelSource[] = [];
  for (const docs of all) {
    if (docs.detail.status === 'cancelled')
      throw appError('CONFLICT', 'shipping.ship.cancelled', { number: docs.detail.number });
    sources.push(...(await labelSources(deps, shopId, docs)));
  }
  return { pdf: await renderLabels(sources), fileName: `labels-${ids.length}.pdf`, count: sources.length };
}

/** One pick list over many shipments, sorted by SKU so the picker walks once. */
export async function renderBatchPickList(deps: Deps, shopId: string, refs: string[]) {
  const ids = await resolveAll(deps.database.db, shopId, refs);
  const items: PickItem[] = await withShop(deps.database.db, shopId, async (trx) => {
    const out: PickItem[] = [];
    for (const id of ids) out.push(...(await loadShipmentDocs(trx, shopId, id)).picks);
    return out;
  });
  items.sort((a, b) => a.sku.localeCompare(b.sku) || a.shipmentNumber.localeCompare(b.shipmentNumber));
  return { pdf: await renderPickList(items), fileName: `pick-list-${ids.length}.pdf` };
}
