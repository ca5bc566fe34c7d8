import { describe, expect, it } from "vitest";
import {
  buildCongressResultsReport,
  type CongressResultsInput,
  headingBodies,
  type LevelProgress,
} from "./congress-results.ts";
import { blockText, type Report, reportSchema } from "./model.ts";

describe("headingBodies", () => {
  it("writes each issuing committee with its 36-HD/VPTW symbol", () => {
    const parent = "Đảng bộ tỉnh Quảng Ninh";
    expect(headingBodies(parent, null, true)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "TỈNH ỦY",
      numberSymbol: "Số     -BC/TU",
    });
    expect(headingBodies("Đảng bộ thành phố Hạ Long", parent, false)).toMatchObject({
      issuingBody: "THÀNH ỦY HẠ LONG",
      numberSymbol: "Số     -BC/ThU",
    });
    // A thị ủy is not a huyện ủy (issue 17: it was "HU").
    expect(headingBodies("Đảng bộ thị xã Đông Triều", parent, false)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "THỊ ỦY ĐÔNG TRIỀU",
      numberSymbol: "Số     -BC/TU",
    });
    expect(headingBodies("Đảng bộ huyện Cô Tô", parent, false)).toMatchObject({
      issuingBody: "HUYỆN ỦY CÔ TÔ",
      numberSymbol: "Số     -BC/HU",
    });
    expect(headingBodies("Đảng bộ Công an tỉnh", parent, false)).toMatchObject({
      issuingBody: "ĐẢNG ỦY CÔNG AN TỈNH",
      numberSymbol: "Số     -BC/ĐU",
    });
  });
});

const level = (over: Partial<LevelProgress> = {}): LevelProgress => ({
  held: 0,
  total: 0,
  lastHeldOn: null,
  completionPhrase: null,
  pilots: 0,
  resultsRecorded: 0,
  directSecretary: 0,
  contentsComplete: 0,
  oneRoundFull: 0,
  voteShareMin: null,
  voteShareMax: null,
  ...over,
});

const base: CongressResultsInput = {
  org: { id: 1, code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", isProvince: true },
  parentName: null,
  season: { code: "2020-2025", term: "2020–2025" },
  asOf: "2020-03-15",
  place: "Quảng Ninh",
  branch: null,
  grassroots: null,
  grassrootsCommittees: null,
  communeLevel: null,
  districtLevel: null,
  indicators: {},
  children: [],
};

/** The text of block `id` (undefined when the report leaves it out). */
function textOf(r: Report, id: string): string | undefined {
  for (const s of r.sections) for (const b of s.blocks) if (b.id === id) return blockText(b);
  return undefined;
}

describe("buildCongressResultsReport", () => {
  it("says 'đến hết ngày' the last congress's day once all are held, else 'tính đến ngày' the report's day", () => {
    const all = buildCongressResultsReport({
      ...base,
      branch: level({ held: 4925, total: 4925, lastHeldOn: "2020-02-29" }),
    });
    expect(textOf(all, "branch_results")).toContain("đến hết ngày 29/02/2020 có");
    expect(textOf(all, "branch_results")).toContain("4.925");
    const some = buildCongressResultsReport({
      ...base,
      branch: level({ held: 4900, total: 4925, lastHeldOn: "2020-02-29" }),
    });
    expect(textOf(some, "branch_results")).toContain("tính đến ngày 15/03/2020 có");
    const f = some.figures.find((x) => x.id === "branch_congresses_held")!;
    expect([f.numerator, f.denominator]).toEqual([4900, 4925]);
  });

  it("leaves out a level's sentence and an indicator's clause when it has no figures", () => {
    const r = buildCongressResultsReport(base);
    expect(textOf(r, "branch_results")).toBeUndefined();
    expect(textOf(r, "grassroots_results")).toBeUndefined();
    expect(textOf(r, "innovation_1")).toBeUndefined();
    expect(textOf(r, "children_table")).toBeUndefined();
    expect(r.figures).toEqual([]);
    // The officer's sections are still there to write.
    expect(r.sections.map((s) => s.id)).toEqual(["innovations", "results", "lessons"]);
  });

  it("fills an indicator into its sentence with its ratio and percentage, decimals as the seed prints", () => {
    const r = buildCongressResultsReport({
      ...base,
      indicators: {
        village_branch_secretary_is_village_head: {
          name: "Bí thư chi bộ thôn kiêm trưởng thôn",
          definition: "…",
          numerator: 1445,
          denominator: 1500,
          baselines: [],
        },
      },
    });
    const text = textOf(r, "innovation_4")!;
    expect(text).toContain("1.445/1.500");
    expect(text).toContain("96%");
    expect(r.figures.map((f) => f.id)).toEqual(["village_branch_secretary_is_village_head"]);
  });

  it("names the village branches' congress days when all were held", () => {
    const village = {
      name: "Bí thư chi bộ thôn kiêm trưởng thôn",
      definition: "…",
      numerator: 10,
      denominator: 10,
      baselines: [],
    };
    const r = buildCongressResultsReport({
      ...base,
      indicators: { village_branch_secretary_is_village_head: village },
      villageBranches: level({ held: 10, total: 10, firstHeldOn: "2020-01-18", lastHeldOn: "2020-01-19" }),
    });
    expect(textOf(r, "village_results")).toContain("trong các ngày 18, 19/01/2020");
    const notAll = buildCongressResultsReport({
      ...base,
      indicators: { village_branch_secretary_is_village_head: village },
      villageBranches: level({ held: 9, total: 10, firstHeldOn: "2020-01-18", lastHeldOn: "2020-01-19" }),
    });
    expect(textOf(notAll, "village_results")).not.toContain("tổ chức đại hội chi bộ thôn trong");
  });

  it("writes a table row per child organisation, held/total per level, blank where it has none", () => {
    const r = buildCongressResultsReport({
      ...base,
      children: [
        {
          name: "Đảng bộ thành phố Hạ Long",
          branch: { held: 1200, total: 1250 },
          grassroots: null,
          districtLevel: { held: 1, total: 1 },
        },
      ],
    });
    const table = r.sections[1]!.blocks.find((b) => b.id === "children_table");
    expect(table).toMatchObject({
      kind: "table",
      rows: [["1", "Đảng bộ thành phố Hạ Long", "1.200/1.250", "", "1/1"]],
    });
  });

  it("builds a report the stored-report schema accepts", () => {
    const r = buildCongressResultsReport({
      ...base,
      branch: level({ held: 3, total: 4 }),
      grassroots: level({ held: 2, total: 2, pilots: 1, lastHeldOn: "2020-02-01" }),
      communeLevel: level({ held: 1, total: 2, contentsComplete: 1, oneRoundFull: 1, directSecretary: 1 }),
      districtLevel: level({ held: 1, total: 1, directSecretary: 1, lastHeldOn: "2020-03-01" }),
    });
    expect(reportSchema.safeParse(r).success).toBe(true);
    expect(r.heading.issuingBody).toBe("TỈNH ỦY");
  });
});
