import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { appError } from '../../kernel/errors.ts';
import { newSecret } from '../../kernel/ids.ts';
import type { DB } from '../../platform/db/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_DAYS = 14;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

// Verifying against a dummy hash keeps the response time the same for unknown emails.
let dummyHash: Promise<string> | undefined;

/**
 * Password login. After 5 wrong passwords the account locks for 15 minutes; the error says how
 * long. Returns a new session secret (only its hash is stored) and its CSRF token.
 */
export async function login(db: Kysely<DB>, email: string, password: string) {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, password);
    throw invalid();
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) throw locked(user.locked_until);
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_logins + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await db
      .updateTable('users')
      .set({ failed_logins: lockedUntil ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    if (lockedUntil) throw locked(lockedUntil);
    throw invalid(MAX_FAILURES - failures);
  }
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const secret = newSecret();
  const csrfToken = newSecret(24);
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(secret),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .execute();
  return { secret, csrfToken, userId: user.id };
}

function invalid(attemptsLeft?: number) {
  return appError(
    'INVALID_CREDENTIALS',
    'auth.invalidCredentials',
    undefined,
    attemptsLeft !== undefined ? { details: { attemptsLeft } } : {},
  );
}

function locked(until: Date) {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return appError(
    'ACCOUNT_LOCKED',
    'auth.locked',
    { minutes: Math.ceil(retryAfterSeconds / 60) },
    { details: { retryAfterSeconds } },
  );
}

export async function resolveSession(db: Kysely<DB>, secret: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.csrf_token', 'u.id as userId', 'u.email', 'u.name', 'u.locale'])
    .where('s.id_hash', '=', hashSecret(secret))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function logout(db: Kysely<DB>, secret: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(secret)).execute();
}

export async function userShops(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('shops as s', 's.id', 'm.shop_id')
    .select(['s.id', 's.slug', 's.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('s.name')
    .execute();
}
