/**
 * Organisations through time: the rules every dated change (found, rename, move, change kind or
 * level, dissolve, merge, split) obeys, whatever calls it (a form, a reorganisation plan, an import).
 */
import { err, ok, type Result } from "../basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../format/date.ts";

/** The founding day given to organisations stored before dated history existed, and to the demo. */
export const HISTORY_START: IsoDate = "1930-02-03";

export interface EffectiveDayError {
  readonly rule: "invalid_day" | "future_day" | "before_latest_change" | "before_founding";
  readonly message: string;
}

/**
 * A change takes effect on `day` (inclusive). It may not be in the future (today's state is what
 * the present-day screens show), and may not come before the latest change already recorded for
 * the organisations it touches: history is written in day order, so nothing before `day` changes.
 */
export function checkEffectiveDay(
  day: IsoDate,
  today: IsoDate,
  latestChange: { readonly day: IsoDate | null; readonly name: string } | null,
): Result<IsoDate, EffectiveDayError> {
  if (!isValidIsoDate(day))
    return err({ rule: "invalid_day", message: `Ngày hiệu lực "${day}" không hợp lệ` });
  if (day > today)
    return err({
      rule: "future_day",
      message: `Ngày hiệu lực ${formatDate(day)} sau ngày hôm nay (${formatDate(today)}): chỉ ghi nhận thay đổi đã có hiệu lực`,
    });
  if (latestChange?.day && day < latestChange.day)
    return err({
      rule: "before_latest_change",
      message: `${latestChange.name} đã có thay đổi từ ngày ${formatDate(latestChange.day)}; thay đổi mới phải có hiệu lực từ ngày đó trở đi`,
    });
  if (day < HISTORY_START)
    return err({
      rule: "invalid_day",
      message: `Ngày hiệu lực ${formatDate(day)} trước ngày ${formatDate(HISTORY_START)}`,
    });
  return ok(day);
}

/** Today in Vietnam (UTC+7, no daylight saving), from an instant the caller supplies. */
export function vietnamDay(now: Date): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
