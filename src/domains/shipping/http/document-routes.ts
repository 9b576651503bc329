import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../../platform/http/app.ts';
import type { Deps } from '../../../server.ts';
import { shopGuard } from '../../shops/index.ts';
import {
  documentKinds,
  renderBatchLabels,
  renderBatchPickList,
  renderShipmentDocument,
} from '../render-documents.ts';

const shopParams = z.object({ shop: z.string() });
const docParams = shopParams.extend({ id: z.uuid(), kind: z.enum(documentKinds) });
const batchBody = z.object({ ids: z.array(z.string().trim().min(1).max(80)).min(1).max(1000) });
const tags = ['shipping'];

const sendPdf = (reply: FastifyReply, pdf: Buffer, fileName: string) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf);

/**
 * Shipment documents as PDF: one document of one shipment, or batches (labels of hundreds of
 * shipments as one PDF, one pick list). Reading documents needs shipping:read.
 */
export function registerDocumentRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop/shipments';
  const read = shopGuard(db, 'shipping:read');

  r.get(
    `${base}/:id/documents/:kind.pdf`,
    { schema: { tags, params: docParams }, preHandler: read },
    async (request, reply) => {
      const { pdf, fileName } = await renderShipmentDocument(
        deps,
        request.shop.id,
        request.params.id,
        request.params.kind,
      );
      return sendPdf(reply, pdf, fileName);
    },
  );
  r.post(
    `${base}/documents/labels`,
    { schema: { tags, params: shopParams, body: batchBody }, preHandler: read },
    async (request, reply) => {
      const { pdf, fileName } = await renderBatchLabels(deps, request.shop.id, request.body.ids);
      return sendPdf(reply, pdf, fileName);
    },
  );
  r.post(
    `${base}/documents/pick-list`,
    { schema: { tags, params: shopParams, body: batchBody }, preHandler: read },
    async (request, reply) => {
      const { pdf, fileName } = await renderBatchPickList(deps, request.shop.id, request.body.ids);
      return sendPdf(reply, pdf, fileName);
    },
  );
}
