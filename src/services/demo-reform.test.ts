/**
 * The demo lives through the reform (issue 15): Quảng Ninh's 2025 reorganisation, applied through
 * the documented plan file after the 2020–2025 season, leaves 54 commune-level committees directly
 * under the provincial committee and no district level as of 31/12/2025, in ≤ 5 s, and changes no
 * 2020 figure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import type { Db } from "../db/client.ts";
import { findOrgByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { getProgress, listSeasons } from "./congresses/index.ts";
import { applyDemoReform2025, seedDemoProvince } from "./demo.ts";
import { listOrgChildren } from "./organisations/read.ts";
import type { PlanSummary } from "./reorganisation/plan.ts";
import { buildCongressReport, resolveReportTarget } from "./reports/build.ts";

let t: TestDatabase;
let db: Db;
let seasonId: number;
let applied: PlanSummary;
let applySeconds: number;
const idOf = async (code: string) => (await findOrgByCode(db, ALL_SCOPE, code))!.id;

async function figures2020() {
  const out: Record<string, [number, number]> = {};
  for (const code of ["QN", "QN.HL", "QN.CP", "QN.CT", "QN.VD", "QN.HL.HONGGAI"])
    for (const level of ["branch", "grassroots", "district_level"]) {
      const r = await getProgress(db, ALL_SCOPE, {
        seasonId,
        orgId: await idOf(code),
        level,
        asOf: "2020-07-31",
      });
      if (r.ok) out[`${code} ${level}`] = [r.value.held, r.value.total];
    }
  return out;
}

async function report2020(): Promise<Record<string, unknown>> {
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.parse(JSON.stringify(r.value)) as Record<string, unknown>;
}

async function childrenOfProvince(asOf: string) {
  const r = await listOrgChildren(db, ALL_SCOPE, await idOf("QN"), false, asOf);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

let before: { figures: Record<string, [number, number]>; report: Record<string, unknown> };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  seasonId = (await listSeasons(db)).find((s) => s.season.code === "2020-2025")!.id;
  before = { figures: await figures2020(), report: await report2020() };
  const t0 = performance.now();
  applied = await applyDemoReform2025(db);
  applySeconds = (performance.now() - t0) / 1000;
  console.log(
    `Quảng Ninh 2025 (${applied.rows} dòng, ${applied.organisationsChanged} tổ chức): áp dụng trong ${applySeconds.toFixed(2)} s (mục tiêu ≤ 5 s)`,
  );
}, 300_000);
afterAll(async () => t.cleanup());

describe("the demo applies Quảng Ninh's 2025 reorganisation", () => {
  it("applies the whole plan from 01/07/2025, in seconds", () => {
    expect(applied.applied).toBe(true);
    expect(applied.firstDay).toBe("2025-07-01");
    expect(applied.operations.merge).toBe(177);
    expect(applied.operations.dissolve).toBe(13);
    // The target is ≤ 5 s on an idle machine: the time is printed above, not asserted (a shared
    // machine is many times slower); only a return to several minutes fails here.
    expect(applySeconds).toBeLessThan(240);
  });

  it("as of 31/12/2025: 54 commune-level committees directly under the provincial committee, no district level", async () => {
    const children = await childrenOfProvince("2025-12-31");
    const communeLevel = children.filter((c) => ["ward", "commune", "special_zone"].includes(c.kind));
    expect(communeLevel).toHaveLength(54);
    expect(communeLevel.every((c) => c.level === "grassroots_committee")).toBe(true);
    const byKind = (k: string) => communeLevel.filter((c) => c.kind === k).length;
    expect([byKind("ward"), byKind("commune"), byKind("special_zone")]).toEqual([30, 22, 2]);
    expect(children.filter((c) => ["city", "town", "district", "township"].includes(c.kind))).toEqual([]);
    // The only district-level committees left are the sector committees (blocs, police, army, coal).
    expect(
      children
        .filter((c) => c.level === "district_level")
        .every((c) => !["city", "town", "district"].includes(c.kind)),
    ).toBe(true);
    expect(communeLevel.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Đảng bộ đặc khu Vân Đồn", "Đảng bộ đặc khu Cô Tô", "Đảng bộ phường Hồng Gai"]),
    );
  });

  it("as of 30/06/2025 the 13 cities, towns and districts still stand", async () => {
    const children = await childrenOfProvince("2025-06-30");
    expect(children.filter((c) => ["city", "town", "district"].includes(c.kind))).toHaveLength(13);
    expect(children.filter((c) => ["ward", "commune", "special_zone"].includes(c.kind))).toHaveLength(0);
  });

  it("branches and villages move with their commune", async () => {
    const merged = ["QN.HL.HONGGAI", "QN.HL.BACHDANG", "QN.HL.TRANHUNGDAO"];
    let before = 0;
    for (const code of merged) {
      const r = await listOrgChildren(db, ALL_SCOPE, await idOf(code), false, "2025-06-30");
      if (!r.ok) throw new Error(r.error.message);
      before += r.value.length;
    }
    const r = await listOrgChildren(db, ALL_SCOPE, await idOf("QN.P-HONGGAI"), false, "2025-12-31");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(before);
    expect(r.value.filter((c) => c.village !== null).length).toBeGreaterThan(0);
  });

  it("leaves every 2020 figure as it was reported: progress and the 31/07/2020 report", async () => {
    expect(await figures2020()).toEqual(before.figures);
    expect(before.figures["QN.HL branch"]).toEqual([674, 674]);
    expect(await report2020()).toEqual(before.report);
  });

  it("applying the same plan again changes nothing and says so", async () => {
    const again = await applyDemoReform2025(db);
    expect(again.alreadyApplied).toBe(true);
    expect(again.applied).toBe(false);
  });
});
