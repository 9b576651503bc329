import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError, isAppError, localizeError } from '../../../kernel/errors.ts';
import { formatMessage } from '../../../kernel/i18n/index.ts';
import { type Tx, withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { requestLocale } from '../../../platform/http/locale.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import { cancelShipment } from '../cancel-shipment.ts';
import { createShipment } from '../create-shipment.ts';
import { customsFormFor } from '../customs-form.ts';
import { findShipmentId, requireShipment } from '../get-shipment.ts';
import { publicTrackingPath } from '../integrations.ts';
import { labelSchema, labelShipment } from '../label-shipment.ts';
import { listShipments, listShipmentsQuery } from '../list-shipments.ts';
import { createShipmentSchema } from '../plan-shipment.ts';
import { previewShipment } from '../preview-shipment.ts';
import { quoteShipment } from '../quote-shipment.ts';
import { scanSchema, scanToShip } from '../scan-shipment.ts';
import { shipSchema, shipShipment } from '../ship-shipment.ts';
import { updateShipment, updateShipmentSchema } from '../update-shipment.ts';

const shopParams = z.object({ shop: z.string() });
const idParams = shopParams.extend({ id: z.uuid() });
const bulkBody = z.object({ ids: z.array(z.uuid()).min(1).max(500) });
const tags = ['shipping'];

/**
 * Shipments: every role reads them (shipping:read); packing, labelling, shipping and cancelling
 * need shipping:write. `:id` is the shipment uuid; /shipments/lookup/:ref also takes a number.
 */
export function registerShipmentRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/shipments';
  const read = shopGuard(db, 'shipping:read');
  const write = shopGuard(db, 'shipping:write');
  // The public tracking page of the shipment and the customs form its value needs come along.
  const detail = async (trx: Tx, shop: { id: string; slug: string }, id: string) => {
    const d = await requireShipment(trx, shop.id, id);
    return {
      ...d,
      trackingPath: publicTrackingPath(shop.slug, d.number),
      customsForm: customsFormFor(d.valueMinor, d.currency),
    };
  };

  r.get(
    base,
    { schema: { tags, params: shopParams, querystring: listShipmentsQuery }, preHandler: read },
    (request) => withShop(db, request.shop.id, (trx) => listShipments(trx, request.shop.id, request.query)),
  );

  r.post(
    base,
    { schema: { tags, params: shopParams, body: createShipmentSchema }, preHandler: write },
    async (request, reply) => {
      const shopId = request.shop.id;
      const out = await withShop(db, shopId, async (trx) => {
        const { id, replayed } = await createShipment(trx, shopId, request.shop.actor, request.body);
        return { replayed, shipment: await detail(trx, request.shop, id) };
      });
      return reply.status(out.replayed ? 200 : 201).send({ ...out.shipment, replayed: out.replayed });
    },
  );

  r.post(
    `${base}/preview`,
    { schema: { tags, params: shopParams, body: createShipmentSchema }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        previewShipment(trx, request.shop.id, request.body, requestLocale(request)),
      ),
  );

  r.get(
    `${base}/lookup/:ref`,
    { schema: { tags, params: shopParams.extend({ ref: z.string().max(80) }) }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        const id = await findShipmentId(trx, request.shop.id, request.params.ref);
        if (!id) throw appError('NOT_FOUND', 'shipping.notFoundRef', { ref: request.params.ref });
        return detail(trx, request.shop, id);
      }),
  );

  r.get(`${base}/:id`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => detail(trx, request.shop, request.params.id)),
  );

  r.get(`${base}/:id/rates`, { schema: { tags, params: idParams }, preHandler: read }, (request) =>
    withShop(db, request.shop.id, (trx) => quoteShipment(trx, request.shop.id, request.params.id)),
  );

  r.patch(
    `${base}/:id`,
    { schema: { tags, params: idParams, body: updateShipmentSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        await updateShipment(trx, request.shop.id, request.shop.actor, request.params.id, request.body);
        return detail(trx, request.shop, request.params.id);
      }),
  );

  r.post(
    `${base}/:id/label`,
    { schema: { tags, params: idParams, body: labelSchema }, preHandler: write },
    async (request) => {
      const r0 = await labelShipment(
        deps,
        request.shop.id,
        request.shop.actor,
        request.params.id,
        request.body,
      );
      return {
        ...(await withShop(db, request.shop.id, (trx) => detail(trx, request.shop, request.params.id))),
        replayed: r0.replayed,
      };
    },
  );

  r.post(
    `${base}/:id/ship`,
    { schema: { tags, params: idParams, body: shipSchema }, preHandler: write },
    (request) =>
      withShop(db, request.shop.id, async (trx) => {
        const r0 = await shipShipment(
          trx,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          request.body,
        );
        return { ...(await detail(trx, request.shop, request.params.id)), replayed: r0.replayed };
      }),
  );

  r.post(`${base}/:id/cancel`, { schema: { tags, params: idParams }, preHandler: write }, async (request) => {
    const r0 = await cancelShipment(deps, request.shop.id, request.shop.actor, request.params.id);
    return {
      ...(await withShop(db, request.shop.id, (trx) => detail(trx, request.shop, request.params.id))),
      replayed: r0.replayed,
    };
  });

  // Bulk ship: each shipment in its own transaction, so one refusal does not hold back the rest.
  r.post(
    `${base}/ship`,
    { schema: { tags, params: shopParams, body: bulkBody }, preHandler: write },
    async (request) => {
      const locale = requestLocale(request);
      const results = [];
      for (const id of request.body.ids) {
        try {
          const r0 = await withShop(db, request.shop.id, (trx) =>
            shipShipment(trx, request.shop.id, request.shop.actor, id),
          );
          results.push({ id, ok: true, replayed: r0.replayed, message: null });
        } catch (e) {
          if (!isAppError(e) || e.code === 'INTERNAL') throw e;
          results.push({ id, ok: false, replayed: false, message: localizeError(locale, e).message });
        }
      }
      return { results, shipped: results.filter((x) => x.ok && !x.replayed).length };
    },
  );

  r.post(
    `${base}/scan`,
    { schema: { tags, params: shopParams, body: scanSchema }, preHandler: write },
    async (request) => {
      const locale = requestLocale(request);
      const out = await scanToShip(db, request.shop.id, request.shop.actor, request.body.code);
      const message = out.error
        ? localizeError(locale, out.error).message
        : formatMessage(locale, out.messageKey!, out.params);
      const { error: _e, messageKey: _k, params: _p, ...rest } = out;
      return { ...rest, message };
    },
  );
}
