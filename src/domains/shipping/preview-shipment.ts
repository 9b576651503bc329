import { isAppError, localizeError } from '../../kernel/errors.ts';
import type { Locale } from '../../kernel/i18n/index.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { chooseService } from './choose-service.ts';
import { quoteRates } from './integrations.ts';
import { type CreateShipmentInput, planShipment } from './plan-shipment.ts';

/**
 * What creating would do, without creating: the merged address, each line's remaining quantity,
 * the parcels with default weights, the service the rules pick (and why) and every quote, so the
 * wizard can show them before the user confirms. Refusals are the same errors create gives.
 */
export async function previewShipment(
  trx: Tx,
  shopId: string,
  input: CreateShipmentInput,
  locale: Locale = 'en',
) {
  const plan = await planShipment(trx, shopId, input);
  const weightG = plan.parcels.reduce((s, p) => s + p.weightG, 0);
  // Rating problems (no rate card, logistics not configured) are shown, not fatal: the user can
  // still see the parcels and pick a service once one exists.
  const assigned = await chooseService(trx, shopId, plan, input.serviceId).catch((e: unknown) => {
    if (!isAppError(e) || e.code === 'INTERNAL') throw e;
    return {
      serviceId: null,
      code: null,
      name: null,
      carrier: null,
      carrierAccountId: null,
      reason: localizeError(locale, e).message,
    };
  });
  const quote = await quoteRates(trx, shopId, {
    destinationCountry: plan.shipTo.country,
    postcode: plan.shipTo.postcode,
    weightG,
    dimsMm: plan.parcels.length === 1 ? plan.parcels[0]!.dimsMm : null,
    declaredValue: { amountMinor: plan.valueMinor, currency: plan.currency },
    battery: plan.battery,
    dangerousGoods: plan.dangerousGoods,
  }).catch((e: unknown) => {
    if (!isAppError(e) || e.code === 'INTERNAL') throw e;
    return { options: [], excluded: [], problem: localizeError(locale, e).message };
  });
  return {
    orders: plan.orders.map((o) => ({ id: o.id, ref: o.ref, status: o.status })),
    shipTo: plan.shipTo,
    currency: plan.currency,
    valueMinor: plan.valueMinor,
    lines: plan.lines.map((l) => ({
      orderId: l.orderId,
      orderRef: l.orderRef,
      orderLineId: l.orderLineId,
      sku: l.sku,
      title: l.title,
      ordered: l.ordered,
      remaining: l.remaining,
      unitWeightG: l.unitWeightG,
    })),
    parcels: plan.parcels,
    weightG,
    assigned: {
      serviceId: assigned.serviceId,
      code: assigned.code,
      name: assigned.name,
      carrier: assigned.carrier,
      reason: assigned.reason,
    },
    options: quote.options,
    excluded: quote.excluded,
    quoteProblem: 'problem' in quote ? quote.problem : null,
  };
}
