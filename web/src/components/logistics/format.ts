import { formatMinor } from '../../money';

export const money = (minor: number | null | undefined, currency?: string) =>
  minor === null || minor === undefined ? '—' : `${formatMinor(minor)}${currency ? ` ${currency}` : ''}`;
export const kg = (g: number | null | undefined) => (g === null || g === undefined ? '—' : String(g / 1000));
export const cm = (mm: number | null | undefined) =>
  mm === null || mm === undefined ? '—' : `${mm / 10} cm`;
export const days = (t: { min: number; max: number } | null | undefined) => (t ? `${t.min}–${t.max}` : '—');
