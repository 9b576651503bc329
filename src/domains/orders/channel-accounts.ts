import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { channels } from './tables.ts';

export const channelAccountSchema = z.object({
  channel: z.enum(channels),
  name: z.string().trim().min(1).max(100),
  /** Amazon marketplace id or country (ATVPDKIKX0DER, US); Shopee/TikTok country (BR, SG). */
  marketplace: z.string().trim().max(20).nullish(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export const channelAccountPatchSchema = channelAccountSchema.omit({ channel: true }).partial();

const view = (a: {
  id: string;
  channel: string;
  name: string;
  marketplace: string | null;
  settings: unknown;
  created_at: Date;
}) => ({
  id: a.id,
  channel: a.channel,
  name: a.name,
  marketplace: a.marketplace,
  settings: a.settings,
  createdAt: a.created_at,
});

export async function listChannelAccounts(trx: Tx, shopId: string) {
  const rows = await trx
    .selectFrom('channel_accounts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('name')
    .execute();
  return rows.map(view);
}

const nameTaken = async (trx: Tx, shopId: string, name: string, exceptId?: string) => {
  const q = trx
    .selectFrom('channel_accounts')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('name', '=', name);
  const hit = await (exceptId ? q.where('id', '<>', exceptId) : q).executeTakeFirst();
  if (hit) throw appError('CONFLICT', 'orders.account.nameTaken', { name });
};

export async function createChannelAccount(
  trx: Tx,
  shopId: string,
  actor: Actor,
  input: z.infer<typeof channelAccountSchema>,
) {
  await nameTaken(trx, shopId, input.name);
  const row = await trx
    .insertInto('channel_accounts')
    .values({
      shop_id: shopId,
      id: newId(),
      channel: input.channel,
      name: input.name,
      marketplace: input.marketplace ?? null,
      settings: JSON.stringify(input.settings ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, shopId, actor, {
    action: 'channel_account.created',
    entityType: 'channel_account',
    entityId: row.id,
    changes: input,
  });
  return view(row);
}

/** Name, marketplace and settings change; the channel never does (orders copy it). */
export async function updateChannelAccount(
  trx: Tx,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof channelAccountPatchSchema>,
) {
  if (input.name) await nameTaken(trx, shopId, input.name, id);
  const row = await trx
    .updateTable('channel_accounts')
    .set((eb) => ({
      // Always one assignment, so an empty patch is a harmless no-op update.
      name: input.name ?? eb.ref('name'),
      ...(input.marketplace !== undefined ? { marketplace: input.marketplace } : {}),
      ...(input.settings ? { settings: JSON.stringify(input.settings) } : {}),
    }))
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'orders.account.notFound');
  await recordAudit(trx, shopId, actor, {
    action: 'channel_account.updated',
    entityType: 'channel_account',
    entityId: id,
    changes: input,
  });
  return view(row);
}

/** The account with this name, created (channel as given) when missing — used by the CLI. */
export async function ensureChannelAccount(
  trx: Tx,
  shopId: string,
  actor: Actor,
  name: string,
  channel: z.infer<typeof channelAccountSchema>['channel'],
  marketplace?: string,
) {
  const found = await trx
    .selectFrom('channel_accounts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return view(found);
  return createChannelAccount(trx, shopId, actor, { channel, name, marketplace: marketplace ?? null });
}
