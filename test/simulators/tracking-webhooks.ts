/**
 * Local senders for the two tracking webhooks, following their contracts:
 * - Cunkou carrier webhook: POST /api/webhooks/tracking/:shop/:carrier, JSON {events:[…]},
 *   headers X-Cunkou-Timestamp (Unix seconds), X-Cunkou-Delivery (unique id) and
 *   X-Cunkou-Signature = hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`).
 * - 17TRACK API v2.x push: POST /api/webhooks/17track/:shop, JSON {event, data:{number, carrier,
 *   track_info:{latest_status, tracking:{providers:[{provider, events}]}}}}, header `sign` =
 *   hex SHA-256 of `${rawBody}/${securityKey}`.
 * Each builder returns what to send; `send` POSTs it to a running server (for manual testing).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface SignedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface CarrierEventIn {
  trackingNumber: string;
  time: string;
  status?: string | null;
  description?: string;
  location?: string | null;
  city?: string | null;
  country?: string | null;
  id?: string | null;
}

export function carrierDelivery(
  opts: { shop: string; carrier: string; secret: string },
  events: CarrierEventIn[] | unknown,
  overrides: { timestamp?: number; deliveryId?: string; signWith?: string; rawBody?: string } = {},
): SignedRequest {
  const body = overrides.rawBody ?? JSON.stringify(Array.isArray(events) ? { events } : events);
  const timestamp = String(overrides.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', overrides.signWith ?? opts.secret)
    .update(`${timestamp}.${body}`)
    .digest('hex');
  return {
    url: `/api/webhooks/tracking/${opts.shop}/${opts.carrier}`,
    headers: {
      'content-type': 'application/json',
      'x-cunkou-timestamp': timestamp,
      'x-cunkou-delivery': overrides.deliveryId ?? randomUUID(),
      'x-cunkou-signature': signature,
    },
    body,
  };
}

export interface SeventeenTrackEventIn {
  time_iso: string;
  time_utc: string;
  description: string;
  location?: string | null;
  stage?: string | null;
  sub_status?: string | null;
  address?: { country?: string | null; city?: string | null };
}

export function seventeenTrackPush(opts: {
  number: string;
  carrier: number;
  event?: 'TRACKING_UPDATED' | 'TRACKING_STOPPED';
  latest?: { status: string; sub_status: string };
  providers: { key: number; name: string; events: SeventeenTrackEventIn[] }[];
}) {
  return {
    event: opts.event ?? 'TRACKING_UPDATED',
    data: {
      number: opts.number,
      carrier: opts.carrier,
      param: null,
      tag: '',
      track_info: {
        latest_status: opts.latest ?? { status: 'InTransit', sub_status: 'InTransit_Other' },
        tracking: {
          providers_hash: 0,
          providers: opts.providers.map((p) => ({
            provider: { key: p.key, name: p.name, alias: p.name, country: null },
            latest_sync_status: 'Success',
            events_hash: 0,
            events: p.events,
          })),
        },
      },
    },
  };
}

export function seventeenTrackDelivery(
  opts: { shop: string; key: string },
  payload: unknown,
  overrides: { signWith?: string; rawBody?: string; omitSign?: boolean } = {},
): SignedRequest {
  const body = overrides.rawBody ?? JSON.stringify(payload);
  const sign = createHash('sha256')
    .update(`${body}/${overrides.signWith ?? opts.key}`)
    .digest('hex');
  return {
    url: `/api/webhooks/17track/${opts.shop}`,
    headers: { 'content-type': 'application/json', ...(overrides.omitSign ? {} : { sign }) },
    body,
  };
}

/** POST a signed request to a running Cunkou (e.g. http://127.0.0.1:3000). */
export async function send(baseUrl: string, req: SignedRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL(req.url, baseUrl), {
    method: 'POST',
    headers: req.headers,
    body: req.body,
  });
  return { status: res.status, body: await res.text() };
}
