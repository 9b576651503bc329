import ExcelJS from 'exceljs';
import { appError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { eachAvailable } from './compute-available.ts';
import type { StockFileItem } from './stock-files.ts';
import { requireAccount } from './stock-rules.ts';

const text = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v).trim();
};

/**
 * Shopee matches mass-update rows on its own Product ID / Variation ID, which only Shopee knows.
 * So the reliable file is the seller's own "Sales Info" template downloaded from Seller Centre:
 * we fill its Stock column by SKU (variation SKU, else parent SKU) and hand it back unchanged
 * otherwise. Rows whose SKU Cunkou cannot resolve keep the stock Shopee already has.
 */
export async function fillShopeeTemplate(
  trx: Tx,
  shopId: string,
  actor: Actor,
  accountId: string,
  data: Buffer,
) {
  await requireAccount(trx, shopId, accountId);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw appError('BAD_FILE', 'availability.file.notShopeeTemplate');
  }
  const ws = wb.worksheets.find((s) =>
    (s.getRow(1).values as ExcelJS.CellValue[]).some((v) => text(v) === 'et_title_variation_stock'),
  );
  if (!ws) throw appError('BAD_FILE', 'availability.file.notShopeeTemplate');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(text);
  const col = (key: string) => header.indexOf(key);
  const [idCol, parentCol, skuCol, stockCol] = [
    col('et_title_product_id'),
    col('et_title_parent_sku'),
    col('et_title_variation_sku'),
    col('et_title_variation_stock'),
  ];
  if (idCol < 1 || skuCol < 1) throw appError('BAD_FILE', 'availability.file.notShopeeTemplate');

  const rows: { row: ExcelJS.Row; sku: string }[] = [];
  ws.eachRow((row, n) => {
    if (n < 3 || !/^\d+$/.test(text(row.getCell(idCol).value))) return;
    const sku = text(row.getCell(skuCol).value) || (parentCol > 0 ? text(row.getCell(parentCol).value) : '');
    if (sku) rows.push({ row, sku });
  });
  const quantities = new Map<string, number>();
  const skus = [...new Set(rows.map((r) => r.sku))];
  for await (const a of eachAvailable(trx, shopId, accountId, { changedOnly: false, skus }))
    if (a.status === 'ok' && a.quantity != null) quantities.set(a.channelSku, a.quantity);

  const items: StockFileItem[] = [];
  for (const { row, sku } of rows) {
    const q = quantities.get(sku);
    if (q === undefined) continue;
    row.getCell(stockCol).value = q;
    items.push({ channelSku: sku, quantity: q });
  }
  // The file goes back to the seller's Excel: no formula survives, only its last value.
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = text(cell.value) || null;
    }),
  );
  const id = newId();
  await trx
    .insertInto('channel_stock_files')
    .values({
      shop_id: shopId,
      id,
      channel_account_id: accountId,
      format: 'shopee',
      items: JSON.stringify(items),
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'channel_stock.file_created',
    entityType: 'channel_stock_file',
    entityId: id,
    changes: { accountId, format: 'shopee', template: true, items: items.length, rows: rows.length },
  });
  return { id, items, rows: rows.length, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}
