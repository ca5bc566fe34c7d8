/**
 * The audit key: the secret that makes the audit chain a keyed one (HMAC-SHA256). It never lives in
 * the database, so someone who can write to the database (or holds a backup of it) cannot recompute
 * keyed entries after editing or removing some.
 *
 * Where it comes from, first match wins:
 *   1. DAIHOI_AUDIT_KEY — the key itself (at least 32 characters, e.g. 64 hex digits);
 *   2. DAIHOI_AUDIT_KEY_FILE — a file holding it;
 *   3. `daihoi-audit.key` in the data directory's parent folder (PGlite: `./data` → `./daihoi-audit.key`),
 *      or in the current folder for PostgreSQL.
 * The file is created (32 random bytes, hex, mode 0600) the first time a command opens a database
 * whose log has no keyed entry yet; it sits next to the data directory, not inside it, so a backup
 * of the database never carries it (README: back it up separately).
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { DbConfig } from "./client.ts";

export const AUDIT_KEY_FILE_NAME = "daihoi-audit.key";

export interface AuditKey {
  readonly secret: Buffer;
  /** Where it came from, for messages: the file's path or "DAIHOI_AUDIT_KEY". */
  readonly source: string;
}

/** The key file's path for this database (whether or not it exists). */
export function auditKeyPath(config: DbConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DAIHOI_AUDIT_KEY_FILE) return resolve(env.DAIHOI_AUDIT_KEY_FILE);
  if (config.kind === "pglite" && config.dataDir)
    return join(dirname(resolve(config.dataDir)), AUDIT_KEY_FILE_NAME);
  return resolve(AUDIT_KEY_FILE_NAME);
}

/** Where a user is told to put the key, in Vietnamese. */
export function auditKeyWhere(config: DbConfig, env: NodeJS.ProcessEnv = process.env): string {
  return `tệp ${auditKeyPath(config, env)} hoặc biến môi trường DAIHOI_AUDIT_KEY`;
}

function parseSecret(text: string, source: string): AuditKey {
  const t = text.trim();
  if (t.length < 32)
    throw new Error(`Khóa nhật ký trong ${source} quá ngắn (cần ít nhất 32 ký tự, ví dụ 64 chữ số hex).`);
  return { secret: Buffer.from(t, "utf8"), source };
}

/** The key if one is configured or its file exists; null otherwise. Never creates one. */
export function loadAuditKey(config: DbConfig, env: NodeJS.ProcessEnv = process.env): AuditKey | null {
  if (env.DAIHOI_AUDIT_KEY) return parseSecret(env.DAIHOI_AUDIT_KEY, "DAIHOI_AUDIT_KEY");
  const path = auditKeyPath(config, env);
  if (!existsSync(path)) return null;
  return parseSecret(readFileSync(path, "utf8"), path);
}

/** Creates the key file (never overwrites one) and returns the new key. */
export function createAuditKeyFile(config: DbConfig, env: NodeJS.ProcessEnv = process.env): AuditKey {
  const path = auditKeyPath(config, env);
  writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  return parseSecret(readFileSync(path, "utf8"), path);
}

/** A short public name of a key (not the key): lets verify say "this is not the key the log was written with". */
export function auditKeyFingerprint(key: AuditKey): string {
  return createHash("sha256").update("daihoi-audit-key-id:").update(key.secret).digest("hex").slice(0, 16);
}
