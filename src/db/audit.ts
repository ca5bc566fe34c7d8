/**
 * The audit log: append-only and hash-chained. Each entry's hash covers its content and the
 * previous entry's hash, so editing, deleting or reordering any entry breaks the chain from there
 * on. Writers append inside their own transaction, under a transaction-level advisory lock so that
 * concurrent transactions chain in commit order.
 *
 * A plain hash chain can be recomputed by anyone who can write to the database. So, from the moment
 * a process has the audit key (./audit-key.ts: outside the database), entries are KEYED: their
 * `hash` is "k1:" + HMAC-SHA256(key, content + previous hash). The first keyed entry is the marker
 * "audit.key_start" naming the key's fingerprint; after it every entry must be keyed. Entries
 * written before (an existing installation's history) stay plain-hashed: they are protected only
 * because the first keyed entry covers their last hash.
 *
 * The chain's head can be printed as an ANCHOR ("Mã kiểm tra nhật ký: 1234-9F3A-21C0-77DE-04B1":
 * the newest entry's number and the first 64 bits of its hash) on minutes, reports and count files,
 * outside the database. `verifyAuditChain(db, { anchor })` then proves that entry is still there,
 * unchanged, so nothing up to it was removed or rewritten.
 */
import { createHash, createHmac } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import {
  type AuditKey,
  auditKeyFingerprint,
  auditKeyWhere,
  createAuditKeyFile,
  loadAuditKey,
} from "./audit-key.ts";
import type { Database, Db } from "./client.ts";
import { auditLog } from "./schema.ts";

export interface Actor {
  readonly userId: number | null;
  /** Who, readable: a username, or "hệ thống"/"dòng lệnh" for the CLI and seeding. */
  readonly label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "hệ thống" };
export const CLI_ACTOR: Actor = { userId: null, label: "dòng lệnh" };

export interface AuditEntryInput {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly orgId?: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export const GENESIS_HASH = "0".repeat(64);

/** Canonical JSON: object keys sorted, so the hash does not depend on key order in jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  readonly id: number;
  readonly at: Date;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly orgId: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
}

/** A plain entry's `hash` (entries written before the log had a key). */
export function hashAuditEntry(e: HashedFields): string {
  return createHash("sha256").update(auditContent(e)).digest("hex");
}

export const KEYED_PREFIX = "k1:";
export const KEY_START_ACTION = "audit.key_start";

function auditContent(e: HashedFields): string {
  return canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    orgId: e.orgId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  });
}

/** A keyed entry's `hash`: cannot be recomputed without the key. */
export function macAuditEntry(key: AuditKey, e: HashedFields): string {
  return KEYED_PREFIX + createHmac("sha256", key.secret).update(auditContent(e)).digest("hex");
}

export function isKeyedHash(hash: string): boolean {
  return hash.startsWith(KEYED_PREFIX);
}

/**
 * The key this process appends with (set once when a command opens its database; see
 * `openAuditKey`). Null: plain entries (tests' throwaway databases, and logs that never had a key).
 */
let processKey: AuditKey | null = null;

export function setAuditKey(key: AuditKey | null): void {
  processKey = key;
}

export function currentAuditKey(): AuditKey | null {
  return processKey;
}

/** JSON values as jsonb will give them back (dates become strings), so the hash verifies later. */
function asStored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Appends entries in order, inside the caller's transaction. */
export async function appendAudit(tx: Db, actor: Actor, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
  const last = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  let nextId = (last[0]?.id ?? 0) + 1;
  const key = processKey;
  // A plain entry after a keyed one would read as a rewrite: a process without the key must not write.
  if (!key && isKeyedHash(prevHash))
    throw new Error(
      "Nhật ký thay đổi đã dùng khóa nhưng tiến trình này không có khóa nhật ký (DAIHOI_AUDIT_KEY hoặc tệp daihoi-audit.key); không ghi gì.",
    );
  // Whole milliseconds: timestamptz keeps microseconds, Date keeps milliseconds; hash what is stored.
  const at = new Date(Math.floor(Date.now()));
  const rows = entries.map((e) => {
    const fields: HashedFields = {
      id: nextId++,
      at,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: e.action,
      entity: e.entity,
      entityId: String(e.entityId),
      orgId: e.orgId ?? null,
      before: asStored(e.before),
      after: asStored(e.after),
      prevHash,
    };
    const hash = key ? macAuditEntry(key, fields) : hashAuditEntry(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  // One JSON parameter per batch: bulk loads append tens of thousands of entries.
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = JSON.stringify(rows.slice(i, i + 5000).map((r) => ({ ...r, at: r.at.toISOString() })));
    await tx.execute(sql`
      insert into audit_log (id, at, actor_id, actor_label, action, entity, entity_id, org_id, before, after, prev_hash, hash)
      overriding system value
      select x.id, x.at::timestamptz, x."actorId", x."actorLabel", x.action, x.entity, x."entityId", x."orgId",
             x.before, x.after, x."prevHash", x.hash
        from json_to_recordset(${batch}::json)
          as x(id bigint, at text, "actorId" int, "actorLabel" text, action text, entity text, "entityId" text,
               "orgId" int, before jsonb, after jsonb, "prevHash" text, hash text)`);
  }
  // Keep the identity sequence ahead of the ids chosen here.
  await tx.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${nextId - 1})`);
}

export interface AuditAnchor {
  /** The newest entry's number when the anchor was taken (0: the log was empty). */
  readonly id: number;
  /** The first 16 hex digits of that entry's hash (without "k1:"), lower case. */
  readonly hashPrefix: string;
}

/** "1234-9F3A-21C0-77DE-04B1": short enough to print on a page and type back. */
export function formatAuditAnchor(a: AuditAnchor): string {
  const h = a.hashPrefix.toUpperCase();
  return `${a.id}-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}`;
}

/** Parses an anchor as printed (spaces and case do not matter); null if it is not one. */
export function parseAuditAnchor(text: string): AuditAnchor | null {
  const m = /^(\d{1,15})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})$/i.exec(
    text.replace(/\s+/g, ""),
  );
  if (!m) return null;
  return { id: Number(m[1]), hashPrefix: `${m[2]}${m[3]}${m[4]}${m[5]}`.toLowerCase() };
}

function anchorOf(id: number, hash: string): AuditAnchor {
  return { id, hashPrefix: (isKeyedHash(hash) ? hash.slice(KEYED_PREFIX.length) : hash).slice(0, 16) };
}

/** The anchor of the log's head now. */
export async function currentAuditAnchor(db: Db): Promise<AuditAnchor> {
  const last = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last[0] ? anchorOf(last[0].id, last[0].hash) : anchorOf(0, GENESIS_HASH);
}

/** The printed form of the head's anchor ("Mã kiểm tra nhật ký: …" on minutes, reports, count files). */
export async function currentAuditAnchorText(db: Db): Promise<string> {
  return formatAuditAnchor(await currentAuditAnchor(db));
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      /** The first keyed entry's number; null when the log has none (never had a key). */
      readonly keyedFrom: number | null;
    }
  | { readonly ok: false; readonly entries: number; readonly firstBadId: number; readonly reason: string };

export interface VerifyOptions {
  /** The audit key; without it keyed entries cannot be checked and verification fails. */
  readonly key?: AuditKey | null;
  /** A head printed earlier: that entry must still be there, unchanged. */
  readonly anchor?: AuditAnchor | null;
  readonly batchSize?: number;
}

/**
 * Walks the chain in id order and reports the first entry that does not verify: a gap in the
 * numbers (deleted entries), a broken link, edited content, a plain entry after a keyed one (a
 * rewrite with the unkeyed function), a keyed entry whose code the key does not give, and — with an
 * anchor — the anchored entry missing (newest entries deleted) or different (rewritten).
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<AuditVerification> {
  const key = options.key ?? null;
  const anchor = options.anchor ?? null;
  const batchSize = options.batchSize ?? 5000;
  const fingerprint = key ? auditKeyFingerprint(key) : null;
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let lastId = 0;
  let count = 0;
  let keyedFrom: number | null = null;
  const bad = (firstBadId: number, reason: string): AuditVerification => ({
    ok: false,
    entries: count,
    firstBadId,
    reason,
  });
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      count++;
      if (row.id !== expectedId) return bad(expectedId, `mục số ${expectedId} bị xóa hoặc đảo thứ tự`);
      if (row.prevHash !== prevHash) return bad(row.id, `mục số ${row.id} không nối đúng với mục trước`);
      const fields = { ...row, before: row.before, after: row.after };
      if (isKeyedHash(row.hash)) {
        if (keyedFrom === null) {
          keyedFrom = row.id;
          if (!key)
            return bad(
              row.id,
              `từ mục số ${row.id} nhật ký có khóa nhưng không tìm thấy khóa nhật ký để kiểm tra`,
            );
          const named = (row.after as { fingerprint?: unknown } | null)?.fingerprint;
          if (row.action === KEY_START_ACTION && typeof named === "string" && named !== fingerprint)
            return bad(
              row.id,
              `khóa nhật ký đang dùng (mã ${fingerprint}) không phải khóa đã ghi nhật ký (mã ${named})`,
            );
        }
        if (!key || macAuditEntry(key, fields) !== row.hash)
          return bad(row.id, `nội dung mục số ${row.id} đã bị sửa (mã khóa không khớp)`);
      } else {
        if (keyedFrom !== null)
          return bad(
            row.id,
            `mục số ${row.id} không có khóa dù nhật ký đã có khóa từ mục số ${keyedFrom}: nhật ký đã bị ghi lại`,
          );
        if (hashAuditEntry(fields) !== row.hash) return bad(row.id, `nội dung mục số ${row.id} đã bị sửa`);
      }
      if (anchor && row.id === anchor.id && anchorOf(row.id, row.hash).hashPrefix !== anchor.hashPrefix)
        return bad(
          row.id,
          `mục số ${row.id} khác với lúc lấy mã kiểm tra ${formatAuditAnchor(anchor)}: nhật ký đã bị ghi lại`,
        );
      prevHash = row.hash;
      expectedId++;
      lastId = row.id;
    }
  }
  if (anchor && anchor.id > lastId)
    return bad(
      lastId + 1,
      `mã kiểm tra ${formatAuditAnchor(anchor)} ghi nhật ký có ${anchor.id} mục nhưng nay chỉ còn ${lastId}: các mục mới nhất đã bị xóa`,
    );
  if (anchor && anchor.id === 0 && anchor.hashPrefix !== GENESIS_HASH.slice(0, 16))
    return bad(0, `mã kiểm tra ${formatAuditAnchor(anchor)} không đúng`);
  if (key && keyedFrom === null && count > 0)
    return bad(
      1,
      "đã có khóa nhật ký nhưng không mục nào có khóa: nhật ký có thể đã bị ghi lại toàn bộ bằng hàm băm không khóa",
    );
  return { ok: true, entries: count, keyedFrom };
}

async function firstKeyedEntry(db: Db) {
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(sql`${auditLog.hash} like ${`${KEYED_PREFIX}%`}`)
    .orderBy(asc(auditLog.id))
    .limit(1);
  return rows[0];
}

export type AuditKeyMode = "create" | "load";

/**
 * Gives this process its audit key when a command opens the database. "create" (every command that
 * may write): makes the key file if the log has no keyed entry and no key is configured yet, and
 * starts the keyed part of the chain with the marker entry. Refuses (a Vietnamese message) when the
 * log is keyed but no key is found, or the key found is not the one the log was written with.
 * "load" (verify, backup): reads the key if there is one, changes nothing.
 */
export async function openAuditKey(
  database: Database,
  mode: AuditKeyMode,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AuditKey | null> {
  let key = loadAuditKey(database.config, env);
  if (mode === "load") {
    setAuditKey(key);
    return key;
  }
  const db = database.db;
  const marker = await firstKeyedEntry(db);
  if (marker) {
    if (!key)
      throw new Error(
        `Nhật ký thay đổi đã dùng khóa từ mục số ${marker.id} nhưng không tìm thấy khóa nhật ký (${auditKeyWhere(database.config, env)}). ` +
          "Hãy chép lại tệp khóa từ bản sao lưu của nó; không có khóa thì không ghi tiếp được nhật ký.",
      );
    const named = (marker.after as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof named === "string" && named !== auditKeyFingerprint(key))
      throw new Error(
        `Khóa nhật ký ở ${key.source} (mã ${auditKeyFingerprint(key)}) không phải khóa đã ghi nhật ký này (mã ${named}). ` +
          "Hãy dùng đúng tệp khóa của cơ sở dữ liệu này.",
      );
    setAuditKey(key);
    return key;
  }
  if (!key) {
    try {
      key = createAuditKeyFile(database.config, env);
    } catch (e) {
      // Another process created it a moment ago: use that one.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      key = loadAuditKey(database.config, env)!;
    }
  }
  setAuditKey(key);
  const fingerprint = auditKeyFingerprint(key);
  await db.transaction(async (tx) => {
    // Under the append lock: two processes starting at once write one marker.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    if (await firstKeyedEntry(tx)) return;
    await appendAudit(tx, { userId: null, label: "hệ thống" }, [
      { action: KEY_START_ACTION, entity: "audit_key", entityId: fingerprint, after: { fingerprint } },
    ]);
  });
  return key;
}
