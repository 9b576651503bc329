import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { arabic, longAddress, parcel } from '../../../../test/fixtures/documents/parcels.ts';
import {
  LABEL_PT,
  layoutProblems,
  pageSizes,
  pageTexts,
  squash,
  textBoxes,
} from '../../../../test/fixtures/documents/pdf-inspect.ts';
import { LabelPdfError, type LabelSource, renderLabels } from './index.ts';

async function carrierPdf(pages: [number, number][], text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const size of pages) pdf.addPage(size).drawText(text, { x: 10, y: 20, size: 12 });
  return pdf.save();
}

describe('renderLabels', () => {
  it('draws one 100×150 mm page per parcel with Chinese, Cyrillic and Arabic addresses and the tracking barcode text', async () => {
    const pdf = await renderLabels([
      { kind: 'own', parcel: parcel() },
      {
        kind: 'own',
        parcel: parcel({
          recipient: arabic,
          battery: 'PI967 Section II',
          codAmount: { amountMinor: 12345, currency: 'SAR' },
        }),
      },
      { kind: 'own', parcel: parcel({ trackingNumber: null, shipmentNumber: 'CK20261126-0099' }) },
    ]);
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(3);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(LABEL_PT.width, 1);
      expect(s.height).toBeCloseTo(LABEL_PT.height, 1);
    }
    const [first = '', second = '', third = ''] = (await pageTexts(pdf)).map(squash);
    expect(first).toContain(squash('Иван Петрович Смирнов'));
    expect(first).toContain(squash('张伟 义乌市村口玩具有限公司'));
    expect(first).toContain('YT2412345678901234');
    expect(first).toContain(squash('Russia RU'));
    expect(first).toContain(squash('Parcel 1/2'));
    expect(first).toContain(squash('Weight 0.480 kg'));
    expect(second).toContain('محمد');
    expect(second).toContain(squash('LITHIUM PI967 Section II'));
    expect(second).toContain(squash('COD 123.45 SAR'));
    expect(second).toContain(squash('Saudi Arabia SA'));
    // No tracking number yet: the barcode carries the Cunkou shipment number.
    expect(third).not.toContain('YT2412345678901234');
    expect(third.match(/CK20261126-0099/g)?.length).toBeGreaterThanOrEqual(2);
    // The Arabic font is embedded (subset) rather than the address drawn as missing glyphs.
    expect(pdf.includes('NotoSansArabic')).toBe(true);
  });

  it('keeps a very long address inside the label: every text item within the page, none overlapping', async () => {
    const pdf = await renderLabels([
      { kind: 'own', parcel: parcel({ recipient: longAddress, sender: { ...longAddress, country: 'CN' } }) },
    ]);
    const boxes = await textBoxes(pdf, 1);
    expect(boxes.length).toBeGreaterThan(10);
    expect(layoutProblems(boxes, LABEL_PT)).toEqual([]);
    const text = squash((await pageTexts(pdf))[0]!);
    expect(text).toContain(squash('Germany DE'));
    expect(text).toContain('Maximiliane');
  });

  it('prints 300 labels with carrier PDFs in the middle as one PDF, in order, every page 100×150 mm', async () => {
    const sources: LabelSource[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'own' as const,
      parcel: parcel({ shipmentNumber: `CK-${String(i + 1).padStart(3, '0')}`, trackingNumber: null }),
    }));
    sources.splice(150, 0, {
      kind: 'pdf',
      bytes: await carrierPdf(
        [
          [283.46, 283.46],
          [595.28, 841.89],
        ],
        'CARRIER LABEL',
      ),
      name: 'yun-1',
    });
    const pdf = await renderLabels(sources);
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(302);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(LABEL_PT.width, 1);
      expect(s.height).toBeCloseTo(LABEL_PT.height, 1);
    }
    const texts = await pageTexts(pdf);
    expect(texts[0]).toContain('CK-001');
    expect(texts[149]).toContain('CK-150');
    expect(texts[150]).toContain('CARRIER LABEL');
    expect(texts[151]).toContain('CARRIER LABEL');
    expect(texts[152]).toContain('CK-151');
    expect(texts[301]).toContain('CK-300');
  });

  it('names the carrier label that is not a PDF', async () => {
    const bad = renderLabels([
      { kind: 'own', parcel: parcel() },
      { kind: 'pdf', bytes: new TextEncoder().encode('<html>error</html>'), name: '4px-CK-7' },
    ]);
    await expect(bad).rejects.toBeInstanceOf(LabelPdfError);
    await expect(bad).rejects.toThrow(/4px-CK-7/);
  });
});
