/**
 * A fresh, migrated database per test file: in-memory PGlite by default; a uniquely named database
 * on the PostgreSQL server when DATABASE_URL is set (created here, dropped in `cleanup`).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Database } from "../src/db/client.ts";
import { MIGRATIONS_DIR, migrateDb } from "../src/db/migrate.ts";

/**
 * Starting PGlite and running initdb costs ~2,5 s; loading a migrated snapshot ~0,4 s. The snapshot
 * is keyed by the migrations' content, so a new migration makes a new one.
 */
function snapshotPath(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  }
  return join(tmpdir(), `daihoi-pglite-${h.digest("hex").slice(0, 16)}.tar`);
}

async function migratedPglite(): Promise<Database> {
  const snapshot = snapshotPath();
  if (existsSync(snapshot)) {
    return createDb({ kind: "pglite", dataDir: null, loadDataDir: new Blob([readFileSync(snapshot)]) });
  }
  const database = await createDb({ kind: "pglite", dataDir: null });
  await migrateDb(database);
  const dump = await database.dumpDataDir!();
  // Write then rename: concurrent test processes never read half a file.
  const tmp = `${snapshot}.${process.pid}.tmp`;
  writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
  renameSync(tmp, snapshot);
  return database;
}

export interface TestDatabase {
  readonly database: Database;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await migratedPglite();
    return { database, cleanup: () => database.close() };
  }
  const name = `daihoi_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await createDb({ kind: "postgres", url: testUrl.toString() });
  await migrateDb(database);
  return {
    database,
    async cleanup() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
