/**
 * The roll-up path (a country's indicators read from dated counts) gives the same figures as the
 * loaded path, on any day, and follows writes. The demo province stands in for a country by
 * lowering the size from which a subtree is read from the roll-up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import type { Actor } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { listSeasons } from "../db/repositories/congresses.ts";
import { staleUnits, unitsOf } from "../db/repositories/indicator-rollup.ts";
import { findOrgById, orgIdsByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { DEMO_PEOPLE_AS_OF } from "../demo/index.ts";
import { seedDemoProvince } from "./demo.ts";
import { drillIndicator, evaluateIndicators } from "./indicators/evaluate.ts";
import { endPost } from "./people.ts";

const admin: Actor = { userId: null, label: "kiểm thử" };
let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  ids = await orgIdsByCode(db);
}, 180_000);
afterAll(async () => t.cleanup());
afterEach(() => {
  delete process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS;
});

/** Everything but the member lists and aggregates (which the roll-up does not give). */
async function figures(path: "loaded" | "rollup", orgCode: string, asOf: string) {
  process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS = path === "rollup" ? "1000" : "100000000";
  const r = await evaluateIndicators(db, ALL_SCOPE, { orgId: id(orgCode), asOf });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.rows.map((row) => ({
    code: row.entry.def.code,
    error: row.error?.code ?? null,
    ratio: row.value?.ratioText,
    target: row.value?.target?.status ?? null,
    baselines: row.value?.baselines.map((b) => [b.label, b.numerator, b.denominator, b.pointsText]),
    byChild: row.value?.byChild.map((c) => [c.path, c.name, c.numerator, c.denominator, c.percent]),
  }));
}

describe("indicators of a big subtree from the roll-up", () => {
  it("equal the loaded path's figures, children included, on several days", async () => {
    for (const asOf of [DEMO_PEOPLE_AS_OF, "2020-01-19", "2019-06-01"]) {
      const loaded = await figures("loaded", "QN", asOf);
      const rolled = await figures("rollup", "QN", asOf);
      expect(rolled).toEqual(loaded);
    }
    const coal = (await figures("rollup", "QN", DEMO_PEOPLE_AS_OF)).find(
      (f) => f.code === "coal_branch_secretary_heads_unit",
    );
    expect(coal?.ratio).toBe("871/904 (96,35%)");
  }, 120_000);

  it("follow a write in one child: only that child is counted again", async () => {
    process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS = "100000000";
    const drill = await drillIndicator(db, ALL_SCOPE, {
      orgId: id("QN"),
      asOf: DEMO_PEOPLE_AS_OF,
      code: "coal_branch_secretary_heads_unit",
      side: "numerator",
      limit: 1,
      offset: 0,
    });
    if (!drill.ok) throw new Error(drill.error.message);
    const member = drill.value.members[0]!;
    const ended = await endPost(db, admin, ALL_SCOPE, Number(member.id), "2020-07-01");
    expect(ended.ok).toBe(true);
    // Only the child holding the post is stale.
    const season = (await listSeasons(db)).at(-1)!;
    const stale = await staleUnits(db, season.id, await unitsOf(db, id("QN")), []);
    const org = await findOrgById(db, ALL_SCOPE, member.orgId);
    expect(stale.map((u) => u.id)).toEqual([Number(org!.path.split(".")[1])]);
    const loaded = await figures("loaded", "QN", DEMO_PEOPLE_AS_OF);
    const rolled = await figures("rollup", "QN", DEMO_PEOPLE_AS_OF);
    expect(rolled).toEqual(loaded);
    expect(rolled.find((f) => f.code === "coal_branch_secretary_heads_unit")?.ratio).toBe("870/903 (96,35%)");
    // Before the post ended, the count is what it was.
    const before = await figures("rollup", "QN", "2020-06-30");
    expect(before.find((f) => f.code === "coal_branch_secretary_heads_unit")).toEqual(
      (await figures("loaded", "QN", "2020-06-30")).find(
        (f) => f.code === "coal_branch_secretary_heads_unit",
      ),
    );
  }, 120_000);

  it("lists members one child at a time", async () => {
    process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS = "1000";
    const q = {
      orgId: id("QN"),
      asOf: DEMO_PEOPLE_AS_OF,
      code: "commune_secretary_not_local",
      side: "numerator" as const,
      limit: 500,
      offset: 0,
    };
    const whole = await drillIndicator(db, ALL_SCOPE, q);
    expect(whole.ok ? null : whole.error.code).toBe("INDICATOR_DRILL_NEEDS_CHILD");
    const child = await drillIndicator(db, ALL_SCOPE, { ...q, childOrgId: id("QN.HL") });
    process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS = "100000000";
    const loaded = await drillIndicator(db, ALL_SCOPE, { ...q, childOrgId: id("QN.HL") });
    if (!child.ok || !loaded.ok) throw new Error("drill failed");
    expect(child.value.total).toBeGreaterThan(0);
    expect(child.value.members.map((m) => m.id)).toEqual(loaded.value.members.map((m) => m.id));
  }, 120_000);
});
