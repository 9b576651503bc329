/** YunExpress as a CarrierConnector (see client.ts for the wire protocol). */
import { appError } from '../../../kernel/errors.ts';
import { parseChinaTime } from '../carrier-values.ts';
import type { CarrierConnector, CarrierEvent, CarrierOrder } from '../connector.ts';
import { isAuthText, isDuplicateText, refusalFromTexts } from '../refusals.ts';
import type { YunEnvelope, YunExpressClient } from './client.ts';
import { yunExpressOrder } from './map-parcel.ts';

const carrier = 'YunExpress';
const OK = '0000';

interface YunOrderItem {
  CustomerOrderNumber?: string;
  Success?: number | boolean;
  Remark?: string;
  WayBillNumber?: string;
  TrackingNumber?: string;
}

const first = <T>(v: unknown): T | undefined => (Array.isArray(v) ? (v[0] as T) : (v as T | undefined));
const unexpected = (what: string) =>
  appError('PROVIDER_FAILED', 'carriers.remote.unexpected', { carrier, what });

/** YunExpress's own number (YT…) is the tracking number; a different TrackingNumber is the last mile's. */
function toOrder(i: YunOrderItem): CarrierOrder {
  if (!i.WayBillNumber) throw unexpected('WayBillNumber');
  const other = i.TrackingNumber && i.TrackingNumber !== i.WayBillNumber ? i.TrackingNumber : null;
  return {
    carrierOrderId: i.WayBillNumber,
    trackingNumber: i.WayBillNumber,
    lastMile: other ? { carrier: 'other', trackingNumber: other } : null,
  };
}

const failure = (env: YunEnvelope, item?: { Remark?: string }) =>
  refusalFromTexts(carrier, (item?.Remark ?? env.Message ?? env.Code ?? '').split(/[;；]\s*/));

export function yunExpressConnector(client: YunExpressClient): CarrierConnector {
  return {
    async createOrFind(parcel, ref, shippingMethod) {
      const env = await client.createOrders([yunExpressOrder(parcel, ref, shippingMethod)]);
      const item = first<YunOrderItem>(env.Item);
      if (env.Code === OK && item && (item.Success === 1 || item.Success === true)) return toOrder(item);
      const text = item?.Remark ?? env.Message ?? '';
      if (!isDuplicateText(text)) throw failure(env, item);
      // An earlier attempt created it (its answer was lost): use that order, never buy twice.
      const found = await client.getOrder(ref);
      const existing = first<YunOrderItem>(found.Item);
      if (found.Code !== OK || !existing) throw failure(env, item);
      return toOrder(existing);
    },
    async labelPdf(order) {
      const env = await client.printLabels([order.carrierOrderId]);
      const url = first<{ Url?: string }>(env.Item)?.Url;
      if (env.Code !== OK) throw failure(env);
      if (!url) throw unexpected('Item[0].Url');
      return client.download(url);
    },
    async cancel(carrierOrderId) {
      const env = await client.deleteOrder(carrierOrderId);
      if (env.Code === OK) return { cancelled: true, message: null };
      if (isAuthText(env.Message ?? '')) throw failure(env);
      return { cancelled: false, message: env.Message ?? null };
    },
    async tracking(trackingNumber) {
      const env = await client.trackInfo(trackingNumber);
      if (env.Code !== OK) {
        if (/未查询到|暂无|not found|no track/i.test(env.Message ?? '')) return [];
        throw failure(env);
      }
      const rows =
        first<{
          OrderTrackingDetails?: {
            ProcessDate?: string;
            ProcessContent?: string;
            ProcessLocation?: string;
          }[];
        }>(env.Item)?.OrderTrackingDetails ?? [];
      const out: CarrierEvent[] = [];
      for (const r of rows) {
        const at = r.ProcessDate ? parseChinaTime(r.ProcessDate) : null;
        if (!at) continue;
        out.push({
          carrier: 'yunexpress',
          trackingNumber,
          occurredAt: at,
          description: r.ProcessContent ?? '',
          rawStatus: null,
          location: r.ProcessLocation || null,
          source: 'api',
          externalId: `yunexpress:${trackingNumber}:${at.toISOString()}:${r.ProcessContent ?? ''}`.slice(
            0,
            300,
          ),
        });
      }
      return out;
    },
    async test() {
      const env = await client.shippingMethods();
      if (env.Code === OK) {
        const items = env.Items ?? env.Item;
        return {
          ok: true,
          key: 'carriers.account.testOk',
          params: { count: Array.isArray(items) ? items.length : 0 },
        };
      }
      const e = failure(env);
      return { ok: false, key: e.key ?? 'carriers.refused', ...(e.params ? { params: e.params } : {}) };
    },
  };
}
