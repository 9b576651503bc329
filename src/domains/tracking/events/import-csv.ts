/**
 * Tracking events from a seller's or forwarder's file (CSV in UTF-8/GBK/UTF-16, or xlsx), with
 * English or Chinese headers. Valid rows are stored (deduplicated, so re-importing the same file
 * stores nothing new); each failed row is reported with the file, row and column.
 */
import type { Kysely } from 'kysely';
import { type FieldIssue, issue } from '../../../kernel/errors.ts';
import type { MessageKey } from '../../../kernel/i18n/index.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import { openTabular } from '../../../platform/files/tabular/index.ts';
import { badFile } from '../../../platform/files/tabular/types.ts';
import { type CarrierCode, checkTrackingNumber, isCarrierCode } from '../numbers/index.ts';
import { ingestTrackingEvents, type RawTrackingEvent } from './ingest.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone, parseEventTime } from './local-time.ts';

const columns = {
  number: [
    'tracking number',
    'tracking_number',
    'trackingnumber',
    'tracking no',
    'tracking no.',
    '运单号',
    '跟踪号',
    '物流单号',
    '单号',
  ],
  carrier: ['carrier', 'carrier code', '承运商', '物流商', '快递公司'],
  time: ['time', 'event time', 'date', 'datetime', '时间', '事件时间', '轨迹时间'],
  timezone: ['timezone', 'time zone', 'offset', 'utc offset', '时区'],
  status: ['status', '状态'],
  description: ['description', 'event', 'details', '描述', '轨迹描述', '轨迹内容'],
  location: ['location', '地点', '位置'],
  city: ['city', '城市'],
  country: ['country', 'country code', '国家', '国家代码'],
} as const;
type Column = keyof typeof columns;

const BATCH = 5000;

export interface CsvImportResult {
  rows: number;
  inserted: number;
  duplicates: number;
  failed: number;
  journeysUpdated: number;
  /** The zone used for times without an offset and without a timezone column value. */
  defaultTimeZone: string;
  errors: FieldIssue[];
}

export async function importTrackingEvents(
  db: Kysely<DB>,
  shopId: string,
  file: { path: string; fileName: string },
  opts: { carrier?: CarrierCode; defaultTimeZone?: string } = {},
): Promise<CsvImportResult> {
  const { fileName } = file;
  const zone = opts.defaultTimeZone ?? DEFAULT_TIME_ZONE;
  const table = await openTabular(file);
  const index = {} as Record<Column, number | undefined>;
  const headerOf = {} as Record<Column, string>;
  table.headers.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    for (const [col, names] of Object.entries(columns) as [Column, readonly string[]][]) {
      if (index[col] === undefined && names.includes(name)) {
        index[col] = i;
        headerOf[col] = h;
      }
    }
  });
  const missing: string[] = [];
  if (index.number === undefined) missing.push('tracking number/运单号');
  if (index.time === undefined) missing.push('time/时间');
  if (index.status === undefined && index.description === undefined)
    missing.push('status/状态 or description/描述');
  if (missing.length) {
    await table.close();
    throw badFile(fileName, 'tracking.csv.missingColumns', undefined, undefined, {
      columns: missing.join(', '),
    });
  }
  const result: CsvImportResult = {
    rows: 0,
    inserted: 0,
    duplicates: 0,
    failed: 0,
    journeysUpdated: 0,
    defaultTimeZone: zone,
    errors: [],
  };
  let batch: RawTrackingEvent[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const events = batch;
    batch = [];
    const r = await withShop(db, shopId, (trx) => ingestTrackingEvents(trx, shopId, events));
    result.inserted += r.inserted;
    result.duplicates += r.duplicates;
    result.journeysUpdated += r.journeysUpdated;
  };
  for await (const row of table.rows) {
    result.rows++;
    const cell = (c: Column) => (index[c] === undefined ? '' : (row.values[index[c]!] ?? '').trim());
    const fail = (c: Column, key: MessageKey, params: Record<string, string> = {}) => {
      result.failed++;
      if (result.errors.length < 1000)
        result.errors.push(
          issue(headerOf[c] ?? c, key, { fileName, column: headerOf[c] ?? c, ...params }, row.row),
        );
    };
    const number = cell('number');
    if (!number) {
      fail('number', 'tracking.csv.required');
      continue;
    }
    let carrier = opts.carrier;
    const carrierText = cell('carrier').toLowerCase();
    if (carrierText) {
      if (!isCarrierCode(carrierText)) {
        fail('carrier', 'tracking.csv.unknownCarrier', { value: cell('carrier') });
        continue;
      }
      carrier = carrierText;
    }
    if (!carrier) {
      const detected = checkTrackingNumber(number);
      if (!detected.valid || !detected.carrier) {
        fail('number', 'tracking.csv.carrierUnknown', { value: number });
        continue;
      }
      carrier = detected.carrier;
    }
    const rowZone = cell('timezone') || zone;
    if (!isValidTimeZone(rowZone)) {
      fail('timezone', 'tracking.csv.badZone', { value: rowZone });
      continue;
    }
    const time = cell('time');
    const occurredAt = time ? parseEventTime(time, rowZone) : undefined;
    if (!occurredAt) {
      fail('time', time ? 'tracking.csv.badTime' : 'tracking.csv.required', { value: time });
      continue;
    }
    const status = cell('status');
    const description = cell('description');
    if (!status && !description) {
      fail(index.description === undefined ? 'status' : 'description', 'tracking.csv.required');
      continue;
    }
    const country = cell('country').toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country)) {
      fail('country', 'tracking.csv.badCountry', { value: cell('country') });
      continue;
    }
    batch.push({
      carrier,
      trackingNumber: number,
      occurredAt,
      description,
      rawStatus: status || null,
      location: cell('location') || null,
      city: cell('city') || null,
      country: country || null,
      source: 'csv',
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return result;
}
