/**
 * Term arithmetic (nhiệm kỳ). A term is named by its years ("2020–2025"); grassroots and above
 * serve five years, branches under a grassroots committee served 2020–2022 in the 2020 season.
 * The length is a setting of the season level, never a constant here.
 */
import { z } from "zod";
import { err, ok, type Result } from "../basics/result.ts";
import type { IsoDate } from "../format/date.ts";
import { addYears } from "./calendar.ts";

export interface Term {
  readonly startYear: number;
  readonly endYear: number;
}

export const termSchema = z
  .object({
    startYear: z.number().int().min(1930).max(2200),
    endYear: z.number().int().min(1930).max(2200),
  })
  .refine((t) => t.endYear > t.startYear, {
    message: "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu",
    path: ["endYear"],
  }) satisfies z.ZodType<Term>;

/** The term starting in `startYear` and lasting `years` years: (2020, 5) → 2020–2025. */
export function termFromLength(startYear: number, years: number): Term {
  if (!Number.isInteger(startYear) || !Number.isInteger(years) || years <= 0) {
    throw new Error(`termFromLength: bad term ${startYear} + ${years}`);
  }
  return { startYear, endYear: startYear + years };
}

export function termLength(term: Term): number {
  return term.endYear - term.startYear;
}

/** "2020–2025", with an en dash as in print. */
export function formatTerm(term: Term): string {
  return `${term.startYear}–${term.endYear}`;
}

/** "nhiệm kỳ 2020–2025". */
export function formatTermPhrase(term: Term): string {
  return `nhiệm kỳ ${formatTerm(term)}`;
}

/** Accepts "2020–2025", "2020-2025", "2020 - 2025" (hyphen, en or em dash). */
export function parseTerm(text: string): Result<Term, string> {
  const m = /^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$/.exec(text);
  if (!m) return err(`"${text}" không phải nhiệm kỳ dạng 2020–2025`);
  const term = { startYear: Number(m[1]), endYear: Number(m[2]) };
  const parsed = termSchema.safeParse(term);
  if (!parsed.success) return err(`Nhiệm kỳ "${text}": năm kết thúc phải sau năm bắt đầu`);
  return ok(term);
}

/** The term that follows: 2020–2022 of 2 years → 2022–2024 by default, or of the next length. */
export function nextTerm(term: Term, years: number = termLength(term)): Term {
  return termFromLength(term.endYear, years);
}

/**
 * When the term begun by a congress held on `congressDate` ends: the same day `years` later.
 * The next congress is due by then (a congress may be held a little earlier by decision of the
 * upper committee, which is a plan's matter, not arithmetic).
 */
export function termEndDate(congressDate: IsoDate, years: number): IsoDate {
  return addYears(congressDate, years);
}

/** The year in which the next congress of an organisation with this term is due. */
export function nextCongressDueYear(term: Term): number {
  return term.endYear;
}

/** Does the year fall in the term (both ends included: a term's last year is also the next's first)? */
export function termCovers(term: Term, year: number): boolean {
  return year >= term.startYear && year <= term.endYear;
}
