import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { SMALL_PROVINCE, seedSmallProvince } from "../../test/factories.ts";
import { DEFAULT_KINDS, DEFAULT_LEVELS } from "../../test/fixtures/hierarchy.ts";
import { type Actor, verifyAuditChain } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { auditLog, organisation } from "../db/schema.ts";
import { createOrg, dissolveOrg, moveOrg, updateOrg } from "./organisations/change.ts";
import { loadHierarchy } from "./organisations/common.ts";
import { importOrgs } from "./organisations/import.ts";

const officer: Actor = { userId: null, label: "cán bộ kiểm thử" };
let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  ids = await seedSmallProvince(db);
});
afterAll(async () => t.cleanup());

const pathOf = async (code: string) => (await repo.findOrgByCode(db, ALL_SCOPE, code))!.path;
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

describe("the stored hierarchy", () => {
  it("is the one the pure tests use (migration 0002 = test fixture)", async () => {
    const h = await loadHierarchy(db);
    expect([...h.levels.values()].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...DEFAULT_LEVELS].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect([...h.kinds.values()].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...DEFAULT_KINDS].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it("stores materialised paths and depths that match the parents", async () => {
    const rows = await db
      .select({
        id: organisation.id,
        parentId: organisation.parentId,
        path: organisation.path,
        depth: organisation.depth,
      })
      .from(organisation);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const parent = r.parentId === null ? null : byId.get(r.parentId)!;
      expect(r.path).toBe(parent ? `${parent.path}.${r.id}` : String(r.id));
      expect(r.depth).toBe(parent ? parent.depth + 1 : 0);
    }
    expect(rows).toHaveLength(SMALL_PROVINCE.length);
  });
});

describe("createOrg", () => {
  it("creates under a legal parent and audits it", async () => {
    const before = await auditCount();
    const r = await createOrg(db, officer, ALL_SCOPE, {
      code: "QN.HL.HONGGAI.KP3",
      name: "Chi bộ  khu phố 3 ",
      level: "branch",
      kind: "village",
      parentId: id("QN.HL.HONGGAI"),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      code: "QN.HL.HONGGAI.KP3",
      name: "Chi bộ khu phố 3",
      depth: 3,
      path: `${await pathOf("QN.HL.HONGGAI")}.${r.value.id}`,
    });
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(r.value.id)));
    expect(entry).toMatchObject({
      action: "org.create",
      entity: "organisation",
      actorLabel: "cán bộ kiểm thử",
      before: null,
    });
    expect((entry!.after as { name: string }).name).toBe("Chi bộ khu phố 3");
  });

  it("refuses a grassroots organisation under a branch, a taken code, and writes nothing", async () => {
    const before = await auditCount();
    const wrong = await createOrg(db, officer, ALL_SCOPE, {
      code: "QN.BAD",
      name: "Sai",
      level: "grassroots_committee",
      kind: "agency",
      parentId: id("QN.HL.HONGGAI.KP1"),
    });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: "ORG_RULE",
        status: 422,
        message:
          "Đảng bộ cơ sở không thể trực thuộc Chi bộ trực thuộc (chỉ trực thuộc Đảng bộ trực thuộc Tỉnh ủy hoặc Đảng bộ tỉnh)",
        details: { rule: "parent_wrong_level" },
      },
    });
    const taken = await createOrg(db, officer, ALL_SCOPE, {
      code: "QN.HL",
      name: "Trùng",
      level: "district_level",
      kind: "city",
      parentId: id("QN"),
    });
    expect(taken.ok ? null : taken.error.code).toBe("ORG_CODE_TAKEN");
    expect(await auditCount()).toBe(before);
  });

  it("refuses what lies outside the caller's scope as not found", async () => {
    const cpScope = { kind: "subtrees" as const, paths: [await pathOf("QN.CP")] };
    const r = await createOrg(db, officer, cpScope, {
      code: "QN.HL.NEW",
      name: "Mới",
      level: "grassroots_committee",
      kind: "ward",
      parentId: id("QN.HL"),
    });
    expect(r.ok ? null : r.error.code).toBe("NOT_FOUND");
  });
});

describe("moveOrg", () => {
  it("moves a subtree and rewrites every descendant's path and depth", async () => {
    // Hồng Gai (with its branches) from Hạ Long to Cẩm Phả.
    const r = await moveOrg(db, officer, ALL_SCOPE, id("QN.HL.HONGGAI"), id("QN.CP"));
    expect(r.ok).toBe(true);
    const cp = await pathOf("QN.CP");
    expect(await pathOf("QN.HL.HONGGAI")).toBe(`${cp}.${id("QN.HL.HONGGAI")}`);
    expect(await pathOf("QN.HL.HONGGAI.KP1")).toBe(`${cp}.${id("QN.HL.HONGGAI")}.${id("QN.HL.HONGGAI.KP1")}`);
    const kp1 = (await repo.findOrgByCode(db, ALL_SCOPE, "QN.HL.HONGGAI.KP1"))!;
    expect(kp1.depth).toBe(3);
    // And back, so later tests see the original tree.
    expect((await moveOrg(db, officer, ALL_SCOPE, id("QN.HL.HONGGAI"), id("QN.HL"))).ok).toBe(true);
  });

  it("refuses moving under its own descendant and to a wrong level", async () => {
    const cycle = await moveOrg(db, officer, ALL_SCOPE, id("QN.HL"), id("QN.HL.HONGGAI"));
    expect(cycle.ok ? null : cycle.error.details).toEqual({ rule: "cycle" });
    const level = await moveOrg(db, officer, ALL_SCOPE, id("QN.HL.HONGGAI.KP1"), id("QN.CP.TRUONG"));
    expect(level.ok ? null : level.error.message).toBe(
      "Chi bộ trực thuộc không thể trực thuộc Chi bộ cơ sở (chỉ trực thuộc Đảng bộ cơ sở hoặc Đảng bộ bộ phận)",
    );
  });
});

describe("updateOrg and dissolveOrg", () => {
  it("renames, keeping the search key in step", async () => {
    const r = await updateOrg(db, officer, ALL_SCOPE, id("QN.CP.CONGHOA"), { name: "Đảng bộ xã Cộng Hoà" });
    expect(r.ok).toBe(true);
    const found = await repo.searchOrgs(db, ALL_SCOPE, { foldedQuery: "cong hoa", limit: 10, offset: 0 });
    expect(found.items.map((i) => i.code)).toEqual(["QN.CP.CONGHOA"]);
  });

  it("refuses to dissolve an organisation with active children, then dissolves a leaf", async () => {
    const busy = await dissolveOrg(db, officer, ALL_SCOPE, id("QN.HL.BACHDANG"), {
      date: "2025-07-01",
      reason: "Sáp nhập",
    });
    expect(busy.ok ? null : busy.error.message).toBe(
      'Không thể giải thể "Đảng bộ phường Bạch Đằng": còn 1 đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể các đơn vị đó trước',
    );
    const leaf = await dissolveOrg(db, officer, ALL_SCOPE, id("QN.HL.BACHDANG.KP1"), {
      date: "2025-07-01",
      reason: "Sáp nhập khu phố",
    });
    expect(leaf.ok ? leaf.value.dissolvedOn : null).toBe("2025-07-01");
    const again = await updateOrg(db, officer, ALL_SCOPE, id("QN.HL.BACHDANG.KP1"), { name: "X" });
    expect(again.ok ? null : again.error.code).toBe("ORG_DISSOLVED");
    const children = await repo.listChildren(db, ALL_SCOPE, id("QN.HL.BACHDANG"), false);
    expect(children).toEqual([]);
  });
});

describe("importOrgs", () => {
  it("writes nothing when any row is bad", async () => {
    const count = await repo.countOrgs(db);
    const audits = await auditCount();
    const r = await importOrgs(
      db,
      officer,
      [
        {
          rowNumber: 2,
          row: {
            code: "QN.NEW1",
            name: "Đảng bộ mới",
            level: "district_level",
            kind: "district",
            parentCode: "QN",
          },
        },
        {
          rowNumber: 3,
          row: { code: "QN.NEW2", name: "Sai cấp", level: "branch", kind: "agency", parentCode: "QN" },
        },
      ],
      { dryRun: false },
    );
    expect(r.ok ? null : r.error.map((i) => [i.rowNumber, i.rule])).toEqual([[3, "parent_wrong_level"]]);
    expect(await repo.countOrgs(db)).toBe(count);
    expect(await auditCount()).toBe(audits);
  });

  it("is idempotent: the same rows again change nothing and add no audit entries", async () => {
    const audits = await auditCount();
    const again = await importOrgs(
      db,
      officer,
      SMALL_PROVINCE.slice(0, 4).map((row, i) => ({ rowNumber: i + 2, row })),
      { dryRun: false, effectiveOn: "2026-03-02" },
    );
    expect(again.ok ? again.value : null).toEqual({
      dryRun: false,
      rows: 4,
      created: 0,
      updated: 0,
      unchanged: 4,
      villages: 0,
      withoutFoundingDay: 0,
      foundingDay: "2026-03-02",
    });
    expect(await auditCount()).toBe(audits);
  });

  it("moves an existing organisation when the file gives it a new parent", async () => {
    const row = SMALL_PROVINCE.find((r) => r.code === "QN.CP.TRUONG")!;
    const r = await importOrgs(db, officer, [{ rowNumber: 2, row: { ...row, parentCode: "QN.HL" } }], {
      dryRun: false,
    });
    expect(r.ok ? r.value.updated : null).toBe(1);
    expect(await pathOf("QN.CP.TRUONG")).toBe(`${await pathOf("QN.HL")}.${id("QN.CP.TRUONG")}`);
  });
});

describe("the audit chain", () => {
  it("verifies after all these writes", async () => {
    const v = await verifyAuditChain(db);
    expect(v.ok).toBe(true);
    expect(v.entries).toBe(await auditCount());
  });
});
