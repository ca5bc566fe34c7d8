import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { type Ballot, makeBallotSpec } from "./ballot.ts";
import { buildCrossOutBallots, VILLAGE_KHE_LAC } from "./fixtures.ts";
import { VILLAGE_HEAD } from "./rules.ts";
import { tallyBallots } from "./tally.ts";
import { decideVillageHeadElection } from "./village-head.ts";

const [v1, v2] = VILLAGE_KHE_LAC.candidates;
const SPEC = makeBallotSpec(2, 1, VILLAGE_HEAD.settings.extraInvalidityGrounds);
const OF_VILLAGE = "tổng số đại diện hộ gia đình của thôn";

/** Two candidates for one head: votes for each, then 4 ballots crossing out both and 2 keeping both. */
function khelacBallots(votes: [number, number]): Ballot[] {
  return [
    ...buildCrossOutBallots(votes, votes[0] + votes[1]),
    ...Array.from({ length: 4 }, (): Ballot => ({ kind: "cross-out", crossedOut: [1, 2] })),
    ...Array.from({ length: 2 }, (): Ballot => ({ kind: "cross-out", crossedOut: [] })),
  ];
}

function decide(votes: [number, number], attempt = 1, present: number = VILLAGE_KHE_LAC.present) {
  return unwrap(
    decideVillageHeadElection({
      ruleSet: VILLAGE_HEAD,
      villageKind: "thôn",
      candidates: VILLAGE_KHE_LAC.candidates,
      electorate: VILLAGE_KHE_LAC.electorate,
      present,
      issued: present,
      tally: unwrap(tallyBallots(khelacBallots(votes), SPEC)),
      attempt,
    }),
  );
}

const QUORUM_MET = `Hội nghị có 241/312 = 77,24% đại diện hộ gia đình tham dự, quá 1/2 ${OF_VILLAGE}; hội nghị hợp lệ`;

describe("decideVillageHeadElection", () => {
  it("elects the head with the most votes and more than half of ALL household representatives", () => {
    expect(decide([160, 75])).toEqual({
      ruleSet: "village-head",
      attempt: 1,
      electorate: 312,
      present: 241,
      quorum: { met: true, needed: 157, explanation: QUORUM_MET },
      threshold: 157,
      ballots: {
        present: 241,
        issued: 241,
        collected: 241,
        valid: 235,
        invalid: 6,
        invalidByReason: [
          {
            reason: "keeps-more-than-seats",
            label: "Phiếu để số người nhiều hơn số lượng cần bầu",
            count: 2,
          },
          {
            reason: "crosses-out-everyone",
            label: "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
            count: 4,
          },
        ],
        rowsForNobody: 0,
      },
      candidates: [
        {
          ...v1,
          position: 1,
          votes: 160,
          percentOfElectorate: "51,28%",
          outcome: "elected",
          explanation: `đạt 160/312 = 51,28% > 1/2 ${OF_VILLAGE} và cao nhất; trúng cử trưởng thôn`,
        },
        {
          ...v2,
          position: 2,
          votes: 75,
          percentOfElectorate: "24,04%",
          outcome: "not-elected",
          explanation: "đạt 75/312 = 24,04%, không phải người có số phiếu cao nhất; không trúng cử",
        },
      ],
      elected: { ...v1, position: 1, votes: 160 },
      nextStep: { kind: "complete" },
      explanation: `${QUORUM_MET}. Đặng Văn Bình trúng cử trưởng thôn`,
    });
  });

  it("does not elect the most-voted candidate with more than half of those present but not of the village", () => {
    // 150 of 241 present is 62%, but 150 of 312 households is not more than half.
    const first = decide([150, 85]);
    expect(first.elected).toBeNull();
    expect(first.candidates[0]!.explanation).toBe(
      `đạt 150/312 = 48,08%, cao nhất nhưng không quá 1/2 ${OF_VILLAGE} (cần ít nhất 157 phiếu); không trúng cử`,
    );
    expect(first.nextStep).toEqual({ kind: "re-election-ordered-by-commune" });
    expect(first.explanation).toBe(
      `${QUORUM_MET}. Bầu cử lần 1 không thành: Ủy ban nhân dân cấp xã chỉ đạo tổ chức bầu lại`,
    );
    const second = decide([150, 85], 2);
    expect(second.nextStep).toEqual({ kind: "interim-head-appointed-by-commune" });
    expect(second.explanation).toBe(
      `${QUORUM_MET}. Bầu cử lần 2 không thành: Ủy ban nhân dân cấp xã cử trưởng thôn lâm thời`,
    );
  });

  it("holds no vote when no more than half of the households are present", () => {
    const result = unwrap(
      decideVillageHeadElection({
        ruleSet: VILLAGE_HEAD,
        villageKind: "thôn",
        candidates: VILLAGE_KHE_LAC.candidates,
        electorate: 312,
        present: 156,
        issued: 0,
        tally: null,
        attempt: 1,
      }),
    );
    expect(result.quorum).toEqual({
      met: false,
      needed: 157,
      explanation: `Hội nghị chỉ có 156/312 = 50,00% đại diện hộ gia đình tham dự, không quá 1/2 ${OF_VILLAGE} (cần ít nhất 157); hội nghị không hợp lệ, không tiến hành bầu`,
    });
    expect(result.ballots).toBeNull();
    expect(result.elected).toBeNull();
    expect(result.nextStep).toEqual({ kind: "re-election-ordered-by-commune" });
  });

  it("does not elect either of two candidates tied for the most votes", () => {
    const tied = decide([117, 117]);
    expect(tied.elected).toBeNull();
    expect(tied.candidates.map((c) => c.explanation)).toEqual([
      "đạt 117/312 = 37,50%, bằng số phiếu cao nhất với Hoàng Thị Mai; không trúng cử",
      "đạt 117/312 = 37,50%, bằng số phiếu cao nhất với Đặng Văn Bình; không trúng cử",
    ]);
    expect(tied.nextStep).toEqual({ kind: "re-election-ordered-by-commune" });
  });

  it("names the head of a residential group (tổ dân phố) by its own title", () => {
    const result = unwrap(
      decideVillageHeadElection({
        ruleSet: { kind: "village-head", settings: { ...VILLAGE_HEAD.settings, electorate: "voters" } },
        villageKind: "tổ dân phố",
        candidates: [v1!],
        electorate: 500,
        present: 400,
        issued: 400,
        tally: unwrap(
          tallyBallots(
            Array.from(
              { length: 400 },
              (_, i): Ballot => ({ kind: "agree-disagree", marks: [i < 260 ? "agree" : "disagree"] }),
            ),
            makeBallotSpec(1, 1, VILLAGE_HEAD.settings.extraInvalidityGrounds),
          ),
        ),
        attempt: 1,
      }),
    );
    expect(result.candidates[0]!.explanation).toBe(
      "đạt 260/500 = 52,00% > 1/2 tổng số cử tri của tổ dân phố và cao nhất; trúng cử tổ trưởng tổ dân phố",
    );
  });
});
