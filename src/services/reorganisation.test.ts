/**
 * Mergers and splits on a day: figures before the day never move, figures after follow the new
 * tree, and the incremental roll-up equals both the naive computation over the dated versions and
 * a rebuild, at several days around each change.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { seedSmallProvince, seedSmallSeason } from "../../test/factories.ts";
import { type Actor, verifyAuditChain } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { listSuccessions } from "../db/repositories/org-history.ts";
import { countOrgs, orgIdsByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { changeCongress, getProgress, getProgressNaive, rebuildRollup } from "./congresses/index.ts";
import { listOrgChildren } from "./organisations/read.ts";
import { mergeOrgs } from "./reorganisation/merge.ts";
import { importReorganisationFile } from "./reorganisation/plan.ts";
import { splitOrg } from "./reorganisation/split.ts";

const officer: Actor = { userId: null, label: "cán bộ kiểm thử" };
let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
let seasonId: number;
const id = (code: string) => ids.get(code)!;
const LEVELS = ["branch", "grassroots", "district_level"];

async function hold(code: string, day: string) {
  for (const change of [
    {
      kind: "plan" as const,
      plan: {
        type: "members" as const,
        pilot: false,
        plannedStart: day,
        plannedEnd: day,
        venue: null,
        contactName: null,
        contactPhone: null,
      },
    },
    {
      kind: "event" as const,
      event: {
        type: "hold" as const,
        actualStart: day,
        actualEnd: day,
        contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"] as const,
        committeeAppointed: false,
        convened: 30,
        present: 28,
      },
    },
  ]) {
    const r = await changeCongress(db, officer, ALL_SCOPE, seasonId, id(code), change as never, "2020-12-31");
    if (!r.ok) throw new Error(r.error.message);
  }
}

const progress = async (code: string, level: string, asOf: string) => {
  const r = await getProgress(db, ALL_SCOPE, { seasonId, orgId: id(code), level, asOf });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

async function expectExact(codes: string[], days: string[]) {
  for (const code of codes)
    for (const level of LEVELS)
      for (const asOf of days) {
        const naive = await getProgressNaive(db, { seasonId, orgId: id(code), level, asOf });
        expect({ ...(await progress(code, level, asOf)), code }).toEqual({ ...naive, code });
      }
  const rows = async () =>
    (
      (await db.execute(
        sql`select ancestor_id, level_code, org_level, org_kind, metric, day::text, n from congress_rollup
             where season_id = ${seasonId} order by 1, 2, 3, 4, 5, 6`,
      )) as unknown as { rows: unknown[] }
    ).rows;
  const incremental = await rows();
  await rebuildRollup(db, seasonId);
  expect(await rows()).toEqual(incremental);
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  ids = await seedSmallProvince(db);
  seasonId = await seedSmallSeason(db, ids);
  await hold("QN.HL.HONGGAI.KP1", "2020-01-10");
  await hold("QN.HL.HONGGAI.KP2", "2020-01-11");
  await hold("QN.HL.BACHDANG.KP1", "2020-01-12");
  await hold("QN.HL.HONGGAI", "2020-04-10");
  await hold("QN.HL.BACHDANG", "2020-04-20");
}, 120_000);
afterAll(async () => t.cleanup());

describe("a merger of two wards into a new one on 01/06/2021", () => {
  it("leaves 2020 as it was, counts the new ward from the day, links the predecessors", async () => {
    const before2020 = await progress("QN.HL", "grassroots", "2020-12-31");
    expect([before2020.held, before2020.total]).toEqual([2, 2]);
    const r = await mergeOrgs(db, officer, ALL_SCOPE, {
      sourceIds: [id("QN.HL.HONGGAI"), id("QN.HL.BACHDANG")],
      target: {
        create: {
          code: "QN.HL.HONGGAI2",
          name: "Đảng bộ phường Hồng Gai (mới)",
          level: "grassroots_committee",
          kind: "ward",
          parentId: id("QN.HL"),
        },
      },
      effectiveOn: "2021-06-01",
    });
    expect(r.ok ? null : r.error).toBeNull();
    ids = await orgIdsByCode(db);
    expect(await progress("QN.HL", "grassroots", "2020-12-31")).toEqual(before2020);
    const after = await progress("QN.HL", "grassroots", "2021-06-01");
    // One ward, without a congress of its own yet; its three branches keep their 2020 congresses.
    expect([after.held, after.total]).toEqual([0, 1]);
    const branches = await progress("QN.HL.HONGGAI2", "branch", "2021-06-01");
    expect([branches.held, branches.total]).toEqual([3, 3]);
    expect((await progress("QN.HL.HONGGAI2", "branch", "2021-05-31")).total).toBe(0);
    const links = await listSuccessions(db, id("QN.HL.HONGGAI2"));
    expect(links.map((l) => [l.predecessorId, l.operation, l.day]).sort()).toEqual(
      [
        [id("QN.HL.HONGGAI"), "merge", "2021-06-01"],
        [id("QN.HL.BACHDANG"), "merge", "2021-06-01"],
      ].sort(),
    );
    const old = await listOrgChildren(db, ALL_SCOPE, id("QN.HL.HONGGAI"), false, "2021-05-31");
    expect(old.ok && old.value.map((c) => c.code).sort()).toEqual(["QN.HL.HONGGAI.KP1", "QN.HL.HONGGAI.KP2"]);
    await expectExact(
      ["QN", "QN.HL", "QN.HL.HONGGAI", "QN.HL.HONGGAI2"],
      ["2020-01-11", "2020-12-31", "2021-05-31", "2021-06-01", "2022-01-01"],
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 120_000);
});

describe("a split of the new ward on 01/01/2022", () => {
  it("refuses a split that leaves a branch unassigned or comes before the latest change, changing nothing", async () => {
    const parts = (childIds: number[][]) =>
      [
        { code: "QN.HL.A", name: "Đảng bộ phường A", level: "grassroots_committee", kind: "ward" },
        { code: "QN.HL.B", name: "Đảng bộ phường B", level: "grassroots_committee", kind: "ward" },
      ].map((p, i) => ({ ...p, parentId: id("QN.HL"), childIds: childIds[i]! }));
    const unassigned = await splitOrg(db, officer, ALL_SCOPE, {
      sourceId: id("QN.HL.HONGGAI2"),
      parts: parts([[id("QN.HL.HONGGAI.KP1")], [id("QN.HL.HONGGAI.KP2")]]),
      effectiveOn: "2022-01-01",
    });
    expect(unassigned.ok ? null : unassigned.error.message).toContain("Chưa giao 1 đơn vị trực thuộc");
    const early = await splitOrg(db, officer, ALL_SCOPE, {
      sourceId: id("QN.HL.HONGGAI2"),
      parts: parts([[id("QN.HL.HONGGAI.KP1"), id("QN.HL.BACHDANG.KP1")], [id("QN.HL.HONGGAI.KP2")]]),
      effectiveOn: "2021-01-01",
    });
    expect(early.ok).toBe(false);
    expect((await orgIdsByCode(db)).has("QN.HL.A")).toBe(false);
  });

  it("assigns the branches, ends the ward, links the parts", async () => {
    const before = await progress("QN.HL", "branch", "2021-12-31");
    const r = await splitOrg(db, officer, ALL_SCOPE, {
      sourceId: id("QN.HL.HONGGAI2"),
      parts: [
        {
          code: "QN.HL.A",
          name: "Đảng bộ phường A",
          level: "grassroots_committee",
          kind: "ward",
          parentId: id("QN.HL"),
          childIds: [id("QN.HL.HONGGAI.KP1"), id("QN.HL.BACHDANG.KP1")],
        },
        {
          code: "QN.HL.B",
          name: "Đảng bộ phường B",
          level: "grassroots_committee",
          kind: "ward",
          parentId: id("QN.HL"),
          childIds: [id("QN.HL.HONGGAI.KP2")],
        },
      ],
      effectiveOn: "2022-01-01",
    });
    expect(r.ok ? null : r.error).toBeNull();
    ids = await orgIdsByCode(db);
    expect(await progress("QN.HL", "branch", "2021-12-31")).toEqual(before);
    expect((await progress("QN.HL.A", "branch", "2022-01-01")).total).toBe(2);
    expect((await progress("QN.HL.B", "branch", "2022-01-01")).total).toBe(1);
    expect((await progress("QN.HL", "grassroots", "2022-01-01")).total).toBe(2);
    await expectExact(
      ["QN.HL", "QN.HL.HONGGAI2", "QN.HL.A", "QN.HL.B"],
      ["2020-12-31", "2021-06-01", "2021-12-31", "2022-01-01"],
    );
  }, 120_000);
});

describe("a reorganisation plan file", () => {
  const file = (lines: string[]) => ({
    name: "phuong-an.csv",
    data: new TextEncoder().encode(`${lines.join("\n")}\n`),
  });
  const HEADER = "Thao tác,Ngày hiệu lực,Mã đơn vị,Mã mới,Mã cấp trên mới,Tên mới,Cấp,Loại hình,Lý do";
  const PLAN = [
    HEADER,
    "Chuyển,01/02/2023,QN.CP.TRUONG,,QN,,,,",
    "Hợp nhất,01/02/2023,QN.CP.CONGHOA,QN.XAMOI,QN,Đảng bộ xã Mới,grassroots_committee,commune,",
    "Giải thể,01/02/2023,QN.CP,,,,,,Kết thúc hoạt động cấp huyện",
  ];

  it("lists every problem with row, column and rule, and writes nothing", async () => {
    const n = await countOrgs(db);
    const r = await importReorganisationFile(
      db,
      officer,
      file([
        HEADER,
        "Sáp xếp,01/02/2023,QN.CP,,,,,,",
        "Giải thể,31/12/2099,QN.CP,,,,,,",
        "Đổi tên,01/02/2023,,,,,,,",
      ]),
      { dryRun: false },
    );
    expect(r.ok).toBe(false);
    const issues = (
      r.ok ? [] : (r.error.details as { issues: { row: number; column: string; rule: string }[] }).issues
    ).map((i) => [i.row, i.column, i.rule]);
    expect(issues).toEqual([
      [2, "A (Thao tác)", "unknown_operation"],
      [3, "B (Ngày hiệu lực)", "future_day"],
      [4, "C (Mã đơn vị)", "required"],
      [4, "F (Tên mới)", "required"],
    ]);
    // A rule broken while applying is named with its row, and rolls everything back.
    const broken = await importReorganisationFile(
      db,
      officer,
      file([HEADER, "Chuyển,01/02/2023,QN.CP.TRUONG,,QN,,,,", "Giải thể,01/02/2023,QN.CP,,,,,,"]),
      { dryRun: false },
    );
    expect(broken.ok ? null : (broken.error.details as { issues: { row: number }[] }).issues[0]!.row).toBe(3);
    expect(await countOrgs(db)).toBe(n);
    expect((await progress("QN.CP", "grassroots", "2023-06-01")).total).toBe(2);
  });

  it("previews the figures that change from the day, then applies all or nothing, and once", async () => {
    const n = await countOrgs(db);
    const before2022 = await progress("QN", "grassroots", "2022-12-31");
    const dry = await importReorganisationFile(db, officer, file(PLAN), { dryRun: true });
    expect(dry.ok ? null : dry.error).toBeNull();
    if (!dry.ok) return;
    expect(dry.value.firstDay).toBe("2023-02-01");
    expect(dry.value.figures.every((f) => f.from >= "2023-02-01")).toBe(true);
    expect(
      dry.value.figures.find(
        (f) => f.orgCode === "QN" && f.level === "district_level" && f.from === "2023-02-01",
      ),
    ).toMatchObject({ before: { total: 3 }, after: { total: 2 } });
    expect(await countOrgs(db)).toBe(n);

    const applied = await importReorganisationFile(db, officer, file(PLAN), { dryRun: false });
    expect(applied.ok ? applied.value.applied : applied.error).toBe(true);
    ids = await orgIdsByCode(db);
    expect(await progress("QN", "grassroots", "2022-12-31")).toEqual(before2022);
    const children = async (day: string) => {
      const r = await listOrgChildren(db, ALL_SCOPE, id("QN"), false, day);
      return r.ok ? r.value.map((c) => c.code).sort() : [];
    };
    expect(await children("2023-01-31")).toContain("QN.CP");
    const after = await children("2023-02-01");
    expect(after).not.toContain("QN.CP");
    expect(after).toEqual(expect.arrayContaining(["QN.XAMOI", "QN.CP.TRUONG"]));
    expect((await progress("QN.XAMOI", "branch", "2023-02-01")).total).toBe(1);
    await expectExact(["QN", "QN.CP", "QN.XAMOI"], ["2023-01-31", "2023-02-01", "2024-01-01"]);

    const again = await importReorganisationFile(db, officer, file(PLAN), { dryRun: false });
    expect(again.ok && again.value.alreadyApplied).toBe(true);
    expect(await countOrgs(db)).toBe(n + 1);
  }, 120_000);
});
