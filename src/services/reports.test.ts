/**
 * The seed report regenerated from the demo province: every figure the seed prints, with the
 * seed's own rounding per figure, and the sentences that carry them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { SEED_FIGURES, SEED_PHRASES } from "../../test/report-fixtures.ts";
import type { Db } from "../db/client.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { type Report, reportPlainText, reportSchema } from "../domain/report/model.ts";
import { seedDemoProvince } from "./demo.ts";
import { buildCongressReport, resolveReportTarget } from "./reports.ts";

let t: TestDatabase;
let db: Db;
let report: Report;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
  if (!r.ok) throw new Error(r.error.message);
  report = r.value;
}, 180_000);
afterAll(async () => t.cleanup());

describe("buildCongressReport on the demo province as of 31/07/2020", () => {
  it("writes every seed figure with the seed's rounding", () => {
    const got = Object.fromEntries(
      report.figures
        .filter((f) => f.id in SEED_FIGURES)
        .map((f) => [
          f.id,
          f.denominator === null
            ? String(f.numerator)
            : `${f.numerator.toLocaleString("de-DE")}/${f.denominator.toLocaleString("de-DE")} (${f.percent})`,
        ]),
    );
    expect(got).toEqual(SEED_FIGURES);
  });

  it("writes the seed's sentences, a heading block and a valid JSON form", () => {
    const text = reportPlainText(report);
    for (const phrase of SEED_PHRASES) expect(text).toContain(phrase);
    expect(report.heading).toMatchObject({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "TỈNH ỦY",
      numberSymbol: expect.stringMatching(/^Số .*-BC\/TU$/),
      documentType: "BÁO CÁO",
    });
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(report.sections.find((s) => s.id === "results")!.blocks.some((b) => b.kind === "table")).toBe(
      true,
    );
    for (const f of report.figures) expect(f.definition.length).toBeGreaterThan(10);
  });

  it("follows the rounding setting when it is uniform", async () => {
    const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
    if (!target.ok) throw new Error(target.error.message);
    const r = await buildCongressReport(db, ALL_SCOPE, {
      ...target.value,
      asOf: "2020-07-31",
      rounding: { kind: "uniform", rule: { decimals: 1, mode: "truncate", trimZeros: false } },
    });
    if (!r.ok) throw new Error(r.error.message);
    const pct = (id: string) => r.value.figures.find((f) => f.id === id)!.percent;
    expect([pct("coal_branch_secretary_heads_unit"), pct("commune_secretary_chairs_people_council")]).toEqual(
      ["96,3%", "9,0%"],
    );
  });
});
