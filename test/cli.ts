/**
 * The CLI as a user runs it: `daihoi …` in a separate process, against a database of its own —
 * a PGlite data directory in a fresh temporary folder, or a fresh PostgreSQL database when
 * DATABASE_URL is set.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
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
  /** Runs `daihoi ...args` with these variables over the database's (another DAIHOI_DATA_DIR, …). */
  runWith(env: NodeJS.ProcessEnv, ...args: string[]): CliRun;
  /** Starts `daihoi serve --no-build` on a free loopback port against the database. */
  serve(): Promise<RunningServer>;
}

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** Everything the server wrote so far. */
  output(): string;
  /** Sends the signal and waits for the process to end; resolves to its exit code (null if killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The audit key file lives in the test's folder (never in the repository the tests run from). */
function envFor(c: DbConfig, dir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DAIHOI_AUDIT_KEY;
  if (c.kind === "postgres") env.DATABASE_URL = c.url;
  else env.DAIHOI_DATA_DIR = c.dataDir!;
  env.DAIHOI_AUDIT_KEY_FILE = join(dir, "daihoi-audit.key");
  return env;
}

/** `daihoi serve --no-build` as a separate process; resolves once it listens. */
export function startServerProcess(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    join(ROOT, "node_modules", ".bin", "node"),
    [join(ROOT, "src", "cli", "main.ts"), "serve", "--no-build"],
    { env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start in 300 s:\n${out}`));
      // A busy machine (CI, several test processes) starts PGlite slowly.
    }, 300_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /đang chạy tại (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: child.pid!,
          output: () => out,
          async stop(signal = "SIGTERM") {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server ended (${code}) before listening:\n${out}`));
    });
  });
}

/** `prefix` names the temporary folder ("daihoi-audit-"). */
/** `engine: "pglite"` uses a PGlite data directory even when DATABASE_URL is set (PGlite-only properties). */
export function cliDatabase(prefix: string, options: { engine?: "pglite" } = {}): CliDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let pgTest: TestDatabase | null = null;
  let config: DbConfig | null = null;
  const current = (): DbConfig => {
    if (!config) throw new Error("cliDatabase: setUp has not run");
    return config;
  };
  // A plain function, not a method: tests pass `cli.run` around unbound.
  const runWith = (extra: NodeJS.ProcessEnv, ...args: string[]): CliRun => {
    const env = { ...envFor(current(), dir), ...extra };
    const r = spawnSync(
      join(ROOT, "node_modules", ".bin", "node"),
      [join(ROOT, "src", "cli", "main.ts"), ...args],
      {
        env,
        encoding: "utf8",
        timeout: 300_000,
      },
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    dir,
    async setUp() {
      if (process.env.DATABASE_URL && options.engine !== "pglite") {
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
    serve() {
      return startServerProcess(envFor(current(), dir));
    },
    run: (...args) => runWith({}, ...args),
    runWith,
  };
}
