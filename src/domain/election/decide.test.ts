import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import type { Ballot } from "./ballot.ts";
import { makeBallotSpec } from "./ballot.ts";
import { type Base, type BaseFigures, computeBase } from "./base.ts";
import type { Candidate } from "./candidate-list.ts";
import {
  decideElection,
  type ElectionSpec,
  nextStepNotes,
  type PartyElectionResult,
  planFurtherRound,
} from "./decide.ts";
import {
  BRANCH_COMMITTEE,
  buildCrossOutBallots,
  PROVINCIAL_COMMITTEE,
  provincialPositionOfRank,
  SECRETARY_CANDIDATE,
} from "./fixtures.ts";
import { PARTY_190, type Party190Settings } from "./rules.ts";
import { tallyBallots } from "./tally.ts";

const BRANCH_BASE_TEXT =
  "số đảng viên chính thức được triệu tập (đã trừ 1 đảng viên đang tạm thời sinh hoạt đảng nơi khác, " +
  "1 đảng viên đang bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố hoặc tạm giam và 2 đảng viên vắng mặt " +
  "suốt thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý)";
const PROVINCIAL_BASE_TEXT =
  "số đại biểu được triệu tập (đã trừ 4 đại biểu vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế)";

function decide(opts: {
  candidates: readonly Candidate[];
  seats: number;
  alternateSeats?: number;
  office?: ElectionSpec["office"];
  round?: number;
  electingOrganisation?: ElectionSpec["electingOrganisation"];
  base: BaseFigures;
  ballots: readonly Ballot[];
  hall: { present: number; issued: number };
  settings?: Party190Settings;
}): PartyElectionResult {
  const settings = opts.settings ?? PARTY_190.settings;
  const places = opts.seats + (opts.alternateSeats ?? 0);
  const spec = makeBallotSpec(opts.candidates.length, places, settings.extraInvalidityGrounds);
  return unwrap(
    decideElection({
      ruleSet: { kind: "party-190", settings },
      election: {
        office: opts.office ?? "committee",
        seats: opts.seats,
        alternateSeats: opts.alternateSeats ?? 0,
        candidates: opts.candidates,
        round: opts.round ?? 1,
        electingOrganisation: opts.electingOrganisation ?? "committee",
      },
      base: unwrap(computeBase(opts.base, settings)),
      tally: unwrap(tallyBallots(opts.ballots, spec)),
      hall: opts.hall,
    }),
  );
}

/** The 5-seat branch committee with the given votes from 41 valid ballots plus one crossing out everyone. */
function branchBallots(votes: readonly number[]): Ballot[] {
  return [...buildCrossOutBallots(votes, 41), { kind: "cross-out", crossedOut: [1, 2, 3, 4, 5, 6] }];
}

const branchBase: Base = {
  kind: "members-congress",
  convened: 48,
  subtractions: [
    {
      field: "temporarilyAttendingElsewhere",
      count: 1,
      text: "1 đảng viên đang tạm thời sinh hoạt đảng nơi khác",
    },
    {
      field: "suspendedProsecutedOrDetained",
      count: 1,
      text: "1 đảng viên đang bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố hoặc tạm giam",
    },
    {
      field: "absentWithAcceptedReason",
      count: 2,
      text: "2 đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý",
    },
  ],
  n: 44,
  threshold: 23,
  description: BRANCH_BASE_TEXT,
};

describe("decideElection", () => {
  it("elects a 55-seat provincial committee from 71 candidates in descending order of votes", () => {
    const p = PROVINCIAL_COMMITTEE;
    const result = decide({ ...p, ballots: p.ballots });
    expect(result.base).toEqual({
      kind: "delegates-congress",
      convened: 350,
      subtractions: [
        {
          field: "delegatesAbsentWithoutAlternate",
          count: 4,
          text: "4 đại biểu vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế",
        },
      ],
      n: 346,
      threshold: 174,
      description: PROVINCIAL_BASE_TEXT,
    });
    expect(result.ballots).toEqual({
      present: 346,
      issued: 346,
      collected: 346,
      valid: 341,
      invalid: 5,
      invalidByReason: [
        { reason: "not-issued", label: "Phiếu không do Ban kiểm phiếu phát ra", count: 1 },
        { reason: "added-name", label: "Phiếu ghi thêm tên người ngoài danh sách bầu cử", count: 1 },
        { reason: "identifying-mark", label: "Phiếu có ký tên hoặc đánh dấu riêng", count: 1 },
        { reason: "keeps-more-than-seats", label: "Phiếu để số người nhiều hơn số lượng cần bầu", count: 1 },
        {
          reason: "crosses-out-everyone",
          label: "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
          count: 1,
        },
      ],
      rowsForNobody: 0,
    });
    expect(result.elected).toEqual(
      Array.from({ length: 55 }, (_, rank) => {
        const position = provincialPositionOfRank(rank);
        const c = p.candidates[position - 1]!;
        return { position, id: c.id, name: c.name, votes: 341 - 3 * rank };
      }),
    );
    expect(result.ties).toEqual([]);
    expect(result.openSeats).toBe(0);
    expect(result.nextStep).toEqual({ kind: "complete" });

    const at = (rank: number) => result.candidates[provincialPositionOfRank(rank) - 1]!;
    const c43 = p.candidates[provincialPositionOfRank(43) - 1]!;
    expect(at(43)).toEqual({
      position: provincialPositionOfRank(43),
      id: c43.id,
      name: c43.name,
      votes: 212,
      percentOfBase: "61,27%",
      passed: true,
      rank: 44,
      outcome: "elected",
      explanation: `đạt 212/346 = 61,27% > 1/2 ${PROVINCIAL_BASE_TEXT}; trúng cử`,
    });
    expect(at(55)).toMatchObject({
      votes: 176,
      passed: true,
      rank: 56,
      outcome: "passed-not-elected",
      explanation: `đạt 176/346 = 50,87% > 1/2 ${PROVINCIAL_BASE_TEXT}; nhưng xếp thứ 56 theo số phiếu, ngoài số lượng cần bầu (55); không trúng cử`,
    });
    // 173 is exactly half of 346: not "more than half".
    expect(at(56)).toMatchObject({
      votes: 173,
      percentOfBase: "50,00%",
      passed: false,
      outcome: "below-threshold",
      explanation: `đạt 173/346 = 50,00%, không quá 1/2 ${PROVINCIAL_BASE_TEXT} (cần ít nhất 174 phiếu); không trúng cử`,
    });
  });

  it("reports a tie for the last seat of a 5-seat branch committee and votes again among the tied only", () => {
    const [m1, m2, m3, m4, m5, m6] = BRANCH_COMMITTEE.candidates;
    const result = decide({
      ...BRANCH_COMMITTEE,
      electingOrganisation: "branch",
      ballots: branchBallots([38, 35, 30, 27, 25, 25]),
    });
    const tie = { for: "seats", votes: 25, positions: [5, 6], ids: ["m5", "m6"], places: 1 } as const;
    expect(result).toEqual({
      ruleSet: "party-190",
      office: "committee",
      officeLabel: "Ban Chấp hành (cấp ủy)",
      round: 1,
      seats: 5,
      alternateSeats: 0,
      base: branchBase,
      ballots: {
        present: 42,
        issued: 42,
        collected: 42,
        valid: 41,
        invalid: 1,
        invalidByReason: [
          {
            reason: "crosses-out-everyone",
            label: "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
            count: 1,
          },
        ],
        rowsForNobody: 0,
      },
      candidates: [
        {
          ...m1,
          position: 1,
          votes: 38,
          percentOfBase: "86,36%",
          passed: true,
          rank: 1,
          outcome: "elected",
          explanation: `đạt 38/44 = 86,36% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử`,
        },
        {
          ...m2,
          position: 2,
          votes: 35,
          percentOfBase: "79,55%",
          passed: true,
          rank: 2,
          outcome: "elected",
          explanation: `đạt 35/44 = 79,55% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử`,
        },
        {
          ...m3,
          position: 3,
          votes: 30,
          percentOfBase: "68,18%",
          passed: true,
          rank: 3,
          outcome: "elected",
          explanation: `đạt 30/44 = 68,18% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử`,
        },
        {
          ...m4,
          position: 4,
          votes: 27,
          percentOfBase: "61,36%",
          passed: true,
          rank: 4,
          outcome: "elected",
          explanation: `đạt 27/44 = 61,36% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử`,
        },
        {
          ...m5,
          position: 5,
          votes: 25,
          percentOfBase: "56,82%",
          passed: true,
          rank: 5,
          outcome: "tied",
          explanation: `đạt 25/44 = 56,82% > 1/2 ${BRANCH_BASE_TEXT}; bằng số phiếu với đồng chí Trần Minh Tâm ở vị trí cuối (2 người cho 1 chỉ tiêu còn lại); phải bầu tiếp trong số những người bằng phiếu`,
        },
        {
          ...m6,
          position: 6,
          votes: 25,
          percentOfBase: "56,82%",
          passed: true,
          rank: 5,
          outcome: "tied",
          explanation: `đạt 25/44 = 56,82% > 1/2 ${BRANCH_BASE_TEXT}; bằng số phiếu với đồng chí Nguyễn Đức Long ở vị trí cuối (2 người cho 1 chỉ tiêu còn lại); phải bầu tiếp trong số những người bằng phiếu`,
        },
      ],
      elected: [
        { ...m1, position: 1, votes: 38 },
        { ...m2, position: 2, votes: 35 },
        { ...m3, position: 3, votes: 30 },
        { ...m4, position: 4, votes: 27 },
      ],
      alternates: [],
      ties: [tie],
      openSeats: 0,
      openAlternateSeats: 0,
      nextStep: { kind: "tie-vote", ties: [tie] },
    });

    const election: ElectionSpec = {
      office: "committee",
      seats: 5,
      alternateSeats: 0,
      candidates: BRANCH_COMMITTEE.candidates,
      round: 1,
      electingOrganisation: "branch",
    };
    // Nobody outside the tie may be on the further ballot: there is no "older wins" shortcut either.
    expect(planFurtherRound(result, election, { kind: "hold-round", candidates: [m5!, m4!] })).toEqual({
      ok: false,
      error: { kind: "tie-vote-must-list-tied-only", expected: ["m5", "m6"] },
    });
    const plan = unwrap(planFurtherRound(result, election, { kind: "hold-round", candidates: [m5!, m6!] }));
    expect(plan).toEqual({
      kind: "round",
      election: {
        office: "committee",
        electingOrganisation: "branch",
        round: 2,
        candidates: [m5, m6],
        seats: 1,
        alternateSeats: 0,
      },
    });
    if (plan.kind !== "round") throw new Error("expected a round");
    const round2 = decide({
      ...plan.election,
      base: BRANCH_COMMITTEE.base,
      hall: { present: 42, issued: 42 },
      ballots: [...buildCrossOutBallots([30, 11], 41), { kind: "cross-out", crossedOut: [] }],
    });
    expect(round2.ballots.invalidByReason).toEqual([
      { reason: "keeps-more-than-seats", label: "Phiếu để số người nhiều hơn số lượng cần bầu", count: 1 },
    ]);
    expect(round2.elected).toEqual([{ ...m5, position: 1, votes: 30 }]);
    expect(round2.nextStep).toEqual({ kind: "complete" });
  });

  it("leaves seats open for the congress to decide when fewer candidates pass than seats", () => {
    const [m1, , , m4, m5, m6] = BRANCH_COMMITTEE.candidates;
    const result = decide({ ...BRANCH_COMMITTEE, ballots: branchBallots([38, 35, 30, 22, 20, 18]) });
    expect(result.elected.map((e) => e.id)).toEqual(["m1", "m2", "m3"]);
    expect(result.openSeats).toBe(2);
    expect(result.nextStep).toEqual({ kind: "congress-decides", openSeats: 2, openAlternateSeats: 0 });
    expect(result.candidates[3]!.explanation).toBe(
      `đạt 22/44 = 50,00%, không quá 1/2 ${BRANCH_BASE_TEXT} (cần ít nhất 23 phiếu); không trúng cử`,
    );
    const election: ElectionSpec = {
      office: "committee",
      seats: 5,
      alternateSeats: 0,
      candidates: BRANCH_COMMITTEE.candidates,
      round: 1,
      electingOrganisation: "committee",
    };
    expect(planFurtherRound(result, election, { kind: "hold-round", candidates: [m1!, m4!] })).toEqual({
      ok: false,
      error: { kind: "candidate-already-elected", id: "m1" },
    });
    expect(planFurtherRound(result, election, { kind: "hold-round", candidates: [m4!, m5!, m6!] })).toEqual({
      ok: true,
      value: {
        kind: "round",
        election: {
          office: "committee",
          electingOrganisation: "committee",
          round: 2,
          candidates: [m4, m5, m6],
          seats: 2,
          alternateSeats: 0,
        },
      },
    });
    expect(planFurtherRound(result, election, { kind: "leave-open" })).toEqual({
      ok: true,
      value: { kind: "left-open", openSeats: 2, openAlternateSeats: 0 },
    });
  });

  it("elects the secretary directly with a single-name agree/disagree ballot", () => {
    const agree = (n: number): Ballot[] =>
      Array.from({ length: n }, () => ({ kind: "agree-disagree", marks: ["agree"] }));
    const ballots: Ballot[] = [
      ...agree(39),
      { kind: "agree-disagree", marks: ["disagree"] },
      { kind: "agree-disagree", marks: ["both"] },
      { kind: "agree-disagree", marks: ["neither"] },
    ];
    const common = {
      candidates: [SECRETARY_CANDIDATE],
      seats: 1,
      office: "secretary" as const,
      base: BRANCH_COMMITTEE.base,
      hall: { present: 42, issued: 42 },
      ballots,
    };
    const result = decide(common);
    expect(result.ballots).toEqual({
      present: 42,
      issued: 42,
      collected: 42,
      valid: 40,
      invalid: 2,
      invalidByReason: [
        {
          reason: "single-name-both-or-neither",
          label: "Phiếu bầu một người mà đánh dấu cả hai ô hoặc không đánh dấu ô nào",
          count: 2,
        },
      ],
      rowsForNobody: 0,
    });
    expect(result.candidates).toEqual([
      {
        ...SECRETARY_CANDIDATE,
        position: 1,
        votes: 39,
        percentOfBase: "88,64%",
        passed: true,
        rank: 1,
        outcome: "elected",
        explanation: `đạt 39/44 = 88,64% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử`,
      },
    ]);
    expect(result.officeLabel).toBe("Bí thư");
    expect(result.nextStep).toEqual({ kind: "complete" });

    // With the extra ground switched off, both/neither counts for nobody without spoiling the ballot.
    const lenient = decide({
      ...common,
      settings: {
        ...PARTY_190.settings,
        extraInvalidityGrounds: {
          ...PARTY_190.settings.extraInvalidityGrounds,
          singleNameBothOrNeither: false,
        },
      },
    });
    expect(lenient.ballots).toMatchObject({ valid: 42, invalid: 0, invalidByReason: [], rowsForNobody: 2 });
    expect(lenient.candidates[0]!.votes).toBe(39);
  });

  it("sends a branch secretary not elected by the third round to appointment by the upper committee", () => {
    const base: BaseFigures = {
      kind: "members-congress",
      convened: 15,
      temporarilyAttendingElsewhere: 0,
      exemptedNotAttending: 0,
      suspendedProsecutedOrDetained: 0,
      absentWithAcceptedReason: 0,
    };
    const ballots: Ballot[] = Array.from({ length: 14 }, (_, i) => ({
      kind: "agree-disagree",
      marks: [i < 7 ? "agree" : "disagree"],
    }));
    const at = (round: number) =>
      decide({
        candidates: [SECRETARY_CANDIDATE],
        seats: 1,
        office: "secretary",
        electingOrganisation: "branch",
        round,
        base,
        ballots,
        hall: { present: 14, issued: 14 },
      });
    expect(at(2).nextStep).toEqual({ kind: "congress-decides", openSeats: 1, openAlternateSeats: 0 });
    const third = at(3);
    expect(third.nextStep).toEqual({ kind: "appointment-by-upper-committee" });
    expect(third.candidates[0]!.explanation).toBe(
      "đạt 7/15 = 46,67%, không quá 1/2 số đảng viên chính thức được triệu tập (cần ít nhất 8 phiếu); không trúng cử",
    );
  });

  it("elects delegates to the upper congress with alternates ranked by votes", () => {
    const candidates = Array.from({ length: 14 }, (_, i) => ({ id: `d${i + 1}`, name: `Đại biểu ${i + 1}` }));
    const votes = [40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 29, 30, 20, 15];
    const result = decide({
      candidates,
      seats: 10,
      alternateSeats: 2,
      office: "upper_congress_delegates",
      base: BRANCH_COMMITTEE.base,
      hall: { present: 42, issued: 42 },
      ballots: buildCrossOutBallots(votes, 42),
    });
    expect(result.elected.map((e) => e.id)).toEqual([
      "d1",
      "d2",
      "d3",
      "d4",
      "d5",
      "d6",
      "d7",
      "d8",
      "d9",
      "d10",
    ]);
    expect(result.alternates).toEqual([
      { position: 12, id: "d12", name: "Đại biểu 12", votes: 30 },
      { position: 11, id: "d11", name: "Đại biểu 11", votes: 29 },
    ]);
    expect(result.candidates[0]!.explanation).toBe(
      `đạt 40/44 = 90,91% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử đại biểu chính thức`,
    );
    expect(result.candidates[10]!.explanation).toBe(
      `đạt 29/44 = 65,91% > 1/2 ${BRANCH_BASE_TEXT}; trúng cử đại biểu dự khuyết (thứ tự thay thế 2)`,
    );
    expect(result.candidates[12]!.outcome).toBe("below-threshold");
    expect(result.nextStep).toEqual({ kind: "complete" });

    // A tie straddling the last official seat is a tie for that seat; those below still rank as alternates.
    const tied = decide({
      candidates,
      seats: 10,
      alternateSeats: 2,
      office: "upper_congress_delegates",
      base: BRANCH_COMMITTEE.base,
      hall: { present: 42, issued: 42 },
      ballots: buildCrossOutBallots([40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 31, 29, 20, 15], 42),
    });
    expect(tied.elected).toHaveLength(9);
    expect(tied.ties).toEqual([
      { for: "seats", votes: 31, positions: [10, 11], ids: ["d10", "d11"], places: 1 },
    ]);
    expect(tied.alternates.map((a) => a.id)).toEqual(["d12"]);
    expect(tied.openAlternateSeats).toBe(0);
  });

  it("rejects a count that breaks the minutes' arithmetic, naming the field", () => {
    const settings = PARTY_190.settings;
    const result = decideElection({
      ruleSet: PARTY_190,
      election: {
        office: "committee",
        seats: 5,
        alternateSeats: 0,
        candidates: BRANCH_COMMITTEE.candidates,
        round: 1,
        electingOrganisation: "branch",
      },
      base: unwrap(computeBase(BRANCH_COMMITTEE.base, settings)),
      tally: {
        collected: 42,
        valid: 40,
        invalid: 1,
        invalidByReason: {
          "not-issued": 1,
          "added-name": 0,
          "identifying-mark": 0,
          "keeps-more-than-seats": 0,
          "crosses-out-everyone": 0,
          "single-name-both-or-neither": 0,
        },
        votes: [41, 30, 30, 30, 30, 30],
        rowsForNobody: null,
      },
      hall: { present: 42, issued: 43 },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: "count-invariant",
        issues: [
          { path: ["issued"], message: "Số phiếu phát ra (43) lớn hơn số người có mặt (42)" },
          {
            path: ["invalid"],
            message: "Số phiếu hợp lệ (40) cộng số phiếu không hợp lệ (1) khác số phiếu thu vào (42)",
          },
          { path: ["votes", 0], message: "Người số 1 được 41 phiếu, nhiều hơn số phiếu hợp lệ (40)" },
        ],
      },
    });
  });
});

describe("after a shortfall (issue 17)", () => {
  const members: BaseFigures = {
    kind: "members-congress",
    convened: 15,
    temporarilyAttendingElsewhere: 0,
    exemptedNotAttending: 0,
    suspendedProsecutedOrDetained: 0,
    absentWithAcceptedReason: 0,
  };
  const halfAgree: Ballot[] = Array.from({ length: 14 }, (_, i) => ({
    kind: "agree-disagree",
    marks: [i < 7 ? "agree" : "disagree"],
  }));
  const secretary = (base: BaseFigures) =>
    decide({
      candidates: [SECRETARY_CANDIDATE],
      seats: 1,
      office: "secretary",
      base,
      ballots: halfAgree,
      hall: { present: 14, issued: 14 },
    });

  it("a secretary not elected directly at the congress is elected at the committee's first conference", () => {
    const r = secretary(members);
    expect(r.nextStep).toEqual({ kind: "secretary-at-first-conference" });
    expect(nextStepNotes(r)).toEqual([
      "Đại hội không bầu được bí thư: báo cáo cấp ủy cấp trên trực tiếp; bí thư được bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới.",
    ]);
    const again = planFurtherRound(
      r,
      {
        office: "secretary",
        seats: 1,
        alternateSeats: 0,
        candidates: [SECRETARY_CANDIDATE],
        round: 1,
        electingOrganisation: "committee",
      },
      { kind: "hold-round", candidates: [SECRETARY_CANDIDATE] },
    );
    expect(again).toEqual({
      ok: false,
      error: { kind: "no-further-round", nextStep: "secretary-at-first-conference" },
    });
    // At the committee's own conference the conference decides, as for any other office.
    const atConference = secretary({ kind: "committee-conference", convened: 15, absentWithLeave: 0 });
    expect(atConference.nextStep).toEqual({ kind: "congress-decides", openSeats: 1, openAlternateSeats: 0 });
  });

  it("delegates short after the first round are voted on again before seats may be left open", () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({ id: `d${i + 1}`, name: `Đại biểu ${i + 1}` }));
    const votes = [40, 39, 38, 37, 36, 35, 34, 33, 20, 15, 10, 5];
    const at = (round: number) =>
      decide({
        candidates,
        seats: 10,
        office: "upper_congress_delegates",
        round,
        base: BRANCH_COMMITTEE.base,
        hall: { present: 42, issued: 42 },
        ballots: buildCrossOutBallots(votes, 42),
      });
    const first = at(1);
    expect(first.elected).toHaveLength(8);
    expect(first.nextStep).toEqual({
      kind: "further-round-required",
      openSeats: 2,
      openAlternateSeats: 0,
      roundsBeforeLeavingOpen: 2,
    });
    expect(nextStepNotes(first)).toEqual([
      "Kết quả còn thiếu 2 người (cần bầu 10): đại hội bầu tiếp số còn thiếu; chỉ xem xét để thiếu từ lần bầu thứ 2.",
    ]);
    const spec: ElectionSpec = {
      office: "upper_congress_delegates",
      seats: 10,
      alternateSeats: 0,
      candidates,
      round: 1,
      electingOrganisation: "committee",
    };
    expect(planFurtherRound(first, spec, { kind: "leave-open" })).toEqual({
      ok: false,
      error: { kind: "must-vote-again", roundsBeforeLeavingOpen: 2 },
    });
    const next = planFurtherRound(first, spec, { kind: "hold-round", candidates: candidates.slice(8) });
    expect(next.ok && next.value.kind === "round" && next.value.election.seats).toBe(2);
    // From the second round on the congress may leave them open.
    expect(at(2).nextStep).toEqual({ kind: "congress-decides", openSeats: 2, openAlternateSeats: 0 });
  });
});
