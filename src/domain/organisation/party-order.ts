/**
 * The order in which Party documents list subordinate organisations: territorial committees first
 * (thành phố, thị xã, huyện; then the commune level: phường, xã, thị trấn, đặc khu), then the blocs and
 * agencies, the armed forces (quân sự, biên phòng, công an), the enterprises, and the rest; within
 * one group, Vietnamese alphabetical order. Reports used plain alphabetical order, which put
 * "Đảng bộ Biên phòng tỉnh" before "Đảng bộ thành phố Hạ Long" (issue 17).
 */
import { compareVietnamese } from "../format/text.ts";

const RANK_BY_KIND: Readonly<Record<string, number>> = {
  province: 0,
  city: 1,
  town: 2,
  district: 3,
  ward: 4,
  commune: 5,
  township: 6,
  special_zone: 6,
  village: 7,
  bloc: 10,
  agency: 11,
  public_service: 12,
  armed_forces: 20,
  border_guard: 21,
  police: 22,
  enterprise: 30,
  workshop: 31,
  department: 40,
  other: 50,
};

/** The group an organisation kind is listed in; kinds added as data later come last. */
export function partyOrderRank(kind: string | null | undefined): number {
  return kind !== null && kind !== undefined && kind in RANK_BY_KIND ? RANK_BY_KIND[kind]! : 60;
}

/** Sort comparator: Party order by kind, then Vietnamese alphabetical order of the name. */
export function compareInPartyOrder(
  a: { readonly kind: string | null | undefined; readonly name: string },
  b: { readonly kind: string | null | undefined; readonly name: string },
): number {
  return partyOrderRank(a.kind) - partyOrderRank(b.kind) || compareVietnamese(a.name, b.name);
}
