/**
 * How a season reads on screen: terms "2020–2025" and the Party documents it implements, e.g.
 * "Kế hoạch số 308-KH/TU ngày 04/07/2019 của Tỉnh ủy Quảng Ninh".
 */
import dayjs, { type Dayjs } from "dayjs";
import { formatDate, isValidIsoDate } from "../../../domain/format/index.ts";
import type { SeasonDto } from "../../api/index.ts";

export const DATE_FORMAT = "DD/MM/YYYY";

export type DocumentRefDto = SeasonDto["plan"];
export type TermDto = SeasonDto["term"];

/**
 * A season's congress as a title: the season's own name when it already says "Đại hội…" (the
 * demo's "Đại hội nhiệm kỳ 2020–2025"), never "Đại hội — Đại hội nhiệm kỳ 2020–2025".
 */
export function congressTitle(seasonName: string | undefined): string {
  if (!seasonName) return "Đại hội";
  return /^đại hội/i.test(seasonName.trim()) ? seasonName : `Đại hội ${seasonName}`;
}

/** "2020–2025" (en dash). */
export function formatTerm(term: TermDto): string {
  return `${term.startYear}–${term.endYear}`;
}

/** An ISO day as DD/MM/YYYY; anything else (should not happen) as it came. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "—";
  return isValidIsoDate(iso) ? formatDate(iso) : iso;
}

/** The kind of a Party document from its number's symbol ("308-KH/TU" → "Kế hoạch"). */
const DOCUMENT_KINDS: readonly (readonly [RegExp, string])[] = [
  [/-KH\b/i, "Kế hoạch"],
  [/-CT\b/i, "Chỉ thị"],
  [/-NQ\b/i, "Nghị quyết"],
  [/-KL\b/i, "Kết luận"],
  [/-QĐ\b/i, "Quyết định"],
  [/-HD\b/i, "Hướng dẫn"],
  [/-TB\b/i, "Thông báo"],
  [/-CV\b/i, "Công văn"],
];

export function documentKind(number: string, fallback: string): string {
  return DOCUMENT_KINDS.find(([pattern]) => pattern.test(number))?.[1] ?? fallback;
}

/** "Kế hoạch số 308-KH/TU ngày 04/07/2019 của Tỉnh ủy Quảng Ninh". */
export function formatDocument(doc: DocumentRefDto, fallbackKind: string): string {
  return `${documentKind(doc.number, fallbackKind)} số ${doc.number} ngày ${formatDay(doc.date)} của ${doc.issuer}`;
}

// ---------------------------------------------------------------- DatePicker values

/** ISO day → dayjs for a DatePicker (null stays empty). */
export function toDay(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso) : null;
}

/** DatePicker value → ISO day on the wire. */
export function toIso(day: Dayjs): string {
  return day.format("YYYY-MM-DD");
}

export function toIsoOrNull(day: Dayjs | null | undefined): string | null {
  return day ? toIso(day) : null;
}
