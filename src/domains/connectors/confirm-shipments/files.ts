/**
 * Shipping confirmations as the channel's own upload file, for accounts without a connected API.
 * Exporting writes every waiting confirmation of the account (pending, failed, or exported but not
 * yet uploaded) into one file batch and marks it file_exported; "mark uploaded" then closes that
 * batch. Every text cell is neutralised against formula injection.
 */
import type { Writable } from 'node:stream';
import { appError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { neutraliseCell, writeTabular } from '../../../platform/files/tabular/index.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { AMAZON_OTHER } from './carrier-map.ts';
import type { ConfirmationLine } from './tables.ts';

/**
 * Amazon Seller Central "Shipping Confirmation" template (Order Fulfillment flat file,
 * POST_FLAT_FILE_FULFILLMENT_DATA): tab-delimited, this header line; ship-date yyyy-mm-dd;
 * carrier-name only when carrier-code is Other. Source: Seller Central help "Shipping
 * Confirmation template" (help item 641 / 201576520).
 */
export const amazonShipConfirmHeaders = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
] as const;

/**
 * Shopee Seller Centre → Orders → Mass Ship, seller-arranged ("non-integrated") channel: the
 * upload sheet pairs each order with its tracking number. GUESSED column names (we could not
 * confirm the current template): see docs/decisions/2026-11-26-shipment-write-back.md.
 */
export const shopeeMassShipHeaders = ['Order ID', 'Tracking Number'] as const;

export type ConfirmationFileFormat = 'amazon' | 'shopee';

export interface FileRow {
  externalOrderId: string;
  carrierCode: string;
  carrierName: string;
  shipMethod: string | null;
  trackingNumber: string;
  shippedAt: Date;
  lines: ConfirmationLine[];
}

export function fileFormatOf(channel: string): ConfirmationFileFormat | null {
  return channel === 'amazon' || channel === 'shopee' ? channel : null;
}

export const confirmationContentType = (format: ConfirmationFileFormat) =>
  format === 'amazon'
    ? 'text/plain; charset=utf-8'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function accountOf(trx: Tx, shopId: string, accountId: string) {
  const account = await trx
    .selectFrom('channel_accounts')
    .select(['id', 'name', 'channel'])
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  return account;
}

/** Put the account's waiting confirmations into a new file batch (download it with loadBatchFile). */
export async function exportConfirmationFile(trx: Tx, shopId: string, actor: Actor, accountId: string) {
  const account = await accountOf(trx, shopId, accountId);
  const format = fileFormatOf(account.channel);
  if (!format)
    throw appError('VALIDATION_FAILED', 'shipmentConfirmations.noFileFormat', { channel: account.channel });
  const batch = newId();
  const rows = await trx
    .updateTable('channel_shipment_confirmations')
    .set({ status: 'file_exported', export_batch: batch, exported_at: new Date(), updated_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where('status', 'in', ['pending', 'failed', 'file_exported'])
    .returning('id')
    .execute();
  if (!rows.length)
    throw appError('CONFLICT', 'shipmentConfirmations.nothingToExport', { account: account.name });
  await recordAudit(trx, shopId, actor, {
    action: 'shipment_confirmation.file_exported',
    entityType: 'channel_account',
    entityId: accountId,
    changes: { batch, format, confirmations: rows.length },
  });
  return { batch, format, count: rows.length, fileName: fileNameOf(format, account.name) };
}

function fileNameOf(format: ConfirmationFileFormat, accountName: string) {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const safe = accountName.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 40);
  return format === 'amazon'
    ? `amazon-ship-confirm-${safe}-${stamp}.txt`
    : `shopee-mass-ship-${safe}-${stamp}.xlsx`;
}

/** The rows of one exported batch, for writing its file (reading only; download it again any time). */
export async function loadBatchFile(trx: Tx, shopId: string, accountId: string, batch: string) {
  const account = await accountOf(trx, shopId, accountId);
  const format = fileFormatOf(account.channel);
  if (!format)
    throw appError('VALIDATION_FAILED', 'shipmentConfirmations.noFileFormat', { channel: account.channel });
  const rows = await trx
    .selectFrom('channel_shipment_confirmations')
    .select([
      'external_order_id',
      'channel_carrier_code',
      'channel_carrier_name',
      'ship_method',
      'tracking_number',
      'shipped_at',
      'lines',
    ])
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where('export_batch', '=', batch)
    .orderBy('external_order_id')
    .orderBy('tracking_number')
    .execute();
  if (!rows.length) throw appError('NOT_FOUND', 'shipmentConfirmations.notFound');
  const items: FileRow[] = rows.map((r) => ({
    externalOrderId: r.external_order_id,
    carrierCode: r.channel_carrier_code,
    carrierName: r.channel_carrier_name,
    shipMethod: r.ship_method,
    trackingNumber: r.tracking_number,
    shippedAt: new Date(r.shipped_at),
    lines: (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as ConfirmationLine[],
  }));
  return { format, fileName: fileNameOf(format, account.name), items };
}

/** Amazon flat files are raw tab-separated text: tabs and line breaks inside a cell become spaces. */
const amazonCell = (v: string | number) =>
  typeof v === 'number' ? String(v) : String(neutraliseCell(v.replace(/[\t\r\n]+/g, ' ')));

export async function writeConfirmationFile(format: ConfirmationFileFormat, items: FileRow[], out: Writable) {
  if (format === 'amazon') {
    const lines = [amazonShipConfirmHeaders.join('\t')];
    for (const i of items) {
      const date = i.shippedAt.toISOString().slice(0, 10);
      const name = i.carrierCode === AMAZON_OTHER ? i.carrierName : '';
      // One row per order item (split shipments need the quantity of each item in this package);
      // without Amazon's item ids (orders not from Amazon data) one row confirms the whole order.
      const itemised = i.lines.length > 0 && i.lines.every((l) => l.externalLineId);
      for (const l of itemised ? i.lines : [null])
        lines.push(
          [
            amazonCell(i.externalOrderId),
            amazonCell(l?.externalLineId ?? ''),
            l ? amazonCell(l.quantity) : '',
            date,
            amazonCell(i.carrierCode),
            amazonCell(name),
            amazonCell(i.trackingNumber),
            amazonCell(i.shipMethod ?? ''),
          ].join('\t'),
        );
    }
    out.end(`${lines.join('\r\n')}\r\n`);
    return;
  }
  await writeTabular(
    out,
    'xlsx',
    [...shopeeMassShipHeaders],
    items.map((i) => [i.externalOrderId, i.trackingNumber]),
    { sheetName: 'Sheet1' },
  );
}

/** The seller uploaded the batch's file and the channel took it. Marking twice changes nothing. */
export async function markConfirmationsUploaded(
  trx: Tx,
  shopId: string,
  actor: Actor,
  accountId: string,
  batch: string,
) {
  await accountOf(trx, shopId, accountId);
  const rows = await trx
    .updateTable('channel_shipment_confirmations')
    .set({ status: 'uploaded', uploaded_at: new Date(), updated_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .where('export_batch', '=', batch)
    .where('status', '=', 'file_exported')
    .returning('id')
    .execute();
  if (rows.length)
    await recordAudit(trx, shopId, actor, {
      action: 'shipment_confirmation.file_uploaded',
      entityType: 'channel_account',
      entityId: accountId,
      changes: { batch, confirmations: rows.length },
    });
  return { batch, marked: rows.length };
}
