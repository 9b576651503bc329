import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Normalised statuses (exact strings, shared with tracking insights). */
export const trackingStatuses = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AvailableForPickup',
  'AttemptFail',
  'Delivered',
  'Exception',
  'Expired',
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** Milestones in journey order (the progress bar follows this order). */
export const milestones = [
  'picked_up',
  'export_customs_cleared',
  'departed_origin',
  'arrived_destination',
  'import_customs',
  'handed_to_last_mile',
  'delivered',
] as const;
export type Milestone = (typeof milestones)[number];

/** Sub-statuses other areas rely on (set by the normaliser when the source says so). */
export const subStatuses = [
  'customs_hold',
  'returned_to_sender',
  'address_issue',
  'lost',
  'damaged',
  'rejected',
] as const;

export const legKinds = ['first_mile', 'line_haul', 'last_mile'] as const;
export type LegKind = (typeof legKinds)[number];
export const legModes = ['courier', 'air', 'rail', 'sea', 'express', 'postal', 'truck'] as const;

export const eventSources = ['carrier_webhook', 'aggregator', 'csv', 'api', 'manual'] as const;
export type EventSource = (typeof eventSources)[number];

export interface TrackingJourneysTable {
  shop_id: string;
  id: string;
  reference: string;
  public_token: string;
  order_id: string | null;
  shipment_id: string | null;
  service_id: string | null;
  service_name: string | null;
  origin_country: Generated<string>;
  destination_country: string;
  destination_city: string | null;
  promised_days: number | null;
  status: Generated<TrackingStatus>;
  milestone: Milestone | null;
  last_event_at: NullableTimestamp;
  shipped_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrackingLegsTable {
  shop_id: string;
  journey_id: string;
  seq: number;
  kind: LegKind;
  mode: string | null;
  carrier: string;
  tracking_number: string;
}

export interface TrackingEventsTable {
  shop_id: string;
  id: string;
  carrier: string;
  tracking_number: string;
  occurred_at: Timestamp;
  status: Exclude<TrackingStatus, 'Pending'>;
  sub_status: string | null;
  milestone: string | null;
  location: string | null;
  city: string | null;
  country: string | null;
  description: string;
  source: EventSource;
  raw_status: string | null;
  dedupe_key: string;
  external_id: string | null;
  received_at: Timestamp;
}

export interface TrackingWebhookSecretsTable {
  shop_id: string;
  kind: 'carrier' | '17track';
  sealed_secret: string;
  created_at: Timestamp;
}

export interface TrackingWebhookDeliveriesTable {
  shop_id: string;
  source: string;
  delivery_id: string;
  received_at: Timestamp;
}

/** Tracking core tables: journeys, legs, events, webhook secrets and accepted deliveries. */
export interface TrackingTables {
  tracking_journeys: TrackingJourneysTable;
  tracking_legs: TrackingLegsTable;
  tracking_events: TrackingEventsTable;
  tracking_webhook_secrets: TrackingWebhookSecretsTable;
  tracking_webhook_deliveries: TrackingWebhookDeliveriesTable;
}
