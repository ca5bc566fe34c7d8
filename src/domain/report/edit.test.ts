import { describe, expect, it } from "vitest";
import { buildCongressResultsReport, type CongressResultsInput } from "./congress-results.ts";
import { applyReportEdit, carryOverEdits } from "./edit.ts";
import { reportPlainText } from "./model.ts";

const level = (held: number, total: number) => ({
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
});

const INPUT: CongressResultsInput = {
  org: { id: 1, code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", isProvince: true },
  parentName: null,
  season: { code: "2020-2025", term: "2020-2025" },
  asOf: "2020-07-31",
  place: "Hạ Long",
  branch: level(10, 10),
  grassroots: null,
  grassrootsCommittees: null,
  communeLevel: null,
  districtLevel: null,
  indicators: {},
  children: [],
};

describe("applyReportEdit and carryOverEdits", () => {
  it("edits the officer's words, refuses a data sentence, and keeps the edits on regeneration", () => {
    const r = buildCongressResultsReport(INPUT);
    const edited = applyReportEdit(r, {
      texts: { lessons_text: "Phát huy dân chủ." },
      heading: { numberSymbol: "Số 12-BC/TU" },
    });
    if (!edited.ok) throw new Error(edited.error.message);
    expect(reportPlainText(edited.value)).toContain("Phát huy dân chủ.");
    expect(applyReportEdit(r, { texts: { branch_results: "x" } })).toMatchObject({
      ok: false,
      error: { code: "unknown_text_block", id: "branch_results" },
    });
    const later = buildCongressResultsReport({ ...INPUT, asOf: "2020-08-31", branch: level(10, 11) });
    const carried = carryOverEdits(edited.value, later);
    expect(carried.heading).toMatchObject({ numberSymbol: "Số 12-BC/TU", date: "2020-08-31" });
    expect(reportPlainText(carried)).toContain("Phát huy dân chủ.");
    expect(reportPlainText(carried)).toContain("10/11 (91%)");
  });
});
