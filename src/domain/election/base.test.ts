import { describe, expect, it } from "vitest";
import { computeBase, isDirectSecretaryElection, joinVietnamese, thresholdFor } from "./base.ts";
import { PARTY_190 } from "./rules.ts";

describe("thresholdFor", () => {
  it("is strictly more than half: ⌊N/2⌋ + 1", () => {
    expect([1, 2, 3, 44, 45, 346].map(thresholdFor)).toEqual([1, 2, 2, 23, 23, 174]);
  });
});

describe("computeBase", () => {
  it("subtracts, for a members' congress, only the groups the regulation names", () => {
    expect(
      computeBase(
        {
          kind: "members-congress",
          convened: 120,
          temporarilyAttendingElsewhere: 3,
          exemptedNotAttending: 2,
          suspendedProsecutedOrDetained: 0,
          absentWithAcceptedReason: 5,
        },
        PARTY_190.settings,
      ),
    ).toEqual({
      ok: true,
      value: {
        kind: "members-congress",
        convened: 120,
        subtractions: [
          {
            field: "temporarilyAttendingElsewhere",
            count: 3,
            text: "3 đảng viên đang tạm thời sinh hoạt đảng nơi khác",
          },
          {
            field: "exemptedNotAttending",
            count: 2,
            text: "2 đảng viên được miễn công tác và sinh hoạt đảng không tham dự đại hội",
          },
          {
            field: "absentWithAcceptedReason",
            count: 5,
            text: "5 đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý",
          },
        ],
        n: 110,
        threshold: 56,
        description:
          "số đảng viên chính thức được triệu tập (đã trừ 3 đảng viên đang tạm thời sinh hoạt đảng nơi khác, " +
          "2 đảng viên được miễn công tác và sinh hoạt đảng không tham dự đại hội và 5 đảng viên vắng mặt suốt " +
          "thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý)",
      },
    });
  });

  it("subtracts, for a delegates' congress, absent convening-committee members and unreplaced delegates", () => {
    const base = computeBase(
      {
        kind: "delegates-congress",
        convened: 350,
        conveningCommitteeMembersAbsent: 1,
        delegatesAbsentWithoutAlternate: 4,
      },
      PARTY_190.settings,
    );
    expect(base.ok && [base.value.n, base.value.threshold, base.value.description]).toEqual([
      345,
      173,
      "số đại biểu được triệu tập (đã trừ 1 cấp ủy viên của cấp ủy triệu tập đại hội vắng mặt cả kỳ đại hội " +
        "và 4 đại biểu vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế)",
    ]);
  });

  it("subtracts members absent with leave at a committee conference only when the setting says so", () => {
    const figures = { kind: "committee-conference", convened: 55, absentWithLeave: 2 } as const;
    const on = computeBase(figures, PARTY_190.settings);
    expect(on.ok && on.value).toEqual({
      kind: "committee-conference",
      convened: 55,
      subtractions: [{ field: "absentWithLeave", count: 2, text: "2 cấp ủy viên vắng mặt có lý do" }],
      n: 53,
      threshold: 27,
      description: "số cấp ủy viên được triệu tập (đã trừ 2 cấp ủy viên vắng mặt có lý do)",
    });
    const off = computeBase(figures, { ...PARTY_190.settings, conferenceSubtractsAbsentWithLeave: false });
    expect(off.ok && off.value).toEqual({
      kind: "committee-conference",
      convened: 55,
      subtractions: [],
      n: 55,
      threshold: 28,
      description: "số cấp ủy viên được triệu tập",
    });
  });

  it("refuses a base of zero", () => {
    expect(
      computeBase({ kind: "committee-conference", convened: 3, absentWithLeave: 3 }, PARTY_190.settings),
    ).toEqual({ ok: false, error: { kind: "base-not-positive", convened: 3, subtracted: 3 } });
  });
});

describe("joinVietnamese", () => {
  it("joins with commas and a final 'và'", () => {
    expect([joinVietnamese([]), joinVietnamese(["a"]), joinVietnamese(["a", "b", "c"])]).toEqual([
      "",
      "a",
      "a, b và c",
    ]);
  });
});

describe("isDirectSecretaryElection", () => {
  it("is direct only at the congress itself, not at the committee's first conference", () => {
    expect(isDirectSecretaryElection("secretary", "members-congress")).toBe(true);
    expect(isDirectSecretaryElection("secretary", "delegates-congress")).toBe(true);
    expect(isDirectSecretaryElection("secretary", "committee-conference")).toBe(false);
    expect(isDirectSecretaryElection("secretary", null)).toBe(false);
    expect(isDirectSecretaryElection("committee", "delegates-congress")).toBe(false);
  });
});
