import { addMember, type Role } from '../../src/domains/shops/index.ts';
import { type Client, login, type TestApp } from '../support/test-app.ts';

/** A member of another role in an existing shop, logged in. */
export async function memberClient(t: TestApp, shopId: string, slug: string, role: Role): Promise<Client> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@${slug}.test`;
  await addMember(t.deps.database.db, { shopId, email, role, password: 'correct-horse-1', locale: 'en' });
  return login(t.app, email, 'correct-horse-1');
}

/** Fast retries for tests: throttling is retried within milliseconds, not minutes. */
export const quickRetry = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

export const nowSeconds = () => Math.floor(Date.now() / 1000);
