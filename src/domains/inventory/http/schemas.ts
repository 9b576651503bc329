import { z } from 'zod';
import { warehouseKinds } from '../tables.ts';

export const shopParams = z.object({ shop: z.string() });
export const idParams = shopParams.extend({ id: z.uuid() });
export const tags = ['inventory'];

const quantity = z.number().int().min(1).max(10_000_000);
const key = z.string().min(1).max(200);

/** A variant by id, or by the SKU a person typed. */
const variantRef = z.object({ variantId: z.uuid().optional(), sku: z.string().min(1).max(100).optional() });

export const warehouseBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(warehouseKinds),
  country: z.string().regex(/^[A-Za-z]{2}$/),
  priority: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const receiptBody = z.object({
  warehouseId: z.uuid(),
  lines: z
    .array(variantRef.extend({ quantity, lot: z.string().max(100).optional() }))
    .min(1)
    .max(1000),
  receivedOn: z.iso.date().optional(),
  reference: z.string().max(200).optional(),
  idempotencyKey: key.optional(),
});

export const adjustmentBody = variantRef.extend({
  warehouseId: z.uuid(),
  delta: z.number().int().min(-10_000_000).max(10_000_000),
  reason: z.string().max(500),
  idempotencyKey: key.optional(),
});

export const transferBody = z.object({
  fromWarehouseId: z.uuid(),
  toWarehouseId: z.uuid(),
  reference: z.string().max(200).optional(),
  lines: z.array(variantRef.extend({ quantity })).min(1).max(1000),
  idempotencyKey: key.optional(),
});

export const receiveTransferBody = z
  .object({
    lines: z
      .array(z.object({ variantId: z.uuid(), received: z.number().int().min(0) }))
      .max(1000)
      .optional(),
  })
  .default({});

export const stocktakeBody = z.object({
  warehouseId: z.uuid(),
  counted: z
    .array(variantRef.extend({ quantity: z.number().int().min(0).max(10_000_000) }))
    .min(1)
    .max(10_000),
});

export const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};
