/**
 * The seeded demo province's village-head election day: all 1.544 villages elected their heads on
 * 05/01/2020, every commune did the legal steps on time, and after the branch congresses of
 * 18–19/01/2020 every village branch secretary is the village head: 100%, drillable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import type { Db } from "../db/client.ts";
import { orgIdsByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { seedDemoProvince } from "./demo.ts";
import { drillIndicator, evaluateIndicators } from "./indicators/evaluate.ts";
import {
  getChecklist,
  getVillageDashboard,
  getVillageElection,
  listElectionDays,
  listVillageStatuses,
} from "./village-elections/index.ts";

let t: TestDatabase;
let db: Db;
let ids: Map<string, number>;
let dayId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  ids = await orgIdsByCode(db);
  dayId = (await listElectionDays(db))[0]!.id;
}, 240_000);
afterAll(async () => t.cleanup());

describe("the demo village-head election day", () => {
  it("has every village's head elected on 05/01/2020, with the communes' steps on time", async () => {
    const d = await getVillageDashboard(db, ALL_SCOPE, dayId, null);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.day).toMatchObject({ electionDate: "2020-01-05", termStart: 2020, termEnd: 2022 });
    expect(d.value.dashboard).toMatchObject({
      total: 1544,
      reported: 1544,
      elected: 1544,
      reElectionNeeded: 0,
    });
    expect(d.value.dashboard.byDistrict.reduce((s, r) => s + r.total, 0)).toBe(1544);
    const c = await getChecklist(db, ALL_SCOPE, dayId, null, "2020-01-05");
    if (!c.ok) throw new Error(c.error.message);
    expect(
      c.value.summary.byStep.every(
        (s) => s.late === 0 && s.notDue === 0 && s.done === c.value.summary.communes,
      ),
    ).toBe(true);
  });

  it("makes every village branch secretary the village head: 100%, drillable to the people", async () => {
    const r = await evaluateIndicators(db, ALL_SCOPE, { orgId: ids.get("QN")!, asOf: "2020-01-31" });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value.rows.find((x) => x.entry.def.code === "village_branch_secretary_is_village_head")!
      .value!;
    expect(v.ratioText).toBe("1.544/1.544 (100,00%)");
    const drill = await drillIndicator(db, ALL_SCOPE, {
      orgId: ids.get("QN")!,
      asOf: "2020-01-31",
      code: "village_branch_secretary_is_village_head",
      side: "numerator",
      limit: 3,
      offset: 0,
    });
    if (!drill.ok) throw new Error(drill.error.message);
    expect(drill.value.total).toBe(1544);
    // The post the indicator counts is the one the election result links.
    const list = await listVillageStatuses(db, ALL_SCOPE, dayId, ids.get("QN")!);
    if (!list.ok) throw new Error(list.error.message);
    const one = await getVillageElection(db, ALL_SCOPE, dayId, list.value.villages[0]!.id);
    if (!one.ok) throw new Error(one.error.message);
    expect(one.value.link.secretaryIsHead).toBe(true);
    expect(one.value.link.heads).toHaveLength(1);
    expect(one.value.result?.headPersonId).toBe(one.value.link.heads[0]!.personId);
  });
});
