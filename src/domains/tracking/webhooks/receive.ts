/**
 * Receiving a webhook: verify the signature before reading anything else, parse the body
 * (400 naming the field), then in one tenant transaction record the delivery id (a replay is
 * refused with 409 and nothing is stored) and ingest the events.
 */

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appError } from '../../../kernel/errors.ts';
import type { Config } from '../../../platform/config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { type Tx, withShop } from '../../../platform/db/tenant.ts';
import { type IngestResult, ingestTrackingEvents } from '../events/ingest.ts';
import { addJourneyLeg } from '../journeys/register.ts';
import { findJourneyId } from '../journeys/timeline.ts';
import type { CarrierCode } from '../numbers/index.ts';
import { carrierEvents, carrierWebhookBody } from './carrier-payload.ts';
import { openWebhookSecret, recordDelivery } from './secrets.ts';
import { seventeenTrackBody, seventeenTrackEvents } from './seventeen-track-payload.ts';
import { type SignatureVerdict, verifyCarrierSignature, verifySeventeenTrackSign } from './signatures.ts';

function refuse(verdict: Exclude<SignatureVerdict, { ok: true }>): never {
  throw appError('UNAUTHENTICATED', `tracking.webhook.${verdict.reason}`, undefined, {
    details: { reason: verdict.reason },
  });
}

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw appError('VALIDATION_FAILED', 'tracking.webhook.notJson');
  }
}

async function secretOrRefuse(db: Kysely<DB>, config: Config, shopId: string, kind: 'carrier' | '17track') {
  const secret = await withShop(db, shopId, (trx) => openWebhookSecret(trx, config, shopId, kind));
  if (!secret)
    throw appError('UNAUTHENTICATED', 'tracking.webhook.notConfigured', undefined, {
      details: { reason: 'not_configured' },
    });
  return secret;
}

async function acceptOnce(trx: Tx, shopId: string, source: string, deliveryId: string) {
  if (!(await recordDelivery(trx, shopId, source, deliveryId)))
    throw appError(
      'CONFLICT',
      'tracking.webhook.replayed',
      { deliveryId },
      { details: { reason: 'replayed' } },
    );
}

export async function receiveCarrierWebhook(
  db: Kysely<DB>,
  config: Config,
  shopId: string,
  carrier: CarrierCode,
  headers: { timestamp?: string; signature?: string; delivery?: string },
  rawBody: string,
  now = new Date(),
): Promise<IngestResult> {
  const secret = await secretOrRefuse(db, config, shopId, 'carrier');
  const verdict = verifyCarrierSignature({
    secret,
    timestamp: headers.timestamp,
    signature: headers.signature,
    rawBody,
    now,
  });
  if (!verdict.ok) refuse(verdict);
  if (!headers.delivery?.trim()) throw appError('VALIDATION_FAILED', 'tracking.webhook.deliveryMissing');
  const body = carrierWebhookBody.parse(parseJson(rawBody));
  return withShop(db, shopId, async (trx) => {
    await acceptOnce(trx, shopId, `carrier:${carrier}`, headers.delivery!.trim());
    return ingestTrackingEvents(trx, shopId, carrierEvents(carrier, body));
  });
}

export async function receiveSeventeenTrackWebhook(
  db: Kysely<DB>,
  config: Config,
  shopId: string,
  sign: string | undefined,
  rawBody: string,
): Promise<IngestResult & { stopped: boolean; lastMileLegs: number }> {
  const key = await secretOrRefuse(db, config, shopId, '17track');
  const verdict = verifySeventeenTrackSign({ key, sign, rawBody });
  if (!verdict.ok) refuse(verdict);
  const parsed = seventeenTrackEvents(seventeenTrackBody.parse(parseJson(rawBody)));
  // 17TRACK sends no delivery id: the signed body itself identifies a delivery.
  const deliveryId = createHash('sha256').update(rawBody).digest('hex');
  return withShop(db, shopId, async (trx) => {
    await acceptOnce(trx, shopId, '17track', deliveryId);
    let lastMileLegs = 0;
    const journeyId = parsed.otherCarriers.length
      ? await findJourneyId(trx, shopId, parsed.number)
      : undefined;
    if (journeyId) {
      const journey = await trx
        .selectFrom('tracking_journeys')
        .select('reference')
        .where('shop_id', '=', shopId)
        .where('id', '=', journeyId)
        .executeTakeFirstOrThrow();
      for (const carrier of parsed.otherCarriers) {
        await addJourneyLeg(trx, shopId, journey.reference, {
          kind: 'last_mile',
          carrier,
          trackingNumber: parsed.number,
        });
        lastMileLegs++;
      }
    }
    const result = await ingestTrackingEvents(trx, shopId, parsed.events);
    return { ...result, stopped: parsed.stopped, lastMileLegs };
  });
}
