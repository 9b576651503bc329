/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell such as `=HYPERLINK(...)` or
 * `@SUM(...)` taken from a buyer's address or a product title runs as a formula when a seller
 * opens our export. Prefixing a single quote makes Excel, WPS and LibreOffice treat it as text.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Plain numbers such as `-12.5` or `+86` stay usable as numbers: Excel never evaluates them. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value === '') return value;
  if (!TRIGGERS.has(value[0]!) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
