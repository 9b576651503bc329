import type { Kysely } from 'kysely';
import { formatMessage, type Locale } from '../../../kernel/i18n/index.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import { writeTabular } from '../../../platform/files/tabular/index.ts';
import { type AgeingOptions, buildAgeingRows } from './build-ageing-rows.ts';
import { adviseClearance, type ClearanceThresholds } from './clearance-rules.ts';
import { ageBuckets } from './fifo.ts';

/** CNY fen as a number of yuan: a number cell a seller can sum, not text. */
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * The ageing report as xlsx, one row per SKU × warehouse, headers in the reader's language.
 * Cells go through writeTabular, which neutralises formula-like text (a SKU such as "=1+1").
 */
export async function exportAgeing(
  db: Kysely<DB>,
  shopId: string,
  opts: AgeingOptions & Omit<ClearanceThresholds, 'windowDays'>,
  locale: Locale,
  out: NodeJS.WritableStream | { path: string },
): Promise<void> {
  const { rows } = await withShop(db, shopId, (trx) => buildAgeingRows(trx, shopId, opts));
  const t = (key: Parameters<typeof formatMessage>[1], params?: Parameters<typeof formatMessage>[2]) =>
    formatMessage(locale, key, params);
  const headers = [
    t('ageing.col.sku'),
    t('ageing.col.product'),
    t('ageing.col.warehouse'),
    t('ageing.col.onHand'),
    t('ageing.col.available'),
    t('ageing.col.unitCost'),
    t('ageing.col.value'),
    ...ageBuckets.map((bucket) => t('ageing.col.bucket', { bucket })),
    t('ageing.col.oldestReceived'),
    t('ageing.col.oldestAge'),
    ...opts.windows.flatMap((days) => [
      t('ageing.col.shipped', { days }),
      t('ageing.col.sellThrough', { days }),
      t('ageing.col.avgDaily', { days }),
      t('ageing.col.daysOfCover', { days }),
    ]),
    t('ageing.col.lastSale'),
    t('ageing.col.action'),
  ];
  // Clearance is judged on the longest window, as the clearance list does by default (90 days).
  const longest = opts.windows.indexOf(Math.max(...opts.windows));
  const data = rows.map((r) => {
    const s = r.sales[longest]!;
    const advice = adviseClearance(
      {
        onHand: r.onHand,
        oldestAgeDays: r.oldestAgeDays,
        heldDays: r.heldDays,
        shipped: s.shipped,
        daysOfCover: s.daysOfCover,
      },
      { ...opts, windowDays: opts.windows[longest]! },
    );
    return [
      r.sku,
      r.productTitle,
      r.warehouseCode,
      r.onHand,
      r.available,
      yuan(r.unitCostMinor),
      yuan(r.valueMinor),
      ...r.buckets,
      r.oldestReceivedOn,
      r.oldestAgeDays,
      ...r.sales.flatMap((m) => [
        m.shipped,
        m.sellThroughPct,
        m.avgDailySales,
        m.daysOfCover ?? t('ageing.noSales'),
      ]),
      r.lastSaleOn,
      advice
        ? t(
            `ageing.action.${advice.action}`,
            advice.discountPct === null ? {} : { discount: advice.discountPct },
          )
        : null,
    ];
  });
  await writeTabular(out, 'xlsx', headers, data, { sheetName: t('ageing.sheet') });
}
