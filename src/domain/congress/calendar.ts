/**
 * Calendar arithmetic on ISO dates ("2020-05-31") for the congress rules. Dates are days, never
 * instants, so everything is done on year/month/day numbers in UTC and no time zone can move a day.
 */
import { assert } from "../basics/assert.ts";
import { type IsoDate, isValidIsoDate } from "../format/date.ts";

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function splitIsoDate(iso: IsoDate): YearMonthDay {
  assert(isValidIsoDate(iso), `not an ISO date: ${iso}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function joinIsoDate({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 28, 29, 30 or 31. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLastDayOfMonth(iso: IsoDate): boolean {
  const d = splitIsoDate(iso);
  return d.day === daysInMonth(d.year, d.month);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = splitIsoDate(iso);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return joinIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/**
 * Same day `years` later; 29/02 becomes 28/02 in a year without it (the term does not end in
 * March because it began on a leap day).
 */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const d = splitIsoDate(iso);
  const year = d.year + years;
  return joinIsoDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

/** The later / earlier of two ISO dates (ISO strings compare in calendar order). */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
