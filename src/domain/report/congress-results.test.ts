import { describe, expect, it } from "vitest";
import {
  buildCongressResultsReport,
  CONGRESS_RESULTS_TEMPLATE,
  type CongressResultsInput,
  headingBodies,
  type LevelProgress,
} from "./congress-results.ts";
import { reportPlainText } from "./model.ts";

const level = (held: number, total: number, extra: Partial<LevelProgress> = {}): LevelProgress => ({
  held,
  total,
  lastHeldOn: held === total ? "2020-02-29" : null,
  completionPhrase: null,
  pilots: 2,
  resultsRecorded: held,
  directSecretary: held,
  contentsComplete: held,
  oneRoundFull: held,
  voteShareMin: null,
  voteShareMax: null,
  ...extra,
});

const INPUT: CongressResultsInput = {
  org: { id: 1, code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", isProvince: true },
  parentName: null,
  season: { code: "2020-2025", term: "2020-2025" },
  asOf: "2020-07-31",
  place: "Hạ Long",
  branch: level(4925, 4925),
  grassroots: null,
  grassrootsCommittees: null,
  communeLevel: null,
  districtLevel: null,
  indicators: {},
  children: [],
};

describe("headingBodies", () => {
  it("names the issuing committee of a province, a city, a district, a town and a commune", () => {
    expect(headingBodies("Đảng bộ tỉnh Quảng Ninh", null, true)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "TỈNH ỦY",
      numberSymbol: "Số     -BC/TU",
    });
    expect(headingBodies("Đảng bộ thành phố Hạ Long", "Đảng bộ tỉnh Quảng Ninh", false)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "THÀNH ỦY HẠ LONG",
      numberSymbol: "Số     -BC/ThU",
    });
    expect(headingBodies("Đảng bộ huyện Vân Đồn", "Đảng bộ tỉnh Quảng Ninh", false).issuingBody).toBe(
      "HUYỆN ỦY VÂN ĐỒN",
    );
    expect(headingBodies("Đảng bộ thị xã Quảng Yên", "Đảng bộ tỉnh Quảng Ninh", false)).toMatchObject({
      issuingBody: "THỊ ỦY QUẢNG YÊN",
      numberSymbol: "Số     -BC/HU",
    });
    expect(headingBodies("Đảng bộ phường Hồng Gai", "Đảng bộ thành phố Hạ Long", false)).toEqual({
      superiorBody: "ĐẢNG BỘ THÀNH PHỐ HẠ LONG",
      issuingBody: "ĐẢNG ỦY PHƯỜNG HỒNG GAI",
      numberSymbol: "Số     -BC/ĐU",
    });
  });
});

describe("buildCongressResultsReport", () => {
  it("says 'đến hết ngày' with the last congress's day once every branch has held it", () => {
    const r = buildCongressResultsReport(INPUT);
    expect(r.template).toBe(CONGRESS_RESULTS_TEMPLATE);
    expect(r.sections.map((s) => s.id)).toEqual(["innovations", "results", "lessons"]);
    const text = reportPlainText(r);
    expect(text).toContain("đến hết ngày 29/02/2020 có 4.925/4.925");
    expect(r.figures.find((f) => f.id === "branch_congresses_held")).toMatchObject({
      numerator: 4925,
      denominator: 4925,
    });
    expect(r.heading).toMatchObject({ issuingBody: "TỈNH ỦY", date: "2020-07-31", place: "Hạ Long" });
  });

  it("says 'tính đến ngày' the report's day while some have not, and never prints 100% for nearly all", () => {
    const text = reportPlainText(buildCongressResultsReport({ ...INPUT, branch: level(1543, 1544) }));
    expect(text).toContain("tính đến ngày 31/07/2020 có 1.543/1.544");
    expect(text).not.toContain("(100%)");
  });

  it("leaves out the sentence of an indicator it has no count for", () => {
    const without = reportPlainText(buildCongressResultsReport(INPUT));
    expect(without).not.toContain("Dân tin - Đảng cử");
    const withVillage = reportPlainText(
      buildCongressResultsReport({
        ...INPUT,
        villageBranches: level(1040, 1040, { firstHeldOn: "2020-01-18", lastHeldOn: "2020-01-19" }),
        indicators: {
          village_branch_secretary_is_village_head: {
            name: "Bí thư chi bộ thôn đồng thời là trưởng thôn",
            definition: "Trong số chi bộ thôn, bản, khu phố: bí thư đồng thời là trưởng thôn.",
            numerator: 950,
            denominator: 1040,
            baselines: [],
          },
        },
      }),
    );
    expect(withVillage).toContain("tổ chức đại hội chi bộ thôn trong các ngày 18, 19/01/2020");
    expect(withVillage).toContain("950/1.040");
  });
});
