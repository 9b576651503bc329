import type { ParsedRow } from './parse-row.ts';

/** Consecutive rows of one product: same product code, or same title, or blank continuation rows. */
export interface RowGroup {
  key: string;
  rows: ParsedRow[];
}

/**
 * Group a stream of parsed rows into products as Shopify and most ERPs lay them out: a row with a
 * new product code (or, without codes, a new title) starts a product; rows that leave both blank
 * continue the previous one.
 */
export async function* groupRows(
  rows: AsyncIterable<ParsedRow>,
  opts: { continuationRows?: boolean } = {},
): AsyncGenerator<RowGroup> {
  // Without a product code or title column (e.g. a SKU + weight sheet) a blank row cannot mean
  // "same product as above": every row stands alone and is matched by its SKU.
  const continuationRows = opts.continuationRows ?? true;
  let current: RowGroup | undefined;
  for await (const r of rows) {
    const key = r.product.handle
      ? `h:${r.product.handle}`
      : r.product.title
        ? `t:${r.product.title}`
        : undefined;
    if (current && ((key === undefined && continuationRows) || (key !== undefined && key === current.key))) {
      current.rows.push(r);
      continue;
    }
    if (current) yield current;
    current = { key: key ?? `row:${r.row}`, rows: [r] };
  }
  if (current) yield current;
}
