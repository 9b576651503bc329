import { describe, expect, it } from 'vitest';
import { arabic, items, longAddress, parcel, shipment } from '../../../../test/fixtures/documents/parcels.ts';
import {
  A4_PT,
  layoutProblems,
  pageSizes,
  pageTexts,
  squash,
  textBoxes,
} from '../../../../test/fixtures/documents/pdf-inspect.ts';
import { renderCommercialInvoice, renderPackingList, renderPackingSlip, renderPickList } from './index.ts';
import { pickRows } from './pick-list.ts';

async function expectA4(pdf: Buffer, pages?: number) {
  const sizes = await pageSizes(pdf);
  if (pages !== undefined) expect(sizes).toHaveLength(pages);
  for (const s of sizes) {
    expect(s.width).toBeCloseTo(A4_PT.width, 1);
    expect(s.height).toBeCloseTo(A4_PT.height, 1);
  }
}

describe('commercial invoice', () => {
  it('merges lines across parcels and totals items plus freight in integer minor units', async () => {
    const pdf = await renderCommercialInvoice(shipment());
    await expectA4(pdf, 1);
    const text = squash((await pageTexts(pdf))[0]!);
    expect(text).toContain(squash('COMMERCIAL INVOICE'));
    expect(text).toContain('INV-2026-0001');
    expect(text).toContain(squash('Иван Петрович Смирнов'));
    expect(text).toContain(squash('塑料玩具车'));
    expect(text).toContain('95030041');
    // Teddy bear is in both parcels → one line of 2 × 7.99 = 15.98; 9.00 + 15.98 = 24.98; + 12.50 freight.
    expect(text).toContain(squash('15.98 USD'));
    expect(text).toContain(squash('Subtotal (USD) 24.98 USD'));
    expect(text).toContain(squash('Total (DAP) 37.48 USD'));
    expect(text).toContain(squash('Parcels: 2'));
    expect(text).toContain(squash('Total gross weight: 0.740 kg'));
    expect(text).toContain(squash('Page 1/1'));
  });

  it('keeps long addresses and descriptions inside their boxes without overlaps', async () => {
    const longItems = items.map((i) => ({
      ...i,
      description: `${i.description} with a very long declared description that has to wrap over several lines of the table cell`,
    }));
    const pdf = await renderCommercialInvoice(
      shipment({
        seller: longAddress,
        buyer: longAddress,
        shipTo: arabic,
        parcels: [parcel({ items: longItems })],
        notes: 'Fragile. '.repeat(20),
      }),
    );
    const pages = (await pageSizes(pdf)).length;
    for (let p = 1; p <= pages; p++) expect(layoutProblems(await textBoxes(pdf, p), A4_PT)).toEqual([]);
  });

  it('runs over several pages with the table header repeated and page x/y', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...items[i % 2]!, sku: `SKU-${i}` }));
    const pdf = await renderCommercialInvoice(
      shipment({ parcels: [parcel({ items: many })], freightMinor: 0 }),
    );
    const texts = (await pageTexts(pdf)).map(squash);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    await expectA4(pdf, texts.length);
    texts.forEach((t, i) => {
      expect(t).toContain(squash(`Page ${i + 1}/${texts.length}`));
      expect(t).toContain(squash('Description / 品名'));
    });
    // 60 × (2 × 4.50) + 60 × 7.99 = 540.00 + 479.40 = 1,019.40
    expect(texts.at(-1)).toContain(squash('Total (DAP) 1,019.40 USD'));
    expect(texts.join('')).toContain('SKU-119');
  });
});

describe('packing list', () => {
  it('lists each parcel with its items, dimensions and net/gross weight, then totals', async () => {
    const pdf = await renderPackingList(shipment());
    await expectA4(pdf, 1);
    const text = squash((await pageTexts(pdf))[0]!);
    expect(text).toContain(
      squash('Parcel 1/2 YT2412345678901234 250 × 180 × 90 mm Net 0.440 kg Gross 0.480 kg'),
    );
    expect(text).toContain(squash('Parcel 2/2 YT2412345678901235'));
    expect(text).toContain(squash('Totals: 2 parcels 4 pieces Net weight 0.640 kg Gross weight 0.740 kg'));
    expect(text).not.toContain('USD');
  });
});

describe('pick list', () => {
  const picks = [
    {
      location: 'B-02',
      sku: 'PLUSH-BEAR',
      title: '毛绒熊 Plush bear',
      quantity: 1,
      shipmentNumber: 'CK-2',
      orderRef: 'O-2',
    },
    {
      location: 'A-10',
      sku: 'TOY-CAR-01',
      title: '塑料玩具车',
      quantity: 2,
      shipmentNumber: 'CK-1',
      orderRef: 'O-1',
    },
    {
      location: 'A-2',
      sku: 'TOY-CAR-01',
      title: '塑料玩具车',
      quantity: 1,
      shipmentNumber: 'CK-3',
      orderRef: 'O-3',
    },
    {
      location: 'A-10',
      sku: 'TOY-CAR-01',
      title: '塑料玩具车',
      quantity: 3,
      shipmentNumber: 'CK-2',
      orderRef: 'O-2',
    },
    {
      location: null,
      sku: 'NO-LOC',
      title: 'Unplaced item',
      quantity: 4,
      shipmentNumber: 'CK-4',
      orderRef: 'O-4',
    },
  ];

  it('groups by location then SKU, sums quantities and keeps unplaced items last', () => {
    expect(pickRows(picks).map((r) => [r.location, r.sku, r.quantity, r.shipments.join(',')])).toEqual([
      ['A-2', 'TOY-CAR-01', 1, 'CK-3'],
      ['A-10', 'TOY-CAR-01', 5, 'CK-1,CK-2'],
      ['B-02', 'PLUSH-BEAR', 1, 'CK-2'],
      [null, 'NO-LOC', 4, 'CK-4'],
    ]);
  });

  it('renders the grouped rows on A4', async () => {
    const pdf = await renderPickList(picks, 'Wave 7 pick list');
    await expectA4(pdf, 1);
    const text = squash((await pageTexts(pdf))[0]!);
    expect(text).toContain(squash('Wave 7 pick list'));
    expect(text).toContain(squash('A-10 TOY-CAR-01 塑料玩具车 5 CK-1, CK-2'));
    expect(text).toContain(squash('4 shipments · 4 lines · 11 pcs'));
  });
});

describe('packing slip', () => {
  it('shows the buyer items and quantities without prices, with the order ref and a thank-you line', async () => {
    const pdf = await renderPackingSlip(shipment({ shipTo: arabic, buyer: arabic }));
    await expectA4(pdf, 1);
    const text = squash((await pageTexts(pdf))[0]!);
    expect(text).toContain(squash('PACKING SLIP'));
    expect(text).toContain('AMZ-113-1234567-7654321');
    expect(text).toContain('محمد');
    expect(text).toContain(squash('Plush teddy bear 2'));
    expect(text).toContain(squash('Total items: 4'));
    expect(text).toContain(squash('Thank you for your order!'));
    expect(text).not.toContain('USD');
    expect(text).not.toContain('7.99');
  });
});
