import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withShop } from '../../src/platform/db/tenant.ts';
import { type FourPxSimulator, startFourPxSimulator } from '../simulators/fourpx-open-api.ts';
import { type Client, createTestApp, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { APP_KEY, APP_SECRET, createCarrierAccount } from './carriers-helpers.ts';
import { memberClient } from './connectors-helpers.ts';

const skip = await skipEngine();

describe.skipIf(skip)('carriers: accounts (4PX)', () => {
  let t: TestApp;
  let sim: FourPxSimulator;
  let owner: Client;
  let shopId: string;
  const slug = 'carrier-acc';

  beforeAll(async () => {
    t = await createTestApp();
    sim = await startFourPxSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    const s = await seedShop(t, slug);
    owner = s.client;
    shopId = s.shop.id;
  });
  afterAll(async () => {
    await sim?.close();
    await t?.close();
  });

  it('creates an account with masked credentials; secrets never appear in responses or audit', async () => {
    const acc = await createCarrierAccount(owner, slug, sim.url);
    expect(acc.credentials).toEqual({ appKey: '••••0001', appSecret: '••••0001' });
    const list = await owner.request('GET', `/api/shops/${slug}/carrier-accounts`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(APP_SECRET);
    expect(list.body).not.toContain(APP_KEY);
    expect(list.body).not.toContain('credentials_sealed');
    const audit = await withShop(t.deps.database.db, shopId, (trx) =>
      trx.selectFrom('audit_log').select('changes').where('shop_id', '=', shopId).execute(),
    );
    expect(JSON.stringify(audit)).not.toContain(APP_SECRET);
    expect(JSON.stringify(audit)).toContain('appSecret');
    const row = await withShop(t.deps.database.db, shopId, (trx) =>
      trx
        .selectFrom('carrier_accounts')
        .select('credentials_sealed')
        .where('id', '=', acc.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row.credentials_sealed).toMatch(/^v1\./);
    expect(row.credentials_sealed).not.toContain(APP_SECRET);
  });

  it('test connection: signed call accepted by the simulator, outcome stored', async () => {
    const { id } = (await owner.request('GET', `/api/shops/${slug}/carrier-accounts`)).json().items[0];
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts/${id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, message: 'Connected: 2 products available' });
    expect(sim.calls.at(-1)).toEqual({ method: 'ds.xms.logistics_product.getlist', signOk: true });
    const acc = (await owner.request('GET', `/api/shops/${slug}/carrier-accounts/${id}`)).json();
    expect(acc.lastTest).toMatchObject({ ok: true });
  });

  it('a wrong secret fails the test with the carrier signature error; empty credential fields keep the old value', async () => {
    const { id } = (await owner.request('GET', `/api/shops/${slug}/carrier-accounts`)).json().items[0];
    let res = await owner.request('PATCH', `/api/shops/${slug}/carrier-accounts/${id}`, {
      credentials: { appSecret: 'wrong-secret-xyz9' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().credentials).toEqual({ appKey: '••••0001', appSecret: '••••xyz9' });
    res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts/${id}/test`);
    expect(res.json().ok).toBe(false);
    expect(res.json().message).toContain('签名验证失败');
    expect(sim.calls.at(-1)?.signOk).toBe(false);
    // Only the app secret is re-typed; the app key stays as stored.
    await owner.request('PATCH', `/api/shops/${slug}/carrier-accounts/${id}`, {
      credentials: { appKey: '', appSecret: APP_SECRET },
    });
    res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts/${id}/test`);
    expect(res.json().ok).toBe(true);
  });

  it('refuses base URLs outside the carrier hosts and the configured list (SSRF)', async () => {
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts`, {
      carrier: '4px',
      name: 'Evil',
      environment: 'production',
      baseUrl: 'http://169.254.169.254/latest',
      productCode: 'PX',
      credentials: { appKey: APP_KEY, appSecret: APP_SECRET },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('169.254.169.254');
    const ok = await owner.request('POST', `/api/shops/${slug}/carrier-accounts`, {
      carrier: '4px',
      name: '4PX live',
      environment: 'production',
      baseUrl: 'https://open.4px.com',
      productCode: 'PX',
      credentials: { appKey: APP_KEY, appSecret: APP_SECRET },
    });
    expect(ok.statusCode).toBe(201);
    const del = await owner.request('DELETE', `/api/shops/${slug}/carrier-accounts/${ok.json().id}`);
    expect(del.statusCode).toBe(204);
  });

  it('new accounts need both key and secret; names are unique per shop', async () => {
    const res = await owner.request('POST', `/api/shops/${slug}/carrier-accounts`, {
      carrier: '4px',
      name: 'No secret',
      environment: 'sandbox',
      productCode: 'PX',
      credentials: { appKey: APP_KEY },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['credentials.appSecret']);
    const dup = await owner.request('POST', `/api/shops/${slug}/carrier-accounts`, {
      carrier: '4px',
      name: '4px SANDBOX',
      environment: 'sandbox',
      productCode: 'PX',
      credentials: { appKey: APP_KEY, appSecret: APP_SECRET },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('roles: warehouse reads but cannot manage; another shop sees nothing', async () => {
    const warehouse = await memberClient(t, shopId, slug, 'warehouse');
    const list = await warehouse.request('GET', `/api/shops/${slug}/carrier-accounts`);
    expect(list.statusCode).toBe(200);
    const { id } = list.json().items[0];
    expect(
      (await warehouse.request('POST', `/api/shops/${slug}/carrier-accounts/${id}/test`)).statusCode,
    ).toBe(403);
    expect(
      (await warehouse.request('PATCH', `/api/shops/${slug}/carrier-accounts/${id}`, { name: 'x' }))
        .statusCode,
    ).toBe(403);
    const other = await seedShop(t, 'carrier-other');
    expect(
      (await other.client.request('GET', `/api/shops/carrier-other/carrier-accounts`)).json().items,
    ).toEqual([]);
    // The other shop's owner cannot reach this shop's account through their own shop path.
    expect(
      (await other.client.request('GET', `/api/shops/carrier-other/carrier-accounts/${id}`)).statusCode,
    ).toBe(404);
    // Not a member of this shop: the shop itself is not found for them.
    expect((await other.client.request('GET', `/api/shops/${slug}/carrier-accounts`)).statusCode).toBe(404);
  });
});
