import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../kernel/errors.ts';
import { type CandleShape, renderCandleImage } from './render-candle.ts';
import { textPath, toDrawableText } from './stroke-font.ts';

const base = { seed: 1, label: 'Fushun Lavender', color: '#e8d8c0', shape: 'pillar' as CandleShape };

/** Mean absolute per-channel difference: a real visual difference, not just different bytes. */
async function meanDiff(a: Buffer, b: Buffer): Promise<number> {
  const [ra, rb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < ra!.length; i++) sum += Math.abs(ra![i]! - rb![i]!);
  return sum / ra!.length;
}

describe('renderCandleImage', () => {
  it.each(['pillar', 'jar', 'taper', 'tealight'] as const)(
    'renders a non-blank 800×800 PNG for %s',
    async (shape) => {
      const png = await renderCandleImage({ ...base, shape });
      const meta = await sharp(png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: 800, height: 800 });
      const stats = await sharp(png).stats();
      // A blank or single-colour render would have almost no spread in any channel.
      expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(15);
    },
  );

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await renderCandleImage(base);
    const again = await renderCandleImage(base);
    const b = await renderCandleImage({ ...base, seed: 2 });
    expect(again.equals(a)).toBe(true);
    expect(b.equals(a)).toBe(false);
    expect(await meanDiff(a, b)).toBeGreaterThan(2);
  });

  it('draws the label (a different label changes the pixels)', async () => {
    const a = await renderCandleImage({ ...base, shape: 'jar' });
    const b = await renderCandleImage({ ...base, shape: 'jar', label: 'WUQING' });
    expect(await meanDiff(a, b)).toBeGreaterThan(0.05);
  });

  it('uses the wax colour', async () => {
    const ivory = await renderCandleImage(base);
    const red = await renderCandleImage({ ...base, color: '#b00020' });
    expect(await meanDiff(ivory, red)).toBeGreaterThan(2);
  });

  it.each(['red"/><script>', 'url(http://x)', '#12345', ''])('rejects unsafe colour %j', async (color) => {
    await expect(renderCandleImage({ ...base, color })).rejects.toBeInstanceOf(AppError);
  });
});

describe('stroke font', () => {
  it('folds accents, upper-cases and drops characters it cannot draw', () => {
    expect(toDrawableText('  Café  Crème 蜡烛 №7 ')).toBe('CAFE CREME 7');
  });

  it('fits the text in the box', () => {
    const { d, unit } = textPath('ABC', 100, 50, 60, 30);
    const xs = [...d.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(70 - 1e-6);
    expect(Math.max(...xs)).toBeLessThanOrEqual(130 + 1e-6);
    expect(unit).toBeCloseTo(60 / 16);
    expect(textPath('蜡烛', 0, 0, 10, 10).d).toBe('');
  });
});
