import type { ColumnType } from 'kysely';
import type { CardData, CardSettings } from './rating/types.ts';
import type { RuleConditions } from './rules/conditions.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export const serviceModes = ['express', 'postal', 'air', 'rail', 'sea', 'last_mile', 'courier'] as const;
export type ServiceMode = (typeof serviceModes)[number];
export const ruleStrategies = ['cheapest', 'fastest', 'cheapest_within_days', 'fixed'] as const;
export type RuleStrategy = (typeof ruleStrategies)[number];

export interface LogisticsServicesTable {
  shop_id: string;
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: ServiceMode;
  active: WithDefault<boolean>;
  carrier_account_id: string | null;
  promised_days: number | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LogisticsRateCardsTable {
  shop_id: string;
  id: string;
  service_id: string;
  version: number;
  valid_from: Date;
  valid_to: Date | null;
  currency: string;
  source_file: string;
  source_sheets: string;
  source_note: string | null;
  file_sha256: string;
  imported_by: string | null;
  imported_at: Timestamp;
  settings: Json<CardSettings>;
  data: Json<CardData>;
}

export interface LogisticsAssignmentRulesTable {
  shop_id: string;
  id: string;
  name: string;
  priority: number;
  active: WithDefault<boolean>;
  conditions: Json<RuleConditions>;
  strategy: RuleStrategy;
  max_days: number | null;
  service_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of this area, as Kysely sees them (declared by the owner of the migration). */
export interface LogisticsTables {
  logistics_services: LogisticsServicesTable;
  logistics_rate_cards: LogisticsRateCardsTable;
  logistics_assignment_rules: LogisticsAssignmentRulesTable;
}
