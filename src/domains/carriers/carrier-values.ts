/** Values every carrier module needs: decimal money, customer order numbers, China-time stamps. */

/** Minor units → decimal amount, using the currency's own number of decimals (JPY 0, USD 2…). */
export function toDecimal(amountMinor: number, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return amountMinor / 10 ** digits;
}

/**
 * The customer order number (4PX ref_no, YunExpress CustomerOrderNumber) for an idempotency key;
 * `-R2`, `-R3`… after cancellations, so a parcel can be bought again.
 */
export function customerRef(idempotencyKey: string, attempt: number): string {
  const base = idempotencyKey.replace(/[^A-Za-z0-9_-]+/g, '-');
  return attempt > 1 ? `${base}-R${attempt}` : base;
}

/** Forwarders give China local time without an offset ("2026-11-20 14:03:00"): read as UTC+8. */
export function parseChinaTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const [, y, mo, d, h, mi, s] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`);
}
