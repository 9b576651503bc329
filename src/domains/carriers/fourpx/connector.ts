/** 4PX as a CarrierConnector (see client.ts for the wire protocol). */
import { appError } from '../../../kernel/errors.ts';
import { isCarrierCode } from '../../tracking/numbers/index.ts';
import type { CarrierConnector, CarrierOrder } from '../connector.ts';
import type { FourPxClient, FourPxEnvelope } from './client.ts';
import { fourPxOrderBody } from './map-parcel.ts';
import { isDuplicateRef, isSignatureError, refusalError, refusalText } from './refusals.ts';
import { fourPxEvents } from './tracking-events.ts';

interface FourPxOrder {
  ds_consignment_no?: string;
  '4px_tracking_no'?: string;
  logistics_channel_no?: string | null;
  logistics_channel_name?: string | null;
}

const unexpected = (what: string) =>
  appError('PROVIDER_FAILED', 'carriers.remote.unexpected', { carrier: '4PX', what });

/** 4PX names the last-mile carrier in words ("USPS", "Royal Mail"); map to our codes or 'other'. */
function lastMileCode(name: string): string {
  const code = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return isCarrierCode(code) ? code : 'other';
}

function toOrder(o: FourPxOrder): CarrierOrder {
  if (!o.ds_consignment_no) throw unexpected('ds_consignment_no');
  if (!o['4px_tracking_no']) throw unexpected('4px_tracking_no');
  return {
    carrierOrderId: o.ds_consignment_no,
    trackingNumber: o['4px_tracking_no'],
    lastMile:
      o.logistics_channel_no && o.logistics_channel_name
        ? { carrier: lastMileCode(o.logistics_channel_name), trackingNumber: o.logistics_channel_no }
        : null,
  };
}

function labelUrl(env: FourPxEnvelope): string {
  if (env.result !== '1') throw refusalError(env);
  const d = (env.data ?? {}) as { label_url_info?: { logistics_label?: string } };
  const url = d.label_url_info?.logistics_label;
  if (!url) throw unexpected('label_url_info.logistics_label');
  return url;
}

export function fourPxConnector(client: FourPxClient): CarrierConnector {
  return {
    async createOrFind(parcel, ref, productCode) {
      const env = await client.createOrder(fourPxOrderBody(parcel, ref, productCode));
      if (env.result === '1') return toOrder((env.data ?? {}) as FourPxOrder);
      if (!isDuplicateRef(env)) throw refusalError(env);
      // An earlier attempt created it (its answer was lost): use that order, never buy twice.
      const found = await client.getOrder(ref);
      const list = found.result === '1' && Array.isArray(found.data) ? (found.data as FourPxOrder[]) : [];
      if (!list[0]) throw refusalError(env);
      return toOrder(list[0]);
    },
    async labelPdf(order) {
      return client.download(labelUrl(await client.getLabel(order.carrierOrderId)));
    },
    async cancel(carrierOrderId) {
      const env = await client.cancelOrder(carrierOrderId, 'Cancelled by seller in Cunkou');
      if (env.result === '1') return { cancelled: true, message: null };
      if (isSignatureError(env)) throw refusalError(env);
      return { cancelled: false, message: refusalText(env) || null };
    },
    async tracking(trackingNumber) {
      const env = await client.tracking(trackingNumber);
      if (env.result === '1') return fourPxEvents(trackingNumber, env.data);
      // "No tracking yet" is a normal answer for a fresh label.
      if (/未查询到|no track/i.test(refusalText(env))) return [];
      throw refusalError(env);
    },
    async test() {
      const env = await client.products();
      if (env.result === '1')
        return {
          ok: true,
          key: 'carriers.account.testOk',
          params: { count: Array.isArray(env.data) ? env.data.length : 0 },
        };
      const e = refusalError(env);
      return { ok: false, key: e.key ?? 'carriers.refused', ...(e.params ? { params: e.params } : {}) };
    },
  };
}
