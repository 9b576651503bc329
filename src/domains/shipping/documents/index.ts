/**
 * Shipping documents as PDF: 100×150 mm labels (single or in batches with carrier PDFs), CN22,
 * CN23, commercial invoice, packing list, pick list and packing slip. Pure functions from the
 * document model (model.ts) to PDF bytes; no database access.
 */

export { unsupportedCharacters } from '../../../platform/pdf/fonts.ts';
export { renderCn22 } from './cn22.ts';
export { renderCn23 } from './cn23.ts';
export { renderCommercialInvoice } from './commercial-invoice.ts';
export { LabelPdfError, renderLabels } from './labels-batch.ts';
export type { DocAddress, DocItem, LabelSource, ParcelDoc, PickItem, ShipmentDoc } from './model.ts';
export { renderPackingList } from './packing-list.ts';
export { renderPackingSlip } from './packing-slip.ts';
export { renderPickList } from './pick-list.ts';
