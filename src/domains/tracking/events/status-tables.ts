/**
 * Loads the normalisation tables in data/tracking (17TRACK statuses, AfterShip tags, Chinese
 * forwarders' raw statuses, description keyword rules). They are data with sources so a new
 * wording can be added without touching code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Milestone, TrackingStatus } from '../tables.ts';

export interface StatusRule {
  status: Exclude<TrackingStatus, 'Pending'> | null;
  subStatus?: string;
  milestone?: Milestone;
}

export interface KeywordRule extends StatusRule {
  match: string[];
}

export interface StatusTables {
  /** Exact raw status → rule (keys lower-cased). */
  exact: Map<string, StatusRule>;
  keywords: { rule: StatusRule; patterns: RegExp[] }[];
}

const dataDir = fileURLToPath(new URL('../../../../data/tracking/', import.meta.url));

function load<T>(name: string): T {
  return JSON.parse(readFileSync(`${dataDir}${name}`, 'utf8')) as T;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin keywords match whole words (so "lost" does not match "almost"); CJK ones as substrings. */
function keywordPattern(word: string): RegExp {
  return /^[\x20-\x7e]+$/.test(word)
    ? new RegExp(`\\b${escapeRegExp(word)}\\b`, 'i')
    : new RegExp(escapeRegExp(word));
}

let cached: StatusTables | undefined;

export function statusTables(): StatusTables {
  if (cached) return cached;
  const exact = new Map<string, StatusRule>();
  const add = (table: Record<string, StatusRule>) => {
    for (const [k, v] of Object.entries(table)) exact.set(k.toLowerCase(), v);
  };
  const seventeen = load<{
    mainStatuses: Record<string, StatusRule>;
    subStatuses: Record<string, StatusRule>;
  }>('17track-statuses.json');
  const aftership = load<{ tags: Record<string, StatusRule>; subtags: Record<string, StatusRule> }>(
    'aftership-tags.json',
  );
  const forwarders = load<{ statuses: Record<string, StatusRule> }>('forwarder-raw-statuses.json');
  // Most specific first: sub-statuses, then main statuses/tags, then forwarders' words.
  add(seventeen.subStatuses);
  add(aftership.subtags);
  for (const [k, v] of Object.entries({ ...aftership.tags, ...seventeen.mainStatuses })) {
    if (!exact.has(k.toLowerCase())) exact.set(k.toLowerCase(), v);
  }
  add(forwarders.statuses);
  const rules = load<{ rules: KeywordRule[] }>('description-keywords.json').rules;
  const keywords = rules.map(({ match, ...rule }) => ({ rule, patterns: match.map(keywordPattern) }));
  cached = { exact, keywords };
  return cached;
}
