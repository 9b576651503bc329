// The server's own table (pure data), so the hint and the E.164 conversion never disagree.
import { callingCodes } from '../../../../../src/domains/orders/core/phone.ts';

/**
 * Checks and mappings of the new-order form that need nothing else (unit-tested from
 * test/unit/web-new-order-form.test.ts): API issue paths → form fields, phone sanity, calling codes.
 */

/** The part of an API field issue used here (web/src/api.ts FieldIssue). */
interface Issue {
  field: string;
  message: string;
}

/**
 * An API issue path ("buyer.phone", "lines.1.unitPriceMinor") → the form field it belongs to
 * (["buyer","phone"], ["lines",1,"unitPrice"]). Null when no field on the form matches.
 */
export function issueField(field: string): (string | number)[] | null {
  const parts: (string | number)[] = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const renames: Record<string, string> = {
    unitPriceMinor: 'unitPrice',
    shippingMinor: 'shipping',
    discountMinor: 'discount',
  };
  const last = parts[parts.length - 1];
  if (typeof last === 'string' && renames[last]) parts[parts.length - 1] = renames[last];
  const known = [
    'channelAccountId',
    'externalId',
    'currency',
    'paymentMethod',
    'buyer',
    'shipTo',
    'lines',
    'shipping',
    'discount',
    'notes',
    'tags',
  ];
  if (!known.includes(String(parts[0]))) return null;
  // "lines" alone (e.g. too few) or "tags.3" point at the list as a whole.
  if (parts[0] === 'tags') return ['tags'];
  if (parts[0] === 'lines' && parts.length === 2) return null;
  return parts;
}

/** Issues grouped by the form field they belong to; the rest only go to the alert. */
export function fieldErrors(issues: Issue[]): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const i of issues) {
    const name = issueField(i.field);
    if (!name) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(i.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/**
 * Loose check before sending: a phone is digits with the usual separators and an optional
 * leading "+", 6–15 digits. Carriers need a number they can dial; letters mean a typo.
 */
export function plausiblePhone(text: string | undefined): boolean {
  const value = text?.trim();
  if (!value) return true;
  if (!/^\+?[\d\s().\-/]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

export function callingCode(country: string | undefined): string | null {
  return country ? (callingCodes[country.toUpperCase()] ?? null) : null;
}
