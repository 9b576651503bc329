import type { Bracket } from '../rating/types.ts';
import type { Issues } from './issues.ts';

const kg = (g: number | null) => (g === null ? '∞' : String(g / 1000));
const range = (b: Bracket) => `${kg(b.fromG)}-${kg(b.toG)}`;

/**
 * Sort one lane's brackets and check they follow each other. "0-0.5, 0.5-1" is read as (0.5, 1]
 * (a bracket starting where the previous ends starts one gram later); "0.501-1" too. An overlap
 * or a gap names both rows' cells; with 0.5 kg rounding "2" then "2.5-20" leaves no gap.
 */
export function checkBrackets(brackets: Bracket[], issues: Issues, roundingG = 1): Bracket[] {
  const sorted = [...brackets].sort((a, b) => a.fromG - b.fromG);
  const out: Bracket[] = [];
  for (const b of sorted) {
    const prev = out[out.length - 1];
    if (!prev) {
      out.push(b);
      continue;
    }
    const row = Number(/\d+$/.exec(b.cell ?? '')?.[0]) || undefined;
    if (prev.toG === null || b.fromG < prev.toG) {
      issues.add(b.cell ?? '', row, 'logistics.import.overlap', {
        range: range(b),
        otherCell: prev.cell ?? '',
        otherRange: range(prev),
      });
      continue;
    }
    const from = b.fromG === prev.toG ? prev.toG + 1 : b.fromG;
    // Only a gap that a chargeable weight (a multiple of the rounding increment) can fall into.
    const nextChargeable = (Math.floor(prev.toG / roundingG) + 1) * roundingG;
    if (from > prev.toG + 1 && nextChargeable < from)
      issues.add(b.cell ?? '', row, 'logistics.import.gap', {
        from: kg(prev.toG),
        to: kg(b.fromG),
        otherCell: prev.cell ?? '',
      });
    out.push({ ...b, fromG: from });
  }
  return out;
}
