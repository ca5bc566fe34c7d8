/**
 * The CLI as a user runs it: `daihoi …` in a separate process, against a database of its own —
 * a PGlite data directory in a fresh temporary folder, or a fresh PostgreSQL database when
 * DATABASE_URL is set.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbConfig } from "../src/db/client.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

const ROOT = join(import.meta.dirname, "..");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliDatabase {
  /** The temporary folder (PGlite's data directory is in it; files the test writes may go there). */
  readonly dir: string;
  /** Creates the database (call in beforeAll); the CLI migrates it or the caller does. */
  setUp(): Promise<DbConfig>;
  /** Drops the PostgreSQL database, if any, and removes the folder (call in afterAll). */
  tearDown(): Promise<void>;
  /** The database's config; only after setUp. */
  config(): DbConfig;
  /** Runs `daihoi ...args` against the database, pointing DATABASE_URL or DAIHOI_DATA_DIR at it. */
  run(...args: string[]): CliRun;
}

/** `prefix` names the temporary folder ("daihoi-audit-"). */
export function cliDatabase(prefix: string): CliDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let pgTest: TestDatabase | null = null;
  let config: DbConfig | null = null;
  const current = (): DbConfig => {
    if (!config) throw new Error("cliDatabase: setUp has not run");
    return config;
  };
  return {
    dir,
    async setUp() {
      if (process.env.DATABASE_URL) {
        pgTest = await createTestDatabase();
        config = pgTest.database.config;
        await pgTest.database.close();
      } else {
        config = { kind: "pglite", dataDir: join(dir, "data") };
      }
      return config;
    },
    async tearDown() {
      // cleanup drops the database; the pool it closes is already closed.
      if (pgTest) await pgTest.cleanup().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
    config: current,
    run(...args) {
      const c = current();
      const env = { ...process.env };
      delete env.DATABASE_URL;
      if (c.kind === "postgres") env.DATABASE_URL = c.url;
      else env.DAIHOI_DATA_DIR = c.dataDir!;
      const r = spawnSync(
        join(ROOT, "node_modules", ".bin", "node"),
        [join(ROOT, "src", "cli", "main.ts"), ...args],
        {
          env,
          encoding: "utf8",
          timeout: 90_000,
        },
      );
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
