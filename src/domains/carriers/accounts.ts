/**
 * Carrier accounts: create, edit (credentials are write-only: fields left empty keep their sealed
 * value), list, delete. Audit entries name the fields that changed, never their values.
 */
import { z } from 'zod';
import { appError } from '../../kernel/errors.ts';
import type { Locale } from '../../kernel/i18n/index.ts';
import { newId } from '../../kernel/ids.ts';
import type { Config } from '../../platform/config.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { checkBaseUrl, credentialSchemas, hintsOf, openCredentials, sealCredentials } from './credentials.ts';
import { environments, type SupportedCarrier, supportedCarriers } from './tables.ts';
import { renderTestMessage } from './test-connection.ts';

const url = z.url({ protocol: /^https?$/ }).max(300);

export const createAccountSchema = z.object({
  carrier: z.enum(supportedCarriers),
  name: z.string().trim().min(1).max(100),
  environment: z.enum(environments),
  baseUrl: url.nullish(),
  productCode: z.string().trim().min(1).max(40),
  active: z.boolean().optional(),
  // Per carrier: 4PX appKey/appSecret(/accessToken), YunExpress customerCode/apiSecret.
  credentials: z.object({
    appKey: z.string().max(200).optional(),
    appSecret: z.string().max(200).optional(),
    accessToken: z.string().max(500).optional(),
    customerCode: z.string().max(60).optional(),
    apiSecret: z.string().max(200).optional(),
  }),
});
export const updateAccountSchema = createAccountSchema.omit({ carrier: true }).partial();

type Row = {
  id: string;
  carrier: string;
  name: string;
  environment: string;
  base_url: string | null;
  product_code: string;
  credential_hints: Record<string, string>;
  active: boolean;
  last_test_at: Date | null;
  last_test_ok: boolean | null;
  last_test_message: string | null;
  created_at: Date;
  updated_at: Date;
};

/** What clients see: masked credential hints only, never the sealed text. */
export const accountView = (r: Row, locale: Locale = 'en') => ({
  id: r.id,
  carrier: r.carrier,
  name: r.name,
  environment: r.environment,
  baseUrl: r.base_url,
  productCode: r.product_code,
  credentials: r.credential_hints,
  active: r.active,
  lastTest: r.last_test_at
    ? { at: r.last_test_at, ok: r.last_test_ok, message: renderTestMessage(locale, r.last_test_message) }
    : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const viewColumns = [
  'id',
  'carrier',
  'name',
  'environment',
  'base_url',
  'product_code',
  'credential_hints',
  'active',
  'last_test_at',
  'last_test_ok',
  'last_test_message',
  'created_at',
  'updated_at',
] as const;

export async function getAccount(trx: Tx, shopId: string, id: string, locale: Locale = 'en') {
  const r = await trx
    .selectFrom('carrier_accounts')
    .select(viewColumns)
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw appError('NOT_FOUND', 'carriers.account.notFound');
  return accountView(r, locale);
}

export async function listAccounts(trx: Tx, shopId: string, locale: Locale = 'en') {
  const rows = await trx
    .selectFrom('carrier_accounts')
    .select(viewColumns)
    .where('shop_id', '=', shopId)
    .orderBy('name')
    .execute();
  return { items: rows.map((r) => accountView(r, locale)) };
}

async function assertNameFree(trx: Tx, shopId: string, name: string, exceptId?: string) {
  let q = trx
    .selectFrom('carrier_accounts')
    .select('id')
    .where('shop_id', '=', shopId)
    .where((eb) => eb.fn('lower', ['name']), '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw appError(
      'CONFLICT',
      'carriers.account.nameTaken',
      { name },
      { issues: [{ field: 'name', message: 'taken' }] },
    );
}

const nonEmpty = (c: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<
    string,
    string
  >;

function validCredentials(carrier: SupportedCarrier, merged: Record<string, string>) {
  const r = credentialSchemas[carrier].safeParse(merged);
  if (!r.success) {
    const fields = [...new Set(r.error.issues.map((i) => String(i.path[0])))];
    throw appError(
      'VALIDATION_FAILED',
      'carriers.account.credentialsRequired',
      { fields: fields.join(', ') },
      { issues: fields.map((f) => ({ field: `credentials.${f}`, message: 'required (8+ characters)' })) },
    );
  }
  return r.data as Record<string, string>;
}

export async function createAccount(
  trx: Tx,
  config: Config,
  shopId: string,
  actor: Actor,
  input: z.infer<typeof createAccountSchema>,
  locale: Locale = 'en',
) {
  if (input.baseUrl) checkBaseUrl(input.carrier, input.baseUrl, config.connectorHosts);
  await assertNameFree(trx, shopId, input.name);
  const creds = validCredentials(input.carrier, nonEmpty(input.credentials));
  const id = newId();
  await trx
    .insertInto('carrier_accounts')
    .values({
      shop_id: shopId,
      id,
      carrier: input.carrier,
      name: input.name,
      environment: input.environment,
      base_url: input.baseUrl ?? null,
      product_code: input.productCode,
      credentials_sealed: sealCredentials(config, creds),
      credential_hints: JSON.stringify(hintsOf(creds)),
      active: input.active ?? true,
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'carrier_account.created',
    entityType: 'carrier_account',
    entityId: id,
    changes: {
      carrier: input.carrier,
      name: input.name,
      environment: input.environment,
      credentialFields: Object.keys(creds),
    },
  });
  return getAccount(trx, shopId, id, locale);
}

export async function updateAccount(
  trx: Tx,
  config: Config,
  shopId: string,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateAccountSchema>,
  locale: Locale = 'en',
) {
  const before = await trx
    .selectFrom('carrier_accounts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) throw appError('NOT_FOUND', 'carriers.account.notFound');
  if (input.baseUrl) checkBaseUrl(before.carrier, input.baseUrl, config.connectorHosts);
  if (input.name) await assertNameFree(trx, shopId, input.name, id);
  const given = nonEmpty(input.credentials ?? {});
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (Object.keys(given).length) {
    // A sealed value that cannot be opened any more (key changed) is replaced entirely.
    let old: Record<string, string> = {};
    try {
      old = openCredentials(config, before.credentials_sealed) as Record<string, string>;
    } catch {
      old = {};
    }
    const creds = validCredentials(before.carrier, { ...old, ...given });
    set.credentials_sealed = sealCredentials(config, creds);
    set.credential_hints = JSON.stringify(hintsOf(creds));
  }
  if (input.name !== undefined) set.name = input.name;
  if (input.environment !== undefined) set.environment = input.environment;
  if (input.baseUrl !== undefined) set.base_url = input.baseUrl;
  if (input.productCode !== undefined) set.product_code = input.productCode;
  if (input.active !== undefined) set.active = input.active;
  await trx
    .updateTable('carrier_accounts')
    .set(set)
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'carrier_account.updated',
    entityType: 'carrier_account',
    entityId: id,
    changes: {
      fields: Object.keys(input).filter((k) => k !== 'credentials'),
      credentialFields: Object.keys(given),
    },
  });
  return getAccount(trx, shopId, id, locale);
}

export async function deleteAccount(trx: Tx, shopId: string, actor: Actor, id: string) {
  await getAccount(trx, shopId, id);
  const used = await trx
    .selectFrom('carrier_labels')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('account_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used) throw appError('CONFLICT', 'carriers.account.inUse');
  await trx.deleteFrom('carrier_accounts').where('shop_id', '=', shopId).where('id', '=', id).execute();
  await recordAudit(trx, shopId, actor, {
    action: 'carrier_account.deleted',
    entityType: 'carrier_account',
    entityId: id,
    changes: {},
  });
}
