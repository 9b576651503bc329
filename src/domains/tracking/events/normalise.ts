/**
 * Turns what a carrier, aggregator or CSV says into a normalised status, sub-status and
 * milestone. Order of evidence: an explicit status from the source; the raw status looked up in
 * the exact tables (17TRACK, AfterShip, forwarders' words, our own status names); keyword rules on
 * the raw status and the description. Later evidence only fills the milestone/sub-status when it
 * agrees with the status already chosen. An event nothing recognises is a transit scan (InTransit).
 */
import { type Milestone, milestones, type TrackingStatus, trackingStatuses } from '../tables.ts';
import { type StatusRule, statusTables } from './status-tables.ts';

export interface Normalised {
  status: Exclude<TrackingStatus, 'Pending'>;
  subStatus: string | null;
  milestone: Milestone | null;
  /** How the status was decided (for tests and support): 'given' | 'table' | 'keywords' | 'default'. */
  basis: 'given' | 'table' | 'keywords' | 'default';
}

const ownStatuses = new Map<string, Exclude<TrackingStatus, 'Pending'>>(
  trackingStatuses
    .filter((s): s is Exclude<TrackingStatus, 'Pending'> => s !== 'Pending')
    .map((s) => [s.toLowerCase(), s]),
);

function ownStatus(raw: string): Exclude<TrackingStatus, 'Pending'> | undefined {
  return ownStatuses.get(raw.toLowerCase().replace(/[\s_-]+/g, ''));
}

function keywordRule(text: string): StatusRule | undefined {
  if (!text) return undefined;
  for (const k of statusTables().keywords) {
    if (k.patterns.some((p) => p.test(text))) return k.rule;
  }
  return undefined;
}

const isMilestone = (m: string | null | undefined): m is Milestone =>
  !!m && (milestones as readonly string[]).includes(m);

// Carriers repeat the same wording millions of times: remember recent answers (bounded).
const cache = new Map<string, Normalised>();
const CACHE_MAX = 20_000;

export function normaliseEvent(input: {
  rawStatus?: string | null;
  status?: TrackingStatus | null;
  subStatus?: string | null;
  milestone?: string | null;
  description: string;
}): Normalised {
  const key = `${input.status ?? ''}\u0001${input.subStatus ?? ''}\u0001${input.milestone ?? ''}\u0001${input.rawStatus ?? ''}\u0001${input.description}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = decide(input);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, result);
  return result;
}

function decide(input: {
  rawStatus?: string | null;
  status?: TrackingStatus | null;
  subStatus?: string | null;
  milestone?: string | null;
  description: string;
}): Normalised {
  const raw = input.rawStatus?.trim() ?? '';
  const evidence: StatusRule[] = [];
  let basis: Normalised['basis'] = 'default';
  if (input.status && input.status !== 'Pending') {
    evidence.push({ status: input.status });
    basis = 'given';
  }
  if (raw) {
    const table = statusTables().exact.get(raw.toLowerCase());
    const own = ownStatus(raw);
    const rule = table ?? (own ? { status: own } : undefined);
    if (rule) {
      evidence.push(rule);
      if (basis === 'default' && rule.status) basis = 'table';
    }
    const fromRawWords = keywordRule(raw);
    if (fromRawWords) evidence.push(fromRawWords);
  }
  const fromDescription = keywordRule(input.description);
  if (fromDescription) evidence.push(fromDescription);

  const primary = evidence.find((e) => e.status);
  if (primary && basis === 'default') basis = 'keywords';
  const status = primary?.status ?? 'InTransit';
  let subStatus = input.subStatus ?? null;
  let milestone: Milestone | null = isMilestone(input.milestone) ? input.milestone : null;
  for (const e of evidence) {
    if (e.status && e.status !== status) continue;
    subStatus ??= e.subStatus ?? null;
    milestone ??= e.milestone ?? null;
  }
  if (status === 'Delivered') milestone = 'delivered';
  return { status, subStatus, milestone, basis };
}
