/**
 * Journeys: one per Cunkou shipment number, made of legs (first-mile courier in China, line
 * haul by air/rail/sea, last-mile carrier abroad). Registering is idempotent by reference and
 * runs inside the caller's transaction (shipments register as they ship).
 */
import { appError } from '../../../kernel/errors.ts';
import { newId, newSecret } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type CarrierCode, normaliseTrackingNumber } from '../numbers/index.ts';
import type { LegKind } from '../tables.ts';
import { refreshJourneys } from './refresh.ts';

export interface JourneyLegInput {
  kind: LegKind;
  mode?: string | null;
  carrier: CarrierCode;
  trackingNumber: string;
}

export interface RegisterJourneyInput {
  reference: string;
  orderId?: string | null;
  shipmentId?: string | null;
  serviceId?: string | null;
  serviceName?: string | null;
  originCountry?: string;
  destinationCountry: string;
  destinationCity?: string | null;
  promisedDays?: number | null;
  shippedAt?: Date | null;
  legs: JourneyLegInput[];
}

export interface RegisteredJourney {
  journeyId: string;
  reference: string;
  publicToken: string;
}

function legRows(shopId: string, journeyId: string, legs: JourneyLegInput[], firstSeq = 1) {
  return legs.map((leg, i) => ({
    shop_id: shopId,
    journey_id: journeyId,
    seq: firstSeq + i,
    kind: leg.kind,
    mode: leg.mode ?? null,
    carrier: leg.carrier,
    tracking_number: normaliseTrackingNumber(leg.trackingNumber),
  }));
}

export async function registerJourney(
  trx: Tx,
  shopId: string,
  input: RegisterJourneyInput,
): Promise<RegisteredJourney> {
  const reference = input.reference.trim();
  const legs = input.legs.filter((l) => normaliseTrackingNumber(l.trackingNumber) !== '');
  const fields = {
    order_id: input.orderId ?? null,
    shipment_id: input.shipmentId ?? null,
    service_id: input.serviceId ?? null,
    service_name: input.serviceName ?? null,
    origin_country: (input.originCountry ?? 'CN').toUpperCase(),
    destination_country: input.destinationCountry.toUpperCase(),
    destination_city: input.destinationCity?.trim() || null,
    promised_days: input.promisedDays ?? null,
    shipped_at: input.shippedAt ?? null,
  };
  const existing = await trx
    .selectFrom('tracking_journeys')
    .select(['id', 'public_token'])
    .where('shop_id', '=', shopId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  let journeyId: string;
  let publicToken: string;
  if (existing) {
    journeyId = existing.id;
    publicToken = existing.public_token;
    await trx
      .updateTable('tracking_journeys')
      .set({ ...fields, updated_at: new Date() })
      .where('shop_id', '=', shopId)
      .where('id', '=', journeyId)
      .execute();
    await trx
      .deleteFrom('tracking_legs')
      .where('shop_id', '=', shopId)
      .where('journey_id', '=', journeyId)
      .execute();
  } else {
    journeyId = newId();
    publicToken = newSecret(18);
    await trx
      .insertInto('tracking_journeys')
      .values({ shop_id: shopId, id: journeyId, reference, public_token: publicToken, ...fields })
      .execute();
  }
  if (legs.length)
    await trx
      .insertInto('tracking_legs')
      .values(legRows(shopId, journeyId, legs))
      .execute();
  // Events may have arrived before the journey existed (the carrier webhook is faster than us).
  await refreshJourneys(trx, shopId, [journeyId]);
  return { journeyId, reference, publicToken };
}

/** Adds a leg (e.g. the last-mile number an aggregator reports); a leg already there is kept as is. */
export async function addJourneyLeg(
  trx: Tx,
  shopId: string,
  reference: string,
  leg: JourneyLegInput,
): Promise<void> {
  const journey = await trx
    .selectFrom('tracking_journeys')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('reference', '=', reference.trim())
    .executeTakeFirst();
  if (!journey) throw appError('NOT_FOUND', 'tracking.journeyNotFound', { reference });
  const number = normaliseTrackingNumber(leg.trackingNumber);
  const legs = await trx
    .selectFrom('tracking_legs')
    .select(['seq', 'carrier', 'tracking_number'])
    .where('shop_id', '=', shopId)
    .where('journey_id', '=', journey.id)
    .execute();
  if (legs.some((l) => l.tracking_number === number && l.carrier === leg.carrier)) return;
  const nextSeq = legs.reduce((m, l) => Math.max(m, l.seq), 0) + 1;
  await trx
    .insertInto('tracking_legs')
    .values(legRows(shopId, journey.id, [leg], nextSeq))
    .execute();
  await refreshJourneys(trx, shopId, [journey.id]);
}

/** Path of the public tracking page of a journey (relative to the site root). */
export function publicTrackingPath(shopSlug: string, reference: string): string {
  return `/track/${encodeURIComponent(shopSlug)}/${encodeURIComponent(reference)}`;
}
