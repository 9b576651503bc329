/**
 * "Test connection": one signed, read-only call (the product list). A wrong key or secret comes
 * back as the carrier's signature error. The outcome is stored as a message key + parameters, so
 * every reader sees it in their own language.
 */
import { isAppError } from '../../kernel/errors.ts';
import { formatMessage, type Locale, type MessageKey, type MessageParams } from '../../kernel/i18n/index.ts';
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { connect } from './connect.ts';

export interface StoredTestMessage {
  key: MessageKey;
  params?: MessageParams;
}

export const renderTestMessage = (locale: Locale, stored: string | null): string | null => {
  if (!stored) return null;
  try {
    const m = JSON.parse(stored) as StoredTestMessage;
    return formatMessage(locale, m.key, m.params);
  } catch {
    return stored;
  }
};

export async function testConnection(deps: Deps, shopId: string, accountId: string, locale: Locale) {
  const { connector } = await connect(deps, shopId, accountId, false);
  let ok = false;
  let m: StoredTestMessage;
  try {
    const r = await connector.test();
    ok = r.ok;
    m = { key: r.key, ...(r.params ? { params: r.params } : {}) };
  } catch (e) {
    if (!isAppError(e) || !e.key) throw e;
    m = { key: e.key, ...(e.params ? { params: e.params } : {}) };
  }
  await withShop(deps.database.db, shopId, (trx) =>
    trx
      .updateTable('carrier_accounts')
      .set({ last_test_at: new Date(), last_test_ok: ok, last_test_message: JSON.stringify(m) })
      .where('shop_id', '=', shopId)
      .where('id', '=', accountId)
      .execute(),
  );
  return { ok, message: formatMessage(locale, m.key, m.params) };
}
