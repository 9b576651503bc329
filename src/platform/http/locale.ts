import type { FastifyRequest } from 'fastify';
import { type Locale, pickLocale } from '../../kernel/i18n/index.ts';
import type { App } from './app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user's saved language; set by the auth hook when there is a session. */
    userLocale: string | null;
    /** The language to answer in: the user's saved locale, else Accept-Language, else en. */
    readonly locale: Locale;
  }
}

export function registerLocale(app: App) {
  app.decorateRequest('userLocale', null);
  app.decorateRequest('locale', {
    getter(this: FastifyRequest) {
      return requestLocale(this);
    },
  });
}

export const requestLocale = (request: FastifyRequest): Locale =>
  pickLocale(request.userLocale, request.headers['accept-language']);
