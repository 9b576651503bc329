import { formatMinor, minorDigits } from '../../money';

type Obj = Record<string, unknown>;

export interface ItemChange {
  /** SKU, option name or position, to tell the items apart */
  name: string;
  kind: 'added' | 'removed' | 'changed';
  fields: { key: string; from: unknown; to: unknown }[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (o: Obj, i: number) => String(o.id ?? o.sku ?? o.name ?? `#${i + 1}`);
const nameOf = (o: Obj, i: number) => String(o.sku ?? o.name ?? `#${i + 1}`);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Money is stored in minor units; show it the way people typed it ("12.50 USD"). */
function readable(key: string, value: unknown, item: Obj): unknown {
  if (typeof value !== 'number') return value;
  if (key === 'priceMinor') {
    const currency = typeof item.priceCurrency === 'string' ? item.priceCurrency : '';
    return `${formatMinor(value, minorDigits(currency))} ${currency}`.trim();
  }
  if (key === 'costPriceMinor') return `${formatMinor(value, 2)} CNY`;
  return value;
}

/**
 * Two lists of objects (variants, options) → what changed per item, matched by id, SKU or name.
 * null when the values are not such lists.
 */
export function diffList(from: unknown, to: unknown): ItemChange[] | null {
  if (!Array.isArray(from) || !Array.isArray(to)) return null;
  if (!from.every(isObj) || !to.every(isObj) || from.length + to.length === 0) return null;
  const before = new Map<string, { item: Obj; index: number }>(
    from.map((item, index) => [keyOf(item, index), { item, index }]),
  );
  const out: ItemChange[] = [];
  to.forEach((item, i) => {
    const key = keyOf(item, i);
    const prev = before.get(key)?.item;
    before.delete(key);
    if (!prev) {
      out.push({ name: nameOf(item, i), kind: 'added', fields: [] });
      return;
    }
    const fields = [...new Set([...Object.keys(prev), ...Object.keys(item)])]
      .filter((f) => !same(prev[f], item[f]))
      .map((f) => ({ key: f, from: readable(f, prev[f], prev), to: readable(f, item[f], item) }));
    if (fields.length > 0) out.push({ name: nameOf(item, i), kind: 'changed', fields });
  });
  for (const { item, index } of before.values())
    out.push({ name: nameOf(item, index), kind: 'removed', fields: [] });
  return out;
}
