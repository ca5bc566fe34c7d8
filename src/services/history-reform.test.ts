/**
 * The example reorganisation plan (docs/examples/reorganisation-example.csv) applied to the demo
 * after the 2020–2025 season: the 31/07/2020 report is identical before and after, and the tree of
 * 31/12/2025 has the new units directly under the province and no Cô Tô district committee.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { seedDemoProvince } from "./demo.ts";
import { listOrgChildren } from "./organisations.ts";
import { importReorganisationFile } from "./reorganisation.ts";
import { buildCongressReport, resolveReportTarget } from "./reports.ts";

const actor = SYSTEM_ACTOR;
let t: TestDatabase;
let db: Db;
const idOf = async (code: string) => (await findOrgByCode(db, ALL_SCOPE, code))!.id;

async function report2020(): Promise<string> {
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.stringify(r.value);
}

let before: { report: string };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  before = { report: await report2020() };
}, 300_000);
afterAll(async () => t.cleanup());

describe("the example reorganisation file (docs/examples) on the demo", () => {
  it("ends Cô Tô's district committee on 01/07/2025, puts the new units under the province, keeps 2020", async () => {
    const file = {
      name: "reorganisation-example.csv",
      data: new Uint8Array(
        await readFile(new URL("../../docs/examples/reorganisation-example.csv", import.meta.url)),
      ),
    };
    const dry = await importReorganisationFile(db, actor, file, { dryRun: true });
    expect(dry.ok ? null : dry.error).toBeNull();
    const applied = await importReorganisationFile(db, actor, file, { dryRun: false });
    expect(applied.ok ? applied.value.applied : applied.error).toBe(true);
    const children = async (day: string) => {
      const r = await listOrgChildren(db, ALL_SCOPE, await idOf("QN"), false, day);
      return r.ok ? r.value.map((c) => c.code) : [];
    };
    expect(await children("2025-06-30")).toContain("QN.CT");
    const after = await children("2025-12-31");
    expect(after).not.toContain("QN.CT");
    expect(after).toEqual(expect.arrayContaining(["QN.P-HONGGAI", "QN.DK-COTO", "QN.CT.CA"]));
    expect(await report2020()).toEqual(before.report);
    const again = await importReorganisationFile(db, actor, file, { dryRun: false });
    expect(again.ok && again.value.alreadyApplied).toBe(true);
  }, 300_000);
});
