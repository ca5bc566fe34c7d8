import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { doneCongress } from "./fixtures.ts";
import { congressRecordSchema, plannedCongress, statusAsOf } from "./record.ts";
import { type CongressEvent, transitionCongress } from "./transition.ts";

const planned = plannedCongress({
  orgId: "QN.HL.HG",
  seasonCode: "2020-2025",
  type: "delegates",
  pilot: true,
  plannedStart: "2020-03-10",
  plannedEnd: "2020-03-11",
  venue: "Hội trường phường Hồng Gai",
});
const today = { today: "2020-03-20" };

const hold: CongressEvent = {
  type: "hold",
  actualStart: "2020-03-10",
  actualEnd: "2020-03-11",
  contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
  committeeAppointed: false,
  convened: 150,
  present: 146,
};
const results: CongressEvent = {
  type: "record_results",
  recordedOn: "2020-03-12",
  committeeSeatsDecided: 15,
  committeeSeatsElected: 15,
  electedInOneRoundFull: true,
  secretaryElectedDirectly: true,
  secretaryVotes: 140,
  secretaryVoteBase: 146,
};

describe("transitionCongress", () => {
  it("walks planned → held → results_recorded → confirmed", () => {
    const held = unwrap(transitionCongress(planned, hold, today));
    expect(held.status).toBe("held");
    const recorded = unwrap(transitionCongress(held, results, today));
    const confirmed = unwrap(
      transitionCongress(
        recorded,
        { type: "confirm", decisionNumber: " 125-QĐ/ThU ", date: "2020-03-18" },
        today,
      ),
    );
    expect(confirmed).toEqual({
      ...planned,
      status: "confirmed",
      actualStart: "2020-03-10",
      actualEnd: "2020-03-11",
      contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
      convened: 150,
      present: 146,
      resultsRecordedOn: "2020-03-12",
      committeeSeatsDecided: 15,
      committeeSeatsElected: 15,
      electedInOneRoundFull: true,
      secretaryElectedDirectly: true,
      secretaryVotes: 140,
      secretaryVoteBase: 146,
      confirmation: { decisionNumber: "125-QĐ/ThU", date: "2020-03-18" },
    });
    expect(congressRecordSchema.safeParse(confirmed).success).toBe(true);
    expect(statusAsOf(confirmed, "2020-03-10")).toBe("planned");
    expect(statusAsOf(confirmed, "2020-03-11")).toBe("held");
    expect(statusAsOf(confirmed, "2020-03-17")).toBe("results_recorded");
    expect(statusAsOf(confirmed, "2020-03-18")).toBe("confirmed");
  });

  it("refuses results before the congress is held", () => {
    expect(transitionCongress(planned, results, today)).toEqual({
      ok: false,
      error: {
        code: "illegal_transition",
        field: "status",
        message: "Chưa thể nhập kết quả: đại hội chưa được tổ chức (nhập kết quả đại hội)",
      },
    });
    expect(
      transitionCongress(planned, { type: "confirm", decisionNumber: "1", date: "2020-03-12" }, today),
    ).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
  });

  it("refuses an actual date after today", () => {
    expect(transitionCongress(planned, hold, { today: "2020-03-10" })).toEqual({
      ok: false,
      error: {
        code: "date_in_future",
        field: "actualEnd",
        message: "Ngày kết thúc đại hội (11/03/2020) sau ngày hôm nay (10/03/2020)",
      },
    });
  });

  it("refuses more present than convened, and an end before the start", () => {
    expect(transitionCongress(planned, { ...hold, present: 151 }, today)).toMatchObject({
      ok: false,
      error: {
        code: "present_exceeds_convened",
        field: "present",
        message: "Số có mặt (151) lớn hơn số triệu tập (150)",
      },
    });
    expect(transitionCongress(planned, { ...hold, actualEnd: "2020-03-09" }, today)).toMatchObject({
      ok: false,
      error: { code: "end_before_start", field: "actualEnd" },
    });
  });

  it("refuses results recorded before the congress ended, and incoherent results", () => {
    const held = unwrap(transitionCongress(planned, hold, today));
    expect(transitionCongress(held, { ...results, recordedOn: "2020-03-10" }, today)).toMatchObject({
      ok: false,
      error: { code: "results_before_congress_end" },
    });
    expect(transitionCongress(held, { ...results, committeeSeatsElected: 16 }, today)).toMatchObject({
      ok: false,
      error: { code: "invalid_record", field: "committeeSeatsElected" },
    });
    expect(transitionCongress(held, { ...results, secretaryVotes: 147 }, today)).toMatchObject({
      ok: false,
      error: { code: "invalid_record", field: "secretaryVotes" },
    });
    expect(transitionCongress(held, { ...results, committeeSeatsElected: 14 }, today)).toMatchObject({
      ok: false,
      error: { code: "invalid_record", field: "electedInOneRoundFull" },
    });
  });

  it("accepts an appointed committee with fewer contents, but not an election of it too", () => {
    const merged = {
      ...hold,
      contents: ["review_and_direction", "upper_documents"] as const,
      committeeAppointed: true,
    };
    expect(transitionCongress(planned, merged, today).ok).toBe(true);
    expect(
      transitionCongress(planned, { ...merged, contents: [...merged.contents, "elect_committee"] }, today),
    ).toMatchObject({ ok: false, error: { code: "invalid_record", field: "committeeAppointed" } });
  });

  it("reschedules only while planned", () => {
    const moved = transitionCongress(
      planned,
      { type: "reschedule", plannedStart: "2020-03-15", plannedEnd: "2020-03-16", venue: null },
      today,
    );
    expect(moved).toMatchObject({ ok: true, value: { plannedStart: "2020-03-15", venue: null } });
    expect(
      transitionCongress(
        doneCongress("QN.HL.HG", "2020-03-10"),
        { type: "reschedule", plannedStart: "2020-03-15", plannedEnd: "2020-03-16", venue: null },
        today,
      ),
    ).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
  });
});

describe("congressRecordSchema", () => {
  it("names the field at fault", () => {
    const bad = {
      ...doneCongress("QN.HL.HG", "2020-03-10"),
      present: 31,
      resultsRecordedOn: "2020-03-09",
      confirmation: { decisionNumber: "01-QĐ/ĐU", date: "2020-03-08" },
    };
    const parsed = congressRecordSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["present", "Số có mặt (31) lớn hơn số triệu tập (30)"],
      ["resultsRecordedOn", "Ngày nhập kết quả trước ngày kết thúc đại hội"],
      ["confirmation.date", "Ngày chuẩn y trước ngày nhập kết quả"],
    ]);
  });
});

describe("correcting recorded results (issue 17)", () => {
  const correction = {
    type: "correct_results" as const,
    reason: "Nhập nhầm số phiếu bầu bí thư",
    convened: 150,
    present: 146,
    committeeSeatsDecided: 15,
    committeeSeatsElected: 15,
    electedInOneRoundFull: true,
    secretaryElectedDirectly: true,
    secretaryVotes: 141,
    secretaryVoteBase: 146,
  };
  const held = unwrap(transitionCongress(planned, hold, today));
  const recorded = unwrap(transitionCongress(held, results, today));
  const confirmed = unwrap(
    transitionCongress(
      recorded,
      { type: "confirm", decisionNumber: "125-QĐ/ThU", date: "2020-03-18" },
      today,
    ),
  );

  it("corrects recorded and confirmed results and keeps the status", () => {
    expect(unwrap(transitionCongress(recorded, correction, today))).toEqual({
      ...recorded,
      secretaryVotes: 141,
    });
    expect(unwrap(transitionCongress(confirmed, correction, today))).toEqual({
      ...confirmed,
      secretaryVotes: 141,
    });
  });

  it("needs a reason, a change, and results already recorded", () => {
    expect(transitionCongress(recorded, { ...correction, reason: "  sai  " }, today)).toMatchObject({
      ok: false,
      error: { code: "reason_required", field: "reason" },
    });
    expect(transitionCongress(recorded, { ...correction, secretaryVotes: 140 }, today)).toMatchObject({
      ok: false,
      error: { code: "nothing_to_correct" },
    });
    expect(transitionCongress(held, correction, today)).toMatchObject({
      ok: false,
      error: { code: "illegal_transition" },
    });
    expect(transitionCongress(recorded, { ...correction, present: 151 }, today)).toMatchObject({
      ok: false,
      error: { code: "present_exceeds_convened" },
    });
  });
});
