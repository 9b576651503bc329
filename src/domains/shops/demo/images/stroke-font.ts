/**
 * A tiny single-stroke vector font (A–Z, 0–9, a few marks) so demo images can carry a label
 * without any installed font: librsvg's <text> depends on fontconfig, which a bare server or
 * container may lack, and then text silently renders as nothing or boxes.
 *
 * Glyphs sit on a 4×6 grid (y down); "|" separates polylines, points are "x,y".
 */
const glyphs: Record<string, string> = {
  A: '0,6 2,0 4,6|0.7,4 3.3,4',
  B: '0,3 3,3 4,4 4,5 3,6 0,6 0,0 3,0 4,1 4,2 3,3',
  C: '4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5',
  D: '0,0 0,6 2.5,6 4,4.5 4,1.5 2.5,0 0,0',
  E: '4,0 0,0 0,6 4,6|0,3 3,3',
  F: '4,0 0,0 0,6|0,3 3,3',
  G: '4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3 2,3',
  H: '0,0 0,6|4,0 4,6|0,3 4,3',
  I: '1,0 3,0|2,0 2,6|1,6 3,6',
  J: '4,0 4,5 3,6 1,6 0,5',
  K: '0,0 0,6|4,0 0,4|1.4,2.9 4,6',
  L: '0,0 0,6 4,6',
  M: '0,6 0,0 2,3 4,0 4,6',
  N: '0,6 0,0 4,6 4,0',
  O: '1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0',
  P: '0,6 0,0 3,0 4,1 4,2 3,3 0,3',
  Q: '1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|2.5,4.5 4,6.3',
  R: '0,6 0,0 3,0 4,1 4,2 3,3 0,3|2,3 4,6',
  S: '4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5',
  T: '0,0 4,0|2,0 2,6',
  U: '0,0 0,5 1,6 3,6 4,5 4,0',
  V: '0,0 2,6 4,0',
  W: '0,0 1,6 2,3 3,6 4,0',
  X: '0,0 4,6|4,0 0,6',
  Y: '0,0 2,3 4,0|2,3 2,6',
  Z: '0,0 4,0 0,6 4,6',
  '0': '1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0|4,1 0,5',
  '1': '1,1 2,0 2,6|1,6 3,6',
  '2': '0,1 1,0 3,0 4,1 4,2 0,6 4,6',
  '3': '0,1 1,0 3,0 4,1 4,2 3,3 4,4 4,5 3,6 1,6 0,5|1.5,3 3,3',
  '4': '3,6 3,0 0,4 4,4',
  '5': '4,0 0,0 0,3 3,3 4,4 4,5 3,6 0,6',
  '6': '4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,4 3,3 0,3',
  '7': '0,0 4,0 1.5,6',
  '8': '1,3 0,2 0,1 1,0 3,0 4,1 4,2 3,3 1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3',
  '9': '0,5 1,6 3,6 4,5 4,1 3,0 1,0 0,1 0,2 1,3 4,3',
  '-': '1,3 3,3',
  '.': '1.8,5.8 2.2,5.8',
  "'": '2,0 2,1.5',
  '&': '4,6 0.5,1.5 1,0 2,0 2.5,1 0,4 0,5 1,6 2.5,6 4,3.5',
};

const advance = 6; // 4 units of glyph plus 2 of spacing

/** Upper-cases, folds accents (é → E) and drops anything the font cannot draw. */
export function toDrawableText(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split('')
    .filter((c) => c === ' ' || c in glyphs)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * SVG path data for `text` centred on (cx, cy), scaled to fit the box. Returns the path and the
 * unit size so callers can pick a matching stroke width.
 */
export function textPath(
  text: string,
  cx: number,
  cy: number,
  maxWidth: number,
  maxHeight: number,
): { d: string; unit: number } {
  const chars = toDrawableText(text).split('');
  if (chars.length === 0) return { d: '', unit: 0 };
  const unit = Math.min(maxHeight / 6, maxWidth / (chars.length * advance - 2));
  const left = cx - ((chars.length * advance - 2) * unit) / 2;
  const top = cy - 3 * unit;
  const parts: string[] = [];
  chars.forEach((c, i) => {
    const glyph = glyphs[c];
    if (!glyph) return; // space
    for (const line of glyph.split('|')) {
      const pts = line.split(' ').map((p) => {
        const [x = 0, y = 0] = p.split(',').map(Number);
        return `${(left + (i * advance + x) * unit).toFixed(1)},${(top + y * unit).toFixed(1)}`;
      });
      parts.push(`M${pts.join('L')}`);
    }
  });
  return { d: parts.join(''), unit };
}
