import { findShopBySlug } from '../domains/shops/index.ts';
import { appError, issue } from '../kernel/errors.ts';
import { type Locale, pickLocale } from '../kernel/i18n/index.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Deps, openDeps } from '../server.ts';

export interface GlobalFlags {
  data?: string;
  databaseUrl?: string;
  shop?: string;
  json?: boolean;
}

/**
 * The CLI's language: English unless CUNKOU_LOCALE names another (zh-CN) or, failing that, the
 * shell's LANG is Chinese (zh_CN.UTF-8). --json output stays English for scripts.
 */
export const cliLocale = (env: NodeJS.ProcessEnv = process.env): Locale =>
  pickLocale(env.CUNKOU_LOCALE, env.LANG?.replace(/\..*$/, ''));

/** Messages go to stderr so `--json` output on stdout stays machine-readable. */
export const say = (message: string) => process.stderr.write(`${message}\n`);

export function configFrom(flags: GlobalFlags, extra: { port?: number; host?: string } = {}): Config {
  return loadConfig(process.env, {
    data: flags.data,
    databaseUrl: flags.databaseUrl,
    port: extra.port,
    host: extra.host,
  });
}

/** Open the database (migrating it), run `fn`, and always close — PGlite keeps the process alive otherwise. */
export async function withDeps<T>(flags: GlobalFlags, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openDeps(configFrom(flags));
  try {
    return await fn(deps);
  } finally {
    await deps.database.close();
  }
}

export async function requireShop(deps: Deps, flags: GlobalFlags) {
  if (!flags.shop)
    throw appError('VALIDATION_FAILED', 'cli.shopRequired', undefined, {
      issues: [issue('--shop', 'common.required')],
    });
  const shop = await findShopBySlug(deps.database.db, flags.shop);
  if (!shop) throw appError('NOT_FOUND', 'cli.shopNotFound', { slug: flags.shop });
  return shop;
}

export function output(flags: GlobalFlags, value: unknown, human: string) {
  if (flags.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else process.stdout.write(`${human}\n`);
}
