/**
 * What a seller enters to connect a channel API. Secret fields are sealed at rest and only ever
 * shown masked ('••••a1b2'); the other fields (ids, region, endpoints) are shown as entered.
 */
import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Channel } from '../orders/tables.ts';
import type { AmazonCredentials } from './amazon/client.ts';
import type { ShopeeCredentials } from './shopee/client.ts';
import type { Provider } from './tables.ts';

const url = z.url({ protocol: /^https?$/ }).max(300);

export const shopeeCredentialsSchema = z.object({
  partnerId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/),
  partnerKey: z.string().trim().min(8).max(200),
  baseUrl: url.optional(),
});

export const amazonCredentialsSchema = z.object({
  clientId: z.string().trim().min(4).max(300),
  clientSecret: z.string().trim().min(8).max(300),
  refreshToken: z.string().trim().min(8).max(2000),
  sellerId: z.string().trim().min(4).max(40),
  region: z.enum(['na', 'eu', 'fe']),
  marketplaceId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8,20}$/)
    .optional(),
  endpoint: url.optional(),
  lwaUrl: url.optional(),
  productType: z.string().trim().max(60).optional(),
});

/** PUT body: any subset; omitted fields keep their stored value (masked fields need not be re-typed). */
export const credentialsBodySchema = z.object({
  credentials: z.record(z.string(), z.string().max(2000)),
  syncIntervalMinutes: z.number().int().min(5).max(1440).optional(),
});

export const secretFields = new Set(['partnerKey', 'clientId', 'clientSecret', 'refreshToken']);

export type StoredCredentials = ShopeeCredentials | (AmazonCredentials & { marketplaceId?: string });

export function providerOf(channel: Channel): Provider {
  if (channel === 'shopee' || channel === 'amazon') return channel;
  throw appError('CONFLICT', 'connectors.unsupportedChannel', { channel });
}

/**
 * URL overrides exist for sandboxes and simulators; without a limit an operator could make the
 * server call any address (SSRF), so they must be the channel's own hosts or listed by the admin.
 */
const officialHosts: Record<Provider, string[]> = {
  shopee: ['shopeemobile.com', 'shopee.sg', 'shopee.cn'],
  amazon: ['amazon.com', 'amazon.co.uk', 'amazon.co.jp', 'amazon.de', 'amazon.eu'],
};
const urlFields = ['baseUrl', 'endpoint', 'lwaUrl'] as const;

function checkHosts(provider: Provider, c: Record<string, unknown>, extraHosts: readonly string[]) {
  for (const field of urlFields) {
    const value = c[field];
    if (typeof value !== 'string') continue;
    const host = new URL(value).hostname.toLowerCase();
    const official = officialHosts[provider].some((d) => host === d || host.endsWith(`.${d}`));
    if (!official && !extraHosts.includes(host))
      throw appError('VALIDATION_FAILED', 'connectors.credentials.hostNotAllowed', { field, host });
  }
}

export function validateCredentials(
  provider: Provider,
  merged: Record<string, unknown>,
  extraHosts: readonly string[] = [],
): StoredCredentials {
  const schema = provider === 'shopee' ? shopeeCredentialsSchema : amazonCredentialsSchema;
  const r = schema.safeParse(merged);
  if (!r.success)
    throw appError('VALIDATION_FAILED', 'connectors.credentials.invalid', {
      fields: [...new Set(r.error.issues.map((i) => String(i.path[0])))].join(', '),
    });
  checkHosts(provider, r.data, extraHosts);
  return r.data as StoredCredentials;
}

/** What the API shows: secrets as their last 4 characters behind dots, the rest as entered. */
export function hintsOf(c: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) {
    if (typeof v !== 'string' || !v) continue;
    out[k] = secretFields.has(k) ? `••••${v.length > 8 ? v.slice(-4) : ''}` : v;
  }
  return out;
}
