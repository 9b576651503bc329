/** A stored label PDF by idempotency key (the live one), or by label id for the admin route. */
import { withShop } from '../../platform/db/tenant.ts';
import type { Deps } from '../../server.ts';
import { liveLabel, readFile } from './labels-store.ts';

export async function fetchStoredLabel(
  deps: Deps,
  shopId: string,
  idempotencyKey: string,
): Promise<Buffer | null> {
  const row = await withShop(deps.database.db, shopId, (trx) => liveLabel(trx, shopId, idempotencyKey));
  return row ? readFile(deps.storage, row.label_file_key) : null;
}

export async function labelFileById(deps: Deps, shopId: string, id: string) {
  const row = await withShop(deps.database.db, shopId, (trx) =>
    trx
      .selectFrom('carrier_labels')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  return row ? { row, pdf: await readFile(deps.storage, row.label_file_key) } : null;
}
