import { describe, expect, it } from 'vitest';
import { arabic, items, longAddress, parcel } from '../../../../test/fixtures/documents/parcels.ts';
import {
  A4_PT,
  LABEL_PT,
  layoutProblems,
  pageSizes,
  pageTexts,
  squash,
  textBoxes,
} from '../../../../test/fixtures/documents/pdf-inspect.ts';
import { renderCn22, renderCn23 } from './index.ts';

describe('CN 22', () => {
  it('fits one declaration per parcel on 100×150 mm stock with items, HS numbers and totals from the items', async () => {
    const pdf = await renderCn22([
      parcel(),
      parcel({ recipient: arabic, contents: 'gift', items: [items[1]!] }),
    ]);
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]!.width).toBeCloseTo(LABEL_PT.width, 1);
    expect(sizes[0]!.height).toBeCloseTo(LABEL_PT.height, 1);
    const [first = '', second = ''] = (await pageTexts(pdf)).map(squash);
    expect(first).toContain('CN22');
    expect(first).toContain(squash('2 × Plastic toy car'));
    expect(first).toContain('950300');
    expect(first).toContain('95030041');
    // 2 × 4.50 + 1 × 7.99 = 16.99; item weights 2 × 120 g = 0.240 kg; gross 0.480 kg.
    expect(first).toContain(squash('9.00 USD'));
    expect(first).toContain(squash('16.99 USD'));
    expect(first).toContain('0.240');
    expect(first).toContain('0.480');
    expect(first).toContain(squash('I, the undersigned'));
    expect(first).toContain('2026-11-26');
    expect(second).toContain(squash('7.99 USD'));
    expect(second).not.toContain(squash('Plastic toy car'));
  });

  it('continues on a second page when the items do not fit', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...items[0]!,
      sku: `S${i}`,
      description: `Toy figure model ${i}`,
      unitValueMinor: 100,
    }));
    const pdf = await renderCn22([parcel({ items: many })]);
    const texts = (await pageTexts(pdf)).map(squash);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).toContain(squash('Toy figure model 39'));
    expect(texts.join('')).toContain(squash('80.00 USD')); // 40 × 2 × 1.00
  });
});

describe('CN23', () => {
  it('renders an A4 declaration with addresses in their scripts, importer reference and item details', async () => {
    const pdf = await renderCn23([
      parcel({
        importerReference: 'IM2760000001',
        senderReference: 'CK-SENDER-9',
        battery: 'PI967 Section II',
      }),
      parcel({ recipient: arabic, contents: 'sample' }),
    ]);
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]!.width).toBeCloseTo(A4_PT.width, 1);
    expect(sizes[0]!.height).toBeCloseTo(A4_PT.height, 1);
    const [first = '', second = ''] = (await pageTexts(pdf)).map(squash);
    expect(first).toContain('CN23');
    expect(first).toContain(squash('Иван Петрович Смирнов'));
    expect(first).toContain(squash('张伟'));
    expect(first).toContain('IM2760000001');
    expect(first).toContain('CK-SENDER-9');
    expect(first).toContain('95030041');
    expect(first).toContain(squash('China (CN)'));
    expect(first).toContain(squash('16.99 USD'));
    expect(first).toContain(squash('Contains lithium batteries (PI967 Section II)'));
    expect(first).toContain(squash('Return to sender'));
    expect(first).toContain(squash('I certify that the particulars'));
    expect(second).toContain('محمد');
  });

  it('keeps a long address and importer data inside the boxes without overlaps', async () => {
    const pdf = await renderCn23([
      parcel({
        sender: { ...longAddress, country: 'CN' },
        recipient: longAddress,
        importerReference: 'DE123456789012345 / IM2760000001',
      }),
    ]);
    expect(layoutProblems(await textBoxes(pdf, 1), A4_PT)).toEqual([]);
  });
});

describe('CN 22 layout', () => {
  it('keeps every text item on the label without overlaps', async () => {
    const pdf = await renderCn22([parcel({ sender: { ...longAddress, country: 'CN' } })]);
    expect(layoutProblems(await textBoxes(pdf, 1), LABEL_PT)).toEqual([]);
  });
});
