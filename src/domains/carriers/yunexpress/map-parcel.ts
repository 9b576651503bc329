/**
 * Cunkou's parcel document → a YunExpress `WayBill/CreateOrder` order. YunExpress takes weights
 * in kilograms (decimals), prices as decimal amounts, dimensions in centimetres.
 */
import type { DocAddress, ParcelDoc } from '../../shipping/documents/model.ts';
import { toDecimal } from '../carrier-values.ts';

function name(full: string) {
  const parts = full.trim().split(/\s+/);
  return parts.length < 2
    ? { FirstName: full.trim(), LastName: '' }
    : { FirstName: parts.slice(0, -1).join(' '), LastName: parts.at(-1)! };
}

function party(a: DocAddress) {
  return {
    CountryCode: a.country.toUpperCase(),
    ...name(a.name),
    Company: a.company ?? '',
    Street: a.lines[0] ?? '',
    StreetAddress1: a.lines.slice(1).join(' '),
    City: a.city,
    State: a.region ?? '',
    Zip: a.postcode ?? '',
    Phone: a.phone ?? '',
    Email: a.email ?? '',
  };
}

const kg = (g: number) => Math.round(g) / 1000;
const cm = (mm: number) => Math.round(mm) / 10;

export function yunExpressOrder(parcel: ParcelDoc, ref: string, shippingMethod: string) {
  return {
    CustomerOrderNumber: ref,
    ShippingMethodCode: shippingMethod,
    PackageCount: 1,
    Weight: kg(parcel.weightG),
    ...(parcel.dimsMm
      ? { Length: cm(parcel.dimsMm.l), Width: cm(parcel.dimsMm.w), Height: cm(parcel.dimsMm.h) }
      : {}),
    Receiver: party(parcel.recipient),
    Sender: party(parcel.sender),
    ...(parcel.importerReference ? { IossCode: parcel.importerReference } : {}),
    Parcels: parcel.items.map((i) => ({
      EName: i.description,
      CName: i.descriptionZh ?? i.description,
      HSCode: (i.hsCode ?? '').replace(/\D/g, ''),
      Quantity: i.quantity,
      UnitPrice: toDecimal(i.unitValueMinor, i.currency),
      UnitWeight: kg(i.unitWeightG),
      CurrencyCode: i.currency,
      SKU: i.sku,
    })),
  };
}
