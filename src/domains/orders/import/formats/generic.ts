import { type OrderStatus, orderStatuses } from '../../tables.ts';
import type { Field, FormatProfile } from './types.ts';

export interface GenericSettings {
  /** "20/11/2026" rather than "11/20/2026". */
  dayFirst?: boolean;
  decimalComma?: boolean;
  timeZone?: string;
  /** Default when the file has no currency column. */
  currency?: string;
  /** The platform's status words → ours (lower case keys). */
  statuses?: Record<string, OrderStatus>;
}

/**
 * Any other platform (Temu, Lazada, Mercado Libre, a spreadsheet kept by hand): a saved mapping
 * of our fields to the seller's headers turns it into a profile like the built-in ones. Our own
 * status names are always understood.
 */
export function genericProfile(
  channel: FormatProfile['channel'],
  columns: Record<string, string>,
  settings: GenericSettings,
): FormatProfile {
  const mapped: FormatProfile['columns'] = {};
  for (const [field, header] of Object.entries(columns)) {
    if (header) mapped[field as Field] = field === 'fees' ? header.split('|') : [header];
  }
  const statuses: Record<string, OrderStatus> = Object.fromEntries(
    orderStatuses.flatMap((s) => [
      [s, s],
      [s.replace(/_/g, ' '), s],
    ]),
  );
  for (const [k, v] of Object.entries(settings.statuses ?? {})) statuses[k.toLowerCase()] = v;
  return {
    format: 'generic',
    channel,
    label: 'generic order file',
    columns: mapped,
    signature: [],
    required: ['orderId', 'purchasedAt', 'sku', 'quantity'],
    statuses,
    defaultStatus: 'paid',
  };
}
