/**
 * Shipments: parcels packed from orders (split and merge), stock out through the ledger, documents
 * (labels, CN22/CN23, invoices, packing lists) and scan-to-ship. A shipment goes draft → packed →
 * labelled → shipped (or cancelled); its number (CK…, see shipment-number.ts) is the public
 * tracking reference under which tracking stitches every leg.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerDocumentRoutes } from './http/document-routes.ts';
import { registerSenderRoutes } from './http/sender-routes.ts';
import { registerShipmentRoutes } from './http/shipment-routes.ts';

export { cancelShipment } from './cancel-shipment.ts';
export { createShipment } from './create-shipment.ts';
export { customsFormFor, customsFormRule } from './customs-form.ts';
export { findShipmentId, getShipment, type ShipmentDetail } from './get-shipment.ts';
export { labelShipment } from './label-shipment.ts';
export { listShipments } from './list-shipments.ts';
export { renderBatchLabels, renderShipmentDocument } from './render-documents.ts';
export { createSender, listSenders, resolveSender, type Sender, senderSchema } from './senders.ts';
export { shipShipment } from './ship-shipment.ts';
export { checkShipmentNumber, formatShipmentNumber } from './shipment-number.ts';
export { type ShipmentStatus, shipmentStatuses } from './tables.ts';

export function registerShipping(app: App, deps: Deps) {
  registerSenderRoutes(app, deps.database.db);
  registerShipmentRoutes(app, deps);
  registerDocumentRoutes(app, deps);
}
