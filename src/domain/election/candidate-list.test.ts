import { describe, expect, it } from "vitest";
import {
  type Candidate,
  checkCandidateList,
  checkConveningSurplus,
  checkSecretaryCandidates,
  computeSurplusLimits,
  cutByPreliminaryVote,
  describeCandidateListProblem,
  describeCandidateListWarning,
  describeFloorRejection,
  fewestExceeding,
  findOrderBreak,
  type Nominee,
  sortCandidatesByName,
} from "./candidate-list.ts";
import { BRANCH_COMMITTEE, syntheticCandidates } from "./fixtures.ts";
import { PARTY_190 } from "./rules.ts";

const settings = PARTY_190.settings;

describe("computeSurplusLimits", () => {
  it("gives a 55-seat provincial committee at most 16 surplus (30% = 16,5) and 6–8 on the convening list", () => {
    expect(computeSurplusLimits("committee", 55, settings)).toEqual({
      seats: 55,
      surplusRequired: true,
      maxSurplus: 16,
      conveningRange: { min: 6, max: 8 },
      conveningGuidance: { minPercent: 10, maxPercent: 15 },
    });
    expect(
      computeSurplusLimits("committee", 55, { ...settings, surplusCeilingRounding: "half-up" }).maxSurplus,
    ).toBe(17);
  });

  it("gives bodies of 3–5 seats at most one surplus", () => {
    expect(computeSurplusLimits("committee", 5, settings)).toEqual({
      seats: 5,
      surplusRequired: true,
      maxSurplus: 1,
      // 10–15% of 5 is 0,5–0,75 people: no whole number inside the guidance.
      conveningRange: null,
      conveningGuidance: { minPercent: 10, maxPercent: 15 },
    });
    expect(computeSurplusLimits("inspection_commission", 3, settings)).toEqual({
      seats: 3,
      surplusRequired: false,
      maxSurplus: 1,
      conveningRange: null,
      conveningGuidance: null,
    });
  });

  it("holds a secretary election to no ceiling (its candidate count is its own rule)", () => {
    expect(computeSurplusLimits("secretary", 1, settings)).toEqual({
      seats: 1,
      surplusRequired: false,
      maxSurplus: null,
      conveningRange: null,
      conveningGuidance: null,
    });
  });
});

describe("fewestExceeding", () => {
  it("needs strictly more than 30% of those present", () => {
    expect([fewestExceeding(10, 30), fewestExceeding(346, 30), fewestExceeding(44, 50)]).toEqual([
      4, 104, 23,
    ]);
  });
});

function nominees(list: readonly Candidate[], source: Nominee["source"], approvals?: number): Nominee[] {
  return list.map((c) => ({ ...c, source, approvals }));
}

describe("checkCandidateList", () => {
  const people = syntheticCandidates(80, 2);
  const convening = nominees(people.slice(0, 62), "convening-committee");

  it("admits floor nominees with more than 30% approval and prints the list in alphabetical order", () => {
    const floor: Nominee[] = [
      { ...people[70]!, source: "floor", approvals: 150 },
      { ...people[71]!, source: "floor", approvals: 104 },
      { ...people[72]!, source: "floor", approvals: 103 },
    ];
    const result = checkCandidateList(
      { office: "committee", seats: 55, present: 346, nominees: [...floor, ...convening] },
      settings,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const expected = sortCandidatesByName([...people.slice(0, 62), people[70]!, people[71]!]);
    expect(result.value).toEqual({
      office: "committee",
      seats: 55,
      candidates: expected,
      surplus: 9,
      limits: {
        seats: 55,
        surplusRequired: true,
        maxSurplus: 16,
        conveningRange: { min: 6, max: 8 },
        conveningGuidance: { minPercent: 10, maxPercent: 15 },
      },
      ballotKind: "cross-out",
      floor: [
        { id: people[70]!.id, approvals: 150, needed: 104, admitted: true },
        { id: people[71]!.id, approvals: 104, needed: 104, admitted: true },
        { id: people[72]!.id, approvals: 103, needed: 104, admitted: false },
      ],
      cutByPreliminaryVote: [],
      warnings: [],
    });
    expect(findOrderBreak(result.value.candidates)).toBeNull();
  });

  it("asks for a preliminary opinion vote when the list exceeds the ceiling, then cuts it there", () => {
    const floor = nominees(people.slice(62, 72), "floor", 200);
    const input = {
      office: "committee" as const,
      seats: 55,
      present: 346,
      nominees: [...convening, ...floor],
    };
    expect(checkCandidateList(input, settings)).toEqual({
      ok: false,
      error: [
        { kind: "preliminary-vote-needed", surplus: 17, maxSurplus: 16, ranked: floor.map((f) => f.id) },
      ],
    });
    // Ten floor nominees compete for 16 − 7 = 9 places.
    const preliminaryVotes = Object.fromEntries(floor.map((f, i) => [f.id, 300 - 10 * i]));
    const cut = checkCandidateList({ ...input, preliminaryVotes }, settings);
    expect(
      cut.ok && [cut.value.candidates.length, cut.value.surplus, cut.value.cutByPreliminaryVote],
    ).toEqual([71, 16, [floor[9]!.id]]);
    // A tie across the cut is voted on again among the tied.
    const tied = { ...preliminaryVotes, [floor[9]!.id]: preliminaryVotes[floor[8]!.id]! };
    const tie = checkCandidateList({ ...input, preliminaryVotes: tied }, settings);
    expect(tie).toEqual({
      ok: false,
      error: [{ kind: "preliminary-vote-tie", tied: [floor[8]!.id, floor[9]!.id], places: 1 }],
    });
    if (!tie.ok) {
      expect(describeCandidateListProblem(tie.error[0]!)).toBe(
        `Các đồng chí ${floor[8]!.id}, ${floor[9]!.id} bằng phiếu xin ý kiến ở vị trí cuối (1 chỗ): xin ý kiến lại trong số những người bằng phiếu`,
      );
    }
  });

  it("ranks the whole list in the preliminary vote when the setting says so", () => {
    const list = nominees(BRANCH_COMMITTEE.candidates, "convening-committee");
    const extra: Nominee = { id: "f1", name: "Vũ Thị Yến", source: "floor", approvals: 20 };
    const votes = { m1: 40, m2: 39, m3: 38, m4: 37, m5: 10, m6: 36, f1: 30 };
    const r = checkCandidateList(
      { office: "committee", seats: 5, present: 42, nominees: [...list, extra], preliminaryVotes: votes },
      { ...settings, preliminaryVoteScope: "whole-list" },
    );
    expect(r.ok && [r.value.cutByPreliminaryVote, r.value.candidates.map((c) => c.id)]).toEqual([
      ["m5"],
      ["m1", "m2", "m3", "m4", "m6", "f1"],
    ]);
  });

  it("refuses a committee list with no surplus", () => {
    const r = checkCandidateList(
      { office: "committee", seats: 55, present: 346, nominees: convening.slice(0, 55) },
      settings,
    );
    expect(r).toEqual({ ok: false, error: [{ kind: "no-surplus", seats: 55, candidates: 55 }] });
  });

  it("refuses a 5-seat list with two surplus", () => {
    const seven = nominees(people.slice(0, 7), "convening-committee");
    const r = checkCandidateList({ office: "committee", seats: 5, present: 42, nominees: seven }, settings);
    expect(r.ok ? null : r.error).toEqual([{ kind: "convening-surplus-over-ceiling", surplus: 2, max: 1 }]);
  });
});

describe("the convening committee's 10–15% is guidance, not a gate (issue 17)", () => {
  const people = syntheticCandidates(80, 5);
  const list = (n: number) => nominees(people.slice(0, n), "convening-committee");

  it("accepts 33 seats with 3 extra names (9,1%) and warns, showing the range", () => {
    const r = checkCandidateList(
      { office: "committee", seats: 33, present: 200, nominees: list(36) },
      settings,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.surplus).toBe(3);
    expect(r.value.warnings).toEqual([
      {
        kind: "convening-surplus-outside-guidance",
        seats: 33,
        surplus: 3,
        minPercent: 10,
        maxPercent: 15,
        range: { min: 4, max: 4 },
      },
    ]);
    expect(describeCandidateListWarning(r.value.warnings[0]!)).toBe(
      "Lưu ý: danh sách do cấp ủy triệu tập giới thiệu dư 3 người (9,1%), ngoài khoảng hướng dẫn 10–15% số lượng cần bầu, tức 4 người. Đây là hướng dẫn, đại hội xem xét, quyết định.",
    );
  });

  it("never forces a number outside 10–15% (11 seats → 2 = 18,2%, 13 → 2 = 15,4% before)", () => {
    for (const seats of [11, 13]) {
      const limits = computeSurplusLimits("committee", seats, settings);
      expect(limits.conveningRange).toBeNull();
      expect(limits.conveningGuidance).toEqual({ minPercent: 10, maxPercent: 15 });
      // One or two extra names are both accepted; the congress decides.
      for (const extra of [1, 2]) {
        const r = checkCandidateList(
          { office: "committee", seats, present: 100, nominees: list(seats + extra) },
          settings,
        );
        expect(r.ok).toBe(true);
        expect(r.ok && r.value.warnings.map((w) => w.kind)).toEqual(["convening-surplus-outside-guidance"]);
      }
    }
    expect(computeSurplusLimits("committee", 20, settings).conveningRange).toEqual({ min: 2, max: 3 });
  });

  it("does not warn inside the guidance, at either end", () => {
    for (const [seats, n] of [
      [20, 22],
      [20, 23],
      [55, 61],
      [55, 63],
    ] as const) {
      const r = checkCandidateList({ office: "committee", seats, present: 300, nominees: list(n) }, settings);
      expect(r.ok && r.value.warnings).toEqual([]);
    }
    expect(checkConveningSurplus(20, 22, computeSurplusLimits("committee", 20, settings))).toBeNull();
    // 3–5 seats: one extra is the only choice the rules leave, whatever 10–15% would say.
    expect(checkConveningSurplus(5, 6, computeSurplusLimits("committee", 5, settings))).toBeNull();
  });
});

describe("cutByPreliminaryVote", () => {
  it("needs every ranked name's votes", () => {
    expect(cutByPreliminaryVote([{ id: "a", name: "Lê Văn An" }], 0, {})).toEqual({
      ok: false,
      error: { kind: "preliminary-vote-missing", id: "a" },
    });
  });
});

describe("sortCandidatesByName", () => {
  it("orders by given name, then middle name, then family name", () => {
    const names = ["Lê Văn Bình", "Trần Thị Ánh", "Nguyễn Văn An", "Phạm Thị An"].map((name, i) => ({
      id: String(i),
      name,
    }));
    expect(sortCandidatesByName(names).map((c) => c.name)).toEqual([
      "Phạm Thị An",
      "Nguyễn Văn An",
      "Trần Thị Ánh",
      "Lê Văn Bình",
    ]);
    expect(findOrderBreak(names)).toBe(2);
  });
});

describe("checkSecretaryCandidates", () => {
  const committee = BRANCH_COMMITTEE.candidates.slice(0, 5).map((c) => c.id);
  it("takes one candidate from the new committee, on an agree/disagree ballot", () => {
    expect(checkSecretaryCandidates([BRANCH_COMMITTEE.candidates[1]], committee, settings)).toEqual({
      ok: true,
      value: "agree-disagree",
    });
  });
  it("allows two only when configured, and never someone outside the new committee", () => {
    const two = [BRANCH_COMMITTEE.candidates[1], BRANCH_COMMITTEE.candidates[5]];
    expect(checkSecretaryCandidates(two, committee, settings)).toEqual({
      ok: false,
      error: [
        { kind: "wrong-number-of-candidates", candidates: 2, max: 1 },
        { kind: "not-a-new-committee-member", id: "m6" },
      ],
    });
    expect(
      checkSecretaryCandidates([BRANCH_COMMITTEE.candidates[1], BRANCH_COMMITTEE.candidates[0]], committee, {
        ...settings,
        secretaryCandidatesMax: 2,
      }),
    ).toEqual({ ok: true, value: "cross-out" });
  });
});

describe("syntheticCandidates", () => {
  it("gives distinct names", () => {
    const list = syntheticCandidates(80, 2);
    expect(new Set(list.map((c) => c.name)).size).toBe(80);
  });
});

describe("describeFloorRejection", () => {
  it("names the approval share the settings use, not a fixed 30%", () => {
    const d = { id: "3", approvals: 40, needed: 51, admitted: false };
    expect(describeFloorRejection("Trần Thị Mai", d, settings)).toContain("(trên 30% số có mặt)");
    expect(describeFloorRejection("Trần Thị Mai", d, { ...settings, floorNomineeApprovalPercent: 50 })).toBe(
      "Trần Thị Mai (ứng cử tại đại hội) chỉ được 40 người đồng ý, cần từ 51 người trở lên (trên 50% số có mặt): không được đưa vào danh sách",
    );
  });
});
