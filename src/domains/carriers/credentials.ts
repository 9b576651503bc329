/**
 * What a seller enters to connect a carrier API. Secrets are sealed at rest (secret-box) and only
 * ever shown masked; the base URL override is limited to the carrier's own hosts or hosts the
 * admin listed (CUNKOU_CONNECTOR_HOSTS), so an operator cannot make the server call any address.
 */
import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Config } from '../../platform/config.ts';
import { loadSecretKey, open, type SecretKey, seal } from '../../platform/crypto/secret-box.ts';
import { FOURPX_PRODUCTION, FOURPX_SANDBOX } from './fourpx/client.ts';
import type { Environment, SupportedCarrier } from './tables.ts';
import { YUNEXPRESS_PRODUCTION, YUNEXPRESS_SANDBOX } from './yunexpress/client.ts';

export const credentialSchemas = {
  '4px': z.object({
    appKey: z.string().trim().min(8).max(200),
    appSecret: z.string().trim().min(8).max(200),
    accessToken: z.string().trim().max(500).optional(),
  }),
  yunexpress: z.object({
    customerCode: z.string().trim().min(3).max(60),
    apiSecret: z.string().trim().min(8).max(200),
  }),
} as const;
export type CarrierCredentials = Record<string, string>;

/** Every credential field is secret: even the app key is shown only by its last characters. */
export function hintsOf(c: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c))
    if (typeof v === 'string' && v) out[k] = `••••${v.length > 8 ? v.slice(-4) : ''}`;
  return out;
}

const officialHosts: Record<SupportedCarrier, string[]> = {
  '4px': ['4px.com'],
  yunexpress: ['yunexpress.com', 'yunexpress.cn'],
};

export const isOfficialHost = (carrier: SupportedCarrier, host: string) =>
  officialHosts[carrier].some((d) => host === d || host.endsWith(`.${d}`));

export function hostAllowed(carrier: SupportedCarrier, host: string, extraHosts: readonly string[]) {
  return isOfficialHost(carrier, host) || extraHosts.includes(host);
}

export function checkBaseUrl(carrier: SupportedCarrier, baseUrl: string, extraHosts: readonly string[]) {
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (!hostAllowed(carrier, host, extraHosts))
    throw appError(
      'VALIDATION_FAILED',
      'carriers.account.hostNotAllowed',
      { host, carrier },
      { issues: [{ field: 'baseUrl', message: `${host} is not allowed` }] },
    );
}

/** The 4PX gateway an account talks to: its override, else the carrier's sandbox or live one. */
export function gatewayOf(a: {
  carrier: SupportedCarrier;
  environment: Environment;
  base_url: string | null;
}) {
  if (a.base_url) return `${a.base_url.replace(/\/+$/, '')}/router/api/service`;
  return a.environment === 'production' ? FOURPX_PRODUCTION : FOURPX_SANDBOX;
}

/** The YunExpress API root an account talks to (the client appends /api/...). */
export function yunBaseOf(a: { environment: Environment; base_url: string | null }) {
  return a.base_url ?? (a.environment === 'production' ? YUNEXPRESS_PRODUCTION : YUNEXPRESS_SANDBOX);
}

const keys = new WeakMap<Config, SecretKey>();
function keyOf(config: Config): SecretKey {
  let key = keys.get(config);
  if (!key) {
    key = loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir });
    keys.set(config, key);
  }
  return key;
}

export const sealCredentials = (config: Config, c: CarrierCredentials) =>
  seal(keyOf(config), JSON.stringify(c));
export const openCredentials = (config: Config, sealed: string) =>
  JSON.parse(open(keyOf(config), sealed)) as CarrierCredentials;
