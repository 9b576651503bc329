import { z } from 'zod';
import { appError, issue } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Tx } from '../../../platform/db/tenant.ts';
import { type Channel, orderStatuses } from '../tables.ts';
import { type FormatProfile, fields, type GenericSettings, genericProfile } from './formats/index.ts';

export const importMappingSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Our field → the header in the seller's file. */
  columns: z.partialRecord(z.enum(fields), z.string().max(200)),
  settings: z
    .object({
      dayFirst: z.boolean().optional(),
      decimalComma: z.boolean().optional(),
      timeZone: z.string().max(64).optional(),
      currency: z.string().length(3).optional(),
      statuses: z.record(z.string().max(100), z.enum(orderStatuses)).optional(),
    })
    .default({}),
});
export type ImportMappingInput = z.infer<typeof importMappingSchema>;

/** Save (or replace, by name) a column mapping for the generic order importer. */
export async function saveImportMapping(trx: Tx, shopId: string, input: ImportMappingInput) {
  const missing = (['orderId', 'purchasedAt', 'sku', 'quantity'] as const).filter((f) => !input.columns[f]);
  if (missing.length)
    throw appError(
      'VALIDATION_FAILED',
      'orders.mapping.fieldsRequired',
      { list: { list: missing, sep: 'comma' } },
      {
        issues: missing.map((f) => issue(`columns.${f}`, 'common.required')),
      },
    );
  const row = {
    shop_id: shopId,
    id: newId(),
    name: input.name,
    columns: JSON.stringify(input.columns),
    settings: JSON.stringify(input.settings),
  };
  await trx
    .insertInto('order_import_mappings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['shop_id', 'name']).doUpdateSet({ columns: row.columns, settings: row.settings }),
    )
    .execute();
  return { name: input.name, columns: input.columns, settings: input.settings };
}

export async function listImportMappings(trx: Tx, shopId: string) {
  return trx
    .selectFrom('order_import_mappings')
    .select(['name', 'columns', 'settings'])
    .where('shop_id', '=', shopId)
    .orderBy('name')
    .execute();
}

export async function loadImportMapping(
  trx: Tx,
  shopId: string,
  name: string,
  channel: Channel,
): Promise<{ profile: FormatProfile; settings: GenericSettings }> {
  const m = await trx
    .selectFrom('order_import_mappings')
    .select(['columns', 'settings'])
    .where('shop_id', '=', shopId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!m) throw appError('NOT_FOUND', 'orders.mapping.notFound', { name });
  const settings = m.settings as GenericSettings;
  return { profile: genericProfile(channel, m.columns, settings), settings };
}
