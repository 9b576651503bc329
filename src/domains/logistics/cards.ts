import { appError } from '../../kernel/errors.ts';
import type { Tx } from '../../platform/db/tenant.ts';
import { compileCard } from './rating/compile.ts';
import type { RatableService } from './rating/shop-rates.ts';
import type { CardData, CardSettings, CompiledCard } from './rating/types.ts';

const summary = (data: CardData) => ({
  countries: Object.keys(data.countries).length,
  zones: Object.keys(data.zones).length,
  brackets: Object.values(data.zones).reduce((a, z) => a + z.brackets.length, 0),
  remotePostcodes: Object.values(data.remote).reduce((a, l) => a + l.length, 0),
});

/** Card versions of a service, newest first, without the (large) zones. */
export async function listCards(trx: Tx, shopId: string, serviceId: string) {
  const rows = await trx
    .selectFrom('logistics_rate_cards')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('service_id', '=', serviceId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    currency: r.currency,
    source: {
      file: r.source_file,
      sheets: r.source_sheets,
      note: r.source_note,
      importedBy: r.imported_by,
      importedAt: r.imported_at,
    },
    summary: summary(r.data as unknown as CardData),
  }));
}

export async function getCard(trx: Tx, shopId: string, serviceId: string, cardId: string) {
  const r = await trx
    .selectFrom('logistics_rate_cards')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('service_id', '=', serviceId)
    .where('id', '=', cardId)
    .executeTakeFirst();
  if (!r) throw appError('NOT_FOUND', 'logistics.cardNotFound');
  const data = r.data as unknown as CardData;
  return {
    id: r.id,
    serviceId: r.service_id,
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    currency: r.currency,
    source: {
      file: r.source_file,
      sheets: r.source_sheets,
      note: r.source_note,
      importedBy: r.imported_by,
      importedAt: r.imported_at,
    },
    settings: r.settings as unknown as CardSettings,
    data,
    summary: summary(data),
  };
}

// Card versions are immutable (a new sheet is a new row), so a compiled card can be kept by id. The
// list of ids always comes from the shop's own (RLS-scoped) query, so the cache never leaks.
const compiledCache = new Map<string, CompiledCard>();
const cacheLimit = 500;

function remember(card: CompiledCard) {
  if (compiledCache.size >= cacheLimit) compiledCache.delete(compiledCache.keys().next().value!);
  compiledCache.set(card.cardId, card);
}

/**
 * Every service of the shop with the card versions valid at `at` (all versions when not given),
 * compiled once per process and version.
 */
export async function loadRatableServices(
  trx: Tx,
  shopId: string,
  opts: { at?: Date; serviceIds?: string[] } = {},
): Promise<RatableService[]> {
  let sq = trx
    .selectFrom('logistics_services')
    .select(['id', 'code', 'name', 'carrier', 'mode', 'active'])
    .where('shop_id', '=', shopId);
  if (opts.serviceIds) sq = sq.where('id', 'in', opts.serviceIds.length ? opts.serviceIds : [shopId]);
  const services = await sq.orderBy('code').execute();
  if (!services.length) return [];
  let cq = trx
    .selectFrom('logistics_rate_cards')
    .select(['id', 'service_id'])
    .where('shop_id', '=', shopId)
    .where(
      'service_id',
      'in',
      services.map((s) => s.id),
    );
  if (opts.at) {
    const at = opts.at;
    cq = cq
      .where('valid_from', '<=', at)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]));
  }
  const refs = await cq.execute();
  const missing = refs.filter((r) => !compiledCache.has(r.id)).map((r) => r.id);
  if (missing.length) {
    const rows = await trx
      .selectFrom('logistics_rate_cards')
      .select(['id', 'version', 'currency', 'valid_from', 'valid_to', 'settings', 'data'])
      .where('shop_id', '=', shopId)
      .where('id', 'in', missing)
      .execute();
    for (const c of rows)
      remember(
        compileCard({
          id: c.id,
          version: c.version,
          currency: c.currency,
          validFrom: c.valid_from,
          validTo: c.valid_to,
          settings: c.settings as unknown as CardSettings,
          data: c.data as unknown as CardData,
        }),
      );
  }
  return services.map((s) => ({
    ...s,
    cards: refs.filter((r) => r.service_id === s.id).flatMap((r) => compiledCache.get(r.id) ?? []),
  }));
}
