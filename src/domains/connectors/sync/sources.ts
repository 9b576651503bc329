/**
 * Where a sync reads pages from. Each provider turns (time window, page cursor) into one page of
 * normalised orders plus the cursor of the next page (null: the window is done).
 */

import { marketplaceCountry } from '../../orders/core/markets.ts';
import type { NormalisedOrder } from '../../orders/import/build-order.ts';
import type { AmazonClient } from '../amazon/client.ts';
import { mapAmazonOrder } from '../amazon/map-order.ts';
import type { ShopeeClient } from '../shopee/client.ts';
import { mapShopeeOrder } from '../shopee/map-order.ts';

export interface SyncWindow {
  from: Date;
  to: Date;
  /** False when the window was capped short of "now" (Shopee's 15-day limit): another follows. */
  final: boolean;
}

export interface Page {
  orders: NormalisedOrder[];
  /** Orders the channel returned that could not be mapped (unknown status or currency). */
  failed: string[];
  nextCursor: string | null;
}

export interface PageSource {
  window(highWater: Date | null, now: Date): SyncWindow;
  page(w: { from: Date; to: Date }, cursor: string | null): Promise<Page>;
}

const DAY = 86_400_000;
/** Each window starts this much before the last committed one ended: late writes are not missed. */
export const OVERLAP_MS = 10 * 60_000;
/** A first sync reads this far back. */
export const FIRST_SYNC_DAYS = 15;

const startOf = (highWater: Date | null, now: Date) =>
  highWater ? new Date(highWater.getTime() - OVERLAP_MS) : new Date(now.getTime() - FIRST_SYNC_DAYS * DAY);

const mapAll = <T>(items: T[], map: (x: T) => NormalisedOrder, idOf: (x: T) => string) => {
  const orders: NormalisedOrder[] = [];
  const failed: string[] = [];
  for (const x of items) {
    try {
      orders.push(map(x));
    } catch {
      failed.push(idOf(x));
    }
  }
  return { orders, failed };
};

/** get_order_list by update_time (windows of at most 15 days, cursor/more), details 50 at a time. */
export function shopeeSource(client: ShopeeClient, marketplace: string | null, pageSize = 100): PageSource {
  const country = marketplaceCountry(marketplace);
  return {
    window(highWater, now) {
      const from = startOf(highWater, now);
      const cap = from.getTime() + 15 * DAY - 1000;
      return cap < now.getTime() ? { from, to: new Date(cap), final: false } : { from, to: now, final: true };
    },
    async page(w, cursor) {
      const list = await client.getOrderList({
        from: Math.floor(w.from.getTime() / 1000),
        to: Math.floor(w.to.getTime() / 1000),
        cursor: cursor ?? '',
        pageSize,
      });
      const details = [];
      for (let i = 0; i < list.orderSns.length; i += 50)
        details.push(...(await client.getOrderDetails(list.orderSns.slice(i, i + 50))));
      const { orders, failed } = mapAll(
        details,
        (d) => mapShopeeOrder(d, country),
        (d) => d.order_sn,
      );
      return { orders, failed, nextCursor: list.more && list.nextCursor ? list.nextCursor : null };
    },
  };
}

/**
 * getOrders by LastUpdatedAfter/Before with NextToken, then getOrderItems per order. Orders data
 * is about two minutes behind, so a window ends two minutes before now (LastUpdatedBefore must).
 */
export function amazonSource(client: AmazonClient, marketplace: string | null): PageSource {
  const country = marketplaceCountry(marketplace);
  return {
    window(highWater, now) {
      const to = new Date(now.getTime() - 2 * 60_000 - 1000);
      const from = startOf(highWater, now);
      return { from: from < to ? from : new Date(to.getTime() - 1000), to, final: true };
    },
    async page(w, cursor) {
      const r = await client.getOrders({
        lastUpdatedAfter: w.from.toISOString(),
        lastUpdatedBefore: w.to.toISOString(),
        nextToken: cursor,
      });
      const withItems = [];
      for (const o of r.orders) withItems.push({ o, items: await client.getOrderItems(o.AmazonOrderId) });
      const { orders, failed } = mapAll(
        withItems,
        (x) => mapAmazonOrder(x.o, x.items, country),
        (x) => x.o.AmazonOrderId,
      );
      return { orders, failed, nextCursor: r.nextToken };
    },
  };
}
