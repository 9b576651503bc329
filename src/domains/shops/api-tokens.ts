import type { Kysely } from 'kysely';
import { appError, issue } from '../../kernel/errors.ts';
import { newId, newSecret } from '../../kernel/ids.ts';
import type { DB } from '../../platform/db/schema.ts';
import { hashSecret } from './login.ts';
import { type Permission, permissions } from './permissions.ts';

/** Create a scoped token for an integration. The secret is returned once and stored only hashed. */
export async function createApiToken(
  db: Kysely<DB>,
  input: { shopId: string; name: string; scopes: string[]; createdBy: string | null },
) {
  const unknown = input.scopes.filter((s) => !permissions.includes(s as Permission));
  if (unknown.length || input.scopes.length === 0) {
    const list = (items: readonly string[]) => ({ list: items, sep: 'comma' as const });
    throw appError(
      'VALIDATION_FAILED',
      'token.chooseScopes',
      { list: list(permissions) },
      {
        issues: [
          unknown.length
            ? issue('scopes', 'token.unknownScopes', { list: list(unknown) })
            : issue('scopes', 'token.chooseOne'),
        ],
      },
    );
  }
  const id = newId();
  const token = `ck_${newSecret(30)}`;
  await db
    .insertInto('api_tokens')
    .values({
      shop_id: input.shopId,
      id,
      name: input.name.trim(),
      token_hash: hashSecret(token),
      scopes: input.scopes,
      created_by: input.createdBy,
    })
    .execute();
  return { id, token };
}

export async function listApiTokens(db: Kysely<DB>, shopId: string) {
  return db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'scopes',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt',
    ])
    .where('shop_id', '=', shopId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Kysely<DB>, shopId: string, id: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!result.numUpdatedRows) throw appError('NOT_FOUND', 'token.notFound');
}

export async function resolveApiToken(db: Kysely<DB>, token: string) {
  const row = await db
    .selectFrom('api_tokens')
    .select(['shop_id', 'id', 'scopes'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (row) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return row;
}
