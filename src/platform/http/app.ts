import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorHandler } from './errors.ts';
import { registerLocale } from './locale.ts';

export type App = FastifyInstance;

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's schema `consumes`, e.g. ['multipart/form-data'] for uploads. */
  consumes: string[];
}

const routeLog = new WeakMap<App, RegisteredRoute[]>();

/** Every route registered on the app (one entry per method), for tests that must walk them all. */
export const registeredRoutes = (app: App): readonly RegisteredRoute[] => routeLog.get(app) ?? [];

export interface AppOptions {
  logger?: boolean;
  maxUploadBytes: number;
  trustProxy?: boolean;
  /** Registers routes and hooks; runs after the shared plugins, in order. */
  plugins: Array<(app: App) => Promise<void> | void>;
}

/** The Fastify instance with the shared machinery: validation, errors, cookies, uploads, OpenAPI. */
export async function buildHttpApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 5 * 1024 * 1024,
    // Only behind a reverse proxy may X-Forwarded-For decide the client IP (login rate limits use it).
    trustProxy: options.trustProxy ?? false,
    // Product ids and slugs are case-sensitive but trailing slashes are not meaningful.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const routes: RegisteredRoute[] = [];
  routeLog.set(app, routes);
  app.addHook('onRoute', (route) => {
    const consumes = ((route.schema as { consumes?: string[] } | undefined)?.consumes ?? []).slice();
    for (const method of [route.method].flat())
      routes.push({ method: String(method), url: route.url, consumes });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerLocale(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 1, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cunkou API', version: '1', description: 'Cunkou (村口) cross-border commerce API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cunkou_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  for (const plugin of options.plugins) await plugin(app);
  return app;
}
