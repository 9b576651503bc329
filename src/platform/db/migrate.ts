import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

interface MigrationFile {
  name: string;
  path: string;
}

/** Every migration: platform first, then each domain's, ordered by their timestamped file names. */
export function listMigrations(): MigrationFile[] {
  const dirs = [join(srcDir, 'platform/db/migrations')];
  for (const domain of readdirSync(join(srcDir, 'domains'))) {
    dirs.push(join(srcDir, 'domains', domain, 'migrations'));
  }
  const files: MigrationFile[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.sql'));
    } catch {
      continue;
    }
    for (const name of names) files.push({ name, path: join(dir, name) });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Apply pending migrations in order, each in its own transaction, recorded with a checksum.
 * An advisory lock keeps two app servers starting at once from racing.
 */
export async function migrate(db: Kysely<DB>): Promise<{ applied: string[] }> {
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS cunkou_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7226181)`.execute(conn);
    try {
      const done = await sql<{
        name: string;
        checksum: string;
      }>`SELECT name, checksum FROM cunkou_migrations`.execute(conn);
      const known = new Map(done.rows.map((r) => [r.name, r.checksum]));
      for (const file of listMigrations()) {
        const text = readFileSync(file.path, 'utf8');
        const checksum = createHash('sha256').update(text).digest('hex');
        const previous = known.get(file.name);
        if (previous) {
          if (previous !== checksum) {
            throw new Error(
              `Migration ${file.name} was changed after it was applied. Add a new migration instead.`,
            );
          }
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await sql`INSERT INTO cunkou_migrations (name, checksum) VALUES (${file.name}, ${checksum})`.execute(
            trx,
          );
          // The app role needs rights on whatever the migration created.
          await sql`GRANT USAGE ON SCHEMA public TO cunkou_app`.execute(trx);
          await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cunkou_app`.execute(
            trx,
          );
          await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cunkou_app`.execute(trx);
        });
        applied.push(file.name);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(7226181)`.execute(conn);
    }
  });
  return { applied };
}
