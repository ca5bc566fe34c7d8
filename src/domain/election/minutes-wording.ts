/**
 * The words of the counting minutes (biên bản kiểm phiếu) that depend on who votes where
 * (Hướng dẫn 36-HD/VPTW, Quyết định 190-QĐ/TW; issue 17): the congress above "BAN KIỂM PHIẾU",
 * the number line, the place name of the dateline, "Chi ủy" for a branch, "đảng viên" at a
 * members' congress, and how an open seat is written.
 */
import { formatNumber } from "../format/number.ts";
import type { BaseFigures } from "./base.ts";

export type BaseKind = BaseFigures["kind"];

/** An organisation of the chain from the electing organisation up to the top. */
export interface PlaceOrg {
  readonly name: string;
  readonly kind: string | null;
}

/** Kinds that are administrative units (đơn vị hành chính): their name is a place name. */
const TERRITORIAL_KINDS = new Set([
  "commune",
  "ward",
  "township",
  "special_zone",
  "city",
  "town",
  "district",
  "province",
]);

const upper = (s: string) => s.toLocaleUpperCase("vi");

/** "Đảng bộ phường Hồng Gai" → "Hồng Gai"; "Đảng bộ thành phố Hạ Long" → "Hạ Long". */
export function placeNameOf(orgName: string): string {
  return orgName
    .replace(/^(Đảng bộ|Chi bộ|Đảng ủy)\s+/i, "")
    .replace(/^(xã|phường|thị trấn|thành phố|thị xã|huyện|quận|tỉnh|đặc khu)\s+/i, "")
    .trim();
}

/**
 * The dateline's place name (địa danh): the administrative unit the organisation belongs to, the
 * nearest commune, ward, township, city, town, district or province from the organisation up
 * (`chain` starts with the organisation itself). Not the venue ("Hội trường phường …").
 */
export function localityPlaceName(chain: readonly PlaceOrg[]): string | null {
  const unit = chain.find((o) => o.kind !== null && TERRITORIAL_KINDS.has(o.kind));
  return unit ? placeNameOf(unit.name) : null;
}

/**
 * The dateline's place name of a Party document (36-HD/VPTW): the administrative unit below the
 * province the organisation belongs to (its commune, ward, township, city, town or district); for
 * the province itself, and for organisations of the province outside any such unit (blocs, armed
 * forces, enterprises under the province), the province's seat (`provinceSeat`, from the
 * province's data), else the province's name. Null only for an empty chain.
 */
export function datelinePlaceName(chain: readonly PlaceOrg[], provinceSeat: string | null): string | null {
  const unit = chain.find((o) => o.kind !== null && TERRITORIAL_KINDS.has(o.kind));
  if (unit && unit.kind !== "province") return placeNameOf(unit.name);
  if (provinceSeat) return provinceSeat;
  const top = unit ?? chain.at(-1);
  return top ? placeNameOf(top.name) : null;
}

/** A branch's committee is its chi ủy; any other organisation's is its Ban Chấp hành. */
export function committeeWordOf(isBranch: boolean): string {
  return isBranch ? "Chi ủy" : "Ban Chấp hành";
}

/** Who makes up the base: đảng viên at a members' congress, đại biểu at a delegates' one. */
export function attendeeWordOf(baseKind: BaseKind): string {
  switch (baseKind) {
    case "members-congress":
      return "đảng viên";
    case "delegates-congress":
      return "đại biểu";
    case "committee-conference":
      return "cấp ủy viên";
  }
}

/**
 * The body above "BAN KIỂM PHIẾU" (36-HD/VPTW: the counting committee's superior body is the
 * congress): "ĐẠI HỘI CHI BỘ THÔN 3", "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG HỒNG GAI"; a committee's conference
 * is "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ …" / "HỘI NGHỊ CHI ỦY CHI BỘ …".
 */
export function minutesSuperiorBody(orgName: string, baseKind: BaseKind, isBranch: boolean): string {
  return baseKind === "committee-conference"
    ? upper(`Hội nghị ${committeeWordOf(isBranch)} ${orgName}`)
    : upper(`Đại hội ${orgName}`);
}

/** The number and symbol line: numbered within the congress by its secretariat, filled by hand. */
export const MINUTES_NUMBER_SYMBOL = "Số      -BB/BKP";

/** What is elected, with "Chi ủy" for a branch: the office label of the result otherwise. */
export function minutesOfficeLabel(office: string, officeLabel: string, isBranch: boolean): string {
  return office === "committee" && isBranch ? "Chi ủy" : officeLabel;
}

/** "còn thiếu 1 người (cần bầu 3)", not "1/3". */
export function openSeatsPhrase(openSeats: number, seats: number): string {
  return `còn thiếu ${formatNumber(openSeats)} người (cần bầu ${formatNumber(seats)})`;
}
