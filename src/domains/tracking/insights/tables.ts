import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const exceptionKinds = [
  'stuck',
  'customs_hold',
  'returned_to_sender',
  'attempt_failed',
  'exception',
  'expired',
  'not_found',
] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

export const ruleKinds = ['stuck', 'not_found'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const routeModes = ['*', 'courier', 'air', 'rail', 'sea', 'express', 'postal', 'truck'] as const;
export type RouteMode = (typeof routeModes)[number];

export const exceptionActions = ['acknowledge', 'resolve', 'snooze'] as const;
export type ExceptionAction = (typeof exceptionActions)[number];

export interface TrackingExceptionRulesTable {
  shop_id: string;
  id: string;
  kind: RuleKind;
  destination_country: ColumnType<string, string | undefined, string>;
  mode: ColumnType<RouteMode, RouteMode | undefined, RouteMode>;
  days: number;
  source: string | null;
  valid_from: Date | null;
  valid_to: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrackingExceptionActionsTable {
  shop_id: string;
  id: string;
  journey_id: string;
  kind: ExceptionKind;
  action: ExceptionAction;
  note: string | null;
  snooze_until: Date | null;
  actor: string | null;
  created_at: Timestamp;
}

/** Tables of the tracking insights area: stuck thresholds per route and actions on exceptions. */
export interface TrackingInsightsTables {
  tracking_exception_rules: TrackingExceptionRulesTable;
  tracking_exception_actions: TrackingExceptionActionsTable;
}
