import { z } from 'zod';
import { carrierCodes } from '../tracking/index.ts';
import { contentsKinds } from './tables.ts';

/** Request bodies of shipment creation and preview (Zod; also the OpenAPI schema). */
const dims = z.object({
  l: z.number().int().min(1).max(10000),
  w: z.number().int().min(1).max(10000),
  h: z.number().int().min(1).max(10000),
});
export const parcelInput = z.object({
  weightG: z.number().int().min(1).max(1_000_000).optional(),
  dimsMm: dims.nullish(),
  lines: z
    .array(z.object({ orderLineId: z.uuid(), quantity: z.number().int().min(1).max(100000) }))
    .min(1)
    .max(500),
});
/** The domestic courier that takes the parcel to the forwarder (first leg of the journey). */
export const firstMileSchema = z.object({
  carrier: z.enum(carrierCodes),
  trackingNumber: z.string().trim().min(1).max(60),
});
export const planInput = z.object({
  orderIds: z.array(z.uuid()).min(1).max(50),
  parcels: z.array(parcelInput).min(1).max(50).optional(),
});
export const createShipmentSchema = planInput.extend({
  clientKey: z.string().trim().min(1).max(100).optional(),
  serviceId: z.uuid().optional(),
  senderId: z.uuid().optional(),
  contents: z.enum(contentsKinds).optional(),
  firstMile: firstMileSchema.optional(),
  note: z.string().trim().max(1000).optional(),
});
export type CreateShipmentInput = z.infer<typeof createShipmentSchema>;
