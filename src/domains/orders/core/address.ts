/**
 * A shipping address is complete when a carrier could deliver to it. Marketplace-fulfilled (FBA)
 * orders are shipped by the marketplace, so their (often hidden) address never holds them.
 */
export interface AddressFields {
  ship_name: string | null;
  ship_line1: string | null;
  ship_city: string | null;
  ship_postcode: string | null;
  ship_country: string | null;
}

// Countries without postcodes in everyday use (carriers accept an empty field).
const noPostcode = new Set(['HK', 'AE', 'QA', 'IE', 'PA', 'BO', 'JM', 'GH', 'AO', 'FJ', 'MO']);

/** The fields a carrier would need that are missing; empty when the address is complete. */
export function missingAddressFields(a: AddressFields): string[] {
  const missing: string[] = [];
  if (!a.ship_name) missing.push('ship_name');
  if (!a.ship_line1) missing.push('ship_line1');
  if (!a.ship_city) missing.push('ship_city');
  if (!a.ship_country) missing.push('ship_country');
  else if (!a.ship_postcode && !noPostcode.has(a.ship_country)) missing.push('ship_postcode');
  return missing;
}
