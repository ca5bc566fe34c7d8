/**
 * Indicators through time (issue 15): on the demo province, the 31/07/2020 report, congress
 * progress and the indicator catalog are identical before and after the example reorganisation
 * plan (mergers dated 01/07/2025), a split dated 01/07/2025 and changes made today (a branch
 * founded, one moved, a district renamed, a branch dissolved). And the indicator roll-up (the
 * province read unit by unit from dated counts) gives the same figures as the loaded computation
 * over the dated versions at several days around the changes; congress progress the same as the
 * naive computation.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgByCode, listChildren } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { getProgress, getProgressNaive, listSeasons } from "./congresses/index.ts";
import { seedDemoProvince } from "./demo.ts";
import { evaluateIndicators } from "./indicators/evaluate.ts";
import { createOrg, dissolveOrg, moveOrg, updateOrg } from "./organisations/change.ts";
import { importReorganisationFile } from "./reorganisation/plan.ts";
import { splitOrg } from "./reorganisation/split.ts";
import { buildCongressReport, resolveReportTarget } from "./reports/build.ts";

const actor: Actor = SYSTEM_ACTOR;
let t: TestDatabase;
let db: Db;
let seasonId: number;
const TODAY = "2026-12-07";
const DAY = "2020-07-31";
const REFORM = "2025-07-01";
const CODES = ["QN", "QN.HL", "QN.CP", "QN.CT", "QN.UB"];
const LEVELS = ["branch", "grassroots", "district_level"];
const idOf = async (code: string) => (await findOrgByCode(db, ALL_SCOPE, code))!.id;

async function report(asOf: string): Promise<string> {
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.stringify(r.value);
}

/** The catalog's figures for an organisation on a day, by the loaded path or the roll-up. */
async function indicators(orgId: number, asOf: string, via: "loaded" | "rollup" = "loaded") {
  process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS = via === "rollup" ? "1000" : "100000000";
  try {
    const r = await evaluateIndicators(db, ALL_SCOPE, { orgId, asOf, seasonId });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.rows.map((row) => ({
      code: row.entry.def.code,
      n: row.value?.numerator ?? null,
      d: row.value?.denominator ?? null,
      baselines: row.value?.baselines.map((b) => [b.numerator, b.denominator]) ?? [],
      byChild: row.value?.byChild.map((c) => [c.orgId, c.name, c.numerator, c.denominator]) ?? [],
    }));
  } finally {
    delete process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS;
  }
}

async function snapshot() {
  const out: Record<string, unknown> = { report: await report(DAY) };
  for (const code of CODES) {
    const id = await idOf(code);
    out[`indicators ${code}`] = await indicators(id, DAY);
    for (const level of LEVELS) {
      const r = await getProgress(db, ALL_SCOPE, { seasonId, orgId: id, level, asOf: DAY });
      out[`progress ${code} ${level}`] = r.ok ? r.value : r.error;
    }
  }
  return out;
}

/** The roll-up equals the loaded computation, and progress the naive one, on each day. */
async function expectRollupsExact(days: readonly string[], codes: readonly string[]) {
  const qn = await idOf("QN");
  for (const asOf of days) {
    expect({ asOf, rows: await indicators(qn, asOf, "rollup") }).toEqual({
      asOf,
      rows: await indicators(qn, asOf, "loaded"),
    });
    for (const code of codes) {
      const orgId = await idOf(code);
      for (const level of LEVELS) {
        const r = await getProgress(db, ALL_SCOPE, { seasonId, orgId, level, asOf });
        const naive = await getProgressNaive(db, { seasonId, orgId, level, asOf });
        expect({ code, level, asOf, p: r.ok ? r.value : r.error }).toEqual({ code, level, asOf, p: naive });
      }
    }
  }
}

let before: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  seasonId = (await listSeasons(db)).find((s) => s.season.code === "2020-2025")!.id;
  before = await snapshot();
}, 600_000);
afterAll(async () => t.cleanup());

describe("figures as of 31/07/2020 never move", () => {
  it("the example plan's mergers of 01/07/2025 leave the report, progress and indicators of 2020", async () => {
    const file = {
      name: "reorganisation-example.csv",
      data: new Uint8Array(
        await readFile(new URL("../../docs/examples/reorganisation-example.csv", import.meta.url)),
      ),
    };
    const applied = await importReorganisationFile(db, actor, file, { dryRun: false });
    expect(applied.ok ? applied.value.applied : applied.error).toBe(true);
    expect(await snapshot()).toEqual(before);
    // The new ward counts from 01/07/2025; before, its predecessors under Hạ Long.
    const qn = await indicators(await idOf("QN"), "2025-12-31");
    const ward = await idOf("QN.P-HONGGAI");
    expect(qn.some((r) => r.byChild.some((c) => c[0] === ward))).toBe(true);
    await expectRollupsExact(
      ["2020-07-31", "2025-06-30", REFORM, "2025-12-31"],
      ["QN", "QN.HL", "QN.P-HONGGAI"],
    );
  }, 600_000);

  it("a split dated 01/07/2025 leaves them too", async () => {
    const source = await idOf("QN.UB.BACSON");
    const parentId = await idOf("QN.UB");
    const children = await listChildren(db, ALL_SCOPE, source, false);
    expect(children.length).toBeGreaterThan(1);
    const r = await splitOrg(db, actor, ALL_SCOPE, {
      sourceId: source,
      parts: ["A", "B"].map((x, i) => ({
        code: `QN.UB.BACSON-${x}`,
        name: `Đảng bộ phường Bắc Sơn ${x}`,
        level: "grassroots_committee",
        kind: "ward",
        parentId,
        childIds: children.filter((_c, j) => j % 2 === i).map((c) => c.id),
      })),
      effectiveOn: REFORM,
    });
    expect(r.ok ? null : r.error).toBeNull();
    expect(await snapshot()).toEqual(before);
    await expectRollupsExact(["2025-06-30", REFORM, TODAY], ["QN.UB", "QN.UB.BACSON", "QN.UB.BACSON-A"]);
  }, 600_000);

  it("founding, moving, renaming and dissolving today leave them too", async () => {
    const created = await createOrg(db, actor, ALL_SCOPE, {
      code: "QN.UB.BACSON-A.MOI",
      name: "Chi bộ Khu phố mới",
      level: "branch",
      kind: "village",
      parentId: await idOf("QN.UB.BACSON-A"),
      effectiveOn: TODAY,
    });
    expect(created.ok ? null : created.error).toBeNull();
    const moved = await moveOrg(
      db,
      actor,
      ALL_SCOPE,
      await idOf("QN.HL.HONGGAI.CA"),
      await idOf("QN.CP.CAMBINH"),
      TODAY,
    );
    expect(moved.ok ? null : moved.error).toBeNull();
    const renamed = await updateOrg(db, actor, ALL_SCOPE, await idOf("QN.CP"), {
      name: "Đảng bộ thành phố Cẩm Phả (mới)",
      effectiveOn: TODAY,
    });
    expect(renamed.ok ? null : renamed.error).toBeNull();
    const branch = (await listChildren(db, ALL_SCOPE, await idOf("QN.CP.CAMBINH"), false)).find(
      (c) => c.code !== "QN.HL.HONGGAI.CA",
    )!;
    const dissolved = await dissolveOrg(db, actor, ALL_SCOPE, branch.id, { date: TODAY, reason: "Sáp nhập" });
    expect(dissolved.ok ? null : dissolved.error).toBeNull();
    expect(await snapshot()).toEqual(before);
    await expectRollupsExact(["2025-12-31", TODAY], ["QN.CP", "QN.HL"]);
  }, 600_000);
});
