/**
 * Deadline evaluation: how early or late a date is against the province's deadline and the
 * Central one, and the phrase the reports use ("sớm 01 tháng so với quy định của Trung ương").
 *
 * Whole months. A difference is stated in months only when it is a whole number of calendar
 * months, which is when either
 *   - both dates fall on the same day of the month (15/5 → 15/6: 1 month), or
 *   - both dates are the last day of their month (31/5 → 30/6: 1 month; 29/02 → 31/3: 1 month).
 * Otherwise it is stated in days (20/5 → 30/6: "sớm 41 ngày"). The month count is the number of
 * months between the two (year × 12 + month). Months are written with two digits as the reports
 * do ("01 tháng"); days are not ("sớm 12 ngày", "muộn 3 ngày"). Zero days is "đúng hạn".
 */
import { throwIllegalValue } from "../basics/assert.ts";
import { daysBetween, type IsoDate } from "../format/date.ts";
import { isLastDayOfMonth, splitIsoDate } from "./calendar.ts";
import type { SeasonLevel } from "./season.ts";

/** Whose deadline: the province's plan or the Central directive. */
export type DeadlineAuthority = "province" | "central";

export interface DeadlineEvaluation {
  readonly against: DeadlineAuthority;
  readonly deadline: IsoDate;
  readonly date: IsoDate;
  /** deadline − date in days: positive early, negative late, 0 on the day. */
  readonly daysEarly: number;
  /** |difference| in whole calendar months when it is whole (see the module comment), else null. */
  readonly wholeMonths: number | null;
  /** date ≤ deadline. */
  readonly onTime: boolean;
}

/**
 * Whole calendar months from `a` to `b` (a ≤ b), or null when the difference is not whole:
 * same day of the month, or both the last day of their month.
 */
export function wholeMonthsBetween(a: IsoDate, b: IsoDate): number | null {
  if (b < a) return wholeMonthsBetween(b, a);
  const x = splitIsoDate(a);
  const y = splitIsoDate(b);
  const months = y.year * 12 + y.month - (x.year * 12 + x.month);
  if (months === 0) return null;
  if (x.day === y.day || (isLastDayOfMonth(a) && isLastDayOfMonth(b))) return months;
  return null;
}

export function evaluateDeadline(
  date: IsoDate,
  deadline: IsoDate,
  against: DeadlineAuthority,
): DeadlineEvaluation {
  const daysEarly = daysBetween(date, deadline);
  return {
    against,
    deadline,
    date,
    daysEarly,
    wholeMonths: daysEarly === 0 ? null : wholeMonthsBetween(date, deadline),
    onTime: daysEarly >= 0,
  };
}

/** Both evaluations for a date against a season level; null where the level has no such deadline. */
export interface DeadlineEvaluations {
  readonly province: DeadlineEvaluation | null;
  readonly central: DeadlineEvaluation | null;
}

export function evaluateLevelDeadlines(date: IsoDate, level: SeasonLevel): DeadlineEvaluations {
  return {
    province:
      level.provinceDeadline === null ? null : evaluateDeadline(date, level.provinceDeadline, "province"),
    central: level.centralDeadline === null ? null : evaluateDeadline(date, level.centralDeadline, "central"),
  };
}

/** "sớm 01 tháng", "sớm 12 ngày", "muộn 3 ngày", "đúng hạn". */
export function describeDifference(e: Pick<DeadlineEvaluation, "daysEarly" | "wholeMonths">): string {
  if (e.daysEarly === 0) return "đúng hạn";
  const direction = e.daysEarly > 0 ? "sớm" : "muộn";
  if (e.wholeMonths !== null) return `${direction} ${String(e.wholeMonths).padStart(2, "0")} tháng`;
  return `${direction} ${Math.abs(e.daysEarly)} ngày`;
}

export function authorityPhrase(against: DeadlineAuthority): string {
  switch (against) {
    case "central":
      return "quy định của Trung ương";
    case "province":
      return "kế hoạch của tỉnh";
    default:
      return throwIllegalValue(against, "deadline authority");
  }
}

/**
 * The report's phrase: "sớm 01 tháng so với quy định của Trung ương",
 * "muộn 3 ngày so với kế hoạch của tỉnh", "đúng hạn theo quy định của Trung ương".
 */
export function describeDeadline(e: DeadlineEvaluation): string {
  const difference = describeDifference(e);
  return e.daysEarly === 0
    ? `${difference} theo ${authorityPhrase(e.against)}`
    : `${difference} so với ${authorityPhrase(e.against)}`;
}
