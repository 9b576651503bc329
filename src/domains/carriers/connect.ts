/** An account's API client, with its credentials opened (never leaves the server). */
import { appError } from '../../kernel/errors.ts';
import { type Tx, withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import type { RetryPolicy } from '../connectors/backoff.ts';
import type { CarrierConnector } from './connector.ts';
import { gatewayOf, hostAllowed, openCredentials, yunBaseOf } from './credentials.ts';
import { createFourPxClient } from './fourpx/client.ts';
import { fourPxConnector } from './fourpx/connector.ts';
import { createYunExpressClient, type YunExpressCredentials } from './yunexpress/client.ts';
import { yunExpressConnector } from './yunexpress/connector.ts';

/** Tests shorten the waits between retries; production uses the shared default policy. */
export const retryOverride: { policy: RetryPolicy | undefined } = { policy: undefined };

export async function accountRow(trx: Tx, shopId: string, accountId: string) {
  const a = await trx
    .selectFrom('carrier_accounts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!a) throw appError('NOT_FOUND', 'carriers.account.notFound');
  return a;
}

export type AccountRow = Awaited<ReturnType<typeof accountRow>>;

/** The carrier module for an account, with its credentials opened. */
export function connectorFor(deps: Deps, a: AccountRow): CarrierConnector {
  const extra = deps.config.connectorHosts;
  const common = {
    isAllowedHost: (host: string) => hostAllowed(a.carrier, host, extra),
    ...(retryOverride.policy ? { retry: retryOverride.policy } : {}),
  };
  const credentials = openCredentials(deps.config, a.credentials_sealed);
  if (a.carrier === 'yunexpress')
    return yunExpressConnector(
      createYunExpressClient({
        ...common,
        credentials: credentials as unknown as YunExpressCredentials,
        baseUrl: yunBaseOf(a),
      }),
    );
  return fourPxConnector(
    createFourPxClient({
      ...common,
      credentials: credentials as { appKey: string; appSecret: string; accessToken?: string },
      gatewayUrl: gatewayOf(a),
    }),
  );
}

/** The account (must be active) and its connector; the account is read in its own short transaction. */
export async function connect(deps: Deps, shopId: string, accountId: string, requireActive = true) {
  const a = await withShop(deps.database.db, shopId, (trx) => accountRow(trx, shopId, accountId));
  if (requireActive && !a.active) throw appError('CONFLICT', 'carriers.account.inactive', { name: a.name });
  return { account: a, connector: connectorFor(deps, a) };
}
