import type { RouteMode, RuleKind } from './tables.ts';

export interface ThresholdRule {
  kind: RuleKind;
  destinationCountry: string; // ISO alpha-2 or '*'
  mode: RouteMode;
  days: number;
}

/**
 * Built-in thresholds used when a shop has no rule of its own for a route. A shop rule wins over a
 * default of the same or lower specificity. The numbers are deliberately generous: express
 * couriers scan at every hub (3 days of silence is unusual), postal and air mail often go quiet
 * for a week between export and import scans, rail parcels cross Kazakhstan/Russia with few
 * scans (10 days), and sea freight sails for weeks with no event at all (21 days).
 */
export const defaultThresholds: readonly ThresholdRule[] = [
  { kind: 'stuck', destinationCountry: '*', mode: '*', days: 7 },
  { kind: 'stuck', destinationCountry: '*', mode: 'express', days: 3 },
  { kind: 'stuck', destinationCountry: '*', mode: 'courier', days: 3 },
  { kind: 'stuck', destinationCountry: '*', mode: 'truck', days: 5 },
  { kind: 'stuck', destinationCountry: '*', mode: 'postal', days: 7 },
  { kind: 'stuck', destinationCountry: '*', mode: 'air', days: 7 },
  { kind: 'stuck', destinationCountry: '*', mode: 'rail', days: 10 },
  { kind: 'stuck', destinationCountry: '*', mode: 'sea', days: 21 },
  // A parcel handed over but never scanned by the carrier ("not found") after this many days.
  { kind: 'not_found', destinationCountry: '*', mode: '*', days: 5 },
];

/**
 * Which rule applies to a route: the most specific one (country and mode, then country, then mode,
 * then '*'), a shop rule before a built-in default of the same specificity. Mirrors the SQL in
 * exceptions-query.ts; kept pure so the order is tested directly.
 */
export function pickThreshold<R extends ThresholdRule>(
  rules: readonly R[],
  kind: RuleKind,
  destinationCountry: string,
  mode: string | null,
): (R & { builtIn: boolean }) | (ThresholdRule & { builtIn: true }) {
  const matches = (r: ThresholdRule) =>
    r.kind === kind &&
    (r.destinationCountry === '*' || r.destinationCountry === destinationCountry) &&
    (r.mode === '*' || r.mode === mode);
  const score = (r: ThresholdRule, builtIn: boolean) =>
    (r.destinationCountry !== '*' ? 4 : 0) + (r.mode !== '*' ? 2 : 0) + (builtIn ? 0 : 1);
  let best: { rule: ThresholdRule; builtIn: boolean; score: number } | null = null;
  for (const rule of rules.filter(matches)) {
    const s = score(rule, false);
    if (!best || s > best.score) best = { rule, builtIn: false, score: s };
  }
  for (const rule of defaultThresholds.filter(matches)) {
    const s = score(rule, true);
    if (!best || s > best.score) best = { rule, builtIn: true, score: s };
  }
  // The '*'/'*' defaults always match, so best is set.
  return { ...(best!.rule as R), builtIn: best!.builtIn } as R & { builtIn: boolean };
}
