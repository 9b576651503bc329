import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import type { App } from '../../../platform/http/app.ts';
import { login, logout, SESSION_DAYS, userShops } from '../login.ts';
import { requireSession, SESSION_COOKIE } from './auth.ts';

const sessionView = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  shops: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.string() })),
  csrfToken: z.string(),
});

async function viewOf(db: Kysely<DB>, userId: string, csrfToken: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { user, shops: await userShops(db, userId), csrfToken };
}

export function registerAuthRoutes(app: App, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) }),
        response: { 200: sessionView },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const session = await login(db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, session.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: SESSION_DAYS * 86_400,
      });
      return viewOf(db, session.userId, session.csrfToken);
    },
  );
  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.boolean() }) } } },
    async (request, reply) => {
      const auth = requireSession(request);
      await logout(db, auth.secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );
  r.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: sessionView } } }, async (request) => {
    const auth = requireSession(request);
    return viewOf(db, auth.userId, auth.csrfToken);
  });
  r.patch(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        body: z.object({
          locale: z.enum(['zh-CN', 'en']).optional(),
          name: z.string().min(1).max(200).optional(),
        }),
        response: { 200: sessionView },
      },
    },
    async (request) => {
      const auth = requireSession(request);
      const { locale, name } = request.body;
      if (locale || name) {
        await db
          .updateTable('users')
          .set({ ...(locale ? { locale } : {}), ...(name ? { name } : {}) })
          .where('id', '=', auth.userId)
          .execute();
      }
      return viewOf(db, auth.userId, auth.csrfToken);
    },
  );
}
