import { z } from 'zod';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { carrierCodes } from './carriers.ts';
import { cardAt } from './rating/compile.ts';
import { serviceModes } from './tables.ts';

export const serviceInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
  name: z.string().trim().min(1).max(200),
  carrier: z.string().trim().toLowerCase(),
  mode: z.enum(serviceModes),
  active: z.boolean().default(true),
  carrierAccountId: z.uuid().nullable().default(null),
  promisedDays: z.number().int().min(1).max(365).nullable().default(null),
  notes: z.string().max(2000).nullable().default(null),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;
export const servicePatchSchema = serviceInputSchema.partial();

export interface ServiceView {
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: string;
  active: boolean;
  carrierAccountId: string | null;
  promisedDays: number | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = {
  id: string;
  code: string;
  name: string;
  carrier: string;
  mode: string;
  active: boolean;
  carrier_account_id: string | null;
  promised_days: number | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
};
const view = (r: Row): ServiceView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  carrier: r.carrier,
  mode: r.mode,
  active: r.active,
  carrierAccountId: r.carrier_account_id,
  promisedDays: r.promised_days,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function checkCarrier(carrier: string | undefined) {
  if (carrier !== undefined && !(carrierCodes as readonly string[]).includes(carrier))
    throw appError(
      'VALIDATION_FAILED',
      'logistics.badCarrier',
      { carrier, codes: carrierCodes.join(', ') },
      { issues: [issue('carrier', 'common.invalid')] },
    );
}

async function codeTaken(trx: Tx, shopId: string, code: string, exceptId?: string) {
  let q = trx
    .selectFrom('logistics_services')
    .select('id')
    .where('shop_id', '=', shopId)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()));
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw appError(
      'CONFLICT',
      'logistics.codeTaken',
      { code },
      { issues: [issue('code', 'common.invalid')] },
    );
}

/** Services by code, each with its card version valid now and how many versions it has. */
export async function listServices(trx: Tx, shopId: string, now = new Date()) {
  const rows = await trx
    .selectFrom('logistics_services')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('code')
    .execute();
  const cards = await trx
    .selectFrom('logistics_rate_cards')
    .select(['id', 'service_id', 'version', 'currency', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('shop_id', '=', shopId)
    .execute();
  return rows.map((r) => {
    const own = cards.filter((c) => c.service_id === r.id);
    const current = cardAt(own, now);
    return {
      ...view(r),
      versions: own.length,
      currentCard: current
        ? {
            id: current.id,
            version: current.version,
            currency: current.currency,
            validFrom: current.validFrom,
          }
        : null,
    };
  });
}

export async function findService(trx: Tx, shopId: string, id: string): Promise<ServiceView | undefined> {
  const r = await trx
    .selectFrom('logistics_services')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && view(r);
}

export async function findServiceByCode(trx: Tx, shopId: string, code: string) {
  const r = await trx
    .selectFrom('logistics_services')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
  return r && view(r);
}

/** Contract for shipments and carriers (H4, H6). */
export async function getService(trx: Tx, shopId: string, id: string) {
  const s = await findService(trx, shopId, id);
  return (
    s && {
      id: s.id,
      code: s.code,
      name: s.name,
      carrier: s.carrier,
      mode: s.mode,
      carrierAccountId: s.carrierAccountId,
      promisedDays: s.promisedDays,
    }
  );
}

export async function createService(trx: Tx, shopId: string, actor: Actor, input: ServiceInput) {
  checkCarrier(input.carrier);
  await codeTaken(trx, shopId, input.code);
  const id = newId();
  await trx
    .insertInto('logistics_services')
    .values({
      shop_id: shopId,
      id,
      code: input.code,
      name: input.name,
      carrier: input.carrier,
      mode: input.mode,
      active: input.active,
      carrier_account_id: input.carrierAccountId,
      promised_days: input.promisedDays,
      notes: input.notes,
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.service.create',
    entityType: 'logistics_service',
    entityId: id,
    changes: input,
  });
  return (await findService(trx, shopId, id))!;
}

export async function updateService(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  patch: Partial<ServiceInput>,
) {
  if (!(await findService(trx, shopId, id))) throw appError('NOT_FOUND', 'logistics.serviceNotFound');
  checkCarrier(patch.carrier);
  if (patch.code) await codeTaken(trx, shopId, patch.code, id);
  await trx
    .updateTable('logistics_services')
    .set({
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.carrier !== undefined && { carrier: patch.carrier }),
      ...(patch.mode !== undefined && { mode: patch.mode }),
      ...(patch.active !== undefined && { active: patch.active }),
      ...(patch.carrierAccountId !== undefined && { carrier_account_id: patch.carrierAccountId }),
      ...(patch.promisedDays !== undefined && { promised_days: patch.promisedDays }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.service.update',
    entityType: 'logistics_service',
    entityId: id,
    changes: patch,
  });
  return (await findService(trx, shopId, id))!;
}

/** Deleting a service removes its card versions too; rules pointing at it stop matching (fixed strategy). */
export async function deleteService(trx: Tx, shopId: string, actor: Actor, id: string) {
  const r = await trx
    .deleteFrom('logistics_services')
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r.numDeletedRows) throw appError('NOT_FOUND', 'logistics.serviceNotFound');
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.service.delete',
    entityType: 'logistics_service',
    entityId: id,
  });
}
