/**
 * The seed report's structure figures (BRIEF §5) evaluated through the database path: the demo
 * province seeded as users would load it, read back by the repositories, counted by the pure
 * engine. Also the drill-down, a commune's subtree, and user-defined indicators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import type { Actor } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { orgIdsByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { DEMO_PEOPLE_AS_OF } from "../demo/index.ts";
import { seedDemoProvince } from "./demo.ts";
import {
  createIndicatorDefinition,
  deleteIndicatorDefinition,
  updateIndicatorDefinition,
} from "./indicators/definitions.ts";
import { drillIndicator, evaluateIndicators } from "./indicators/evaluate.ts";

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

async function figures(orgCode: string, asOf = DEMO_PEOPLE_AS_OF) {
  const r = await evaluateIndicators(db, ALL_SCOPE, { orgId: id(orgCode), asOf });
  if (!r.ok) throw new Error(r.error.message);
  return new Map(
    r.value.rows.map((row) => [
      row.entry.def.code,
      row.value ? { ratio: row.value.ratioText, target: row.value.target?.status ?? null } : row.error,
    ]),
  );
}

describe("evaluateIndicators on the seeded demo province", () => {
  it("reproduces every structure figure of the seed report", async () => {
    const v = await figures("QN");
    expect({
      coal: v.get("coal_branch_secretary_heads_unit"),
      women: v.get("commune_committee_women"),
      police: v.get("commune_police_chief_in_standing_committee"),
      ruralPolice: v.get("rural_commune_police_chief_in_standing_committee"),
      council: v.get("commune_secretary_chairs_people_council"),
      committee: v.get("commune_secretary_chairs_people_committee"),
      notLocal: v.get("commune_secretary_not_local"),
      director: v.get("coal_grassroots_secretary_is_director"),
      districtNotLocal: v.get("district_level_secretary_not_local"),
      districtChairs: v.get("district_secretary_chairs_people_committee"),
      village: v.get("village_branch_secretary_is_village_head"),
      merged: v.get("merged_agency_models"),
      directSecretary: v.get("grassroots_direct_secretary"),
    }).toEqual({
      coal: { ratio: "871/904 (96,35%)", target: null },
      women: { ratio: "671/2.291 (29,29%)", target: "met" },
      police: { ratio: "80/177 (45,20%)", target: null },
      ruralPolice: { ratio: "21/98 (21,43%)", target: null },
      council: { ratio: "16/177 (9,04%)", target: null },
      committee: { ratio: "108/177 (61,02%)", target: "not_yet_due" },
      notLocal: { ratio: "145/177 (81,92%)", target: "met" },
      director: { ratio: "36/41 (87,80%)", target: null },
      districtNotLocal: { ratio: "20/20 (100,00%)", target: "met" },
      districtChairs: { ratio: "3/13 (23,08%)", target: "met" },
      village: { ratio: "1.544/1.544 (100,00%)", target: "met" },
      merged: { ratio: "13/13 (100,00%)", target: "met" },
      directSecretary: { ratio: "408/408 (100,00%)", target: "met" },
    });
  });

  it("gives baselines in percentage points and the vote-share extremes", async () => {
    const r = await evaluateIndicators(db, ALL_SCOPE, { orgId: id("QN"), asOf: DEMO_PEOPLE_AS_OF });
    if (!r.ok) throw new Error(r.error.message);
    const coal = r.value.rows.find((x) => x.entry.def.code === "coal_branch_secretary_heads_unit")!.value!;
    expect(coal.baselines[0]).toMatchObject({ numerator: 454, denominator: 1021, percent: "44,47%" });
    expect(coal.baselines[0]!.pointsText).toMatch(/^\+51,8\d/);
    const held = r.value.rows.find((x) => x.entry.def.code === "district_level_congresses_held")!.value!;
    expect([held.ratioText, held.aggregates[0]?.min?.text, held.aggregates[0]?.max?.text]).toEqual([
      "20/20 (100,00%)",
      "85,00%",
      "100,00%",
    ]);
    expect(coal.byChild.reduce((s, c) => s + c.denominator, 0)).toBe(904);
    expect(coal.byChild.every((c) => c.name !== null)).toBe(true);
  });

  it("evaluates a commune's subtree alone", async () => {
    const v = await figures("QN.HL.HONGGAI");
    expect(v.get("commune_secretary_not_local")).toMatchObject({ ratio: expect.stringMatching(/^[01]\/1 /) });
  });

  it("drills into the people behind a figure", async () => {
    const d = await drillIndicator(db, ALL_SCOPE, {
      orgId: id("QN"),
      asOf: DEMO_PEOPLE_AS_OF,
      code: "coal_branch_secretary_heads_unit",
      side: "numerator",
      limit: 5,
      offset: 0,
    });
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.total).toBe(871);
    expect(d.value.members).toHaveLength(5);
    expect(d.value.members[0]).toMatchObject({
      personName: expect.any(String),
      personCode: expect.stringMatching(/^P\d+/),
      postText: expect.stringContaining("Bí thư"),
    });
    const not = await drillIndicator(db, ALL_SCOPE, {
      orgId: id("QN"),
      asOf: DEMO_PEOPLE_AS_OF,
      code: "coal_branch_secretary_heads_unit",
      side: "not_counted",
      limit: 100,
      offset: 0,
    });
    expect(not.ok && not.value.total).toBe(33);
  });

  it("stores, evaluates, edits and deletes a user-defined indicator", async () => {
    const definition = {
      code: "commune_secretary_women",
      name: "Bí thư cấp xã là nữ",
      description: "Trong số bí thư đương nhiệm của đảng bộ xã, phường, thị trấn: số đồng chí nữ.",
      population: {
        subject: "posts",
        postKinds: ["secretary"],
        org: { levels: ["grassroots_committee"], kinds: ["commune", "ward", "township"] },
        period: "in_office",
      },
      condition: { kind: "gender", gender: "female" },
      target: { comparison: ">=", unit: "percent", value: 10, due: null },
    };
    const created = await createIndicatorDefinition(db, admin, ALL_SCOPE, { definition, orgId: null });
    if (!created.ok) throw new Error(created.error.message);
    const v = await figures("QN");
    expect(v.get("commune_secretary_women")).toMatchObject({ ratio: expect.stringMatching(/\/177 /) });

    const bad = await createIndicatorDefinition(db, admin, ALL_SCOPE, {
      definition: { ...definition, code: "x y", population: { subject: "posts", postKinds: [] } },
      orgId: null,
    });
    expect(!bad.ok && bad.error.code).toBe("INDICATOR_INVALID");
    const taken = await createIndicatorDefinition(db, admin, ALL_SCOPE, {
      definition: { ...definition, code: "commune_committee_women" },
      orgId: null,
    });
    expect(!taken.ok && taken.error.code).toBe("INDICATOR_CODE_TAKEN");
    const officerScope = { kind: "subtrees", paths: [`${ids.get("QN")}.${ids.get("QN.HL")}`] } as const;
    const forbidden = await updateIndicatorDefinition(db, admin, officerScope, created.value.customId!, {
      definition,
      orgId: null,
    });
    expect(!forbidden.ok && forbidden.error.status).toBe(403);

    const updated = await updateIndicatorDefinition(db, admin, ALL_SCOPE, created.value.customId!, {
      definition: { ...definition, name: "Bí thư xã, phường, thị trấn là nữ" },
      orgId: null,
    });
    expect(updated.ok && updated.value.def.name).toBe("Bí thư xã, phường, thị trấn là nữ");
    expect((await deleteIndicatorDefinition(db, admin, ALL_SCOPE, created.value.customId!)).ok).toBe(true);
    expect((await figures("QN")).has("commune_secretary_women")).toBe(false);
  });
});
