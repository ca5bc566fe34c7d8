import { asc, eq, gte, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import {
  appendAudit,
  canonicalJson,
  currentAuditAnchor,
  formatAuditAnchor,
  GENESIS_HASH,
  hashAuditEntry,
  openAuditKey,
  parseAuditAnchor,
  setAuditKey,
  verifyAuditChain,
} from "./audit.ts";
import type { AuditKey } from "./audit-key.ts";
import { auditLog } from "./schema.ts";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  const actor = { userId: null, label: "kiểm thử" };
  await t.database.db.transaction(async (tx) => {
    await appendAudit(tx, actor, [
      {
        action: "org.create",
        entity: "organisation",
        entityId: 1,
        orgId: 1,
        before: null,
        after: { name: "Đảng bộ tỉnh Quảng Ninh", at: new Date("2020-01-05T00:00:00Z") },
      },
      {
        action: "org.create",
        entity: "organisation",
        entityId: 2,
        orgId: 2,
        before: null,
        after: { name: "Đảng bộ thành phố Hạ Long" },
      },
    ]);
  });
  await t.database.db.transaction(async (tx) => {
    await appendAudit(tx, actor, [
      {
        action: "org.update",
        entity: "organisation",
        entityId: 2,
        orgId: 2,
        before: { name: "Đảng bộ thành phố Hạ Long" },
        after: { name: "Đảng bộ TP Hạ Long" },
      },
    ]);
  });
});
afterEach(async () => {
  setAuditKey(null);
  await t.cleanup();
});

describe("canonicalJson", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});

describe("verifyAuditChain", () => {
  it("accepts an untouched chain across transactions", async () => {
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: 3, keyedFrom: null });
  });

  it("names the first entry whose content was edited in SQL", async () => {
    await t.database.db.execute(
      sql`update audit_log set after = '{"name":"Đảng bộ giả mạo"}'::jsonb where id = 2`,
    );
    expect(await verifyAuditChain(t.database.db)).toEqual({
      ok: false,
      entries: 2,
      firstBadId: 2,
      reason: "nội dung mục số 2 đã bị sửa",
    });
  });

  it("names a deleted entry", async () => {
    await t.database.db.delete(auditLog).where(eq(auditLog.id, 2));
    expect(await verifyAuditChain(t.database.db)).toEqual({
      ok: false,
      entries: 2,
      firstBadId: 2,
      reason: "mục số 2 bị xóa hoặc đảo thứ tự",
    });
  });

  it("names an entry whose actor was rewritten, even with its hash recomputed but not the next link", async () => {
    await t.database.db.execute(sql`update audit_log set actor_label = 'người khác' where id = 1`);
    const v = await verifyAuditChain(t.database.db);
    expect(v.ok ? null : v.firstBadId).toBe(1);
  });
});

/**
 * Issue 20, item 6: a plain hash chain let anyone who can write to the database delete the newest
 * entries, or edit one and recompute every later hash with the product's own function, unnoticed.
 */
describe("the keyed chain and its anchor", () => {
  const SECRET = "a".repeat(64);
  const env = { DAIHOI_AUDIT_KEY: SECRET };
  const key: AuditKey = { secret: Buffer.from(SECRET), source: "DAIHOI_AUDIT_KEY" };
  const actor = { userId: null, label: "kiểm thử" };

  /** Three plain entries (beforeEach), then the key's marker (4) and two keyed entries (5, 6). */
  async function keyedLog(): Promise<void> {
    await openAuditKey(t.database, "create", env);
    for (const name of ["Đảng bộ xã Tân Dân", "Đảng bộ xã Đồng Lâm"]) {
      await t.database.db.transaction(async (tx) => {
        await appendAudit(tx, actor, [
          { action: "org.update", entity: "organisation", entityId: 2, orgId: 2, after: { name } },
        ]);
      });
    }
  }

  /** What an attacker with the database but not the key does: edit, then re-chain with hashAuditEntry. */
  async function rewriteFrom(
    id: number,
    edit: (row: typeof auditLog.$inferSelect) => void,
    until = Number.MAX_SAFE_INTEGER,
  ): Promise<void> {
    const db = t.database.db;
    const prev = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.id, id - 1));
    let prevHash = prev[0]?.hash ?? GENESIS_HASH;
    const rows = await db.select().from(auditLog).where(gte(auditLog.id, id)).orderBy(asc(auditLog.id));
    for (const row of rows) {
      if (row.id > until) {
        // The first keyed entry cannot be recomputed: relink it and hope.
        await db.update(auditLog).set({ prevHash }).where(eq(auditLog.id, row.id));
        break;
      }
      if (row.id === id) edit(row);
      const hash = hashAuditEntry({ ...row, prevHash });
      await db
        .update(auditLog)
        .set({ actorLabel: row.actorLabel, after: row.after, prevHash, hash })
        .where(eq(auditLog.id, row.id));
      prevHash = hash;
    }
  }

  it("keys every entry from the marker on, and an untouched log verifies with its anchor", async () => {
    await keyedLog();
    const anchor = await currentAuditAnchor(t.database.db);
    expect(anchor.id).toBe(6);
    expect(await verifyAuditChain(t.database.db, { key, anchor })).toEqual({
      ok: true,
      entries: 6,
      keyedFrom: 4,
    });
    const rows = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.hash.startsWith("k1:"))).toEqual([false, false, false, true, true, true]);
    expect(rows[3]!.action).toBe("audit.key_start");
  });

  it("detects the newest entries deleted, given an anchor taken before", async () => {
    await keyedLog();
    const anchor = await currentAuditAnchor(t.database.db);
    await t.database.db.delete(auditLog).where(gte(auditLog.id, 5));
    // Without the anchor a cut at the end cannot be seen: that is what the anchor is for.
    expect((await verifyAuditChain(t.database.db, { key })).ok).toBe(true);
    const v = await verifyAuditChain(t.database.db, { key, anchor });
    expect(v.ok).toBe(false);
    expect(v.ok ? "" : v.reason).toBe(
      `mã kiểm tra ${formatAuditAnchor(anchor)} ghi nhật ký có 6 mục nhưng nay chỉ còn 4: các mục mới nhất đã bị xóa`,
    );
  });

  it("detects a keyed entry edited and every later hash recomputed with the product's own function", async () => {
    await keyedLog();
    await rewriteFrom(5, (row) => {
      row.after = { name: "Đảng bộ giả mạo" };
    });
    const v = await verifyAuditChain(t.database.db, { key });
    expect(v).toMatchObject({ ok: false, firstBadId: 5 });
    expect(v.ok ? "" : v.reason).toMatch(/mục số 5 không có khóa dù nhật ký đã có khóa từ mục số 4/);
  });

  it("detects a plain entry before the key edited and the chain recomputed, up to the first keyed entry", async () => {
    await keyedLog();
    await rewriteFrom(
      2,
      (row) => {
        row.actorLabel = "người khác";
      },
      3,
    );
    const v = await verifyAuditChain(t.database.db, { key });
    expect(v.ok).toBe(false);
    expect(v).toMatchObject({
      ok: false,
      firstBadId: 4,
      reason: "nội dung mục số 4 đã bị sửa (mã khóa không khớp)",
    });
  });

  it("detects the whole log rewritten without keys, and a rewrite that imitates the keyed form", async () => {
    await keyedLog();
    await rewriteFrom(1, () => {});
    const v = await verifyAuditChain(t.database.db, { key });
    expect(v.ok ? "" : v.reason).toMatch(/không mục nào có khóa/);

    await t.database.db.execute(
      sql`update audit_log set hash = 'k1:' || hash, prev_hash = 'k1:' || prev_hash where id >= 4`,
    );
    await t.database.db.execute(sql`update audit_log set prev_hash = substr(prev_hash, 4) where id = 4`);
    const w = await verifyAuditChain(t.database.db, { key });
    expect(w).toMatchObject({ ok: false, firstBadId: 4 });
  });

  it("detects a rewrite anchored earlier even where the rewritten part verifies on its own", async () => {
    // No key ever: the chain is plain; the anchor still proves the anchored entry is unchanged.
    const anchor = await currentAuditAnchor(t.database.db);
    await rewriteFrom(3, (row) => {
      row.after = { name: "Đảng bộ giả mạo" };
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const v = await verifyAuditChain(t.database.db, { anchor });
    expect(v.ok ? "" : v.reason).toMatch(/mục số 3 khác với lúc lấy mã kiểm tra/);
  });

  it("fails without the key or with another key, and a process without the key cannot append", async () => {
    await keyedLog();
    const none = await verifyAuditChain(t.database.db, { key: null });
    expect(none.ok ? "" : none.reason).toMatch(/từ mục số 4 nhật ký có khóa nhưng không tìm thấy khóa/);
    const other: AuditKey = { secret: Buffer.from("b".repeat(64)), source: "x" };
    const wrong = await verifyAuditChain(t.database.db, { key: other });
    expect(wrong.ok ? "" : wrong.reason).toMatch(/không phải khóa đã ghi nhật ký/);
    await expect(openAuditKey(t.database, "create", { DAIHOI_AUDIT_KEY: "b".repeat(64) })).rejects.toThrow(
      /không phải khóa đã ghi nhật ký này/,
    );
    setAuditKey(null);
    await expect(
      t.database.db.transaction((tx) =>
        appendAudit(tx, actor, [{ action: "org.update", entity: "organisation", entityId: 2 }]),
      ),
    ).rejects.toThrow(/không có khóa nhật ký/);
  });

  it("prints and reads anchors", () => {
    const a = { id: 1234, hashPrefix: "9f3a21c077de04b1" };
    expect(formatAuditAnchor(a)).toBe("1234-9F3A-21C0-77DE-04B1");
    expect(parseAuditAnchor(" 1234-9f3a-21c0-77de-04b1 ")).toEqual(a);
    expect(parseAuditAnchor("1234-9F3A")).toBeNull();
  });
});
