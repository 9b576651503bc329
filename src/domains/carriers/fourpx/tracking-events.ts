/**
 * 4PX `tr.order.tracking.get` answer → raw tracking events for the tracking domain. 4PX gives
 * local China time without an offset ("2026-11-20 14:03:00"); it is read as UTC+8. The status is
 * left to the tracking normaliser (raw status = 4PX's business link code, plus the text).
 */
import { parseChinaTime } from '../carrier-values.ts';
import type { CarrierEvent } from '../connector.ts';

export interface FourPxTrackingRow {
  businessLinkCode?: string;
  occurDatetime?: string;
  trackingContent?: string;
  occurLocation?: string;
}

export function fourPxEvents(trackingNumber: string, data: unknown): CarrierEvent[] {
  const list = ((data ?? {}) as { trackingList?: FourPxTrackingRow[] }).trackingList ?? [];
  const out: CarrierEvent[] = [];
  for (const row of list) {
    const occurredAt = row.occurDatetime ? parseChinaTime(row.occurDatetime) : null;
    if (!occurredAt) continue; // an event without a time cannot be placed on the timeline
    out.push({
      carrier: '4px',
      trackingNumber,
      occurredAt,
      description: row.trackingContent ?? row.businessLinkCode ?? '',
      rawStatus: row.businessLinkCode ?? null,
      location: row.occurLocation || null,
      source: 'api',
      externalId: `4px:${trackingNumber}:${row.businessLinkCode ?? ''}:${occurredAt.toISOString()}`,
    });
  }
  return out;
}
