import { describe, expect, it } from "vitest";
import { decideVillageMeeting, type VillageMeetingInput } from "./meeting.ts";
import {
  addWorkingDays,
  checkProceduralVotes,
  checkRecognition,
  recognitionDeadline,
} from "./recognition.ts";

describe("recognition by the commune People's Committee within 5 working days (issue 17)", () => {
  it("counts working days, skipping weekends and the holidays given", () => {
    // Sunday 05/01/2020 → Monday 06 … Friday 10/01/2020.
    expect(recognitionDeadline("2020-01-05")).toBe("2020-01-10");
    // Friday 17/01/2020 → 20, 21, 22, 23, 24/01/2020.
    expect(recognitionDeadline("2020-01-17")).toBe("2020-01-24");
    expect(addWorkingDays("2020-01-17", 5, new Set(["2020-01-23", "2020-01-24"]))).toBe("2020-01-28");
  });

  it("records a recognition in time or late, and refuses one before the meeting or in the future", () => {
    expect(checkRecognition("2020-01-05", "2020-01-08", "2020-02-01")).toEqual({
      ok: true,
      late: false,
      deadline: "2020-01-10",
      note: "Ủy ban nhân dân cấp xã công nhận ngày 08/01/2020, trong thời hạn 5 ngày làm việc (đến 10/01/2020); trưởng thôn nhận nhiệm vụ từ ngày công nhận",
    });
    expect(checkRecognition("2020-01-05", "2020-01-13", "2020-02-01")).toMatchObject({
      ok: true,
      late: true,
    });
    expect(checkRecognition("2020-01-05", "2020-01-04", "2020-02-01")).toMatchObject({
      ok: false,
      problem: { kind: "before-meeting" },
    });
    expect(checkRecognition("2020-01-05", "2020-02-02", "2020-02-01")).toMatchObject({
      ok: false,
      problem: { kind: "in-future" },
    });
  });
});

describe("the meeting's procedural votes and nominations (issue 17)", () => {
  it("pass with more than half of those present, and a team of 3 to 5", () => {
    expect(checkProceduralVotes(241, { method: 121, team: 200 }, 3)).toEqual([]);
    expect(checkProceduralVotes(240, { method: 120, team: 200 }, 2)).toEqual([
      {
        field: "proceduralVotes.method",
        message:
          "Hình thức bầu chỉ được 120/240 người có mặt tán thành, cần quá 1/2 (từ 121 người): chưa được thông qua",
      },
      { field: "team", message: "Tổ bầu cử phải có từ 3 đến 5 người (có 2)" },
    ]);
  });

  const meeting: VillageMeetingInput = {
    attempt: 1,
    heldOn: "2020-01-05",
    electorate: 312,
    present: 241,
    method: "secret-ballot",
    issued: 241,
    collected: 241,
    valid: 235,
    invalid: 6,
    candidates: [
      {
        fullName: "Trần Văn Khải",
        nomination: "households",
        personId: null,
        gender: "male",
        birthDate: null,
        ethnicity: "Kinh",
        votes: 160,
      },
    ],
    team: ["Nguyễn Văn An", "Phạm Thị Bình", "Lê Văn Cường"],
    proceduralVotes: { method: 230, team: 228 },
  };

  it("accepts a candidate nominated by the household representatives", () => {
    const d = decideVillageMeeting(meeting, "thôn");
    expect(d.ok && d.value.outcome).toBe("elected");
  });

  it("refuses a meeting whose procedural vote did not pass, naming the field", () => {
    const d = decideVillageMeeting({ ...meeting, proceduralVotes: { method: 100, team: 228 } }, "thôn");
    expect(d).toEqual({
      ok: false,
      error: [
        {
          path: ["proceduralVotes", "method"],
          message:
            "Hình thức bầu chỉ được 100/241 người có mặt tán thành, cần quá 1/2 (từ 121 người): chưa được thông qua",
        },
      ],
    });
  });
});
