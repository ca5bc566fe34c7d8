/**
 * Calendar dates as ISO strings ("2020-02-29"): a congress date is a day, not an instant, so it
 * is never converted through a time zone.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** "2020-02-29" → "29/02/2020". */
export function formatDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "29/02/2020" or "29/2/2020" → "2020-02-29"; null when it is not a real date. */
export function parseVietnameseDate(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The Party document dateline: "ngày 20 tháng 02 năm 2020". */
export function formatDocumentDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
}

/** Whole days from a to b (b − a), both calendar dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const toUtc = (s: IsoDate) => {
    const m = ISO_DATE.exec(s);
    if (!m) throw new Error(`not an ISO date: ${s}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}
