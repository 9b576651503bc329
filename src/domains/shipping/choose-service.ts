import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { assignService, getService } from './integrations.ts';
import type { ShipmentPlan } from './plan-shipment.ts';

export interface ServiceChoice {
  serviceId: string | null;
  code: string | null;
  name: string | null;
  carrier: string | null;
  carrierAccountId: string | null;
  /** Why this service: the assignment rule's reason, 'chosen by hand', or why none fits. */
  reason: string;
}

const totalWeight = (plan: ShipmentPlan) => plan.parcels.reduce((s, p) => s + p.weightG, 0);

/**
 * The service of a new shipment: the one the user picked (from quoteRates), else the one the
 * shop's assignment rules pick. No eligible service is not an error: the shipment stays a draft
 * with the reason, and the user picks one later.
 */
export async function chooseService(
  trx: Tx,
  shopId: string,
  plan: ShipmentPlan,
  serviceId?: string | null,
): Promise<ServiceChoice> {
  if (serviceId) {
    const s = await getService(trx, shopId, serviceId);
    if (!s) throw appError('NOT_FOUND', 'shipping.service.notFound');
    return {
      serviceId: s.id,
      code: s.code,
      name: s.name,
      carrier: s.carrier,
      carrierAccountId: s.carrierAccountId,
      reason: 'manual',
    };
  }
  const first = plan.orders[0]!;
  const r = await assignService(trx, shopId, {
    orderId: first.id,
    channel: first.channel,
    channelAccountId: first.channelAccountId,
    destinationCountry: plan.shipTo.country,
    postcode: plan.shipTo.postcode,
    weightG: totalWeight(plan),
    dimsMm: plan.parcels.length === 1 ? plan.parcels[0]!.dimsMm : null,
    valueMinor: plan.valueMinor,
    currency: plan.currency,
    skus: plan.skus,
    battery: plan.battery,
    dangerousGoods: plan.dangerousGoods,
  });
  if (!r.option)
    return {
      serviceId: null,
      code: null,
      name: null,
      carrier: null,
      carrierAccountId: null,
      reason: r.reason,
    };
  const s = await getService(trx, shopId, r.option.serviceId);
  return {
    serviceId: r.option.serviceId,
    code: r.option.code,
    name: r.option.name,
    carrier: r.option.carrier,
    carrierAccountId: s?.carrierAccountId ?? null,
    reason: r.reason,
  };
}
