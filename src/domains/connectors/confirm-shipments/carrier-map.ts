/**
 * Our canonical carrier codes (tracking/numbers/carriers.ts) → the carrier as each channel wants
 * it written. Data, not logic: each row says where the value comes from.
 *
 * Amazon: `carrierCode` of SP-API Orders v0 confirmShipment / `carrier-code` of the
 * ship-confirm flat file takes values from Amazon's "acceptable CarrierCode values" list; an
 * unlisted carrier is sent as "Other" with its name in carrierName (required then). Source:
 * developer-docs.amazon.com/sp-api/changelog/carriercode-value-required-in-shipment-confirmations-
 * for-br-mx-ca-sg-au-in-jp-marketplaces (2022) and the Orders v0 PackageDetail model. Values we
 * could not confirm on Amazon's list are sent as "Other" + name (never a guessed code).
 *
 * Shopee: non-integrated (seller-arranged) channels take only the tracking number through
 * v2.logistics.ship_order; the carrier name goes to the mass-ship file's carrier column.
 */
export interface ChannelCarrier {
  code: string;
  name: string;
}

export const AMAZON_OTHER = 'Other';

/**
 * Codes confirmed on Amazon's acceptable CarrierCode lists (Seller Central help 641, SG/AU/US
 * marketplaces). Not confirmed, so sent as "Other" + name: EMS, Cainiao, PostNL, Correos, La
 * Poste, Deutsche Post, Australia Post (AU lists "Australia Post-Consignment"/"-ArticleId" only),
 * Japan Post, J&T, the Chinese domestic couriers, railway and sea.
 */
const AMAZON_CODES: Record<string, string> = {
  chinapost: 'China Post',
  yunexpress: 'Yun Express',
  '4px': '4PX',
  yanwen: 'Yanwen',
  sfexpress: 'SF Express',
  ups: 'UPS',
  fedex: 'FedEx',
  usps: 'USPS',
  dhl: 'DHL',
  royalmail: 'Royal Mail',
  canadapost: 'Canada Post',
};

/** Display names of our codes (carrierName for "Other", Shopee file carrier column). */
export const CARRIER_NAMES: Record<string, string> = {
  chinapost: 'China Post',
  ems: 'China EMS',
  yunexpress: 'YunExpress',
  '4px': '4PX',
  yanwen: 'Yanwen',
  cainiao: 'Cainiao',
  sfexpress: 'SF Express',
  ups: 'UPS',
  fedex: 'FedEx',
  usps: 'USPS',
  dhl: 'DHL',
  royalmail: 'Royal Mail',
  postnl: 'PostNL',
  correos: 'Correos',
  laposte: 'La Poste',
  deutschepost: 'Deutsche Post',
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  japanpost: 'Japan Post',
  jtexpress: 'J&T Express',
  zto: 'ZTO Express',
  yto: 'YTO Express',
  sto: 'STO Express',
  yunda: 'Yunda Express',
  jd: 'JD Logistics',
  railway: 'China-Europe Railway',
  sea: 'Sea freight',
  other: 'Other',
};

/**
 * The carrier as the channel wants it. `carrierName` (given by the caller, e.g. the forwarder's
 * product name) wins as the name when the code is "Other" or when we know no name.
 */
export function channelCarrier(channel: string, carrier: string, carrierName: string): ChannelCarrier {
  const ours = carrier.trim().toLowerCase();
  const name = carrierName.trim() || CARRIER_NAMES[ours] || ours || 'Other';
  if (channel === 'amazon') {
    const code = AMAZON_CODES[ours];
    return code ? { code, name: CARRIER_NAMES[ours] ?? code } : { code: AMAZON_OTHER, name };
  }
  return {
    code: ours || 'other',
    name: CARRIER_NAMES[ours] && ours !== 'other' ? CARRIER_NAMES[ours] : name,
  };
}
