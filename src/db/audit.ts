/**
 * The audit log: append-only and hash-chained. Each entry's hash covers its content and the
 * previous entry's hash, so editing, deleting or reordering any entry breaks the chain from there
 * on. Writers append inside their own transaction, under a transaction-level advisory lock so that
 * concurrent transactions chain in commit order.
 */
import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
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

export function hashAuditEntry(e: HashedFields): string {
  const content = canonicalJson({
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
  return createHash("sha256").update(content).digest("hex");
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
    const hash = hashAuditEntry(fields);
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

export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly firstBadId: number; readonly reason: string };

/** Walks the chain in id order and reports the first entry that does not verify. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (batch.length === 0) return { ok: true, entries: count };
    for (const row of batch) {
      count++;
      if (row.id !== expectedId) {
        return {
          ok: false,
          entries: count,
          firstBadId: expectedId,
          reason: `mục số ${expectedId} bị xóa hoặc đảo thứ tự`,
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          entries: count,
          firstBadId: row.id,
          reason: `mục số ${row.id} không nối đúng với mục trước`,
        };
      }
      const hash = hashAuditEntry({ ...row, before: row.before, after: row.after });
      if (hash !== row.hash) {
        return {
          ok: false,
          entries: count,
          firstBadId: row.id,
          reason: `nội dung mục số ${row.id} đã bị sửa`,
        };
      }
      prevHash = row.hash;
      expectedId++;
      lastId = row.id;
    }
  }
}
