/** The demo province's letters: one of each situation the issue names, through the real services. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import type { Db } from "../db/client.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { seedDemoProvince } from "./demo.ts";
import { listPetitionRegister, openCasesConcerningPeople, petitionDashboard } from "./petitions/index.ts";

let t: TestDatabase;
let db: Db;
const TODAY = "2026-11-26";

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
}, 240_000);
afterAll(async () => t.cleanup());

describe("demo letters", () => {
  it("has an open denunciation about a candidate, a recorded-only one, a settled complaint and an overdue report", async () => {
    const list = await listPetitionRegister(db, ALL_SCOPE, {}, null, TODAY);
    if (!list.ok) throw new Error(list.error.message);
    const by = (kind: string) => list.value.items.filter((i) => i.petition.kind === kind);
    const denunciations = by("denunciation");
    const candidate = denunciations.find((i) => i.petition.concernsPersonnel)!;
    expect(candidate.petition.status).toBe("in_handling");
    expect(candidate.petition.congressOrgName).toBe("Đảng bộ thành phố Hạ Long");
    expect(candidate.subjects).toHaveLength(1);
    const flags = await openCasesConcerningPeople(db, [candidate.subjects[0]!.personId!], {
      congressId: candidate.petition.congressId,
    });
    expect(flags[0]).toMatchObject({ flagged: true, openCasesOnCongress: 1 });
    expect(denunciations.some((i) => i.petition.status === "recorded_only")).toBe(true);
    expect(by("complaint")[0]!.petition.status).toBe("notified");
    expect(by("report")[0]!.overdueDays).toBeGreaterThan(0);
    const d = await petitionDashboard(db, ALL_SCOPE, null, TODAY);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.total).toMatchObject({ all: 5, settled: 1, recordedOnly: 1, open: 3 });
    // Grouped under the organisations directly below the province.
    expect(d.value.byOrg.map((o) => d.value.orgNames.get(o.orgId)).sort()).toEqual([
      "Đảng bộ thành phố Cẩm Phả",
      "Đảng bộ thành phố Hạ Long",
    ]);
  });
});
