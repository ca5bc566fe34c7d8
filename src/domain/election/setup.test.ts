import { describe, expect, it } from "vitest";
import { describeBallot, sameBallot } from "./ballot.ts";
import { nextStepNotes, OUTCOME_LABELS } from "./decide.ts";
import { ALTERNATES_ONLY_FOR_DELEGATES, PARTY_190 } from "./rules.ts";
import {
  checkSetupShape,
  type ElectionSetup,
  type ListedCandidate,
  listProblemsOf,
  startProblemsOf,
} from "./setup.ts";
import { ballotFigureProblems } from "./tally.ts";

const committee: ElectionSetup = {
  office: "committee",
  seats: 3,
  alternateSeats: 0,
  present: 40,
  furtherRound: false,
  settings: PARTY_190.settings,
  base: {
    kind: "members-congress",
    convened: 42,
    temporarilyAttendingElsewhere: 0,
    exemptedNotAttending: 0,
    suspendedProsecutedOrDetained: 0,
    absentWithAcceptedReason: 0,
  },
};

const listed = (names: readonly string[]): ListedCandidate[] =>
  names.map((fullName, i) => ({ position: i + 1, fullName, nominatedBy: "committee", floorApprovals: null }));

describe("listProblemsOf", () => {
  it("asks for a list when there is nobody on it", () => {
    expect(listProblemsOf(committee, [])).toEqual(["Danh sách bầu cử chưa có ai"]);
  });

  it("names the person out of a, b, c order by ballot number", () => {
    const problems = listProblemsOf(
      committee,
      listed(["Trần Văn Bình", "Lê Thị An", "Phạm Văn Cường", "Vũ Thị Dung"]),
    );
    expect(problems).toContain(
      "Danh sách chưa theo thứ tự a, b, c của tên: số 2 (Lê Thị An) phải đứng trước số 1",
    );
  });

  it("allows one or two names when the secretary is elected directly, as the settings say", () => {
    const secretary = { ...committee, office: "secretary", seats: 1 };
    expect(listProblemsOf(secretary, listed(["Lê Thị An", "Trần Văn Bình"]))).toEqual([
      "Bầu trực tiếp bí thư chỉ được có tối đa 1 người trong danh sách (có 2)",
    ]);
  });

  it("names a floor nominee without enough approvals (more than 30% of those present)", () => {
    const list: ListedCandidate[] = [
      ...listed(["Lê Thị An", "Nguyễn Văn Bảo", "Trần Văn Bình", "Phạm Văn Cường"]),
      { position: 5, fullName: "Vũ Thị Dung", nominatedBy: "floor", floorApprovals: 12 },
    ];
    expect(listProblemsOf(committee, list)).toEqual([
      "Vũ Thị Dung (ứng cử tại đại hội) chỉ được 12 người đồng ý, cần từ 13 người trở lên (trên 30% số có mặt): không được đưa vào danh sách",
    ]);
    // Admitted, the floor nominee makes the surplus two where at most one is allowed.
    expect(listProblemsOf(committee, [...list.slice(0, 4), { ...list[4]!, floorApprovals: 13 }])).toEqual([
      "Số dư 2 vượt quá mức tối đa 1: phải bỏ phiếu xin ý kiến để lấy người có số phiếu cao từ trên xuống",
    ]);
  });
});

describe("startProblemsOf", () => {
  it("wants the base of N and refuses alternates outside upper-congress delegates", () => {
    const problems = startProblemsOf(
      { ...committee, base: null, alternateSeats: 1 },
      listed(["Lê Thị An", "Nguyễn Văn Bảo", "Trần Văn Bình", "Vũ Thị Dung"]),
    );
    expect(problems).toContain("Chưa nhập số được triệu tập và các trường hợp được trừ (cơ sở tính N)");
    expect(problems).toContain(ALTERNATES_ONLY_FOR_DELEGATES);
  });
});

describe("checkSetupShape", () => {
  it("names the bad setting by its path", () => {
    expect(
      checkSetupShape({ office: "committee", alternateSeats: 0, settings: { secretaryCandidatesMax: 3 } }),
    ).toMatchObject({ field: "settings.secretaryCandidatesMax" });
  });

  it("allows alternates only for delegates to the upper congress", () => {
    expect(checkSetupShape({ office: "committee", alternateSeats: 2 })).toEqual({
      field: "alternateSeats",
      message: ALTERNATES_ONLY_FOR_DELEGATES,
    });
    expect(checkSetupShape({ office: "upper_congress_delegates", alternateSeats: 2 })).toBeNull();
  });
});

describe("ballotFigureProblems", () => {
  it("checks only the figures already known", () => {
    expect(ballotFigureProblems({ present: null, issued: 50, collected: null })).toEqual([]);
    expect(ballotFigureProblems({ present: 42, issued: 43, collected: 44 })).toEqual([
      { field: "issued", message: "Số phiếu phát ra (43) lớn hơn số người có mặt (42)" },
      { field: "collected", message: "Số phiếu thu vào (44) lớn hơn số phiếu phát ra (43)" },
    ]);
  });
});

describe("ballot wording", () => {
  it("describes a ballot with its defects in the log's words", () => {
    expect(describeBallot({ kind: "cross-out", crossedOut: [12, 3], addedName: true })).toBe(
      "gạch tên số 3, 12; ghi thêm tên",
    );
    expect(describeBallot({ kind: "agree-disagree", marks: ["agree", "neither"] })).toBe(
      "đồng ý: 1; không đồng ý: không có; đánh dấu cả hai ô hoặc không ô nào: không có, 2",
    );
  });

  it("treats the order of crossed-out numbers and absent defects as the same ballot", () => {
    expect(
      sameBallot(
        { kind: "cross-out", crossedOut: [3, 1] },
        { kind: "cross-out", crossedOut: [1, 3], notIssued: false },
      ),
    ).toBe(true);
    expect(
      sameBallot(
        { kind: "cross-out", crossedOut: [1] },
        { kind: "cross-out", crossedOut: [1], identifyingMark: true },
      ),
    ).toBe(false);
  });
});

describe("nextStepNotes", () => {
  it("records a tie and open seats as sentences of the minutes", () => {
    const notes = nextStepNotes({
      candidates: [{ name: "Lê Thị An" }, { name: "Trần Văn Bình" }] as never,
      ties: [{ for: "seats", votes: 20, positions: [1, 2], ids: ["1", "2"], places: 1 }],
      openSeats: 1,
      seats: 3,
      nextStep: { kind: "tie-vote", ties: [] },
    });
    expect(notes).toEqual([
      "Các đồng chí Lê Thị An, Trần Văn Bình bằng phiếu (20 phiếu) cho 1 chỗ cuối: bầu lại trong số những người bằng phiếu.",
      "Kết quả còn thiếu 1 người (cần bầu 3): đại hội quyết định bầu tiếp hay để thiếu.",
    ]);
    expect(OUTCOME_LABELS.alternate).toBe("Dự khuyết");
  });
});
