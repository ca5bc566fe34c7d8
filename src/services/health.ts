/** What the health check reports about the database: the engine and the newest migration applied. */
import type { Database } from "../db/client.ts";
import { migrationVersion } from "../db/migrate.ts";

export async function databaseHealth(
  database: Database,
): Promise<{ engine: Database["engine"]; migration: string }> {
  return { engine: database.engine, migration: await migrationVersion(database) };
}
