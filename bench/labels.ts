/**
 * Document rendering bench (issue 4 target: 500 labels into one PDF ≤ 10 s).
 *
 *   npx tsx bench/labels.ts          # human-readable
 *   npx tsx bench/labels.ts --json   # one JSON document on stdout
 *
 * 500 own labels with varied Chinese / Cyrillic / Arabic / long addresses plus (second case) 20
 * carrier PDFs appended; and a 50-page commercial invoice. Median of 3 runs each, with size in MB.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { renderCommercialInvoice, renderLabels } from '../src/domains/shipping/documents/index.ts';
import type { DocItem, LabelSource } from '../src/domains/shipping/documents/model.ts';
import { arabic, items, longAddress, parcel, russian, shipment } from '../test/fixtures/documents/parcels.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

const recipients = [
  russian,
  arabic,
  longAddress,
  {
    ...russian,
    name: 'Jean-Baptiste Dupont',
    lines: ['12 rue de la Paix'],
    city: 'Paris',
    region: null,
    postcode: '75002',
    country: 'FR',
  },
];

function labelSources(n: number): LabelSource[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'own' as const,
    parcel: parcel({
      shipmentNumber: `CK20261126-${String(i + 1).padStart(4, '0')}`,
      trackingNumber: `YT24${String(1_000_000_000_000 + i)}`,
      recipient: recipients[i % recipients.length]!,
      battery: i % 7 === 0 ? 'PI967 Section II' : null,
    }),
  }));
}

async function carrierPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([283.46, 283.46]).drawText('CARRIER LABEL 100x100', { x: 20, y: 140, size: 14 });
  return pdf.save();
}

async function median(
  run: () => Promise<Buffer>,
): Promise<{ seconds: number; firstRunSeconds: number; mb: number; pages: number }> {
  const times: number[] = [];
  let out: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    out = await run();
    times.push((performance.now() - t) / 1000);
  }
  const firstRunSeconds = Number(times[0]!.toFixed(3)); // cold: font, run and width caches empty
  times.sort((a, b) => a - b);
  const pages = (await PDFDocument.load(out)).getPageCount();
  return {
    seconds: Number(times[1]!.toFixed(3)),
    firstRunSeconds,
    mb: Number((out.length / 1e6).toFixed(2)),
    pages,
  };
}

const own = labelSources(500);
const carrier = await carrierPdf();
const mixed: LabelSource[] = own.flatMap((s, i) =>
  i % 25 === 0 ? [s, { kind: 'pdf' as const, bytes: carrier, name: `carrier-${i}` }] : [s],
);
const invoiceItems: DocItem[] = Array.from({ length: 1550 }, (_, i) => ({
  ...items[i % 2]!,
  sku: `SKU-${i}`,
}));

const results = {
  labels500: await median(() => renderLabels(own)),
  labels500PlusCarrier20: await median(() => renderLabels(mixed)),
  invoice50Pages: await median(() =>
    renderCommercialInvoice(shipment({ parcels: [parcel({ items: invoiceItems })] })),
  ),
  targetSeconds: 10,
};
if (values.json) console.log(JSON.stringify(results));
else
  for (const [name, r] of Object.entries(results)) {
    console.log(
      name,
      typeof r === 'number'
        ? r
        : `${r.seconds} s (first run ${r.firstRunSeconds} s)  ${r.mb} MB  ${r.pages} pages (median of 3)`,
    );
  }
