/**
 * 17TRACK API v2.x push (webhook) payload: {event: TRACKING_UPDATED|TRACKING_STOPPED, data:{number,
 * carrier, track_info:{latest_status:{status, sub_status}, tracking:{providers:[{provider:{key,
 * name}, events:[{time_iso, time_utc, description, location, stage, sub_status, address}]}]}}}}.
 * Events of a provider other than the number's own carrier (the last-mile carrier) are returned
 * separately so they can become a last_mile leg of the journey.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RawTrackingEvent } from '../events/ingest.ts';
import { type CarrierCode, checkTrackingNumber, isCarrierCode } from '../numbers/index.ts';

const eventSchema = z.object({
  time_iso: z.string().nullish(),
  time_utc: z.string().nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  stage: z.string().nullish(),
  sub_status: z.string().nullish(),
  address: z.object({ country: z.string().nullish(), city: z.string().nullish() }).partial().nullish(),
});

const providerSchema = z.object({
  provider: z
    .object({ key: z.union([z.number(), z.string()]).nullish(), name: z.string().nullish() })
    .partial()
    .nullish(),
  events: z.array(eventSchema).default([]),
});

export const seventeenTrackBody = z.object({
  event: z.enum(['TRACKING_UPDATED', 'TRACKING_STOPPED']),
  data: z.object({
    number: z.string().trim().min(1).max(60),
    carrier: z.union([z.number(), z.string()]).nullish(),
    track_info: z
      .object({
        latest_status: z
          .object({ status: z.string().nullish(), sub_status: z.string().nullish() })
          .partial()
          .nullish(),
        tracking: z.object({ providers: z.array(providerSchema).default([]) }).nullish(),
      })
      .nullish(),
  }),
});

export type SeventeenTrackBody = z.infer<typeof seventeenTrackBody>;

interface CarrierTable {
  keys: Record<string, string>;
  names: Record<string, string>;
}
let table: CarrierTable | undefined;
function carriers(): CarrierTable {
  table ??= JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../../data/tracking/17track-carriers.json', import.meta.url)),
      'utf8',
    ),
  ) as CarrierTable;
  return table;
}

/** 17TRACK carrier (numeric key and/or name) → Cunkou carrier code, or null when unknown. */
export function carrierFrom17Track(key: unknown, name?: string | null): CarrierCode | null {
  const byName = name ? carriers().names[name.toLowerCase().replace(/[^a-z0-9]/g, '')] : undefined;
  const byKey = key != null ? carriers().keys[String(key)] : undefined;
  const code = byName ?? byKey;
  return code && isCarrierCode(code) ? code : null;
}

export interface SeventeenTrackEvents {
  number: string;
  carrier: CarrierCode;
  stopped: boolean;
  events: RawTrackingEvent[];
  /** Carriers other than the number's own that reported events (the last-mile carrier). */
  otherCarriers: CarrierCode[];
}

export function seventeenTrackEvents(body: SeventeenTrackBody): SeventeenTrackEvents {
  const number = body.data.number;
  const providers = body.data.track_info?.tracking?.providers ?? [];
  const main =
    carrierFrom17Track(body.data.carrier, null) ??
    carrierFrom17Track(providers[0]?.provider?.key, providers[0]?.provider?.name) ??
    checkTrackingNumber(number).carrier ??
    'other';
  const events: RawTrackingEvent[] = [];
  const others = new Set<CarrierCode>();
  providers.forEach((p, pi) => {
    const carrier = carrierFrom17Track(p.provider?.key, p.provider?.name) ?? main;
    if (carrier !== main) others.add(carrier);
    p.events.forEach((e, ei) => {
      const time = e.time_utc || e.time_iso;
      const occurredAt = time ? new Date(time) : new Date(Number.NaN);
      if (Number.isNaN(occurredAt.getTime())) {
        throw new z.ZodError([
          {
            code: 'custom',
            path: ['data', 'track_info', 'tracking', 'providers', pi, 'events', ei, 'time_utc'],
            message: 'time_utc or time_iso must be an ISO 8601 date-time',
            input: time,
          },
        ]);
      }
      events.push({
        carrier,
        trackingNumber: number,
        occurredAt,
        description: e.description ?? '',
        rawStatus: e.sub_status || e.stage || null,
        location: e.location ?? null,
        city: e.address?.city ?? null,
        country: e.address?.country ?? null,
        source: 'aggregator',
      });
    });
  });
  return {
    number,
    carrier: main,
    stopped: body.event === 'TRACKING_STOPPED',
    events,
    otherCarriers: [...others],
  };
}
