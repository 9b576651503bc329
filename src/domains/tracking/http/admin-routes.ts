import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError, issue, localizeIssue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { importTrackingEvents } from '../events/import-csv.ts';
import { isValidTimeZone } from '../events/local-time.ts';
import { getNumberTimeline } from '../journeys/number-timeline.ts';
import { getJourneyTimeline } from '../journeys/timeline.ts';
import { carrierCodes, checkTrackingNumber } from '../numbers/index.ts';
import { rotateCarrierSecret, storeWebhookSecret, webhookSecretStatus } from '../webhooks/secrets.ts';

const tags = ['tracking'];
const shopParams = z.object({ shop: z.string() });
const carrierEnum = z.enum(carrierCodes);

const importFields = z.object({
  carrier: carrierEnum.optional(),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'not a time zone (use e.g. Asia/Shanghai or +08:00)')
    .optional(),
});

/**
 * Admin tracking routes: number checks, CSV/xlsx import of events, a journey's timeline by
 * reference or number, and the webhook secrets (the carrier secret is shown once, on rotation).
 */
export function registerTrackingAdminRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/tracking';
  const read = shopGuard(db, 'shipping:read');
  const write = shopGuard(db, 'shipping:write');
  const manage = shopGuard(db, 'logistics:manage');

  r.get(
    `${base}/check`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({ numbers: z.string().min(1).max(20000), carrier: carrierEnum.optional() }),
      },
      preHandler: read,
    },
    (request) => {
      const numbers = request.query.numbers
        .split(/[\s,;]+/)
        .filter(Boolean)
        .slice(0, 500);
      return { results: numbers.map((n) => checkTrackingNumber(n, request.query.carrier)) };
    },
  );

  r.get(
    `${base}/timeline/:number`,
    { schema: { tags, params: shopParams.extend({ number: z.string().min(1).max(100) }) }, preHandler: read },
    async (request) => {
      const timeline = await withShop(
        db,
        request.shop.id,
        async (trx) =>
          (await getJourneyTimeline(trx, request.shop.id, request.params.number)) ??
          getNumberTimeline(trx, request.shop.id, request.params.number),
      );
      if (!timeline)
        throw appError('NOT_FOUND', 'tracking.journeyNotFound', { reference: request.params.number });
      return timeline;
    },
  );

  r.post(
    `${base}/events/import`,
    { schema: { tags, params: shopParams, consumes: ['multipart/form-data'] }, preHandler: write },
    async (request) => {
      const part = await request.file();
      if (!part)
        throw appError('VALIDATION_FAILED', 'upload.chooseFile', undefined, {
          issues: [issue('file', 'common.required')],
        });
      const fields = importFields.parse(
        Object.fromEntries(
          Object.entries(part.fields).flatMap(([k, v]) =>
            v && !Array.isArray(v) && 'value' in v && String(v.value) !== '' ? [[k, String(v.value)]] : [],
          ),
        ),
      );
      const dir = join(deps.config.dataDir, 'tmp');
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${newId()}.upload`);
      try {
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated)
          throw appError('FILE_TOO_LARGE', 'upload.tooLarge', { fileName: part.filename });
        const result = await importTrackingEvents(
          db,
          request.shop.id,
          { path, fileName: part.filename || 'tracking.csv' },
          { carrier: fields.carrier, defaultTimeZone: fields.timeZone },
        );
        return { ...result, errors: result.errors.map((e) => localizeIssue(request.locale, e)) };
      } finally {
        await rm(path, { force: true });
      }
    },
  );

  r.get(
    `${base}/webhook-secrets`,
    { schema: { tags, params: shopParams }, preHandler: manage },
    async (request) => {
      const status = await withShop(db, request.shop.id, (trx) => webhookSecretStatus(trx, request.shop.id));
      return { ...status, urls: webhookUrls(request.shop.slug) };
    },
  );

  r.post(
    `${base}/webhook-secrets/carrier/rotate`,
    { schema: { tags, params: shopParams }, preHandler: manage },
    async (request, reply) => {
      const secret = await withShop(db, request.shop.id, (trx) =>
        rotateCarrierSecret(trx, deps.config, request.shop.id),
      );
      // Shown this once; only its sealed form is kept.
      return reply.status(201).send({ secret, urls: webhookUrls(request.shop.slug) });
    },
  );

  r.put(
    `${base}/webhook-secrets/17track`,
    {
      schema: { tags, params: shopParams, body: z.object({ key: z.string().trim().min(8).max(200) }) },
      preHandler: manage,
    },
    async (request) => {
      await withShop(db, request.shop.id, (trx) =>
        storeWebhookSecret(trx, deps.config, request.shop.id, '17track', request.body.key),
      );
      const status = await withShop(db, request.shop.id, (trx) => webhookSecretStatus(trx, request.shop.id));
      return { ...status, urls: webhookUrls(request.shop.slug) };
    },
  );
}

function webhookUrls(slug: string) {
  const s = encodeURIComponent(slug);
  return { carrier: `/api/webhooks/tracking/${s}/{carrier}`, seventeenTrack: `/api/webhooks/17track/${s}` };
}
