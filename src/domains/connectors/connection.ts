import { appError } from '../../kernel/errors.ts';
import {
  formatMessage,
  type Locale,
  type MessageKey,
  type MessageParams,
  messages,
} from '../../kernel/i18n/index.ts';
import type { Config } from '../../platform/config.ts';
import { open, seal } from '../../platform/crypto/secret-box.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import type { AmazonCredentials } from './amazon/client.ts';
import { hintsOf, providerOf, type StoredCredentials, validateCredentials } from './credentials.ts';
import { secretKeyOf } from './secret-key.ts';
import type { ShopeeCredentials, ShopeeTokens } from './shopee/client.ts';
import type { Provider } from './tables.ts';

async function accountOf(trx: Tx, shopId: string, accountId: string) {
  const account = await trx
    .selectFrom('channel_accounts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw appError('NOT_FOUND', 'orders.account.notFound');
  return account;
}

/**
 * Store (or update) an account's API credentials, sealed. Fields left out keep their stored
 * value. The audit entry names the fields that changed, never their values.
 */
export async function saveCredentials(
  trx: Tx,
  config: Config,
  shopId: string,
  actor: Actor,
  accountId: string,
  input: { credentials: Record<string, string>; syncIntervalMinutes?: number | undefined },
  locale: Locale = 'en',
) {
  const account = await accountOf(trx, shopId, accountId);
  const provider = providerOf(account.channel);
  const key = secretKeyOf(config);
  const existing = await trx
    .selectFrom('channel_connections')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  // Stored values sealed with a key that is gone cannot be merged: the seller re-enters them all
  // (and re-authorises the Shopee shop, whose tokens are unreadable too).
  let unreadable = false;
  let before: Record<string, unknown> = {};
  if (existing)
    try {
      before = JSON.parse(open(key, existing.credentials_sealed)) as Record<string, unknown>;
    } catch {
      unreadable = true;
    }
  const given = Object.fromEntries(Object.entries(input.credentials).filter(([, v]) => v.trim() !== ''));
  const merged = validateCredentials(provider, { ...before, ...given }, config.connectorHosts);
  const changed = Object.keys(given).filter(
    (k) => before[k] !== (merged as unknown as Record<string, unknown>)[k],
  );
  const values = {
    credentials_sealed: seal(key, JSON.stringify(merged)),
    credential_hints: JSON.stringify(hintsOf(merged as unknown as Record<string, unknown>)),
    ...(input.syncIntervalMinutes ? { sync_interval_minutes: input.syncIntervalMinutes } : {}),
    updated_at: new Date(),
  };
  // Other partner credentials belong to another app: the old shop tokens cannot be used with them.
  const partnerChanged = unreadable || (provider === 'shopee' && changed.includes('partnerId'));
  if (existing)
    await trx
      .updateTable('channel_connections')
      .set({ ...values, ...(partnerChanged ? { tokens_sealed: null, token_expires_at: null } : {}) })
      .where('shop_id', '=', shopId)
      .where('account_id', '=', accountId)
      .execute();
  else
    await trx
      .insertInto('channel_connections')
      .values({ shop_id: shopId, account_id: accountId, provider, ...values })
      .execute();
  await trx
    .insertInto('connector_schedule')
    .values({ shop_id: shopId, account_id: accountId, next_sync_at: new Date() })
    .onConflict((oc) => oc.columns(['shop_id', 'account_id']).doNothing())
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'channel_connection.credentials_saved',
    entityType: 'channel_account',
    entityId: accountId,
    changes: {
      fields: changed,
      ...(input.syncIntervalMinutes ? { syncIntervalMinutes: input.syncIntervalMinutes } : {}),
    },
  });
  return getConnection(trx, shopId, accountId, locale);
}

/** The connection as the admin shows it: masked credentials, authorisation, sync state, last run. */
export async function getConnection(trx: Tx, shopId: string, accountId: string, locale: Locale = 'en') {
  const account = await accountOf(trx, shopId, accountId);
  const c = await trx
    .selectFrom('channel_connections')
    .select([
      'provider',
      'credential_hints',
      'tokens_sealed',
      'token_expires_at',
      'remote_shop_id',
      'sync_interval_minutes',
      'high_water',
      'window_to',
      'updated_at',
    ])
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const lastRun = await trx
    .selectFrom('channel_sync_runs')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const provider: Provider | null =
    account.channel === 'shopee' || account.channel === 'amazon' ? account.channel : null;
  return {
    accountId,
    channel: account.channel,
    provider,
    configured: !!c,
    credentials: c?.credential_hints ?? {},
    // Amazon is authorised by the refresh token the seller pastes; Shopee by the shop's consent.
    authorised: !!c && (c.provider === 'amazon' || !!c.tokens_sealed),
    remoteShopId: c?.remote_shop_id ?? null,
    tokenExpiresAt: c?.token_expires_at ?? null,
    syncIntervalMinutes: c?.sync_interval_minutes ?? 30,
    syncedUpTo: c?.high_water ?? null,
    resumePending: !!c?.window_to,
    lastRun: lastRun ? runView(lastRun, locale) : null,
  };
}

/** A run as clients see it; `error` is the failure in the reader's language. */
export function runView(
  r: {
    id: string;
    trigger: string;
    status: string;
    started_at: Date;
    finished_at: Date | null;
    pages: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    error_key: string | null;
    error_params?: Record<string, unknown> | null;
  },
  locale: Locale = 'en',
) {
  const key = r.error_key && r.error_key in messages ? (r.error_key as MessageKey) : null;
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    pages: r.pages,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    failed: r.failed,
    errorKey: r.error_key,
    error: key ? formatMessage(locale, key, (r.error_params ?? {}) as MessageParams) : r.error_key,
  };
}

export interface LoadedConnection {
  shopId: string;
  accountId: string;
  accountName: string;
  channel: 'shopee' | 'amazon';
  marketplace: string | null;
  provider: Provider;
  credentials: StoredCredentials;
  tokens: ShopeeTokens | null;
  state: { windowFrom: Date | null; windowTo: Date | null; cursor: string | null; highWater: Date | null };
  syncIntervalMinutes: number;
}

/** The connection with its secrets opened, for the clients. Null when none is stored. */
export async function loadConnection(
  trx: Tx,
  config: Config,
  shopId: string,
  accountId: string,
): Promise<LoadedConnection | null> {
  const account = await accountOf(trx, shopId, accountId);
  const c = await trx
    .selectFrom('channel_connections')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!c) return null;
  const key = secretKeyOf(config);
  return {
    shopId,
    accountId,
    accountName: account.name,
    channel: c.provider,
    marketplace: account.marketplace,
    provider: c.provider,
    credentials: JSON.parse(open(key, c.credentials_sealed)) as StoredCredentials,
    tokens: c.tokens_sealed ? (JSON.parse(open(key, c.tokens_sealed)) as ShopeeTokens) : null,
    state: {
      windowFrom: c.window_from,
      windowTo: c.window_to,
      cursor: c.page_cursor,
      highWater: c.high_water,
    },
    syncIntervalMinutes: c.sync_interval_minutes,
  };
}

export async function saveShopeeTokens(
  trx: Tx,
  config: Config,
  shopId: string,
  accountId: string,
  t: ShopeeTokens,
) {
  await trx
    .updateTable('channel_connections')
    .set({
      tokens_sealed: seal(secretKeyOf(config), JSON.stringify(t)),
      token_expires_at: new Date(t.expiresAt),
      remote_shop_id: t.shopId,
      updated_at: new Date(),
    })
    .where('shop_id', '=', shopId)
    .where('account_id', '=', accountId)
    .execute();
}

export const asShopee = (c: LoadedConnection) => c.credentials as ShopeeCredentials;
export const asAmazon = (c: LoadedConnection) =>
  c.credentials as AmazonCredentials & { marketplaceId?: string };
