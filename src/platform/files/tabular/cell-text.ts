/**
 * Turn one spreadsheet cell into the text a seller sees in Excel. Importers validate text, so the
 * conversion must not invent float noise (0.30000000000000004), scientific notation for barcodes
 * (6.90123456789e+12) or time-zone shifts for dates.
 */

// Excel itself shows at most 15 significant digits, so this matches what the seller typed.
const numberFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n === 0) return '0';
  return numberFormat.format(n);
}

/**
 * Excel dates have no time zone: exceljs hands them over as UTC wall-clock time, so we print the
 * UTC fields as a date (`2024-03-05`) or a zone-less ISO date-time (`2024-03-05T14:30:00`).
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** Serial day number (1900 or 1904 system) to a Date in UTC wall-clock time. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const epochDays = date1904 ? 24107 : 25569; // days from the Excel epoch to 1970-01-01
  return new Date(Math.round((serial - epochDays) * 86_400_000));
}

export interface CellContext {
  /** The cell's number format is a date format (formula results arrive as bare serial numbers). */
  isDate?: boolean;
  date1904?: boolean;
}

export function cellText(value: unknown, ctx: CellContext = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return ctx.isDate && Number.isFinite(value)
      ? dateText(excelSerialToDate(value, ctx.date1904))
      : numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((r: { text?: unknown }) => (typeof r?.text === 'string' ? r.text : '')).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, ctx); // cached result
    if ('error' in v) return typeof v.error === 'string' ? v.error : '';
    if ('text' in v) return cellText(v.text, ctx); // hyperlink: the visible text
  }
  return '';
}
