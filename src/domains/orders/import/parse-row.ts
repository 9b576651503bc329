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

/**
 * What parseRow needs of a context, worked out once per file instead of once per row: bulk files
 * have a million rows, and the per-row closures, lookups and date parsing were most of an import.
 */
interface Plan {
  orderId: number | undefined;
  status: number | undefined;
  currency: number | undefined;
  shipCountry: number | undefined;
  quantity: number | undefined;
  fulfillment: number | undefined;
  required: [Field, number | undefined][];
  text: [Field, number][];
  amounts: [Field, number][];
  dates: [Field, number, { text: string; date: Date | null }][];
}
const plans = new WeakMap<ParseContext, Plan>();

function planOf(ctx: ParseContext): Plan {
  let plan = plans.get(ctx);
  if (plan) return plan;
  const at = (f: Field) => ctx.index[f]?.[0];
  const present = <F extends Field>(fs: readonly F[]) =>
    fs.filter((f) => at(f) !== undefined).map((f): [F, number] => [f, at(f)!]);
  plan = {
    orderId: at('orderId'),
    status: at('status'),
    currency: at('currency'),
    shipCountry: at('shipCountry'),
    quantity: at('quantity'),
    fulfillment: at('fulfillment'),
    required: ctx.profile.required.map((f) => [f, at(f)]),
    text: present(textFields),
    amounts: amountFields.flatMap((f) => (ctx.index[f] ?? []).map((i): [Field, number] => [f, i])),
    // The rows of one order repeat its dates: the last text read is remembered per column.
    dates: present(['purchasedAt', 'updatedAt', 'paidAt'] as const).map(([f, i]) => [
      f,
      i,
      { text: '', date: null },
    ]),
  };
  plans.set(ctx, plan);
  return plan;
}

const digits = /^\d+$/;
const negative = /^-\d+$/;

export function parseRow(ctx: ParseContext, r: TabularRow): ParsedRow {
  const plan = planOf(ctx);
  const values = r.values;
  const issues: FieldIssue[] = [];
  const cellAt = (i: number | undefined) => (i === undefined ? '' : (values[i] ?? '').trim());
  const fail = (f: Field, key: Parameters<typeof issue>[1], params?: Parameters<typeof issue>[2]) => {
    const header = ctx.headers[ctx.index[f]?.[0] ?? -1] ?? ctx.profile.columns[f]?.[0] ?? f;
    issues.push(issue(header, key, { column: header, ...params }, r.row));
  };
  for (const [f, i] of plan.required) if (!cellAt(i)) fail(f, 'orders.cell.required');
  // A byte sequence the file's encoding could not decode comes through as U+FFFD: a row saved in
  // another encoding. Importing it would store mojibake names and addresses, so the order waits.
  for (let i = 0; i < values.length; i++)
    if (values[i]?.includes('\uFFFD')) {
      const header = ctx.headers[i] ?? String(i + 1);
      issues.push(issue(header, 'orders.cell.mixedEncoding', { column: header }, r.row));
    }

  const externalId = cellAt(plan.orderId);
  const text: ParsedRow['text'] = {};
  for (const [f, i] of plan.text) {
    const v = cellAt(i);
    if (v) text[f] = v;
  }

  let status: OrderStatus | null = ctx.profile.defaultStatus ?? null;
  const channelStatus = cellAt(plan.status) || null;
  if (channelStatus) {
    const s = ctx.profile.statuses[channelStatus.toLowerCase()];
    if (s) status = s;
    else
      fail('status', 'orders.cell.unknownStatus', {
        text: channelStatus,
        list: { list: Object.keys(ctx.profile.statuses).slice(0, 12), sep: 'comma' },
      });
  }

  let purchasedAt: Date | null = null;
  let updatedAt: Date | null = null;
  for (const [f, i, last] of plan.dates) {
    const v = cellAt(i);
    let d: Date | null = null;
    if (v) {
      if (v === last.text) d = last.date;
      else {
        d = parseMarketDate(v, ctx.dateStyle);
        last.text = v;
        last.date = d;
      }
      if (!d) fail(f, 'orders.cell.badDate', { text: v, formats: expectedDateFormats });
    }
    if (f === 'purchasedAt') purchasedAt = d;
    else if (f === 'updatedAt') updatedAt = d;
  }

  const currencyText = cellAt(plan.currency);
  let currency = currencyText.toUpperCase() || ctx.currency;
  if (currencyText && !isCurrency(currency!)) {
    fail('currency', 'orders.cell.unknownCurrency', { text: currencyText });
    currency = null;
  } else if (!currency) fail('currency', 'orders.cell.noCurrency');

  let country = ctx.country;
  const countryText = cellAt(plan.shipCountry);
  if (countryText) {
    country = normalizeCountryCode(countryText) ?? countryByName[countryText.toLowerCase()] ?? null;
    if (!country) fail('shipCountry', 'orders.cell.badCountry', { text: countryText });
  }

  let quantity = 0;
  const qText = cellAt(plan.quantity);
  if (qText) {
    if (negative.test(qText)) fail('quantity', 'orders.cell.negativeQuantity', { text: qText });
    else if (!digits.test(qText) || Number(qText) < 1 || Number(qText) > 1_000_000)
      fail('quantity', 'orders.cell.badQuantity', { text: qText });
    else quantity = Number(qText);
  }

  const amounts: ParsedRow['amounts'] = {};
  if (currency) {
    for (const [f, i] of plan.amounts) {
      const v = (values[i] ?? '').trim();
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
  const fulfilment = cellAt(plan.fulfillment);
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
