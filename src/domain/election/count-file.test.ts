import { describe, expect, it } from "vitest";
import provincialBundles from "../../../test/fixtures/counts/provincial-committee-bundles.json" with {
  type: "json",
};
import { unwrap } from "../basics/result.ts";
import { computeCountResult, formatIssuePath, parseCountFile, verifyCountFile } from "./count-file.ts";
import { BRANCH_COMMITTEE, PROVINCIAL_COMMITTEE } from "./fixtures.ts";

const branchFile = {
  format: "daihoi-count",
  version: 1,
  ruleSet: "party-190",
  election: { office: "committee", seats: 5, electingOrganisation: "branch" },
  candidates: BRANCH_COMMITTEE.candidates,
  base: {
    kind: "members-congress",
    convened: 48,
    temporarilyAttendingElsewhere: 1,
    suspendedProsecutedOrDetained: 1,
    absentWithAcceptedReason: 2,
  },
  present: 42,
  ballotsIssued: 42,
  ballotsCollected: 3,
  ballots: [
    { kind: "cross-out", crossedOut: [6] },
    { kind: "cross-out", crossedOut: [5], identifyingMark: true },
    { kind: "cross-out", crossedOut: [] },
  ],
};

describe("parseCountFile", () => {
  it("fills the defaults of the rule set and the election", () => {
    const file = unwrap(parseCountFile(branchFile));
    expect(file.ruleSet).toBe("party-190");
    expect(file.election).toEqual({
      office: "committee",
      seats: 5,
      alternateSeats: 0,
      round: 1,
      electingOrganisation: "branch",
    });
    expect(file.ruleSet === "party-190" && file.base).toEqual({
      ...branchFile.base,
      exemptedNotAttending: 0,
    });
    expect(file.settings.extraInvalidityGrounds.identifyingMark).toBe(true);
  });

  it("names the exact path of every type error, in Vietnamese", () => {
    expect(
      parseCountFile({ ...branchFile, election: { office: "chairman", seats: "năm" }, present: -1 }),
    ).toEqual({
      ok: false,
      error: [
        { path: ["present"], message: "Không được là số âm" },
        {
          path: ["election", "office"],
          message:
            'Tùy chọn không hợp lệ: mong đợi một trong các giá trị "committee"|"standing_committee"|"secretary"|"deputy_secretary"|"inspection_commission"|"inspection_chair"|"upper_congress_delegates"',
        },
        { path: ["election", "seats"], message: "Đầu vào không hợp lệ: mong đợi số, nhận được string" },
      ],
    });
    expect(parseCountFile({ ...branchFile, ruleSet: "state" })).toEqual({
      ok: false,
      error: [
        {
          path: ["ruleSet"],
          message:
            'Bộ quy tắc phải là "party-190" (Quyết định 190-QĐ/TW) hoặc "village-head" (bầu trưởng thôn)',
        },
      ],
    });
    const { present: _, ...noPresent } = branchFile;
    expect(parseCountFile(noPresent)).toEqual({
      ok: false,
      error: [{ path: ["present"], message: "Thiếu trường bắt buộc (kiểu number)" }],
    });
  });

  it("checks ballots against the list: the form, and exactly one of ballots or bundles", () => {
    const wrongForm = parseCountFile({
      ...branchFile,
      ballotsCollected: 1,
      ballots: [{ kind: "agree-disagree", marks: ["agree", "agree", "agree", "agree", "agree", "agree"] }],
    });
    expect(wrongForm.ok ? null : wrongForm.error.map((e) => formatIssuePath(e.path))).toEqual([
      "ballots[0].kind",
    ]);
    const both = parseCountFile({ ...branchFile, bundles: [] });
    expect(both.ok ? null : both.error).toEqual([
      {
        path: ["ballots"],
        message: "Cần đúng một trong hai mục: ballots (từng phiếu) hoặc bundles (tổng theo tập phiếu)",
      },
    ]);
  });

  it("checks each bundle's arithmetic with the path of the bundle", () => {
    const r = parseCountFile({
      ...provincialBundles,
      bundles: provincialBundles.bundles.map((b, i) => (i === 2 ? { ...b, valid: b.valid - 1 } : b)),
    });
    expect(r.ok ? null : r.error.map((e) => formatIssuePath(e.path))).toContain("bundles[2].collected");
  });
});

describe("computeCountResult", () => {
  it("recomputes the small branch count", () => {
    const result = unwrap(verifyCountFile(branchFile));
    expect(result).toMatchObject({
      format: "daihoi-count-result",
      version: 1,
      title: null,
      organisation: null,
      term: null,
      ballots: {
        collected: 3,
        valid: 1,
        invalid: 2,
        invalidByReason: [
          { reason: "identifying-mark", label: "Phiếu có ký tên hoặc đánh dấu riêng", count: 1 },
          {
            reason: "keeps-more-than-seats",
            label: "Phiếu để số người nhiều hơn số lượng cần bầu",
            count: 1,
          },
        ],
      },
      elected: [],
      openSeats: 5,
      nextStep: { kind: "congress-decides", openSeats: 5, openAlternateSeats: 0 },
    });
  });

  it("gives the same result from the provincial bundle totals as from its individual ballots", () => {
    const fromBundles = unwrap(computeCountResult(unwrap(parseCountFile(provincialBundles))));
    const fromBallots = unwrap(
      verifyCountFile({ ...provincialBundles, bundles: undefined, ballots: PROVINCIAL_COMMITTEE.ballots }),
    );
    expect(fromBundles).toEqual({
      ...fromBallots,
      ballots: { ...fromBallots.ballots, rowsForNobody: null },
    });
  });
});

describe("formatIssuePath", () => {
  it("writes paths the way a person reads them", () => {
    expect([
      formatIssuePath([]),
      formatIssuePath(["ballots", 12, "crossedOut", 1]),
      formatIssuePath(["base", "convened"]),
    ]).toEqual(["(toàn bộ tệp)", "ballots[12].crossedOut[1]", "base.convened"]);
  });
});
