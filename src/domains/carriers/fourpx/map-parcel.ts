/**
 * Cunkou's parcel document → a 4PX `ds.xms.order.create` body. Weights in grams (as 4PX takes
 * them), money as decimal amounts in the item's currency, dimensions in centimetres.
 */
import type { DocAddress, ParcelDoc } from '../../shipping/documents/model.ts';
import { toDecimal } from '../carrier-values.ts';

function splitName(name: string): { first_name: string; last_name: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { first_name: name.trim(), last_name: '' };
  return { first_name: parts.slice(0, -1).join(' '), last_name: parts.at(-1)! };
}

function address(a: DocAddress) {
  return {
    ...splitName(a.name),
    company: a.company ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    post_code: a.postcode ?? '',
    country: a.country.toUpperCase(),
    state: a.region ?? '',
    city: a.city,
    street: a.lines.join(' '),
  };
}

const cm = (mm: number) => Math.round((mm / 10) * 10) / 10;

export function fourPxOrderBody(parcel: ParcelDoc, ref: string, productCode: string) {
  const currency = parcel.items[0]?.currency ?? 'USD';
  const valueMinor = parcel.items.reduce((s, i) => s + i.unitValueMinor * i.quantity, 0);
  return {
    ref_no: ref,
    business_type: 'BDS',
    // U = delivered duty unpaid (the buyer pays import taxes); P would be DDP.
    duty_type: 'U',
    logistics_service_info: { logistics_product_code: productCode },
    return_info: { is_return_on_domestic: 'Y', is_return_on_oversea: 'N' },
    is_insure: 'N',
    parcel_list: [
      {
        weight: parcel.weightG,
        ...(parcel.dimsMm
          ? { length: cm(parcel.dimsMm.l), width: cm(parcel.dimsMm.w), height: cm(parcel.dimsMm.h) }
          : {}),
        parcel_value: toDecimal(valueMinor, currency),
        currency,
        include_battery: parcel.battery ? 'Y' : 'N',
        ...(parcel.battery ? { battery_type: parcel.battery } : {}),
        declare_product_info: parcel.items.map((i) => ({
          declare_product_code: i.sku,
          declare_product_name_cn: i.descriptionZh ?? i.description,
          declare_product_name_en: i.description,
          declare_product_code_qty: i.quantity,
          unit_net_weight: i.unitWeightG,
          declare_unit_price_export: toDecimal(i.unitValueMinor, i.currency),
          currency_export: i.currency,
          declare_unit_price_import: toDecimal(i.unitValueMinor, i.currency),
          currency_import: i.currency,
          hscode_export: (i.hsCode ?? '').replace(/\D/g, ''),
          hscode_import: (i.hsCode ?? '').replace(/\D/g, ''),
          origin_country: i.originCountry,
          brand_export: 'none',
          brand_import: 'none',
        })),
      },
    ],
    sender: address(parcel.sender),
    recipient_info: address(parcel.recipient),
    ...(parcel.importerReference ? { vat_no: parcel.importerReference } : {}),
    deliver_type_info: { deliver_type: '1' },
  };
}
