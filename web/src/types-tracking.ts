/** Admin types of the tracking area (journeys, exceptions, performance). Mirrors src/domains/tracking/insights. */

export const TRACKING_STATUSES = [
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
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const MILESTONES = [
  'picked_up',
  'export_customs_cleared',
  'departed_origin',
  'arrived_destination',
  'import_customs',
  'handed_to_last_mile',
  'delivered',
] as const;

export const EXCEPTION_KINDS = [
  'stuck',
  'customs_hold',
  'returned_to_sender',
  'attempt_failed',
  'exception',
  'expired',
  'not_found',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export type ExceptionState = 'open' | 'acknowledged' | 'snoozed' | 'resolved';

export interface JourneyListItem {
  id: string;
  reference: string;
  orderId: string | null;
  serviceId: string | null;
  serviceName: string | null;
  originCountry: string;
  destinationCountry: string;
  destinationCity: string | null;
  status: TrackingStatus;
  milestone: string | null;
  trackingNumbers: string[];
  shippedAt: string | null;
  deliveredAt: string | null;
  lastEventAt: string | null;
  createdAt: string;
}

export interface ExceptionItem {
  journeyId: string;
  reference: string;
  orderId: string | null;
  kind: ExceptionKind;
  state: ExceptionState;
  since: string;
  daysStuck: number;
  thresholdDays: number | null;
  status: TrackingStatus;
  milestone: string | null;
  shippedAt: string | null;
  lastEvent: {
    occurredAt: string;
    status: string;
    subStatus: string | null;
    description: string;
    city: string | null;
    country: string | null;
  } | null;
  route: { origin: string; destination: string; destinationCity: string | null; mode: string | null };
  service: { id: string | null; name: string | null };
  action: {
    action: string;
    note: string | null;
    at: string;
    actor: string | null;
    snoozeUntil: string | null;
  } | null;
}

export interface ExceptionPage {
  items: ExceptionItem[];
  counts: Partial<Record<ExceptionKind, number>> | null;
  nextCursor: string | null;
}

export interface JourneyEvent {
  id: string;
  occurredAt: string;
  status: TrackingStatus;
  subStatus: string | null;
  milestone: string | null;
  description: string;
  location: string | null;
  city: string | null;
  country: string | null;
  carrier: string;
  trackingNumber: string;
  legKind: string | null;
  source: string;
  rawStatus: string | null;
  receivedAt: string;
}

export interface JourneyDetail {
  id: string;
  reference: string;
  publicPath: string;
  orderId: string | null;
  shipmentId: string | null;
  serviceName: string | null;
  originCountry: string;
  destinationCountry: string;
  destinationCity: string | null;
  promisedDays: number | null;
  status: TrackingStatus;
  milestone: string | null;
  lastEventAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  legs: { seq: number; kind: string; mode: string | null; carrier: string; trackingNumber: string }[];
  milestones: { milestone: string; reachedAt: string | null }[];
  events: JourneyEvent[];
  exception: ExceptionItem | null;
  actions: {
    id: string;
    kind: string;
    action: string;
    note: string | null;
    snoozeUntil: string | null;
    actor: string | null;
    at: string;
  }[];
}

export interface PerformanceFigures {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
  judged: number;
  onTime: number;
  onTimeRate: number | null;
}

export interface PerformanceReport {
  from: string;
  to: string;
  groupBy: 'service' | 'route';
  total: PerformanceFigures;
  groups: (PerformanceFigures & {
    key: string;
    serviceId: string | null;
    origin: string | null;
    destination: string | null;
  })[];
  daily: { day: string; delivered: number; onTimeRate: number | null }[];
}

export interface ExceptionRule {
  id: string;
  kind: 'stuck' | 'not_found';
  destinationCountry: string;
  mode: string;
  days: number;
  source: string | null;
  validFrom: string | null;
  validTo: string | null;
}
