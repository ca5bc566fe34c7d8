import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { appendAudit, canonicalJson, verifyAuditChain } from "./audit.ts";
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
afterEach(async () => t.cleanup());

describe("canonicalJson", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});

describe("verifyAuditChain", () => {
  it("accepts an untouched chain across transactions", async () => {
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: 3 });
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
