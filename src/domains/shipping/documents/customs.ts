/**
 * Numbers shared by the customs forms and the invoice: per-line and total values by currency and
 * net weights, all integer arithmetic on minor units and grams.
 */
import { formatMoney } from '../../../platform/pdf/money.ts';
import type { DocItem, ParcelDoc } from './model.ts';

export const lineValueMinor = (i: DocItem): number => i.quantity * i.unitValueMinor;
export const lineWeightG = (i: DocItem): number => i.quantity * i.unitWeightG;

/** Totals per currency, in first-seen order (a parcel normally has one currency). */
export function valueTotals(items: DocItem[]): { currency: string; amountMinor: number }[] {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0) + lineValueMinor(i));
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

export function formatTotals(items: DocItem[]): string {
  const totals = valueTotals(items);
  return totals.length === 0 ? '0' : totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(' + ');
}

export const netWeightG = (items: DocItem[]): number => items.reduce((g, i) => g + lineWeightG(i), 0);

/** UPU category boxes, in the order printed on CN22/CN23. */
export const categories: { key: ParcelDoc['contents']; label: string }[] = [
  { key: 'gift', label: 'Gift' },
  { key: 'sample', label: 'Commercial sample' },
  { key: 'documents', label: 'Documents' },
  { key: 'returned_goods', label: 'Returned goods' },
  { key: 'merchandise', label: 'Sale of goods' },
  { key: 'other', label: 'Other' },
];

export const declarationText =
  'I, the undersigned, whose name and address are given on the item, certify that the particulars given in this declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations.';

export const cn23DeclarationText =
  'I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations.';
