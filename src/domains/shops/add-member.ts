import type { Kysely } from 'kysely';
import { appError, issue } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { DB } from '../../platform/db/schema.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import type { Role } from './tables.ts';

export interface AddMemberInput {
  shopId: string;
  email: string;
  name?: string;
  role: Role;
  /** Required when the person has no account yet. */
  password?: string;
  /** Language of a new account's messages (default: the database's, zh-CN); ignored for existing accounts. */
  locale?: 'zh-CN' | 'en';
}

/** Add a person to a shop, creating their account if the email is new. Idempotent on (shop, email). */
export async function addMember(db: Kysely<DB>, input: AddMemberInput) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw appError(
      'VALIDATION_FAILED',
      'member.badEmail',
      { email: input.email },
      {
        issues: [issue('email', 'member.badEmailIssue')],
      },
    );
  }
  return db.transaction().execute(async (trx) => {
    let user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .executeTakeFirst();
    if (!user) {
      if (!input.password) {
        throw appError('VALIDATION_FAILED', 'member.needsPassword', undefined, {
          issues: [issue('password', 'member.needsPasswordIssue')],
        });
      }
      checkPasswordStrength(input.password);
      user = { id: newId(), email, name: input.name?.trim() || email.split('@')[0]! };
      await trx
        .insertInto('users')
        .values({
          ...user,
          password_hash: await hashPassword(input.password),
          ...(input.locale ? { locale: input.locale } : {}),
        })
        .execute();
    }
    // Re-adding a member changes their role: the shop's last owner must not be demoted this way.
    if (input.role !== 'owner') {
      const owners = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('shop_id', '=', input.shopId)
        .where('role', '=', 'owner')
        .execute();
      if (owners.length === 1 && owners[0]!.user_id === user.id) {
        throw appError('CONFLICT', 'member.lastOwner');
      }
    }
    await trx
      .insertInto('memberships')
      .values({ shop_id: input.shopId, user_id: user.id, role: input.role })
      .onConflict((oc) => oc.columns(['shop_id', 'user_id']).doUpdateSet({ role: input.role }))
      .execute();
    return { userId: user.id, email: user.email, name: user.name, role: input.role };
  });
}
