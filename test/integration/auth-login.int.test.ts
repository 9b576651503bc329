import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/domains/shops/index.ts';
import { createTestApp, login, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';

const skip = await skipEngine();

const S = '/api/shops/auth-shop';
let ipCounter = 10;
/** Each test logs in from its own address so the per-IP rate limit does not couple the tests. */
const freshIp = () => `10.0.0.${ipCounter++}`;

describe.skipIf(skip)('login, lockout, CSRF, sessions', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof seedShop>>;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await seedShop(t, 'auth-shop');
  });
  afterAll(async () => t?.close());

  const postLogin = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  async function newMember(
    email: string,
    role: 'operator' | 'owner' = 'operator',
    password = 'member-password-1',
  ) {
    const m = await addMember(t.deps.database.db, { shopId: owner.shop.id, email, role, password });
    return { ...m, password };
  }

  it('login succeeds with an httpOnly SameSite=Lax session cookie and the session view', async () => {
    const res = await postLogin(owner.email, owner.password, freshIp());
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cunkou_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    const body = res.json();
    expect(body.user.email).toBe(owner.email);
    expect(body.shops).toEqual([
      { id: owner.shop.id, slug: 'auth-shop', name: 'Shop auth-shop', role: 'owner' },
    ]);
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.user).not.toHaveProperty('password_hash');
    // Email is matched case-insensitively.
    expect((await postLogin(owner.email.toUpperCase(), owner.password, freshIp())).statusCode).toBe(200);
    // Only the hash of the session secret is stored.
    const stored = await t.deps.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.some((s) => s.id_hash === cookie!.value)).toBe(false);
  });

  it('passwords are stored as argon2id hashes', async () => {
    const user = await t.deps.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(user.password_hash).not.toContain(owner.password);
  });

  it('a wrong password or unknown email is 401 INVALID_CREDENTIALS, with no cookie', async () => {
    const ip = freshIp();
    for (const [email, password] of [
      [owner.email, 'wrong-password'],
      ['nobody@nowhere.test', owner.password],
    ] as const) {
      const res = await postLogin(email, password, ip);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies.find((c) => c.name === 'cunkou_session')).toBeUndefined();
    }
    // Reset the counter for the other tests: a right password clears failures.
    expect((await postLogin(owner.email, owner.password, ip)).statusCode).toBe(200);
  });

  it('5 wrong passwords lock the account (429 ACCOUNT_LOCKED, retryAfterSeconds, minutes); the right password is refused while locked', async () => {
    const m = await newMember('locked@auth.test');
    const ip = freshIp();
    for (let i = 1; i <= 4; i++) {
      const res = await postLogin(m.email, `wrong-${i}`, ip);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await postLogin(m.email, 'wrong-5', ip);
    expect(fifth.statusCode).toBe(429);
    const error = fifth.json().error;
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(error.message).toMatch(/15 minutes/);

    const right = await postLogin(m.email, m.password, ip);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(right.cookies.find((c) => c.name === 'cunkou_session')).toBeUndefined();
    // From another address too: the lock is on the account, not the IP.
    expect((await postLogin(m.email, m.password, freshIp())).statusCode).toBe(429);
  });

  it("the owner's password reset lifts the lock and ends the member's sessions", async () => {
    const m = await newMember('reset@auth.test');
    const session = await login(t.app, m.email, m.password);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await postLogin(m.email, 'wrong-password', ip);
    expect((await postLogin(m.email, m.password, ip)).statusCode).toBe(429);

    // Too short a password is refused and changes nothing.
    const weak = await owner.client.request('POST', `${S}/members/${m.userId}/reset-password`, {
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect((await postLogin(m.email, m.password, ip)).statusCode).toBe(429);

    const reset = await owner.client.request('POST', `${S}/members/${m.userId}/reset-password`, {
      password: 'brand-new-password-1',
    });
    expect(reset.statusCode).toBe(200);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await postLogin(m.email, m.password, ip)).statusCode).toBe(401);
    const fresh = await postLogin(m.email, 'brand-new-password-1', ip);
    expect(fresh.statusCode).toBe(200);
    // The owner's own session survives.
    expect((await owner.client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const audit = await owner.client.request('GET', `${S}/audit?entityId=${m.userId}`);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('member.password_reset');
  });

  it('a non-owner cannot reset passwords', async () => {
    const op = await newMember('op-reset@auth.test');
    const client = await login(t.app, op.email, op.password);
    const res = await client.request('POST', `${S}/members/${owner.userId}/reset-password`, {
      password: 'takeover-password-1',
    });
    expect(res.statusCode).toBe(403);
    expect((await postLogin(owner.email, 'takeover-password-1', freshIp())).statusCode).toBe(401);
  });

  describe('CSRF', () => {
    const productCount = async () =>
      Number(
        (
          await t.deps.database.db
            .selectFrom('products')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('shop_id', '=', owner.shop.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('a cookie-session POST without or with a wrong x-csrf-token is 403 CSRF_FAILED and writes nothing', async () => {
      const before = await productCount();
      for (const headers of [
        { cookie: owner.client.cookie },
        { cookie: owner.client.cookie, 'x-csrf-token': 'wrong' },
        { cookie: owner.client.cookie, 'x-csrf-token': '' },
      ]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${S}/products`,
          headers,
          payload: productPayload('CSRF-1'),
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('CSRF_FAILED');
      }
      // Other unsafe methods and the auth routes too.
      const patch = await t.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers: { cookie: owner.client.cookie },
        payload: { name: 'CSRF victim' },
      });
      expect(patch.statusCode).toBe(403);
      const logout = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: owner.client.cookie },
      });
      expect(logout.statusCode).toBe(403);
      expect(await productCount()).toBe(before);
      const me = await owner.client.request('GET', '/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.name).not.toBe('CSRF victim');
      // Another session's CSRF token does not fit this session.
      const other = await login(t.app, owner.email, owner.password);
      const crossed = await t.app.inject({
        method: 'POST',
        url: `${S}/products`,
        headers: { cookie: owner.client.cookie, 'x-csrf-token': other.csrf },
        payload: productPayload('CSRF-2'),
      });
      expect(crossed.statusCode).toBe(403);
      // With the right token it works.
      const ok = await owner.client.request('POST', `${S}/products`, productPayload('CSRF-OK'));
      expect(ok.statusCode).toBe(201);
      expect(await productCount()).toBe(before + 1);
    });

    it('bearer token requests need no CSRF header', async () => {
      const created = await owner.client.request('POST', `${S}/tokens`, {
        name: 'csrf-free',
        scopes: ['catalog:read', 'catalog:write'],
      });
      const res = await t.app.inject({
        method: 'POST',
        url: `${S}/products`,
        headers: { authorization: `Bearer ${created.json().token}` },
        payload: productPayload('BEARER-1'),
      });
      expect(res.statusCode).toBe(201);
    });

    it('GET /api/auth/me returns the same CSRF token the login gave', async () => {
      const me = await owner.client.request('GET', '/api/auth/me');
      expect(me.json().csrfToken).toBe(owner.client.csrf);
    });
  });

  it('logout ends the session server-side and clears the cookie', async () => {
    const client = await login(t.app, owner.email, owner.password);
    expect((await client.request('GET', `${S}/products`)).statusCode).toBe(200);
    const out = await client.request('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = out.cookies.find((c) => c.name === 'cunkou_session');
    expect(cleared?.value ?? '').toBe('');
    // Replaying the old cookie does not work.
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await client.request('GET', `${S}/products`)).statusCode).toBe(401);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(401);
    // Other sessions of the same person are untouched.
    expect((await owner.client.request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('the per-IP login rate limit answers 429 RATE_LIMITED after 20 attempts a minute', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await postLogin(`nobody${i}@nowhere.test`, 'x', ip)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await postLogin(owner.email, owner.password, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.cookies.find((c) => c.name === 'cunkou_session')).toBeUndefined();
    // Another address is not affected.
    expect((await postLogin(owner.email, owner.password, freshIp())).statusCode).toBe(200);
  });

  describe('the last owner', () => {
    it('cannot be demoted or removed (409), in any way', async () => {
      const patch = await owner.client.request('PATCH', `${S}/members/${owner.userId}`, { role: 'operator' });
      expect(patch.statusCode).toBe(409);
      expect(patch.json().error.code).toBe('CONFLICT');
      const del = await owner.client.request('DELETE', `${S}/members/${owner.userId}`);
      expect(del.statusCode).toBe(409);
      // Re-adding the owner's email with another role is a demotion too.
      const readd = await owner.client.request('POST', `${S}/members`, {
        email: owner.email,
        role: 'service',
      });
      expect(readd.statusCode).toBe(409);
      const row = await t.deps.database.db
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', owner.userId)
        .where('shop_id', '=', owner.shop.id)
        .executeTakeFirstOrThrow();
      expect(row.role).toBe('owner');
      expect((await owner.client.request('GET', `${S}/members`)).statusCode).toBe(200);
    });

    it('can step down once there is a second owner', async () => {
      const second = await newMember('second-owner@auth.test', 'owner');
      const other = await login(t.app, second.email, second.password);
      expect(
        (await other.request('PATCH', `${S}/members/${owner.userId}`, { role: 'operator' })).statusCode,
      ).toBe(200);
      // Now the second owner is the last one.
      expect((await other.request('DELETE', `${S}/members/${second.userId}`)).statusCode).toBe(409);
      expect(
        (await other.request('PATCH', `${S}/members/${owner.userId}`, { role: 'owner' })).statusCode,
      ).toBe(200);
      expect((await owner.client.request('GET', `${S}/members`)).statusCode).toBe(200);
    });
  });
});
