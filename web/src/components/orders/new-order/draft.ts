/**
 * The new-order form's values ↔ the body of `POST /api/shops/:shop/orders`
 * (src/domains/orders/create-order.ts). Money is typed as text and sent as integer minor units
 * with the currency's own decimals; the server has the last word on everything.
 */
import { minorDigits, parseMinor } from '../../../money';

export interface DraftLine {
  sku?: string;
  title?: string;
  quantity?: number | null;
  /** Typed price ("12.50"); sent as unitPriceMinor. */
  unitPrice?: string;
}

export interface Draft {
  channelAccountId?: string;
  externalId?: string;
  currency?: string;
  paymentMethod?: string;
  buyer?: { name?: string; phone?: string; email?: string };
  shipTo?: {
    line1?: string;
    line2?: string;
    city?: string;
    state?: string;
    postcode?: string;
    country?: string;
  };
  lines?: DraftLine[];
  shipping?: string;
  discount?: string;
  notes?: string;
  tags?: string[];
}

export const PAYMENT_METHODS = ['cod', 'bank_transfer', 'e_wallet', 'card', 'cash', 'paypal'] as const;

/** Chat and in-person sales: the accounts this form is mostly for, and where COD is the norm. */
export const SOCIAL_CHANNELS = new Set(['facebook', 'whatsapp', 'instagram']);
export const MANUAL_CHANNELS = new Set([...SOCIAL_CHANNELS, 'offline', 'other', 'own_store']);

export function defaultPayment(channel: string | undefined): string | undefined {
  if (channel && SOCIAL_CHANNELS.has(channel)) return 'cod';
  if (channel === 'offline') return 'cash';
  return undefined;
}

/** Amount typed for a currency → minor units; 0 when empty, NaN when not an amount. */
export function minorOf(text: string | undefined, currency: string | undefined): number {
  return parseMinor(text ?? '', minorDigits(currency)) ?? 0;
}

export interface Totals {
  items: number;
  shipping: number;
  discount: number;
  total: number;
  valid: boolean;
}

export function totals(draft: Draft): Totals {
  const c = draft.currency;
  const items = (draft.lines ?? []).reduce(
    (sum, l) => sum + minorOf(l?.unitPrice, c) * (Number(l?.quantity) || 0),
    0,
  );
  const shipping = minorOf(draft.shipping, c);
  const discount = minorOf(draft.discount, c);
  const total = items + shipping - discount;
  return { items, shipping, discount, total, valid: Number.isFinite(total) };
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function toPayload(draft: Draft) {
  const c = draft.currency;
  const s = draft.shipTo ?? {};
  return {
    channelAccountId: draft.channelAccountId,
    externalId: blank(draft.externalId),
    paymentMethod: blank(draft.paymentMethod),
    currency: c,
    buyer: {
      name: blank(draft.buyer?.name),
      phone: blank(draft.buyer?.phone),
      email: blank(draft.buyer?.email),
    },
    shipTo: {
      line1: blank(s.line1),
      line2: blank(s.line2),
      city: blank(s.city),
      state: blank(s.state),
      postcode: blank(s.postcode),
      country: s.country || undefined,
    },
    lines: (draft.lines ?? [])
      .filter((l) => l?.sku)
      .map((l) => ({
        sku: l.sku,
        title: blank(l.title),
        quantity: Number(l.quantity),
        unitPriceMinor: minorOf(l.unitPrice, c),
      })),
    shippingMinor: minorOf(draft.shipping, c),
    discountMinor: minorOf(draft.discount, c),
    notes: blank(draft.notes),
    tags: draft.tags ?? [],
  };
}

/** The last account used on this device, per shop, so a seller taking chat orders all day picks it once. */
const lastAccountKey = (shop: string) => `cunkou.newOrder.account.${shop}`;
export function lastAccount(shop: string): string | null {
  try {
    return localStorage.getItem(lastAccountKey(shop));
  } catch {
    return null;
  }
}
export function rememberAccount(shop: string, id: string): void {
  try {
    localStorage.setItem(lastAccountKey(shop), id);
  } catch {
    // private mode: nothing remembered
  }
}
