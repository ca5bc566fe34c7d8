import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar.ts";
import {
  describeDeadline,
  describeDifference,
  evaluateDeadline,
  evaluateLevelDeadlines,
  wholeMonthsBetween,
} from "./deadline.ts";
import { SEASON_2020 } from "./fixtures.ts";

describe("wholeMonthsBetween", () => {
  it("counts month-ends and same days of the month as whole months", () => {
    expect(wholeMonthsBetween("2020-05-31", "2020-06-30")).toBe(1);
    expect(wholeMonthsBetween("2020-02-29", "2020-03-31")).toBe(1);
    expect(wholeMonthsBetween("2020-05-15", "2020-06-15")).toBe(1);
    expect(wholeMonthsBetween("2020-04-30", "2020-06-30")).toBe(2);
    expect(wholeMonthsBetween("2020-06-30", "2020-05-31")).toBe(1);
  });
  it("is null for anything else", () => {
    expect(wholeMonthsBetween("2020-05-30", "2020-06-29")).toBeNull();
    expect(wholeMonthsBetween("2020-02-28", "2020-03-31")).toBeNull();
    expect(wholeMonthsBetween("2020-05-01", "2020-05-31")).toBeNull();
  });
});

describe("evaluateDeadline and describeDeadline", () => {
  it("says the seed's phrase for the grassroots level", () => {
    const e = evaluateDeadline("2020-05-31", "2020-06-30", "central");
    expect(e).toEqual({
      against: "central",
      deadline: "2020-06-30",
      date: "2020-05-31",
      daysEarly: 30,
      wholeMonths: 1,
      onTime: true,
    });
    expect(describeDeadline(e)).toBe("sớm 01 tháng so với quy định của Trung ương");
  });
  it("says days when the months are not whole, and on time on the day", () => {
    expect(describeDeadline(evaluateDeadline("2020-06-18", "2020-06-30", "central"))).toBe(
      "sớm 12 ngày so với quy định của Trung ương",
    );
    expect(describeDeadline(evaluateDeadline("2020-06-03", "2020-05-31", "province"))).toBe(
      "muộn 3 ngày so với kế hoạch của tỉnh",
    );
    expect(describeDeadline(evaluateDeadline("2020-05-31", "2020-05-31", "province"))).toBe(
      "đúng hạn theo kế hoạch của tỉnh",
    );
    expect(describeDifference(evaluateDeadline("2020-07-31", "2020-05-31", "province"))).toBe(
      "muộn 02 tháng",
    );
  });
  it("evaluates a date against both deadlines of a season level", () => {
    const grassroots = SEASON_2020.levels[1]!;
    const both = evaluateLevelDeadlines("2020-05-31", grassroots);
    expect(both.province?.daysEarly).toBe(0);
    expect(both.central?.wholeMonths).toBe(1);
    expect(evaluateLevelDeadlines("2020-02-29", SEASON_2020.levels[0]!).central).toBeNull();
  });
  it("is early by exactly the days it adds up to (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (n) => {
        const deadline = "2020-06-30";
        const e = evaluateDeadline(addDays(deadline, -n), deadline, "central");
        return e.daysEarly === n && e.onTime === n >= 0 && (n === 0 ? e.wholeMonths === null : true);
      }),
    );
  });
});
