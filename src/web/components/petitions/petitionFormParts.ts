/**
 * What the letter forms share: the Vietnamese date format, ISO days, no day after today, select options.
 */

import type { Dayjs } from "dayjs";

export const DATE_FORMAT = "DD/MM/YYYY";
export const iso = (d: Dayjs) => d.format("YYYY-MM-DD");
/** The date fields' rule: no day after today (the server's Vietnamese day, see useToday). */
export const notAfter = (today: Dayjs) => (d: Dayjs) => d.isAfter(today, "day");
export const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));
