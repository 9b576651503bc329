/** Carrier codes a service may name: the tracking domain's canonical list (one list for every domain). */
export { type CarrierCode, carrierCodes } from '../tracking/index.ts';
