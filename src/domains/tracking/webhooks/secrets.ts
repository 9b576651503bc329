/**
 * Per-shop webhook secrets, sealed at rest with the platform secret box. The carrier secret is
 * generated here and shown once on rotation; the 17TRACK key is the shop's own 17TRACK security
 * key (17TRACK signs pushes with it), entered by the seller.
 */
import { newSecret } from '../../../kernel/ids.ts';
import type { Config } from '../../../platform/config.ts';
import { loadSecretKey, open, type SecretKey, seal } from '../../../platform/crypto/secret-box.ts';
import type { Tx } from '../../../platform/db/tenant.ts';

export type SecretKind = 'carrier' | '17track';

const keys = new WeakMap<Config, SecretKey>();

function keyOf(config: Config): SecretKey {
  let key = keys.get(config);
  if (!key) {
    key = loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir });
    keys.set(config, key);
  }
  return key;
}

export async function storeWebhookSecret(
  trx: Tx,
  config: Config,
  shopId: string,
  kind: SecretKind,
  secret: string,
) {
  const sealed = seal(keyOf(config), secret);
  await trx
    .insertInto('tracking_webhook_secrets')
    .values({ shop_id: shopId, kind, sealed_secret: sealed, created_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['shop_id', 'kind']).doUpdateSet({ sealed_secret: sealed, created_at: new Date() }),
    )
    .execute();
}

/** A new carrier webhook secret replaces the old one at once; the caller shows it once. */
export async function rotateCarrierSecret(trx: Tx, config: Config, shopId: string): Promise<string> {
  const secret = `whsec_${newSecret(32)}`;
  await storeWebhookSecret(trx, config, shopId, 'carrier', secret);
  return secret;
}

export async function webhookSecretStatus(trx: Tx, shopId: string) {
  const rows = await trx
    .selectFrom('tracking_webhook_secrets')
    .select(['kind', 'created_at'])
    .where('shop_id', '=', shopId)
    .execute();
  const at = (k: SecretKind) => rows.find((r) => r.kind === k)?.created_at?.toISOString() ?? null;
  return {
    carrier: { configured: at('carrier') !== null, since: at('carrier') },
    seventeenTrack: { configured: at('17track') !== null, since: at('17track') },
  };
}

export async function openWebhookSecret(trx: Tx, config: Config, shopId: string, kind: SecretKind) {
  const row = await trx
    .selectFrom('tracking_webhook_secrets')
    .select('sealed_secret')
    .where('shop_id', '=', shopId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? open(keyOf(config), row.sealed_secret) : null;
}

/** Records a delivery id; false when it was already accepted (a replay). */
export async function recordDelivery(
  trx: Tx,
  shopId: string,
  source: string,
  deliveryId: string,
): Promise<boolean> {
  const stored = await trx
    .insertInto('tracking_webhook_deliveries')
    .values({ shop_id: shopId, source, delivery_id: deliveryId.slice(0, 200), received_at: new Date() })
    .onConflict((oc) => oc.doNothing())
    .returning('delivery_id')
    .execute();
  return stored.length > 0;
}
