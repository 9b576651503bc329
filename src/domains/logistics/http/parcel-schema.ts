import { z } from 'zod';
import type { ParcelQuery } from '../rating/types.ts';

const dims = z.object({
  l: z.number().positive().max(100_000),
  w: z.number().positive().max(100_000),
  h: z.number().positive().max(100_000),
});

/**
 * A parcel to quote, in integer grams and millimetres (`weightG`, `dimsMm`) — or, for people and
 * forms, in kg and cm (`weightKg`, `dimsCm`), converted here (kg to the gram, cm to the mm).
 */
export const parcelBodySchema = z
  .object({
    destinationCountry: z.string().trim().toUpperCase().length(2),
    postcode: z.string().trim().max(20).nullish(),
    weightG: z.number().int().positive().max(10_000_000).optional(),
    weightKg: z.number().positive().max(10_000).optional(),
    dimsMm: dims.nullish(),
    dimsCm: dims.nullish(),
    declaredValue: z
      .object({ amountMinor: z.number().int().min(0), currency: z.string().length(3) })
      .nullish(),
    battery: z.boolean().optional(),
    dangerousGoods: z.boolean().optional(),
    at: z.coerce.date().optional(),
  })
  .refine((p) => p.weightG !== undefined || p.weightKg !== undefined, {
    message: 'Required',
    path: ['weightG'],
  });
export type ParcelBody = z.infer<typeof parcelBodySchema>;

export function toParcelQuery(p: ParcelBody): ParcelQuery {
  const d = p.dimsMm ?? (p.dimsCm ? { l: p.dimsCm.l * 10, w: p.dimsCm.w * 10, h: p.dimsCm.h * 10 } : null);
  return {
    destinationCountry: p.destinationCountry,
    postcode: p.postcode || null,
    weightG: p.weightG ?? Math.round((p.weightKg ?? 0) * 1000),
    dimsMm: d ? { l: Math.round(d.l), w: Math.round(d.w), h: Math.round(d.h) } : null,
    declaredValue: p.declaredValue ?? null,
    battery: p.battery ?? false,
    dangerousGoods: p.dangerousGoods ?? false,
    ...(p.at ? { at: p.at } : {}),
  };
}

export const assignBodySchema = z.object({
  orderId: z.string().max(100).default('test'),
  channel: z.string().trim().min(1).max(50),
  channelAccountId: z.uuid().nullable().default(null),
  destinationCountry: z.string().trim().toUpperCase().length(2),
  postcode: z.string().trim().max(20).nullish(),
  weightG: z.number().int().positive().max(10_000_000),
  dimsMm: dims.nullish(),
  valueMinor: z.number().int().min(0).default(0),
  currency: z.string().trim().toUpperCase().length(3).default('USD'),
  skus: z.array(z.string().max(200)).max(500).default([]),
  battery: z.boolean().default(false),
  dangerousGoods: z.boolean().default(false),
});
