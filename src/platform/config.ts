import { resolve } from 'node:path';

export interface Config {
  /** Data directory: the embedded database (db/) and uploaded files (files/). */
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Public base URL used in links printed to the user. */
  publicUrl: string;
  translate: { provider?: 'libretranslate' | 'deepl'; url?: string; apiKey?: string };
  /** Upper bound for uploaded files (imports, images), bytes. */
  maxUploadBytes: number;
  /** Set when a reverse proxy in front sets X-Forwarded-For (CUNKOU_TRUST_PROXY=1). */
  trustProxy: boolean;
  /** Key that seals channel credentials at rest (CUNKOU_SECRET_KEY, base64 of 32 bytes); else a key file in dataDir. */
  secretKey: string | undefined;
  /**
   * Extra hosts a channel connection may point its API URLs at (sandboxes, local simulators):
   * CUNKOU_CONNECTOR_HOSTS=127.0.0.1,sandbox.example. The channels' own hosts are always allowed.
   */
  connectorHosts: string[];
}

export interface ConfigOverrides {
  data?: string | undefined;
  databaseUrl?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
}

/** Flags beat environment variables beat defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigOverrides = {}): Config {
  const port = flags.port ?? Number(env.PORT ?? env.CUNKOU_PORT ?? 3000);
  const host = flags.host ?? env.CUNKOU_HOST ?? '127.0.0.1';
  const provider = env.CUNKOU_TRANSLATE_PROVIDER;
  return {
    dataDir: resolve(flags.data ?? env.CUNKOU_DATA ?? './data'),
    databaseUrl: flags.databaseUrl ?? env.DATABASE_URL ?? undefined,
    host,
    port,
    publicUrl: env.CUNKOU_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    translate: {
      ...(provider === 'libretranslate' || provider === 'deepl' ? { provider } : {}),
      ...(env.CUNKOU_TRANSLATE_URL ? { url: env.CUNKOU_TRANSLATE_URL } : {}),
      ...(env.CUNKOU_TRANSLATE_KEY ? { apiKey: env.CUNKOU_TRANSLATE_KEY } : {}),
    },
    maxUploadBytes: Number(env.CUNKOU_MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
    trustProxy: env.CUNKOU_TRUST_PROXY === '1',
    secretKey: env.CUNKOU_SECRET_KEY || undefined,
    connectorHosts: (env.CUNKOU_CONNECTOR_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}
