import type { Selectable } from 'kysely';
import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import type { ShippingSendersTable } from './tables.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).nullish();

/** A sender: Latin fields for carriers and customs, Chinese ones for domestic first-mile labels. */
export const senderSchema = z.object({
  warehouseId: z.uuid().nullish(),
  isDefault: z.boolean().optional(),
  name: text(200),
  nameZh: optional(200),
  company: optional(200),
  companyZh: optional(200),
  line1: text(300),
  line2: optional(300),
  addressZh: optional(500),
  city: text(120),
  region: optional(120),
  postcode: optional(20),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
  phone: optional(40),
  email: z.email().nullish(),
});
export type SenderInput = z.infer<typeof senderSchema>;

export const senderView = (r: Selectable<ShippingSendersTable>) => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  isDefault: r.is_default,
  name: r.name,
  nameZh: r.name_zh,
  company: r.company,
  companyZh: r.company_zh,
  line1: r.line1,
  line2: r.line2,
  addressZh: r.address_zh,
  city: r.city,
  region: r.region,
  postcode: r.postcode,
  country: r.country,
  phone: r.phone,
  email: r.email,
});
export type Sender = ReturnType<typeof senderView>;

const columns = (i: SenderInput) => ({
  warehouse_id: i.warehouseId ?? null,
  is_default: i.isDefault ?? false,
  name: i.name,
  name_zh: i.nameZh ?? null,
  company: i.company ?? null,
  company_zh: i.companyZh ?? null,
  line1: i.line1,
  line2: i.line2 ?? null,
  address_zh: i.addressZh ?? null,
  city: i.city,
  region: i.region ?? null,
  postcode: i.postcode ?? null,
  country: i.country,
  phone: i.phone ?? null,
  email: i.email ?? null,
});

/** Only one default per shop: setting a new one clears the old flag first. */
async function clearDefault(trx: Tx, shopId: string, except?: string) {
  await trx
    .updateTable('shipping_senders')
    .set({ is_default: false })
    .where('shop_id', '=', shopId)
    .where('is_default', '=', true)
    .$if(!!except, (q) => q.where('id', '!=', except!))
    .execute();
}

async function ensureWarehouseFree(
  trx: Tx,
  shopId: string,
  warehouseId: string | null | undefined,
  self?: string,
) {
  if (!warehouseId) return;
  // Only one of this shop's warehouses (never another shop's id).
  const own = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!own)
    throw appError('VALIDATION_FAILED', 'warehouse.notFound', undefined, {
      issues: [issue('warehouseId', 'warehouse.notFound')],
    });
  const other = await trx
    .selectFrom('shipping_senders')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('warehouse_id', '=', warehouseId)
    .$if(!!self, (q) => q.where('id', '!=', self!))
    .executeTakeFirst();
  if (other) throw appError('CONFLICT', 'shipping.sender.warehouseTaken');
}

export async function createSender(trx: Tx, shopId: string, input: SenderInput): Promise<Sender> {
  await ensureWarehouseFree(trx, shopId, input.warehouseId);
  const first = !(await trx
    .selectFrom('shipping_senders')
    .select('id')
    .where('shop_id', '=', shopId)
    .executeTakeFirst());
  const isDefault = input.isDefault ?? first;
  if (isDefault) await clearDefault(trx, shopId);
  const row = await trx
    .insertInto('shipping_senders')
    .values({
      shop_id: shopId,
      id: newId(),
      ...columns(input),
      is_default: isDefault,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return senderView(row);
}

export async function updateSender(trx: Tx, shopId: string, id: string, input: SenderInput): Promise<Sender> {
  await ensureWarehouseFree(trx, shopId, input.warehouseId, id);
  if (input.isDefault) await clearDefault(trx, shopId, id);
  const row = await trx
    .updateTable('shipping_senders')
    .set({ ...columns(input), updated_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'shipping.sender.notFound');
  return senderView(row);
}

export async function deleteSender(trx: Tx, shopId: string, id: string): Promise<void> {
  const r = await trx
    .deleteFrom('shipping_senders')
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw appError('NOT_FOUND', 'shipping.sender.notFound');
}

export async function listSenders(trx: Tx, shopId: string): Promise<Sender[]> {
  const rows = await trx
    .selectFrom('shipping_senders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(senderView);
}

/** The sender for a warehouse, else the shop default, else none (labels then refuse). */
export async function resolveSender(
  trx: Tx,
  shopId: string,
  warehouseId?: string | null,
  id?: string | null,
) {
  const rows = await trx.selectFrom('shipping_senders').selectAll().where('shop_id', '=', shopId).execute();
  const pick =
    (id && rows.find((r) => r.id === id)) ||
    (warehouseId && rows.find((r) => r.warehouse_id === warehouseId)) ||
    rows.find((r) => r.is_default);
  return pick ? senderView(pick) : undefined;
}
