import { normalizeCountryCode } from '../../../kernel/countries.ts';
import { type FieldIssue, issue } from '../../../kernel/errors.ts';
import type { TabularRow } from '../../../platform/files/tabular/index.ts';
import { type DateStyle, expectedDateFormats, parseMarketDate } from '../core/dates.ts';
import { isCurrency, parseAmount } from '../core/money.ts';
import type { OrderStatus } from '../tables.ts';
import type { Field, FormatProfile } from './formats/index.ts';

export interface ParseContext {
  profile: FormatProfile;
  /** Field → column positions in this file (several only for `fees`). */
  index: Partial<Record<Field, number[]>>;
  headers: readonly string[];
  /** From the channel account when the file has no currency / country column. */
  currency: string | null;
  country: string | null;
  dateStyle: DateStyle;
  decimalComma: boolean;
}

/** One row of a channel export, read into our terms; `issues` name the seller's column and row. */
export interface ParsedRow {
  row: number;
  externalId: string;
  status: OrderStatus | null;
  channelStatus: string | null;
  text: Partial<Record<Field, string>>;
  purchasedAt: Date | null;
  updatedAt: Date | null;
  currency: string | null;
  country: string | null;
  marketplaceFulfilled: boolean;
  quantity: number;
  amounts: Partial<Record<Field, number>>;
  issues: FieldIssue[];
}

const textFields = [
  'lineId',
  'buyerName',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipLine1',
  'shipLine2',
  'shipLine3',
  'shipDistrict',
  'shipCity',
  'shipState',
  'shipPostcode',
  'shipPhone',
  'sku',
  'title',
  'variation',
  'paymentMethod',
  'tracking',
  'carrier',
  'notes',
] as const satisfies readonly Field[];
const amountFields = [
  'linePrice',
  'unitPrice',
  'itemTax',
  'lineShipping',
  'shippingTax',
  'itemDiscount',
  'shipDiscount',
  'orderShipping',
  'orderTotal',
  'fees',
] as const satisfies readonly Field[];

/** Where each field is in this file; the required fields the file lacks. */
export function resolveColumns(profile: FormatProfile, headers: readonly string[]) {
  const index: Partial<Record<Field, number[]>> = {};
  for (const [field, names] of Object.entries(profile.columns) as [Field, string[]][]) {
    const at = names.map((n) => headers.indexOf(n)).filter((i) => i >= 0);
    if (at.length) index[field] = field === 'fees' || field === 'itemDiscount' ? at : [at[0]!];
  }
  const missing = profile.required.filter((f) => !index[f]);
  return { index, missing };
}

export function parseRow(ctx: ParseContext, r: TabularRow): ParsedRow {
  const issues: FieldIssue[] = [];
  const col = (f: Field) => ctx.index[f]?.[0];
  const header = (f: Field) => ctx.headers[col(f) ?? -1] ?? ctx.profile.columns[f]?.[0] ?? f;
  const cell = (f: Field) => {
    const i = col(f);
    return i === undefined ? '' : (r.values[i] ?? '').trim();
  };
  const fail = (f: Field, key: Parameters<typeof issue>[1], params?: Parameters<typeof issue>[2]) =>
    issues.push(issue(header(f), key, { column: header(f), ...params }, r.row));
  for (const f of ctx.profile.required) if (!cell(f)) fail(f, 'orders.cell.required');

  const externalId = cell('orderId');
  const text: ParsedRow['text'] = {};
  for (const f of textFields) {
    const v = cell(f);
    if (v) text[f] = v;
  }

  let status: OrderStatus | null = ctx.profile.defaultStatus ?? null;
  const channelStatus = cell('status') || null;
  if (channelStatus) {
    const s = ctx.profile.statuses[channelStatus.toLowerCase()];
    if (s) status = s;
    else
      fail('status', 'orders.cell.unknownStatus', {
        text: channelStatus,
        list: { list: Object.keys(ctx.profile.statuses).slice(0, 12), sep: 'comma' },
      });
  }

  const date = (f: Field) => {
    const v = cell(f);
    if (!v) return null;
    const d = parseMarketDate(v, ctx.dateStyle);
    if (!d) fail(f, 'orders.cell.badDate', { text: v, formats: expectedDateFormats });
    return d;
  };
  const purchasedAt = date('purchasedAt');
  const updatedAt = date('updatedAt');
  date('paidAt');

  let currency = cell('currency').toUpperCase() || ctx.currency;
  if (cell('currency') && !isCurrency(currency!)) {
    fail('currency', 'orders.cell.unknownCurrency', { text: cell('currency') });
    currency = null;
  } else if (!currency) fail('currency', 'orders.cell.noCurrency');

  let country = ctx.country;
  const countryText = cell('shipCountry');
  if (countryText) {
    country = normalizeCountryCode(countryText) ?? countryByName[countryText.toLowerCase()] ?? null;
    if (!country) fail('shipCountry', 'orders.cell.badCountry', { text: countryText });
  }

  let quantity = 0;
  const qText = cell('quantity');
  if (qText) {
    if (/^-\d+$/.test(qText)) fail('quantity', 'orders.cell.negativeQuantity', { text: qText });
    else if (!/^\d+$/.test(qText) || Number(qText) < 1 || Number(qText) > 1_000_000)
      fail('quantity', 'orders.cell.badQuantity', { text: qText });
    else quantity = Number(qText);
  }

  const amounts: ParsedRow['amounts'] = {};
  if (currency) {
    for (const f of amountFields) {
      for (const i of ctx.index[f] ?? []) {
        const v = (r.values[i] ?? '').trim();
        if (!v) continue;
        const a = parseAmount(v, currency, ctx.decimalComma);
        if (a.ok) amounts[f] = (amounts[f] ?? 0) + a.minor;
        else
          issues.push(
            issue(
              ctx.headers[i]!,
              'orders.cell.badAmount',
              { column: ctx.headers[i]!, text: v, currency },
              r.row,
            ),
          );
      }
    }
  }
  const fulfilment = cell('fulfillment');
  return {
    row: r.row,
    externalId,
    status,
    channelStatus,
    text,
    purchasedAt,
    updatedAt,
    currency,
    country,
    marketplaceFulfilled: !!fulfilment && !!ctx.profile.marketplaceFulfilled?.(fulfilment),
    quantity,
    amounts,
    issues,
  };
}

// Names some exports write instead of codes (TikTok, Shopee BR, AliExpress).
const countryByName: Record<string, string> = {
  'united states': 'US',
  usa: 'US',
  'united kingdom': 'GB',
  brazil: 'BR',
  brasil: 'BR',
  mexico: 'MX',
  méxico: 'MX',
  chile: 'CL',
  colombia: 'CO',
  spain: 'ES',
  españa: 'ES',
  germany: 'DE',
  france: 'FR',
  italy: 'IT',
  japan: 'JP',
  singapore: 'SG',
  malaysia: 'MY',
  thailand: 'TH',
  vietnam: 'VN',
  philippines: 'PH',
  indonesia: 'ID',
  'saudi arabia': 'SA',
  'united arab emirates': 'AE',
  australia: 'AU',
  canada: 'CA',
  poland: 'PL',
  netherlands: 'NL',
  russia: 'RU',
  china: 'CN',
};
