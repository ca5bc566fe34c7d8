/**
 * Backups of either engine, and putting one back into a fresh database.
 *
 * PGlite: PGlite's own dump of its data directory (a gzip tarball; `Database.backupDataDir`). A
 * running server owns the directory (./lock.ts), so `daihoi backup` then asks the server through its
 * control socket (../cli/control-channel.ts) instead of opening the directory.
 * PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the server writes) and
 * `pg_restore` into an empty database.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";

export type BackupKind = "pglite" | "postgres";

/** What a backup file is, by its first bytes: pg_dump's custom format, or PGlite's gzip tarball. */
export function backupKindOfFile(file: string): BackupKind | null {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    const n = readSync(fd, head, 0, 5, 0);
    if (n >= 5 && head.toString("latin1") === "PGDMP") return "postgres";
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The running server's control socket for a PGlite data directory: next to the directory (like its
 * lock), or in the temporary folder when that path is too long for a Unix socket (~100 bytes).
 */
export function controlSocketPath(dataDirInput: string): string {
  const dataDir = existsSync(dataDirInput) ? realpathSync(dataDirInput) : resolve(dataDirInput);
  const beside = join(dirname(dataDir), `${basename(dataDir)}.sock`);
  if (Buffer.byteLength(beside) <= 100) return beside;
  const h = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return join(tmpdir(), `daihoi-${h}.sock`);
}

/** True when the directory is missing or has nothing in it. */
export function isDirectoryFresh(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === "ENOENT"
            ? `Không tìm thấy lệnh ${command}: hãy cài gói postgresql-client cùng phiên bản với máy chủ PostgreSQL.`
            : `Không chạy được ${command}: ${e.message}`,
        ),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(`${command} dừng với mã ${code}: ${stderr.trim().split("\n").slice(-5).join(" / ")}`),
        );
    });
  });
}

/** `pg_dump` in its custom format (compressed; pg_restore reads it), a snapshot while others write. */
export function pgDump(url: string, file: string): Promise<void> {
  return run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
}

/** `pg_restore` into the (empty) database at `url`, all or nothing. */
export function pgRestore(url: string, file: string): Promise<void> {
  return run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${url}`,
    file,
  ]);
}

/** The number of tables in the database's own schemas (0: a fresh database to restore into). */
export async function countUserTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `select count(*)::text as n from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
