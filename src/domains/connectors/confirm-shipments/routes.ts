import { PassThrough } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { type Actor, recordAudit, shopGuard } from '../../shops/index.ts';
import {
  confirmationContentType,
  exportConfirmationFile,
  loadBatchFile,
  markConfirmationsUploaded,
  writeConfirmationFile,
} from './files.ts';
import { listConfirmations, listConfirmationsQuery } from './list.ts';
import { type PushResult, pushShipmentConfirmations } from './push.ts';

const idParams = z.object({ shop: z.string(), id: z.uuid() });
const batchParams = idParams.extend({ batch: z.uuid() });
const rowParams = idParams.extend({ confirmationId: z.uuid() });
const tags = ['connectors'];

/**
 * Write-back of shipments to channels. Everyone who reads orders sees the confirmations; sending
 * them (push, retry, export, mark uploaded) is part of shipping, so shipping:write — the
 * warehouse that ships confirms, without needing channels:manage (API credentials).
 */
export function registerShipmentConfirmationRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/channel-accounts/:id/shipment-confirmations';
  const read = shopGuard(db, 'orders:read');
  const ship = shopGuard(db, 'shipping:write');

  r.get(
    base,
    { schema: { tags, params: idParams, querystring: listConfirmationsQuery }, preHandler: read },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        listConfirmations(trx, request.shop.id, request.params.id, request.query),
      ),
  );

  /** Who pushed what: one audit entry per push that sent anything. */
  const audited = async (shopId: string, actor: Actor, accountId: string, result: PushResult) => {
    if (result.sent + result.failed > 0)
      await withShop(db, shopId, (trx) =>
        recordAudit(trx, shopId, actor, {
          action: 'shipment_confirmation.pushed',
          entityType: 'channel_account',
          entityId: accountId,
          changes: { sent: result.sent, failed: result.failed },
        }),
      );
    return result;
  };

  r.post(`${base}/push`, { schema: { tags, params: idParams }, preHandler: ship }, async (request) => {
    const result = await pushShipmentConfirmations(deps, request.shop.id, request.params.id);
    if (!result.connected) throw await noConnector(deps, request.shop.id, request.params.id);
    return audited(request.shop.id, request.shop.actor, request.params.id, result);
  });

  r.post(
    `${base}/:confirmationId/retry`,
    { schema: { tags, params: rowParams }, preHandler: ship },
    async (request) => {
      const { id, confirmationId } = request.params;
      const row = await withShop(db, request.shop.id, (trx) =>
        trx
          .selectFrom('channel_shipment_confirmations')
          .select('status')
          .where('shop_id', '=', request.shop.id)
          .where('account_id', '=', id)
          .where('id', '=', confirmationId)
          .executeTakeFirst(),
      );
      if (!row) throw appError('NOT_FOUND', 'shipmentConfirmations.notFound');
      if (row.status !== 'failed')
        throw appError('CONFLICT', 'shipmentConfirmations.retryNotFailed', { status: row.status });
      const result = await pushShipmentConfirmations(deps, request.shop.id, id, { ids: [confirmationId] });
      if (!result.connected) throw await noConnector(deps, request.shop.id, id);
      return audited(request.shop.id, request.shop.actor, id, result);
    },
  );

  r.post(
    `${base}/export`,
    { schema: { tags, params: idParams }, preHandler: ship },
    async (request, reply) => {
      const file = await withShop(db, request.shop.id, (trx) =>
        exportConfirmationFile(trx, request.shop.id, request.shop.actor, request.params.id),
      );
      return reply.status(201).send({
        ...file,
        downloadUrl: `/api/shops/${encodeURIComponent(request.shop.slug)}/channel-accounts/${request.params.id}/shipment-confirmations/files/${file.batch}`,
      });
    },
  );

  r.get(
    `${base}/files/:batch`,
    { schema: { tags, params: batchParams }, preHandler: read },
    async (request, reply) => {
      const file = await withShop(db, request.shop.id, (trx) =>
        loadBatchFile(trx, request.shop.id, request.params.id, request.params.batch),
      );
      const stream = new PassThrough();
      writeConfirmationFile(file.format, file.items, stream).catch((e) => stream.destroy(e));
      return reply
        .header('content-type', confirmationContentType(file.format))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(stream);
    },
  );

  r.post(
    `${base}/files/:batch/uploaded`,
    { schema: { tags, params: batchParams }, preHandler: ship },
    (request) =>
      withShop(db, request.shop.id, (trx) =>
        markConfirmationsUploaded(
          trx,
          request.shop.id,
          request.shop.actor,
          request.params.id,
          request.params.batch,
        ),
      ),
  );
}

async function noConnector(deps: Deps, shopId: string, accountId: string) {
  const account = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('channel_accounts')
      .select('name')
      .where('shop_id', '=', shopId)
      .where('id', '=', accountId)
      .executeTakeFirst(),
  );
  if (!account) return appError('NOT_FOUND', 'orders.account.notFound');
  return appError('CONFLICT', 'shipmentConfirmations.noConnector', { account: account.name });
}
