/**
 * One database for both engines: PGlite in a data directory (or in memory) by default, PostgreSQL
 * when DATABASE_URL is set. The engine is chosen once, here; everything above sees `Db`.
 */
import { PGlite } from "@electric-sql/pglite";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./lock.ts";
import { type Schema, schema } from "./schema.ts";

export type DbConfig =
  | { readonly kind: "pglite"; readonly dataDir: string | null; readonly loadDataDir?: Blob }
  | { readonly kind: "postgres"; readonly url: string };

/** Drizzle over either driver; transactions are the same type, so repositories take `Db` for both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly db: Db;
  readonly engine: "pglite" | "postgres";
  readonly config: DbConfig;
  /** Runs `LISTEN channel`; the callback gets each payload. Returns an unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the data directory as a tarball (test snapshots). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * PGlite only: a backup of the data directory (gzip tarball, PGlite's own dump), taken between
   * transactions after a checkpoint, so it is a consistent state of the database.
   */
  backupDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.DAIHOI_DATA_DIR ?? "./data" };
}

// 64-bit integers (count(*)) come back as strings from pg and as numbers from PGlite: parse both
// the same way. Counts in this product stay far below 2^53.
// drizzle's node-postgres session passes its own per-query parsers, so the pool's `types` option is
// not enough: set the process-wide parser.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

export async function createDb(config: DbConfig): Promise<Database> {
  switch (config.kind) {
    case "pglite": {
      // A data directory belongs to one process: taken before PGlite touches it, released after
      // PGlite's last write (close), and by the kernel if this process dies. Throws
      // DataDirLockedError (a Vietnamese message) when another process holds it.
      const lock: DataDirLock | null = config.dataDir ? lockDataDir(config.dataDir) : null;
      let client: PGlite;
      try {
        client = await PGlite.create({
          ...(config.dataDir ? { dataDir: config.dataDir } : {}),
          ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
          extensions: { ltree, pg_trgm },
        });
      } catch (e) {
        lock?.release();
        throw e;
      }
      const db = drizzlePglite(client, { schema }) as unknown as Db;
      return {
        db,
        engine: "pglite",
        config,
        async listen(channel, onPayload) {
          const unsub = await client.listen(channel, onPayload);
          return async () => unsub();
        },
        async dumpDataDir() {
          return client.dumpDataDir("none");
        },
        async backupDataDir() {
          // The checkpoint writes every committed page to the files. Then the files are read under
          // PGlite's transaction mutex (held by every transaction from BEGIN to COMMIT, and by every
          // query): no transaction is open and no statement runs while they are read. exec() takes
          // that mutex itself, so it runs before, not inside (it would wait for itself).
          await client.exec("CHECKPOINT");
          const dump = await client._runExclusiveTransaction(() => client.dumpDataDir("gzip"));
          return new Uint8Array(await dump.arrayBuffer());
        },
        async close() {
          try {
            await client.close();
          } finally {
            lock?.release();
          }
        },
      };
    }
    case "postgres": {
      const pool = new pg.Pool({ connectionString: config.url, max: 10 });
      pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
      const db = drizzleNodePg(pool, { schema }) as unknown as Db;
      const listeners: pg.Client[] = [];
      return {
        db,
        engine: "postgres",
        config,
        async listen(channel, onPayload) {
          // LISTEN needs a dedicated connection that stays open.
          const client = new pg.Client({ connectionString: config.url });
          // A listening connection the server closes (restart, admin) must not crash the process:
          // log-worthy, not fatal; the pool's own connections are handled by pg.
          client.on("error", () => {});
          await client.connect();
          client.on("notification", (n) => {
            if (n.channel === channel) onPayload(n.payload ?? "");
          });
          await client.query(`LISTEN "${channel.replace(/"/g, "")}"`);
          listeners.push(client);
          return async () => {
            await client.end().catch(() => {});
          };
        },
        async close() {
          await Promise.all(listeners.map((c) => c.end().catch(() => {})));
          await pool.end();
        },
      };
    }
  }
}
