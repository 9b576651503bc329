import type { Kysely } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import type { Role } from './tables.ts';

export async function listMembers(db: Kysely<DB>, shopId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.shop_id', '=', shopId)
    .orderBy('u.email')
    .execute();
  return rows;
}

async function requireMember(db: Kysely<DB>, shopId: string, userId: string) {
  const m = await db
    .selectFrom('memberships')
    .select(['role'])
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!m) throw appError('NOT_FOUND', 'member.notFound');
  return m;
}

/** A shop must always keep one owner, or nobody could manage it again. */
async function assertNotLastOwner(db: Kysely<DB>, shopId: string, userId: string) {
  const owners = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('shop_id', '=', shopId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 1 && owners[0]!.user_id === userId) {
    throw appError('CONFLICT', 'member.lastOwner');
  }
}

export async function changeMemberRole(db: Kysely<DB>, shopId: string, userId: string, role: Role) {
  const current = await requireMember(db, shopId, userId);
  if (current.role === 'owner' && role !== 'owner') await assertNotLastOwner(db, shopId, userId);
  await db
    .updateTable('memberships')
    .set({ role })
    .where('shop_id', '=', shopId)
    .where('user_id', '=', userId)
    .execute();
}

export async function removeMember(db: Kysely<DB>, shopId: string, userId: string) {
  await requireMember(db, shopId, userId);
  await assertNotLastOwner(db, shopId, userId);
  await db.deleteFrom('memberships').where('shop_id', '=', shopId).where('user_id', '=', userId).execute();
}

/**
 * An owner sets a new password for a member: the lockout is lifted and their sessions end.
 * Only for people whose every membership is in this shop — an owner of one shop must not take
 * over accounts that also work in other shops.
 */
export async function resetMemberPassword(db: Kysely<DB>, shopId: string, userId: string, password: string) {
  await requireMember(db, shopId, userId);
  const elsewhere = await db
    .selectFrom('memberships')
    .select('shop_id')
    .where('user_id', '=', userId)
    .where('shop_id', '!=', shopId)
    .executeTakeFirst();
  // Any membership elsewhere counts: resetting the password of another shop's operator would let
  // this shop's owner log in as them and work in that shop.
  if (elsewhere) {
    throw appError('FORBIDDEN', 'member.otherShop');
  }
  checkPasswordStrength(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
}
