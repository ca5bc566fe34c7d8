/**
 * History never moves: on the demo province, creating, moving, renaming and dissolving
 * organisations today leaves every figure as of 31/07/2020 as it was reported (issue 15).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import type { Progress } from "../domain/congress/progress.ts";
import { getProgress, getProgressNaive, listSeasons } from "./congresses/index.ts";
import { seedDemoProvince } from "./demo.ts";
import { createOrg, dissolveOrg, moveOrg, updateOrg } from "./organisations/change.ts";
import { buildCongressReport, resolveReportTarget } from "./reports/build.ts";

const actor: Actor = SYSTEM_ACTOR;
let t: TestDatabase;
let db: Db;
let seasonId: number;
const TODAY = "2026-12-07";
const idOf = async (code: string) => (await findOrgByCode(db, ALL_SCOPE, code))!.id;

async function branchProgress(code: string, asOf: string): Promise<Progress> {
  const r = await getProgress(db, ALL_SCOPE, { seasonId, orgId: await idOf(code), level: "branch", asOf });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function report2020(): Promise<string> {
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.stringify(r.value);
}

let before: { hl: Progress; cp: Progress; report: string };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  seasonId = (await listSeasons(db)).find((s) => s.season.code === "2020-2025")!.id;
  before = {
    hl: await branchProgress("QN.HL", "2020-07-31"),
    cp: await branchProgress("QN.CP", "2020-07-31"),
    report: await report2020(),
  };
}, 240_000);
afterAll(async () => t.cleanup());

describe("changes made today leave 31/07/2020 as it was", () => {
  it("starts from the seed's figures", () => {
    expect([before.hl.held, before.hl.total]).toEqual([674, 674]);
    expect([before.cp.held, before.cp.total]).toEqual([343, 343]);
  });

  it("a branch founded today is not in the 2020 denominator, but is in today's", async () => {
    const todayBefore = await branchProgress("QN.HL", TODAY);
    const created = await createOrg(db, actor, ALL_SCOPE, {
      code: "QN.HL.HONGGAI.MOI",
      name: "Chi bộ Khu phố mới",
      level: "branch",
      kind: "village",
      parentId: await idOf("QN.HL.HONGGAI"),
      effectiveOn: TODAY,
    });
    expect(created.ok).toBe(true);
    const hl = await branchProgress("QN.HL", "2020-07-31");
    expect([hl.held, hl.total]).toEqual([674, 674]);
    const now = await branchProgress("QN.HL", TODAY);
    expect(now.total).toBe(todayBefore.total + 1);
  });

  it("moving 'Chi bộ Công an phường Hồng Gai' to a Cẩm Phả ward today keeps 674/674 and 343/343", async () => {
    const hlToday = await branchProgress("QN.HL", TODAY);
    const cpToday = await branchProgress("QN.CP", TODAY);
    const moved = await moveOrg(
      db,
      actor,
      ALL_SCOPE,
      await idOf("QN.HL.HONGGAI.CA"),
      await idOf("QN.CP.CAMBINH"),
      TODAY,
    );
    expect(moved.ok).toBe(true);
    const hl = await branchProgress("QN.HL", "2020-07-31");
    const cp = await branchProgress("QN.CP", "2020-07-31");
    expect([hl.held, hl.total]).toEqual([674, 674]);
    expect([cp.held, cp.total]).toEqual([343, 343]);
    // From today the branch (and its 2020 congress) counts under Cẩm Phả.
    const hlNow = await branchProgress("QN.HL", TODAY);
    const cpNow = await branchProgress("QN.CP", TODAY);
    expect([hlNow.held, hlNow.total]).toEqual([hlToday.held - 1, hlToday.total - 1]);
    expect([cpNow.held, cpNow.total]).toEqual([cpToday.held + 1, cpToday.total + 1]);
    // The roll-up agrees with the naive computation over the tree of each day.
    for (const [code, day] of [
      ["QN.HL", "2020-07-31"],
      ["QN.CP", "2020-07-31"],
      ["QN.HL", TODAY],
      ["QN.CP", TODAY],
      ["QN", TODAY],
    ] as const) {
      const naive = await getProgressNaive(db, {
        seasonId,
        orgId: await idOf(code),
        level: "branch",
        asOf: day,
      });
      expect(await branchProgress(code, day)).toEqual(naive);
    }
  });

  it("renaming and dissolving today leave the 31/07/2020 report identical", async () => {
    const renamed = await updateOrg(db, actor, ALL_SCOPE, await idOf("QN.HL"), {
      name: "Đảng bộ thành phố Hạ Long (mới)",
      effectiveOn: TODAY,
    });
    expect(renamed.ok).toBe(true);
    // Dissolving on the founding day would leave an organisation that never existed: refused.
    const sameDay = await dissolveOrg(db, actor, ALL_SCOPE, await idOf("QN.HL.HONGGAI.MOI"), {
      date: TODAY,
      reason: "Lập nhầm",
    });
    expect(sameDay.ok).toBe(false);
    const ubToday = await branchProgress("QN.UB", TODAY);
    const dissolved = await dissolveOrg(db, actor, ALL_SCOPE, await idOf("QN.UB.BACSON.QS"), {
      date: TODAY,
      reason: "Sáp nhập",
    });
    expect(dissolved.ok).toBe(true);
    expect((await branchProgress("QN.UB", TODAY)).total).toBe(ubToday.total - 1);
    expect(await report2020()).toEqual(before.report);
  });
});
