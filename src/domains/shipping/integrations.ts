/**
 * The other issue-4 domains this one calls, per /tmp contracts: logistics (service choice),
 * tracking (number checks, journeys), carriers (API labels), connectors (write-back) and the PDF
 * renderers. All calls go through this file so the seams are in one place.
 */

export { cancelCarrierOrder, fetchStoredLabel, purchaseLabel } from '../carriers/index.ts';
export { recordShipmentConfirmations } from '../connectors/index.ts';
export {
  assignService,
  getService,
  quoteRates,
  type RateExclusion,
  type RateOption,
} from '../logistics/index.ts';
export { type JourneyLegInput, publicTrackingPath, registerJourney } from '../tracking/index.ts';
export { checkTrackingNumber } from '../tracking/numbers/index.ts';
