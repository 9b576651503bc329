import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appError } from '../../../kernel/errors.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { withShop } from '../../../platform/db/tenant.ts';
import type { App } from '../../../platform/http/app.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { addMember } from '../add-member.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../api-tokens.ts';
import { changeMemberRole, listMembers, removeMember, resetMemberPassword } from '../manage-members.ts';
import { permissions, roles } from '../permissions.ts';
import { recordAudit } from '../record-audit.ts';
import { shopGuard } from './auth.ts';

const shopParams = z.object({ shop: z.string() });
const memberParams = shopParams.extend({ userId: z.uuid() });
const roleSchema = z.enum(roles as [string, ...string[]]) as z.ZodType<(typeof roles)[number]>;
const ok = z.object({ ok: z.boolean() });

/** Shop settings, members, API tokens and the audit log. Prefix /api/shops/:shop. */
export function registerShopRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/shops/:shop';
  const tags = ['shops'];

  r.get(
    base,
    { schema: { tags, params: shopParams }, preHandler: shopGuard(db, 'catalog:read') },
    async (request) => {
      const shop = await db
        .selectFrom('shops')
        .selectAll()
        .where('id', '=', request.shop.id)
        .executeTakeFirstOrThrow();
      return {
        id: shop.id,
        slug: shop.slug,
        name: shop.name,
        sourceLocale: shop.source_locale,
        targetLocales: shop.target_locales,
        defaultCurrency: shop.default_currency,
        role: request.shop.role,
        permissions: request.shop.permissions,
      };
    },
  );

  r.get(
    `${base}/members`,
    { schema: { tags, params: shopParams }, preHandler: shopGuard(db, 'members:manage') },
    async (request) => ({
      items: await listMembers(db, request.shop.id),
    }),
  );
  r.post(
    `${base}/members`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({
          email: z.string().max(320),
          name: z.string().max(200).optional(),
          role: roleSchema,
          password: z.string().max(200).optional(),
        }),
      },
      preHandler: shopGuard(db, 'members:manage'),
    },
    async (request, reply) => {
      const member = await addMember(db, { shopId: request.shop.id, ...request.body });
      await audit(db, request.shop, 'member.added', member.userId, {
        email: member.email,
        role: member.role,
      });
      return reply.status(201).send(member);
    },
  );
  r.patch(
    `${base}/members/:userId`,
    {
      schema: { tags, params: memberParams, body: z.object({ role: roleSchema }), response: { 200: ok } },
      preHandler: shopGuard(db, 'members:manage'),
    },
    async (request) => {
      await changeMemberRole(db, request.shop.id, request.params.userId, request.body.role);
      await audit(db, request.shop, 'member.role_changed', request.params.userId, {
        role: request.body.role,
      });
      return { ok: true };
    },
  );
  r.delete(
    `${base}/members/:userId`,
    {
      schema: { tags, params: memberParams, response: { 200: ok } },
      preHandler: shopGuard(db, 'members:manage'),
    },
    async (request) => {
      await removeMember(db, request.shop.id, request.params.userId);
      await audit(db, request.shop, 'member.removed', request.params.userId, {});
      return { ok: true };
    },
  );
  r.post(
    `${base}/members/:userId/reset-password`,
    {
      schema: {
        tags,
        params: memberParams,
        body: z.object({ password: z.string().max(200) }),
        response: { 200: ok },
      },
      preHandler: shopGuard(db, 'members:manage'),
    },
    async (request) => {
      await resetMemberPassword(db, request.shop.id, request.params.userId, request.body.password);
      await audit(db, request.shop, 'member.password_reset', request.params.userId, {});
      return { ok: true };
    },
  );

  r.get(
    `${base}/tokens`,
    { schema: { tags, params: shopParams }, preHandler: shopGuard(db, 'tokens:manage') },
    async (request) => ({
      items: await listApiTokens(db, request.shop.id),
    }),
  );
  r.post(
    `${base}/tokens`,
    {
      schema: {
        tags,
        params: shopParams,
        body: z.object({ name: z.string().min(1).max(100), scopes: z.array(z.enum(permissions)).min(1) }),
      },
      preHandler: shopGuard(db, 'tokens:manage'),
    },
    async (request, reply) => {
      // A token may only hand out scopes it holds itself (no tokens:manage → every scope).
      const beyond = request.body.scopes.filter((s) => !request.shop.permissions.includes(s));
      if (beyond.length)
        throw appError('FORBIDDEN', 'token.scopesBeyond', { list: { list: beyond, sep: 'comma' } });
      const created = await createApiToken(db, {
        shopId: request.shop.id,
        ...request.body,
        createdBy: request.shop.actor.userId,
      });
      await audit(db, request.shop, 'token.created', created.id, {
        name: request.body.name,
        scopes: request.body.scopes,
      });
      return reply.status(201).send(created);
    },
  );
  r.delete(
    `${base}/tokens/:id`,
    {
      schema: { tags, params: shopParams.extend({ id: z.uuid() }), response: { 200: ok } },
      preHandler: shopGuard(db, 'tokens:manage'),
    },
    async (request) => {
      await revokeApiToken(db, request.shop.id, request.params.id);
      await audit(db, request.shop, 'token.revoked', request.params.id, {});
      return { ok: true };
    },
  );

  r.get(
    `${base}/audit`,
    {
      schema: {
        tags,
        params: shopParams,
        querystring: z.object({
          entityId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().optional(),
        }),
      },
      preHandler: shopGuard(db, 'audit:read'),
    },
    async (request) => {
      const { entityId, limit, cursor } = request.query;
      const rows = await withShop(db, request.shop.id, (trx) => {
        let q = trx
          .selectFrom('audit_log as a')
          .leftJoin('users as u', 'u.id', 'a.actor_user_id')
          .select([
            'a.id',
            'a.at',
            'a.action',
            'a.entity_type',
            'a.entity_id',
            'a.changes',
            'u.email',
            'a.actor_token_id',
          ])
          .where('a.shop_id', '=', request.shop.id)
          .orderBy('a.id', 'desc')
          .limit(limit + 1);
        if (entityId) q = q.where('a.entity_id', '=', entityId);
        if (cursor) q = q.where('a.id', '<', Number(decodeCursor(cursor, 1)[0]));
        return q.execute();
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((a) => ({
          id: a.id,
          at: a.at,
          actor: a.email ?? (a.actor_token_id ? `token:${a.actor_token_id}` : 'system'),
          action: a.action,
          entityType: a.entity_type,
          entityId: a.entity_id,
          changes: a.changes,
        })),
        nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      };
    },
  );
}

function audit(
  db: Kysely<DB>,
  shop: { id: string; actor: { userId: string | null; tokenId: string | null } },
  action: string,
  entityId: string,
  changes: unknown,
) {
  return withShop(db, shop.id, (trx) =>
    recordAudit(trx, shop.id, shop.actor, { action, entityType: 'shop', entityId, changes }),
  );
}
