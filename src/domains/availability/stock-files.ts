import type { Writable } from 'node:stream';
import { appError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { neutraliseCell, writeTabular } from '../../platform/files/tabular/index.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { eachAvailable } from './compute-available.ts';
import { requireAccount } from './stock-rules.ts';
import type { FileFormat } from './tables.ts';

/**
 * Amazon "Price & Quantity" inventory file (flat file feed _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_,
 * uploaded under Catalog → Add Products via Upload): tab-delimited, this exact header line. Empty
 * price leaves the price alone; empty fulfillment-channel keeps the listing merchant-fulfilled.
 */
export const amazonInventoryHeaders = [
  'sku',
  'price',
  'minimum-seller-allowed-price',
  'maximum-seller-allowed-price',
  'quantity',
  'handling-time',
  'fulfillment-channel',
] as const;

/**
 * ── SHOPEE TEMPLATE (see docs/decisions/0010-channel-available-to-sell.md) ──────────────────────
 * Shopee Seller Centre → My Products → Mass Update → "Sales Info" template (mass_update_sales_info).
 * Row 1 holds Shopee's column keys, row 2 starts with the sheet id "sales_info", row 3 the column
 * names in the seller's language, rows 4–6 guidance; data starts on row 7. The keys are confirmed
 * from several sellers' tools that read the downloaded template; the English names are the
 * English Seller Centre's as far as we could confirm them. Shopee matches rows on Product ID /
 * Variation ID, which Cunkou does not hold: the seller pastes Stock into the template Shopee gave
 * them, or fills the IDs, unless a connector pushes through the API instead.
 */
export const shopeeSalesInfoColumns = [
  { key: 'et_title_product_id', name: 'Product ID' },
  { key: 'et_title_product_name', name: 'Product Name' },
  { key: 'et_title_variation_id', name: 'Variation ID' },
  { key: 'et_title_variation_name', name: 'Variation Name' },
  { key: 'et_title_parent_sku', name: 'Parent SKU' },
  { key: 'et_title_variation_sku', name: 'SKU' },
  { key: 'et_title_variation_price', name: 'Price' },
  { key: 'ps_gtin_code', name: 'GTIN' },
  { key: 'et_title_variation_stock', name: 'Stock' },
  { key: 'ps_minimum_purchase_quantity', name: 'Minimum Purchase Quantity' },
  { key: 'ps_maximum_purchase_quantity', name: 'Maximum Purchase Quantity' },
  { key: 'ps_maximum_purchase_quantity_start_date', name: 'Maximum Purchase Quantity - Start Date' },
  {
    key: 'ps_maximum_purchase_quantity_time_period',
    name: 'Maximum Purchase Quantity - Time Period (in Days)',
  },
  { key: 'ps_maximum_purchase_quantity_end_date', name: 'Maximum Purchase Quantity - End Date' },
  { key: 'et_title_reason', name: 'Fail Reason' },
] as const;
export const SHOPEE_DATA_FIRST_ROW = 7;

/** Which upload files a channel accepts (none for channels without a known stock template). */
export function fileFormatsFor(channel: string): FileFormat[] {
  if (channel === 'amazon') return ['amazon'];
  if (channel === 'shopee') return ['shopee'];
  return [];
}

export interface StockFileItem {
  channelSku: string;
  quantity: number;
}

/**
 * Snapshot the quantities for an upload file (changed SKUs, or all with `full`). Nothing counts as
 * pushed yet: the seller uploads it to the channel and then marks it uploaded.
 */
export async function createStockFile(
  trx: Tx,
  shopId: string,
  actor: Actor,
  accountId: string,
  format: FileFormat,
  full: boolean,
) {
  const account = await requireAccount(trx, shopId, accountId);
  if (account.channel !== 'other' && !fileFormatsFor(account.channel).includes(format))
    throw appError('VALIDATION_FAILED', 'availability.file.wrongChannel', {
      format,
      channel: account.channel,
    });
  const items: StockFileItem[] = [];
  for await (const row of eachAvailable(trx, shopId, accountId, { changedOnly: !full }))
    if (row.status === 'ok' && row.quantity != null)
      items.push({ channelSku: row.channelSku, quantity: row.quantity });
  const id = newId();
  await trx
    .insertInto('channel_stock_files')
    .values({ shop_id: shopId, id, channel_account_id: accountId, format, items: JSON.stringify(items) })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'channel_stock.file_created',
    entityType: 'channel_stock_file',
    entityId: id,
    changes: { accountId, format, full, items: items.length },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const safe = account.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 40);
  const fileName =
    format === 'amazon' ? `amazon-inventory-${safe}-${stamp}.txt` : `shopee-sales-info-${safe}-${stamp}.xlsx`;
  return { id, format, items, fileName };
}

export const contentTypeOf = (format: FileFormat) =>
  format === 'amazon'
    ? 'text/plain; charset=utf-8'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Amazon flat files are raw tab-separated text: no quoting, so tabs/line breaks in a cell become spaces. */
const amazonCell = (v: string | number) =>
  typeof v === 'number' ? String(v) : String(neutraliseCell(v.replace(/[\t\r\n]+/g, ' ')));

export async function writeStockFile(format: FileFormat, items: StockFileItem[], out: Writable) {
  if (format === 'amazon') {
    const lines = [amazonInventoryHeaders.join('\t')];
    for (const i of items)
      lines.push([amazonCell(i.channelSku), '', '', '', amazonCell(i.quantity), '', ''].join('\t'));
    out.end(`${lines.join('\r\n')}\r\n`);
    return;
  }
  const width = shopeeSalesInfoColumns.length;
  const blank = () => Array<string>(width).fill('');
  const meta = blank();
  meta[0] = 'sales_info';
  const skuCol = shopeeSalesInfoColumns.findIndex((c) => c.key === 'et_title_variation_sku');
  const stockCol = shopeeSalesInfoColumns.findIndex((c) => c.key === 'et_title_variation_stock');
  const rows = function* () {
    yield meta;
    yield shopeeSalesInfoColumns.map((c) => c.name);
    yield blank();
    yield blank();
    yield blank();
    for (const i of items) {
      const row: (string | number)[] = blank();
      row[skuCol] = i.channelSku;
      row[stockCol] = i.quantity;
      yield row;
    }
  };
  await writeTabular(
    out,
    'xlsx',
    shopeeSalesInfoColumns.map((c) => c.key),
    rows(),
    { sheetName: 'Sheet1' },
  );
}
