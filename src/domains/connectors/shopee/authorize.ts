/**
 * Shop authorisation: we hand out Shopee's auth_partner link whose redirect carries a signed
 * `state` (shop, account, one-time nonce, expiry). Shopee sends the seller back to our callback
 * with `code` and `shop_id`; the state is checked (signature, expiry, not used before) and the
 * code exchanged for tokens. A forged, expired or replayed state changes nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { appError } from '../../../kernel/errors.ts';
import { deriveKey } from '../../../platform/crypto/secret-box.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { Deps } from '../../../server.ts';
import { type Actor, recordAudit } from '../../shops/index.ts';
import { shopeeClientFor } from '../clients.ts';
import { loadConnection } from '../connection.ts';
import { secretKeyOf } from '../secret-key.ts';

const STATE_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/connectors/shopee/callback';

interface StatePayload {
  s: string;
  a: string;
  n: string;
  e: number;
}

const mac = (deps: Deps, payload: string) =>
  createHmac('sha256', deriveKey(secretKeyOf(deps.config), 'shopee-oauth-state'))
    .update(payload)
    .digest();

export async function createShopeeAuthorization(deps: Deps, shopId: string, actor: Actor, accountId: string) {
  return withShop(deps.database.db, shopId, async (trx) => {
    const conn = await loadConnection(trx, deps.config, shopId, accountId);
    if (!conn) throw appError('CONFLICT', 'connectors.notConfigured');
    if (conn.provider !== 'shopee') throw appError('CONFLICT', 'connectors.shopee.only');
    const payload: StatePayload = {
      s: shopId,
      a: accountId,
      n: randomBytes(16).toString('hex'),
      e: Date.now() + STATE_TTL_MS,
    };
    await trx
      .insertInto('connector_oauth_states')
      .values({ shop_id: shopId, nonce: payload.n, account_id: accountId, expires_at: new Date(payload.e) })
      .execute();
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const state = `${body}.${mac(deps, body).toString('base64url')}`;
    const redirect = `${deps.config.publicUrl}${CALLBACK_PATH}?state=${encodeURIComponent(state)}`;
    await recordAudit(trx, shopId, actor, {
      action: 'channel_connection.authorisation_started',
      entityType: 'channel_account',
      entityId: accountId,
    });
    return { url: shopeeClientFor(deps, conn).authorizationUrl(redirect), expiresAt: new Date(payload.e) };
  });
}

function verifyState(deps: Deps, state: string): StatePayload {
  const refused = () => appError('FORBIDDEN', 'connectors.shopee.badState');
  const [body, sig] = state.split('.');
  if (!body || !sig) throw refused();
  const expected = mac(deps, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
  let p: StatePayload;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
  } catch {
    throw refused();
  }
  if (typeof p.e !== 'number' || p.e < Date.now())
    throw appError('FORBIDDEN', 'connectors.shopee.stateExpired');
  return p;
}

/** The callback: returns where to send the seller's browser (the connection page). */
export async function completeShopeeAuthorization(
  deps: Deps,
  q: { state: string; code: string; shopId: string },
): Promise<{ shopId: string; accountId: string }> {
  const p = verifyState(deps, q.state);
  const db = deps.database.db;
  const conn = await withShop(db, p.s, async (trx) => {
    // Consumed once, atomically: a replayed link finds the nonce used.
    const used = await trx
      .updateTable('connector_oauth_states')
      .set({ used_at: new Date() })
      .where('shop_id', '=', p.s)
      .where('nonce', '=', p.n)
      .where('account_id', '=', p.a)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('nonce')
      .executeTakeFirst();
    if (!used) throw appError('FORBIDDEN', 'connectors.shopee.stateUsed');
    return loadConnection(trx, deps.config, p.s, p.a);
  });
  if (conn?.provider !== 'shopee') throw appError('CONFLICT', 'connectors.notConfigured');
  await shopeeClientFor(deps, conn).exchangeCode(q.code, q.shopId);
  await withShop(db, p.s, (trx) =>
    recordAudit(
      trx,
      p.s,
      { userId: null, tokenId: null },
      {
        action: 'channel_connection.authorised',
        entityType: 'channel_account',
        entityId: p.a,
        changes: { remoteShopId: q.shopId },
      },
    ),
  );
  return { shopId: p.s, accountId: p.a };
}
