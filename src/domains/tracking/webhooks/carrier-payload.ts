/**
 * The generic carrier webhook body: {events:[{trackingNumber, time, status, description,
 * location, country}]}. A malformed body is refused with the field named (Zod → 400).
 */
import { z } from 'zod';
import type { RawTrackingEvent } from '../events/ingest.ts';
import type { CarrierCode } from '../numbers/index.ts';

export const carrierWebhookBody = z.object({
  events: z
    .array(
      z.object({
        trackingNumber: z.string().trim().min(1).max(60),
        // ISO 8601 with an offset or Z: a carrier's local time without zone is ambiguous.
        time: z.iso.datetime({ offset: true }),
        status: z.string().trim().max(200).nullish(),
        description: z.string().max(2000).default(''),
        location: z.string().max(300).nullish(),
        city: z.string().max(120).nullish(),
        country: z
          .string()
          .regex(/^[A-Za-z]{2}$/)
          .nullish(),
        id: z.string().max(200).nullish(),
      }),
    )
    .min(1)
    .max(1000),
});

export type CarrierWebhookBody = z.infer<typeof carrierWebhookBody>;

export function carrierEvents(carrier: CarrierCode, body: CarrierWebhookBody): RawTrackingEvent[] {
  return body.events.map((e) => ({
    carrier,
    trackingNumber: e.trackingNumber,
    occurredAt: new Date(e.time),
    description: e.description,
    rawStatus: e.status ?? null,
    location: e.location ?? null,
    city: e.city ?? null,
    country: e.country ?? null,
    source: 'carrier_webhook',
    externalId: e.id ?? null,
  }));
}
