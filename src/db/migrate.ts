/** Applies the SQL migrations in /migrations (the same files on both engines). */
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Database } from "./client.ts";

export const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "migrations");

export async function migrateDb(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type; Db is both.
    await migratePglite(database.db as any, config);
  } else {
    // Several server processes may start at once: one migrates, the others wait on the lock. A
    // session-level advisory lock needs one dedicated connection, not the pool.
    if (database.config.kind !== "postgres") throw new Error("postgres engine without a postgres config");
    const client = new pg.Client({ connectionString: database.config.url });
    await client.connect();
    try {
      await client.query("select pg_advisory_lock(727001)");
      await migrateNodePg(drizzleNodePg(client), config);
    } finally {
      await client.end();
    }
  }
}

/** The newest applied migration's tag, for /api/health. */
export async function migrationVersion(database: Database): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const journal = JSON.parse(await readFile(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const rows = (await database.db.execute(
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { last: string | null }[] };
  const last = Number(rows.rows[0]?.last ?? 0);
  const applied = journal.entries.filter((e) => e.when <= last);
  return applied.at(-1)?.tag ?? "none";
}
