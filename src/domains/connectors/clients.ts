import { appError } from '../../kernel/errors.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { createAmazonClient } from './amazon/client.ts';
import type { RetryPolicy } from './backoff.ts';
import { asAmazon, asShopee, type LoadedConnection, saveShopeeTokens } from './connection.ts';
import { createShopeeClient } from './shopee/client.ts';

/** Shopee client for a connection; refreshed tokens are sealed and stored before use. */
export function shopeeClientFor(deps: Deps, conn: LoadedConnection, retry?: RetryPolicy) {
  return createShopeeClient({
    credentials: asShopee(conn),
    tokens: conn.tokens,
    ...(retry ? { retry } : {}),
    onTokens: (t) =>
      withShop(deps.database.db, conn.shopId, (trx) =>
        saveShopeeTokens(trx, deps.config, conn.shopId, conn.accountId, t),
      ),
  });
}

const MARKETPLACE_ID = /^A[0-9A-Z]{8,19}$/;

export function amazonClientFor(conn: LoadedConnection, retry?: RetryPolicy) {
  const creds = asAmazon(conn);
  const marketplaceId =
    creds.marketplaceId ??
    (conn.marketplace && MARKETPLACE_ID.test(conn.marketplace) ? conn.marketplace : null);
  if (!marketplaceId)
    throw appError('CONFLICT', 'connectors.amazon.marketplaceRequired', { account: conn.accountName });
  return createAmazonClient({ credentials: creds, marketplaceId, ...(retry ? { retry } : {}) });
}
