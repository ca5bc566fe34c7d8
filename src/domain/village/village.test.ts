import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { communeChecklist, legalStepDeadlines, summariseChecklists } from "./checklist.ts";
import { type DashboardVillage, shareBand, villageDashboard } from "./dashboard.ts";
import { decideVillageMeeting, nextAttempt, type VillageMeetingInput, villageStatus } from "./meeting.ts";

const candidate = (fullName: string, votes: number) => ({
  fullName,
  nomination: "branch-committee" as const,
  personId: null,
  gender: "male" as const,
  birthDate: null,
  ethnicity: "Kinh",
  votes,
});

const MEETING: VillageMeetingInput = {
  attempt: 1,
  heldOn: "2020-01-05",
  electorate: 312,
  present: 241,
  method: "secret-ballot",
  issued: 241,
  collected: 241,
  valid: 235,
  invalid: 6,
  candidates: [candidate("Trần Văn Khải", 160), candidate("Lê Thị Hoa", 75)],
  team: ["Nguyễn Văn An", "Phạm Thị Bình"],
};

describe("decideVillageMeeting", () => {
  it("elects the head with more than half of ALL household representatives and explains it", () => {
    const d = unwrap(decideVillageMeeting(MEETING, "thôn"));
    expect(d.outcome).toBe("elected");
    expect(d.electedIndex).toBe(0);
    expect(d.explanation).toBe(
      "Hội nghị có 241/312 = 77,24% đại diện hộ gia đình tham dự, quá 1/2 tổng số đại diện hộ gia đình của thôn; hội nghị hợp lệ. Trần Văn Khải trúng cử trưởng thôn",
    );
  });

  it("needs a re-election when the most votes are not more than half of the whole village", () => {
    // 156 of 312 is exactly half: not more than half.
    const d = unwrap(
      decideVillageMeeting(
        { ...MEETING, candidates: [candidate("Trần Văn Khải", 156), candidate("Lê Thị Hoa", 79)] },
        "thôn",
      ),
    );
    expect(d.outcome).toBe("re-election-needed");
    expect(d.electedIndex).toBeNull();
    expect(d.explanation).toContain("Ủy ban nhân dân cấp xã chỉ đạo tổ chức bầu lại");
    expect(d.result.candidates[0]!.explanation).toContain("cần ít nhất 157 phiếu");
  });

  it("does not vote without a quorum, and a second failure leads to an interim head", () => {
    const d = unwrap(
      decideVillageMeeting(
        {
          ...MEETING,
          attempt: 2,
          present: 156,
          issued: null,
          collected: null,
          valid: null,
          invalid: null,
          candidates: [candidate("Trần Văn Khải", 0)],
        },
        "bản",
      ),
    );
    expect(d.outcome).toBe("interim-needed");
    expect(d.result.quorum.met).toBe(false);
    expect(d.explanation).toContain("hội nghị không hợp lệ");
    expect(d.explanation).toContain("cử trưởng bản lâm thời");
  });

  it("decides a show of hands from the hands counted", () => {
    const d = unwrap(
      decideVillageMeeting(
        { ...MEETING, method: "show-of-hands", issued: null, collected: null, valid: null, invalid: null },
        "khu phố",
      ),
    );
    expect(d.outcome).toBe("elected");
    expect(d.explanation).toContain("trúng cử trưởng khu phố");
  });

  it("names every field whose figures break the minutes' arithmetic", () => {
    const r = decideVillageMeeting(
      {
        ...MEETING,
        present: 400,
        issued: 241,
        collected: 242,
        valid: 200,
        invalid: 6,
        candidates: [candidate("A", 150), candidate("a", 60)],
      },
      "thôn",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.error.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toEqual({
      present: "Số có mặt (400) lớn hơn tổng số đại diện hộ gia đình (312)",
      "candidates.1.fullName": "Người ứng cử “a” bị ghi hai lần",
      collected: "Số phiếu thu vào (242) lớn hơn số phiếu phát ra (241)",
      invalid: "Số phiếu hợp lệ (200) cộng số phiếu không hợp lệ (6) khác số phiếu thu vào (242)",
      candidates:
        "Tổng số phiếu bầu của các người ứng cử (210) lớn hơn số phiếu hợp lệ (200): mỗi phiếu chỉ bầu một người",
    });
  });

  it("asks for the ballot figures of a secret ballot that met its quorum", () => {
    const r = decideVillageMeeting({ ...MEETING, issued: null }, "thôn");
    expect(r.ok ? [] : r.error).toEqual([
      { path: ["issued"], message: "Số phiếu phát ra: phải ghi khi bỏ phiếu kín" },
    ]);
  });
});

describe("village status", () => {
  it("follows the rounds: election, re-election, interim head", () => {
    expect(villageStatus([], false)).toBe("not-reported");
    expect(nextAttempt([], false)).toEqual({ attempt: 1 });
    const failed = [{ attempt: 1, outcome: "re-election-needed" as const }];
    expect(villageStatus(failed, false)).toBe("re-election-needed");
    expect(nextAttempt(failed, false)).toEqual({ attempt: 2 });
    const twice = [...failed, { attempt: 2, outcome: "interim-needed" as const }];
    expect(villageStatus(twice, false)).toBe("interim-needed");
    expect(nextAttempt(twice, false)).toHaveProperty("closed");
    expect(villageStatus(twice, true)).toBe("interim-appointed");
    expect(nextAttempt([{ attempt: 1, outcome: "elected" }], false)).toEqual({
      closed: "Thôn đã bầu được trưởng thôn; không ghi thêm lần bầu",
    });
  });
});

describe("communeChecklist", () => {
  it("dates each step from the election day: 20, 10 and 7 days before", () => {
    expect(legalStepDeadlines("2020-01-05")).toEqual({
      decision: "2019-12-16",
      team: "2019-12-26",
      notice: "2019-12-29",
    });
  });

  it("marks steps done on time, late, or not yet due", () => {
    const steps = communeChecklist(
      "2020-01-05",
      { decision: "2019-12-10", team: "2019-12-27", notice: null },
      "2019-12-28",
    );
    expect(steps.map((s) => s.status)).toEqual(["done", "late", "not-due"]);
    expect(steps[1]!.explanation).toBe(
      "Thực hiện ngày 27/12/2019, trễ hạn (chậm nhất 10 ngày trước ngày bầu 05/01/2020, tức ngày 26/12/2019)",
    );
    const later = communeChecklist(
      "2020-01-05",
      { decision: "2019-12-10", team: "2019-12-27", notice: null },
      "2019-12-30",
    );
    expect(later[2]!.status).toBe("late");
    expect(later[2]!.explanation).toContain("Chưa thực hiện, đã quá hạn");
    expect(summariseChecklists([steps, later]).byStep.map((s) => [s.done, s.late, s.notDue])).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 1, 1],
    ]);
  });
});

describe("villageDashboard", () => {
  const v = (over: Partial<DashboardVillage>): DashboardVillage => ({
    villageId: 1,
    villageName: "Thôn 1",
    communeId: 10,
    communeName: "Xã Sơn Dương",
    districtId: 100,
    districtName: "Thành phố Hạ Long",
    status: "not-reported",
    electorate: null,
    present: null,
    winnerVotes: null,
    winnerElectorate: null,
    headName: null,
    headGender: null,
    headEthnicity: null,
    explanation: null,
    ...over,
  });

  it("bands the winners' shares at 90% and 70% exactly", () => {
    expect(shareBand(91, 100)).toBe("over-90");
    expect(shareBand(90, 100)).toBe("70-90");
    expect(shareBand(71, 100)).toBe("70-90");
    expect(shareBand(70, 100)).toBe("50-70");
  });

  it("counts reported villages, turnout, re-elections, bands, women and ethnic-minority heads", () => {
    const head = {
      status: "elected" as const,
      electorate: 100,
      present: 90,
      winnerElectorate: 100,
      headName: "X",
    };
    const d = villageDashboard([
      v({ villageId: 1, ...head, winnerVotes: 95, headGender: "female", headEthnicity: "Kinh" }),
      v({ villageId: 2, ...head, winnerVotes: 80, headGender: "male", headEthnicity: "Dao" }),
      v({
        villageId: 3,
        villageName: "Thôn 3",
        communeId: 11,
        communeName: "Xã Thống Nhất",
        status: "re-election-needed",
        electorate: 200,
        present: 120,
        explanation: "phải bầu lại",
      }),
      v({
        villageId: 4,
        communeId: 11,
        communeName: "Xã Thống Nhất",
        districtId: 101,
        districtName: "Huyện Ba Chẽ",
      }),
    ]);
    expect(d).toMatchObject({
      total: 4,
      reported: 3,
      reportedPercent: "75,00%",
      elected: 2,
      reElectionNeeded: 1,
      electorate: 400,
      present: 300,
      turnoutPercent: "75,00%",
      womenHeads: 1,
      ethnicMinorityHeads: 1,
      womenHeadsPercent: "50,00%",
    });
    expect(d.shareBands.map((b) => b.count)).toEqual([1, 1, 0]);
    expect(d.reElectionList.map((x) => x.villageId)).toEqual([3]);
    expect(d.byDistrict.map((r) => [r.name, r.reported, r.total])).toEqual([
      ["Huyện Ba Chẽ", 0, 1],
      ["Thành phố Hạ Long", 3, 3],
    ]);
    expect(d.byCommune.map((r) => [r.name, r.reported, r.total, r.reElection])).toEqual([
      ["Xã Sơn Dương", 2, 2, 0],
      ["Xã Thống Nhất", 1, 2, 1],
    ]);
  });
});
