/**
 * EXPLAIN ANALYZE of the product list's main query for each benchmark scenario, run exactly as the
 * API runs it (inside withShop, so row-level security is in the plan). The SQL is captured from a
 * logging Kysely instance sharing the benchmark's connection, not rewritten by hand.
 */
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { type ListProductsInput, listProducts } from '../src/domains/catalog/list-products.ts';
import type { Database } from '../src/platform/db/connect.ts';
import { PGliteDialect } from '../src/platform/db/pglite-dialect.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { withShop } from '../src/platform/db/tenant.ts';

export function listInput(query: string): ListProductsInput {
  const p = new URLSearchParams(query);
  const opt = (k: string) => p.get(k) ?? undefined;
  return {
    q: opt('q'),
    status: opt('status') as ListProductsInput['status'],
    tag: opt('tag'),
    sort: (opt('sort') as ListProductsInput['sort'] | undefined) ?? 'updated_desc',
    limit: Number(opt('limit') ?? 50),
    cursor: opt('cursor'),
  };
}

export async function explainListScenarios(
  database: Database,
  shopId: string,
  scenarios: { name: string; query: (i: number) => string }[],
  log: (msg: string) => void,
  variations = 1,
) {
  let captured: CompiledQuery | undefined;
  // Deliberately never destroyed: it shares the benchmark's pool / PGlite instance.
  const logging = new Kysely<DB>({
    dialect: database.pglite
      ? new PGliteDialect(database.pglite)
      : new PostgresDialect({ pool: database.pool! }),
    log: (event) => {
      if (event.level === 'query' && !captured && /from "products" as "p"/.test(event.query.sql))
        captured = event.query;
    },
  });
  for (const s of scenarios) {
    for (let i = 0; i < variations; i++) {
      const query = s.query(i);
      captured = undefined;
      await withShop(logging, shopId, (trx) => listProducts(trx, shopId, listInput(query)));
      if (!captured) continue;
      const main: CompiledQuery = captured;
      const plan = await withShop(database.db, shopId, (trx) =>
        trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${main.sql}`, [...main.parameters]),
        ),
      );
      log(
        `\n--- ${s.name}: ${decodeURIComponent(query) || '(default)'}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
      );
    }
  }
}
