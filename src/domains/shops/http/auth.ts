import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { App } from '../../../platform/http/app.ts';
import { resolveApiToken } from '../api-tokens.ts';
import { resolveSession } from '../login.ts';
import { type Permission, permissionsOf } from '../permissions.ts';
import type { Actor } from '../record-audit.ts';
import type { Role } from '../tables.ts';

export const SESSION_COOKIE = 'cunkou_session';

export type AuthContext =
  | { kind: 'session'; userId: string; csrfToken: string; secret: string }
  | { kind: 'token'; tokenId: string; shopId: string; scopes: string[] };

export interface ShopContext {
  id: string;
  slug: string;
  name: string;
  role: Role | null;
  permissions: Permission[];
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    shop: ShopContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Marks the functions made by shopGuard so registerAuth can run them before validation. */
const SHOP_GUARD = Symbol('shopGuard');
type Hook = (...args: never[]) => unknown;
const isShopGuard = (fn: unknown): boolean => typeof fn === 'function' && SHOP_GUARD in fn;

/** Who is calling: a bearer token or a session cookie. Cookie sessions must echo the CSRF token. */
export function registerAuth(app: App, db: Kysely<DB>) {
  app.decorateRequest('auth', null);
  app.decorateRequest('shop', null as unknown as ShopContext);
  // Routes attach shopGuard as a preHandler; it moves to preValidation so that a caller who may not
  // open the shop gets 401/403/404 before the body is validated (no schema probing, no 400 first).
  app.addHook('onRoute', (route) => {
    const pre = [route.preHandler ?? []].flat() as Hook[];
    const guards = pre.filter(isShopGuard);
    if (!guards.length) return;
    route.preHandler = pre.filter((fn) => !isShopGuard(fn)) as typeof route.preHandler;
    route.preValidation = [
      ...([route.preValidation ?? []].flat() as Hook[]),
      ...guards,
    ] as typeof route.preValidation;
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = await resolveApiToken(db, header.slice(7).trim());
      if (!token) throw appError('UNAUTHENTICATED', 'auth.tokenUnknown');
      request.auth = { kind: 'token', tokenId: token.id, shopId: token.shop_id, scopes: token.scopes };
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const session = await resolveSession(db, secret);
    if (!session) return;
    request.auth = { kind: 'session', userId: session.userId, csrfToken: session.csrf_token, secret };
    // Messages for this request (errors included) are in the language the user chose.
    request.userLocale = session.locale;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrf_token) {
      throw appError('CSRF_FAILED', 'auth.csrf');
    }
  });
}

export function requireSession(request: FastifyRequest): Extract<AuthContext, { kind: 'session' }> {
  if (request.auth?.kind !== 'session') throw appError('UNAUTHENTICATED', 'auth.loginRequired');
  return request.auth;
}

/** preHandler for routes under /api/shops/:shop — resolves the shop and checks the permission. */
export function shopGuard(db: Kysely<DB>, permission: Permission) {
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    const auth = request.auth;
    if (!auth) throw appError('UNAUTHENTICATED', 'auth.loginOrToken');
    const slug = (request.params as { shop?: string }).shop ?? '';
    const shop = await db
      .selectFrom('shops')
      .select(['id', 'slug', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    // Unknown shop and someone else's shop look the same: nothing reveals which shops exist.
    const notFound = appError('NOT_FOUND', 'shop.notFound', { slug });
    if (!shop) throw notFound;
    if (auth.kind === 'token') {
      if (auth.shopId !== shop.id) throw notFound;
      if (!auth.scopes.includes(permission)) {
        throw appError('FORBIDDEN', 'shop.tokenLacksScope', { scope: permission });
      }
      request.shop = {
        ...shop,
        role: null,
        permissions: auth.scopes as Permission[],
        actor: { userId: null, tokenId: auth.tokenId },
      };
      return;
    }
    const membership = await db
      .selectFrom('memberships')
      .select('role')
      .where('shop_id', '=', shop.id)
      .where('user_id', '=', auth.userId)
      .executeTakeFirst();
    if (!membership) throw notFound;
    const granted = permissionsOf(membership.role);
    if (!granted.includes(permission)) {
      throw appError('FORBIDDEN', 'shop.roleForbidden', { role: { key: `role.${membership.role}` } });
    }
    request.shop = {
      ...shop,
      role: membership.role,
      permissions: granted,
      actor: { userId: auth.userId, tokenId: null },
    };
  };
  return Object.assign(guard, { [SHOP_GUARD]: permission });
}
