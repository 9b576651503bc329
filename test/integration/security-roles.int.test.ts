import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Permission,
  permissionsOf,
  type Role,
  roles,
} from '../../src/domains/shops/index.ts';
import {
  type Client,
  createTestApp,
  login,
  productPayload,
  seedShop,
  type TestApp,
} from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

const S = '/api/shops/roles-shop';

/** Representative routes, each with the permission the contract says it needs. */
interface Probe {
  name: string;
  permission: Permission;
  call(client: Client, role: Role): Promise<{ statusCode: number; body: string }>;
}

const csvUpload = (content: string) => {
  const boundary = '----cunkouroles';
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roles.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

describe.skipIf(skip)('roles and API token scopes', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof seedShop>>;
  const clients = {} as Record<Role, Client>;
  const userIds = {} as Record<Role, string>;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await seedShop(t, 'roles-shop');
    clients.owner = owner.client;
    userIds.owner = owner.userId;
    for (const role of roles.filter((r) => r !== 'owner')) {
      const m = await addMember(t.deps.database.db, {
        shopId: owner.shop.id,
        email: `${role}@roles.test`,
        role,
        password: 'role-password-1',
      });
      userIds[role] = m.userId;
      clients[role] = await login(t.app, `${role}@roles.test`, 'role-password-1');
    }
    const p = await owner.client.request('POST', `${S}/products`, productPayload('ROLE-1'));
    expect(p.statusCode).toBe(201);
    productId = p.json().id;
  });
  afterAll(async () => t?.close());

  const probes: Probe[] = [
    { name: 'read shop', permission: 'catalog:read', call: (c) => c.request('GET', S) },
    { name: 'list products', permission: 'catalog:read', call: (c) => c.request('GET', `${S}/products`) },
    {
      name: 'read product',
      permission: 'catalog:read',
      call: (c) => c.request('GET', `${S}/products/${productId}`),
    },
    {
      name: 'export products',
      permission: 'catalog:read',
      call: (c) => c.request('GET', `${S}/products/export?format=csv`),
    },
    {
      name: 'create product',
      permission: 'catalog:write',
      call: (c, role) => c.request('POST', `${S}/products`, productPayload(`ROLE-NEW-${role}`)),
    },
    {
      name: 'import sheet',
      permission: 'catalog:write',
      call: (c) => {
        const u = csvUpload('sku,title\nIMP-1,Imported\n');
        return c.request('POST', `${S}/imports`, u.payload, u.headers);
      },
    },
    {
      name: 'add glossary term',
      permission: 'catalog:write',
      call: (c, role) => c.request('POST', `${S}/glossary`, { term: `term-${role}`, doNotTranslate: true }),
    },
    { name: 'list members', permission: 'members:manage', call: (c) => c.request('GET', `${S}/members`) },
    {
      name: 'add member',
      permission: 'members:manage',
      call: (c, role) =>
        c.request('POST', `${S}/members`, {
          email: `added-by-${role}@roles.test`,
          role: 'service',
          password: 'added-password-1',
        }),
    },
    {
      name: 'change member role',
      permission: 'members:manage',
      call: (c) => c.request('PATCH', `${S}/members/${userIds.service}`, { role: 'service' }),
    },
    { name: 'list tokens', permission: 'tokens:manage', call: (c) => c.request('GET', `${S}/tokens`) },
    {
      name: 'create token',
      permission: 'tokens:manage',
      call: (c, role) => c.request('POST', `${S}/tokens`, { name: `by ${role}`, scopes: ['catalog:read'] }),
    },
    { name: 'read audit log', permission: 'audit:read', call: (c) => c.request('GET', `${S}/audit`) },
    { name: 'list shipments', permission: 'shipping:read', call: (c) => c.request('GET', `${S}/shipments`) },
    {
      name: 'track journeys',
      permission: 'shipping:read',
      call: (c) => c.request('GET', `${S}/tracking/journeys`),
    },
    {
      name: 'scan a parcel',
      permission: 'shipping:write',
      call: (c) => c.request('POST', `${S}/shipments/scan`, { code: 'CK000000000000' }),
    },
    {
      name: 'add a sender address',
      permission: 'logistics:manage',
      call: (c, role) =>
        c.request('POST', `${S}/shipping/senders`, {
          name: `Sender by ${role}`,
          line1: '1 Road',
          city: 'Yiwu',
          country: 'CN',
        }),
    },
    {
      name: 'add a logistics service',
      permission: 'logistics:manage',
      call: (c, role) =>
        c.request('POST', `${S}/logistics/services`, {
          code: `SVC-${role.toUpperCase()}`,
          name: `Service by ${role}`,
          carrier: 'chinapost',
          mode: 'postal',
        }),
    },
  ];

  it('the permission table itself matches the contract', () => {
    expect(permissionsOf('owner').sort()).toEqual([
      'audit:read',
      'catalog:read',
      'catalog:write',
      'channels:manage',
      'logistics:manage',
      'members:manage',
      'orders:read',
      'orders:write',
      'shipping:read',
      'shipping:write',
      'stock:read',
      'stock:write',
      'tokens:manage',
    ]);
    expect(permissionsOf('operator').sort()).toEqual([
      'catalog:read',
      'catalog:write',
      'channels:manage',
      'logistics:manage',
      'orders:read',
      'orders:write',
      'shipping:read',
      'shipping:write',
      'stock:read',
    ]);
    expect(permissionsOf('warehouse').sort()).toEqual([
      'catalog:read',
      'orders:read',
      'shipping:read',
      'shipping:write',
      'stock:read',
      'stock:write',
    ]);
    expect(permissionsOf('finance').sort()).toEqual([
      'audit:read',
      'catalog:read',
      'orders:read',
      'shipping:read',
      'stock:read',
    ]);
    expect(permissionsOf('service').sort()).toEqual([
      'catalog:read',
      'orders:read',
      'orders:write',
      'shipping:read',
      'stock:read',
    ]);
  });

  for (const role of ['owner', 'operator', 'warehouse', 'finance', 'service'] as const) {
    it(`${role}: allowed routes succeed, the others are 403 FORBIDDEN and write nothing`, async () => {
      const granted = permissionsOf(role);
      const shop = await clients[role].request('GET', S);
      expect(shop.json().role).toBe(role);
      expect(shop.json().permissions.sort()).toEqual([...granted].sort());
      for (const probe of probes) {
        const countsBefore = await counts();
        const res = await probe.call(clients[role], role);
        const label = `${role} ${probe.name} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (granted.includes(probe.permission)) {
          expect(res.statusCode, label).toBeGreaterThanOrEqual(200);
          expect(res.statusCode, label).toBeLessThan(300);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(JSON.parse(res.body).error.code, label).toBe('FORBIDDEN');
          expect(await counts(), label).toEqual(countsBefore);
        }
      }
    });
  }

  async function counts() {
    const db = t.deps.database.db;
    const n = async (table: 'memberships' | 'api_tokens') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('shop_id', '=', owner.shop.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const products = await owner.client.request('GET', `${S}/products?limit=200`);
    const glossary = await owner.client.request('GET', `${S}/glossary`);
    const members = await db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('shop_id', '=', owner.shop.id)
      .orderBy('user_id')
      .execute();
    const senders = await owner.client.request('GET', `${S}/shipping/senders`);
    const services = await owner.client.request('GET', `${S}/logistics/services`);
    return {
      senders: senders.json().items.length,
      services: services.json().items.length,
      products: products.json().items.length,
      glossary: glossary.json().items.length,
      memberships: await n('memberships'),
      tokens: await n('api_tokens'),
      members,
    };
  }

  describe('API tokens', () => {
    const bearer = (token: string, method: string, url: string, payload?: object) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });

    async function mint(scopes: Permission[]) {
      const res = await owner.client.request('POST', `${S}/tokens`, {
        name: `scoped ${scopes.join('+')}`,
        scopes,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; token: string };
    }

    it('a catalog:read token reads but cannot create products or reach owner routes', async () => {
      const { token } = await mint(['catalog:read']);
      expect((await bearer(token, 'GET', `${S}/products`)).statusCode).toBe(200);
      expect((await bearer(token, 'GET', `${S}/products/${productId}`)).statusCode).toBe(200);
      const before = (await owner.client.request('GET', `${S}/products?limit=200`)).json().items.length;
      const create = await bearer(token, 'POST', `${S}/products`, productPayload('TOKEN-NOPE'));
      expect(create.statusCode).toBe(403);
      expect(create.json().error.code).toBe('FORBIDDEN');
      expect((await owner.client.request('GET', `${S}/products?limit=200`)).json().items.length).toBe(before);
      for (const url of [`${S}/members`, `${S}/tokens`, `${S}/audit`])
        expect((await bearer(token, 'GET', url)).statusCode, url).toBe(403);
    });

    it('a catalog:write token creates products without a CSRF header; the audit log names the token', async () => {
      const { id, token } = await mint(['catalog:read', 'catalog:write']);
      const res = await bearer(token, 'POST', `${S}/products`, productPayload('TOKEN-OK'));
      expect(res.statusCode).toBe(201);
      const audit = await owner.client.request('GET', `${S}/audit?entityId=${res.json().id}`);
      expect(audit.json().items[0].actor).toBe(`token:${id}`);
    });

    it('a token cannot mint a token with scopes it does not hold', async () => {
      const { token } = await mint(['tokens:manage']);
      const escalate = await bearer(token, 'POST', `${S}/tokens`, {
        name: 'escalated',
        scopes: ['catalog:write', 'members:manage'],
      });
      expect(escalate.statusCode).toBe(403);
      const same = await bearer(token, 'POST', `${S}/tokens`, {
        name: 'same scope',
        scopes: ['tokens:manage'],
      });
      expect(same.statusCode).toBe(201);
    });

    it('a revoked token gets 401, also for routes it was allowed before', async () => {
      const { id, token } = await mint(['catalog:read']);
      expect((await bearer(token, 'GET', `${S}/products`)).statusCode).toBe(200);
      expect((await owner.client.request('DELETE', `${S}/tokens/${id}`)).statusCode).toBe(200);
      const res = await bearer(token, 'GET', `${S}/products`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      const listed = (await owner.client.request('GET', `${S}/tokens`))
        .json()
        .items.find((x: { id: string }) => x.id === id);
      expect(listed.revokedAt).not.toBeNull();
      // Revoking twice is a 404, not a silent success.
      expect((await owner.client.request('DELETE', `${S}/tokens/${id}`)).statusCode).toBe(404);
    });

    it('an unknown or malformed bearer token is 401 even with a valid session cookie alongside', async () => {
      for (const value of ['Bearer ck_not-a-real-token', 'Bearer ']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${S}/products`,
          headers: { authorization: value, cookie: owner.client.cookie },
        });
        expect(res.statusCode, value).toBe(401);
      }
    });
  });

  it('without credentials every shop route is 401 UNAUTHENTICATED, before the body is looked at', async () => {
    for (const [method, url, payload] of [
      ['GET', S],
      ['GET', `${S}/products`],
      ['GET', `${S}/products/${productId}`],
      ['POST', `${S}/products`, { nonsense: true }],
      ['PUT', `${S}/products/${productId}`, {}],
      ['GET', `${S}/members`],
      ['POST', `${S}/tokens`, {}],
      ['GET', `${S}/audit`],
      ['GET', '/api/auth/me'],
      ['GET', '/api/shops/no-such-shop/products'],
    ] as const) {
      const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    // A stale or forged cookie is the same as none.
    const forged = await t.app.inject({
      method: 'GET',
      url: `${S}/products`,
      headers: { cookie: 'cunkou_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('a removed member loses access at once; a demoted one loses the extra permissions', async () => {
    const m = await addMember(t.deps.database.db, {
      shopId: owner.shop.id,
      email: 'temp@roles.test',
      role: 'operator',
      password: 'temp-password-1',
    });
    const temp = await login(t.app, 'temp@roles.test', 'temp-password-1');
    expect((await temp.request('POST', `${S}/products`, productPayload('TEMP-1'))).statusCode).toBe(201);
    expect(
      (await owner.client.request('PATCH', `${S}/members/${m.userId}`, { role: 'warehouse' })).statusCode,
    ).toBe(200);
    expect((await temp.request('POST', `${S}/products`, productPayload('TEMP-2'))).statusCode).toBe(403);
    expect((await temp.request('GET', `${S}/products`)).statusCode).toBe(200);
    expect((await owner.client.request('DELETE', `${S}/members/${m.userId}`)).statusCode).toBe(200);
    expect((await temp.request('GET', `${S}/products`)).statusCode).toBe(404);
  });
});
