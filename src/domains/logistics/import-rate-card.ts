import { createHash } from 'node:crypto';
import { appError } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { type Actor, recordAudit } from '../shops/index.ts';
import { parsePriceSheet } from './import/parse-price-sheet.ts';
import { findService } from './services.ts';

export interface ImportRateCardResult {
  status: 'preview' | 'created' | 'unchanged';
  cardId: string | null;
  version: number | null;
  layout: 'bracket_list' | 'zone_matrix';
  currency: string;
  validFrom: Date;
  validTo: Date | null;
  sheets: string[];
  source: string | null;
  summary: {
    countries: number;
    zones: number;
    brackets: number;
    remoteCountries: number;
    remotePostcodes: number;
  };
  /** First zones with their brackets, for the preview table. */
  sample: { country: string; zone: string; brackets: number; transit: { min: number; max: number } | null }[];
}

/**
 * Import a forwarder's price sheet as a new card version of a service: all or nothing (any bad cell
 * refuses the file), idempotent (the same bytes again → "unchanged", no second version), preview
 * validates and answers the same summary without saving. Without a 生效日期 / Valid from setting
 * the card is valid from the import time.
 */
export async function importRateCard(
  trx: Tx,
  shopId: string,
  actor: Actor,
  serviceId: string,
  file: { bytes: Buffer; fileName: string; preview?: boolean; now?: Date },
): Promise<ImportRateCardResult> {
  if (!(await findService(trx, shopId, serviceId))) throw appError('NOT_FOUND', 'logistics.serviceNotFound');
  const parsed = await parsePriceSheet(file.bytes, file.fileName);
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const validFrom = parsed.validFrom ?? file.now ?? new Date();
  const base = {
    layout: parsed.layout,
    currency: parsed.currency,
    validFrom,
    validTo: parsed.validTo,
    sheets: parsed.sheets,
    source: parsed.source,
    summary: parsed.summary,
    sample: Object.entries(parsed.data.countries)
      .slice(0, 50)
      .flatMap(([country, entries]) =>
        entries.map((e) => ({
          country,
          zone: e.zone,
          brackets: parsed.data.zones[e.zone]?.brackets.length ?? 0,
          transit: e.transit ?? parsed.data.zones[e.zone]?.transit ?? null,
        })),
      ),
  };
  const existing = await trx
    .selectFrom('logistics_rate_cards')
    .select(['id', 'version', 'valid_from'])
    .where('shop_id', '=', shopId)
    .where('service_id', '=', serviceId)
    .where('file_sha256', '=', sha)
    .executeTakeFirst();
  if (existing)
    return {
      ...base,
      validFrom: existing.valid_from,
      status: 'unchanged',
      cardId: existing.id,
      version: existing.version,
    };
  if (file.preview) return { ...base, status: 'preview', cardId: null, version: null };
  // Serialise versions per service: the row lock makes concurrent imports take turns.
  await trx
    .selectFrom('logistics_services')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('id', '=', serviceId)
    .forUpdate()
    .execute();
  const last = await trx
    .selectFrom('logistics_rate_cards')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('shop_id', '=', shopId)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const id = newId();
  await trx
    .insertInto('logistics_rate_cards')
    .values({
      shop_id: shopId,
      id,
      service_id: serviceId,
      version,
      valid_from: validFrom,
      valid_to: parsed.validTo,
      currency: parsed.currency,
      source_file: file.fileName.slice(0, 300),
      source_sheets: parsed.sheets.join(', '),
      source_note: parsed.source,
      file_sha256: sha,
      imported_by: actor.userId ?? actor.tokenId,
      settings: JSON.stringify(parsed.settings),
      data: JSON.stringify(parsed.data),
    })
    .execute();
  await recordAudit(trx, shopId, actor, {
    action: 'logistics.rate_card.import',
    entityType: 'logistics_service',
    entityId: serviceId,
    changes: { cardId: id, version, file: file.fileName, summary: parsed.summary },
  });
  return { ...base, status: 'created', cardId: id, version };
}
