import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/** The engine integration tests run on: the vitest project sets CUNKOU_TEST_DB. */
export const testEngine = (process.env.CUNKOU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const postgresAdminUrl = process.env.CUNKOU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresAvailable: boolean | undefined;

/** Whether PostgreSQL answers. With CI=true a missing server is a failure, not a skip. */
export async function isPostgresAvailable(): Promise<boolean> {
  if (postgresAvailable !== undefined) return postgresAvailable;
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    postgresAvailable = true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but PostgreSQL at ${postgresAdminUrl} does not answer: ${String(error)}`);
    }
    console.warn(
      `\n[cunkou] PostgreSQL at ${postgresAdminUrl} does not answer — skipping the PostgreSQL run.\n`,
    );
    postgresAvailable = false;
  } finally {
    await client.end().catch(() => {});
  }
  return postgresAvailable;
}

/** True when this test file should be skipped (PostgreSQL project, no server, not CI). */
export async function skipEngine(): Promise<boolean> {
  return testEngine === 'postgres' && !(await isPostgresAvailable());
}

export interface TestDatabase extends Database {
  url?: string;
}

/** A fresh, migrated database for one test file: in-memory PGlite or a throwaway PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'postgres') {
    const name = `cunkou_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = postgresAdminUrl.replace(/\/[^/]*$/, `/${name}`);
    const database = await connectDatabase({ databaseUrl: url, poolSize: 8 });
    await migrate(database.db);
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const again = new pg.Client({ connectionString: postgresAdminUrl });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const database = await connectDatabase({ memory: true });
  await migrate(database.db);
  return database;
}
