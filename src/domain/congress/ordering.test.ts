import { describe, expect, it } from "vitest";
import { doneCongress, ORGS, SEASON_2020 } from "./fixtures.ts";
import { checkCongressOrder } from "./ordering.ts";
import { plannedCongress } from "./record.ts";

describe("checkCongressOrder", () => {
  it("is silent when branches, pilots and grassroots go in order", () => {
    const congresses = [
      doneCongress("QN.HL.HG.KP1", "2020-01-18"),
      doneCongress("QN.HL.HG.KP2", "2020-01-19"),
      doneCongress("QN.HL.BC.KP1", "2020-01-18"),
      doneCongress("QN.HL.BC.KP2", "2020-01-18"),
      doneCongress("QN.HL.HG", "2020-03-10", "2020-03-11", { pilot: true }),
      doneCongress("QN.HL.BC", "2020-04-25"),
      doneCongress("QN.HL", "2020-07-20", "2020-07-22"),
    ];
    expect(checkCongressOrder(ORGS, congresses, SEASON_2020)).toEqual([]);
  });

  it("warns when a grassroots congress is planned before its branches finished, naming them", () => {
    const congresses = [
      doneCongress("QN.HL.BC.KP1", "2020-02-10"),
      plannedCongress({
        orgId: "QN.HL.BC.KP2",
        seasonCode: "2020-2025",
        type: "members",
        plannedStart: "2020-02-28",
      }),
      plannedCongress({
        orgId: "QN.HL.BC",
        seasonCode: "2020-2025",
        type: "members",
        plannedStart: "2020-02-28",
      }),
      plannedCongress({
        orgId: "QN.CT.TL",
        seasonCode: "2020-2025",
        type: "members",
        plannedStart: "2020-03-20",
      }),
    ];
    const warnings = checkCongressOrder(ORGS, congresses, SEASON_2020).filter(
      (w) => w.rule === "before_lower_level",
    );
    expect(warnings.map((w) => w.message)).toEqual([
      "Đại hội Chi bộ Trường THPT Cô Tô dự kiến ngày 20/03/2020, trước khi 1 tổ chức trực thuộc hoàn thành đại hội: Chi bộ lạc chỗ (chưa có lịch)",
      "Đại hội Đảng bộ phường Bạch Đằng dự kiến ngày 28/02/2020, trước khi 1 tổ chức trực thuộc hoàn thành đại hội: Chi bộ khu phố 2 (28/02/2020)",
    ]);
  });

  it("warns when a district congress comes before its grassroots congresses, and checks only the nearest level", () => {
    const congresses = [
      doneCongress("QN.HL.HG", "2020-03-10", "2020-03-11", { pilot: true }),
      doneCongress("QN.HL.BC", "2020-07-25"),
      plannedCongress({
        orgId: "QN.HL",
        seasonCode: "2020-2025",
        type: "delegates",
        plannedStart: "2020-07-20",
      }),
    ];
    const district = checkCongressOrder(ORGS, congresses, SEASON_2020).filter(
      (w) => w.orgId === "QN.HL" && w.rule === "before_lower_level",
    );
    expect(district).toMatchObject([
      { unfinished: [{ orgId: "QN.HL.BC", name: "Đảng bộ phường Bạch Đằng", end: "2020-07-25" }] },
    ]);
  });

  it("warns when a congress goes before a pilot of its level under the same upper organisation", () => {
    const congresses = [
      doneCongress("QN.HL.HG", "2020-03-10", "2020-03-11", { pilot: true }),
      doneCongress("QN.HL.BC", "2020-03-11"),
    ];
    const w = checkCongressOrder(ORGS, congresses, SEASON_2020).filter((x) => x.rule === "before_pilot");
    expect(w).toEqual([
      {
        rule: "before_pilot",
        orgId: "QN.HL.BC",
        start: "2020-03-11",
        pilots: [{ orgId: "QN.HL.HG", name: "Đảng bộ phường Hồng Gai", end: "2020-03-11" }],
        message:
          "Đại hội Đảng bộ phường Bạch Đằng tổ chức ngày 11/03/2020, trước khi đại hội điểm cùng cấp kết thúc: Đảng bộ phường Hồng Gai (11/03/2020)",
      },
    ]);
  });

  it("warns outside the window and when the pilot flag disagrees with the plan", () => {
    const congresses = [doneCongress("QN.HL.HG", "2020-06-02")];
    expect(checkCongressOrder(ORGS, congresses, SEASON_2020).map((w) => w.rule)).toEqual([
      "pilot_mismatch",
      "before_lower_level",
      "outside_window",
    ]);
  });
});
