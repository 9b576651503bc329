import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The raw PGlite instance (embedded only) — used for COPY-less bulk paths and dumps. */
  pglite?: PGlite;
  /** The pg pool (server only) — used for COPY streams. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` or undefined with memory=true for tests. */
  dataDir?: string | undefined;
  memory?: boolean;
  /** A PGlite data-dir dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

// int8 (bigint, count(*)) → number; our counts and minor-unit sums stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function connectDatabase(opts: ConnectOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client can be cut off (server restart, DROP DATABASE … FORCE); without a listener
    // that error would crash the process. The pool replaces the client on the next checkout.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL idle client error: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', pool, close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (!opts.memory && opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    dataDir = opts.dataDir;
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { 20: (v: string) => Number(v) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
