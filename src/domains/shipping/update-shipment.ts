import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { getService } from './integrations.ts';
import { firstMileSchema } from './plan-shipment.ts';

export const updateShipmentSchema = z.object({
  serviceId: z.uuid().optional(),
  senderId: z.uuid().nullish(),
  firstMile: firstMileSchema.nullish(),
  parcels: z
    .array(
      z.object({
        parcelNo: z.number().int().min(1),
        weightG: z.number().int().min(1).max(1_000_000),
        dimsMm: z
          .object({ l: z.number().int().min(1), w: z.number().int().min(1), h: z.number().int().min(1) })
          .nullish(),
      }),
    )
    .max(50)
    .optional(),
});

/** Packing changes (weights, dimensions, service, sender) before a label exists; then 'packed'. */
export async function updateShipment(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateShipmentSchema>,
) {
  const s = await trx
    .selectFrom('shipments')
    .select(['number', 'status', 'service_id'])
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw appError('NOT_FOUND', 'shipping.notFound');
  if (s.status !== 'draft' && s.status !== 'packed')
    throw appError('CONFLICT', 'shipping.update.locked', {
      number: s.number,
      status: { key: `shipping.status.${s.status}` },
    });
  const now = new Date();
  const service = input.serviceId ? await getService(trx, shopId, input.serviceId) : undefined;
  if (input.serviceId && !service) throw appError('NOT_FOUND', 'shipping.service.notFound');
  if (input.senderId) {
    const sender = await trx
      .selectFrom('shipping_senders')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('id', '=', input.senderId)
      .executeTakeFirst();
    if (!sender) throw appError('NOT_FOUND', 'shipping.sender.notFound');
  }
  for (const p of input.parcels ?? []) {
    const r = await trx
      .updateTable('shipment_parcels')
      .set({
        weight_g: p.weightG,
        length_mm: p.dimsMm?.l ?? null,
        width_mm: p.dimsMm?.w ?? null,
        height_mm: p.dimsMm?.h ?? null,
      })
      .where('shop_id', '=', shopId)
      .where('shipment_id', '=', id)
      .where('parcel_no', '=', p.parcelNo)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows))
      throw appError('NOT_FOUND', 'shipping.label.unknownParcel', { parcel: p.parcelNo });
  }
  const hasService = !!(service || s.service_id);
  await trx
    .updateTable('shipments')
    .set({
      ...(service
        ? {
            service_id: service.id,
            service_code: service.code,
            service_name: service.name,
            carrier: service.carrier,
            carrier_account_id: service.carrierAccountId,
            service_reason: 'manual',
          }
        : {}),
      ...(input.senderId !== undefined ? { sender_id: input.senderId } : {}),
      ...(input.firstMile !== undefined
        ? {
            first_mile_carrier: input.firstMile?.carrier ?? null,
            first_mile_tracking: input.firstMile?.trackingNumber ?? null,
          }
        : {}),
      status: hasService ? 'packed' : 'draft',
      ...(hasService && s.status === 'draft' ? { packed_at: now } : {}),
      updated_at: now,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'shipment.updated',
    entityType: 'shipment',
    entityId: id,
    changes: { serviceId: input.serviceId ?? null },
  });
}
