/**
 * What the letter forms share: the Vietnamese date format, ISO days, no day after today, select options.
 */

import dayjs, { type Dayjs } from "dayjs";

export const DATE_FORMAT = "DD/MM/YYYY";
export const iso = (d: Dayjs) => d.format("YYYY-MM-DD");
export const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), "day");
export const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));
