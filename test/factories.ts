/**
 * Factories for database tests: a small Quảng Ninh-shaped tree built through the real service, so
 * paths, villages and audit entries are what production writes.
 */
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import type { Db } from "../src/db/client.ts";
import { HISTORY_START, type OrgRow } from "../src/domain/organisation/index.ts";
import { importOrgs } from "../src/services/organisations/import.ts";

export const SMALL_PROVINCE: readonly OrgRow[] = [
  { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
  {
    code: "QN.HL",
    name: "Đảng bộ thành phố Hạ Long",
    level: "district_level",
    kind: "city",
    parentCode: "QN",
  },
  {
    code: "QN.CP",
    name: "Đảng bộ thành phố Cẩm Phả",
    level: "district_level",
    kind: "city",
    parentCode: "QN",
  },
  {
    code: "QN.THAN",
    name: "Đảng bộ Than Quảng Ninh",
    level: "district_level",
    kind: "bloc",
    sector: "coal",
    parentCode: "QN",
  },
  {
    code: "QN.HL.HONGGAI",
    name: "Đảng bộ phường Hồng Gai",
    level: "grassroots_committee",
    kind: "ward",
    parentCode: "QN.HL",
  },
  {
    code: "QN.HL.BACHDANG",
    name: "Đảng bộ phường Bạch Đằng",
    level: "grassroots_committee",
    kind: "ward",
    parentCode: "QN.HL",
  },
  {
    code: "QN.CP.CONGHOA",
    name: "Đảng bộ xã Cộng Hòa",
    level: "grassroots_committee",
    kind: "commune",
    parentCode: "QN.CP",
  },
  {
    code: "QN.CP.TRUONG",
    name: "Chi bộ Trường Tiểu học Cẩm Phả",
    level: "grassroots_branch",
    kind: "public_service",
    parentCode: "QN.CP",
  },
  {
    code: "QN.THAN.HATU",
    name: "Đảng bộ Công ty Than Hà Tu",
    level: "grassroots_committee",
    kind: "enterprise",
    sector: "coal",
    parentCode: "QN.THAN",
  },
  {
    code: "QN.THAN.HATU.KT1",
    name: "Chi bộ Phân xưởng Khai thác 1",
    level: "branch",
    kind: "workshop",
    sector: "coal",
    parentCode: "QN.THAN.HATU",
  },
  {
    code: "QN.HL.HONGGAI.KP1",
    name: "Chi bộ khu phố 1",
    level: "branch",
    kind: "village",
    parentCode: "QN.HL.HONGGAI",
    villageCode: "V.HONGGAI.KP1",
    villageName: "Khu phố 1",
    villageKind: "khu phố",
  },
  {
    code: "QN.HL.HONGGAI.KP2",
    name: "Chi bộ khu phố 2",
    level: "branch",
    kind: "village",
    parentCode: "QN.HL.HONGGAI",
    villageCode: "V.HONGGAI.KP2",
    villageName: "Khu phố 2",
    villageKind: "khu phố",
  },
  {
    code: "QN.HL.BACHDANG.KP1",
    name: "Chi bộ khu phố 1",
    level: "branch",
    kind: "village",
    parentCode: "QN.HL.BACHDANG",
    villageCode: "V.BACHDANG.KP1",
    villageName: "Khu phố 1",
    villageKind: "khu phố",
  },
  {
    code: "QN.CP.CONGHOA.T1",
    name: "Chi bộ thôn 1",
    level: "branch",
    kind: "village",
    parentCode: "QN.CP.CONGHOA",
    villageCode: "V.CONGHOA.T1",
    villageName: "Thôn 1",
    villageKind: "thôn",
  },
];

/** Imports SMALL_PROVINCE (or the given rows) and returns the ids by code. */
export async function seedSmallProvince(
  db: Db,
  rows: readonly OrgRow[] = SMALL_PROVINCE,
): Promise<Map<string, number>> {
  const result = await importOrgs(
    db,
    SYSTEM_ACTOR,
    rows.map((row, i) => ({ rowNumber: i + 2, row })),
    // Test trees stand from the history's start, so any past season sees them.
    { dryRun: false, effectiveOn: HISTORY_START },
  );
  if (!result.ok) throw new Error(`factory rows do not import: ${JSON.stringify(result.error)}`);
  const { organisation } = await import("../src/db/schema.ts");
  const all = await db.select({ id: organisation.id, code: organisation.code }).from(organisation);
  return new Map(all.map((o) => [o.code, o.id]));
}

/** A 2020–2025 season over SMALL_PROVINCE (three congress levels), created through the service. */
export async function seedSmallSeason(db: Db, ids: Map<string, number>): Promise<number> {
  const { createSeason } = await import("../src/services/congresses/index.ts");
  const window = { start: "2020-01-01", end: "2020-10-31" };
  const r = await createSeason(
    db,
    SYSTEM_ACTOR,
    {
      code: "2020-2025",
      name: "Đại hội nhiệm kỳ 2020–2025",
      term: { startYear: 2020, endYear: 2025 },
      plan: { number: "308-KH/TU", date: "2019-07-04", issuer: "Tỉnh ủy Quảng Ninh" },
      directive: { number: "35-CT/TW", date: "2019-05-30", issuer: "Bộ Chính trị" },
      levels: [
        {
          code: "branch",
          name: "Chi bộ trực thuộc",
          order: 1,
          orgLevels: ["branch"],
          term: { startYear: 2020, endYear: 2022 },
          window,
          provinceDeadline: "2020-02-29",
          centralDeadline: null,
        },
        {
          code: "grassroots",
          name: "Tổ chức cơ sở đảng",
          order: 2,
          orgLevels: ["grassroots_committee", "grassroots_branch"],
          term: { startYear: 2020, endYear: 2025 },
          window,
          provinceDeadline: "2020-05-31",
          centralDeadline: "2020-06-30",
        },
        {
          code: "district_level",
          name: "Đảng bộ trực thuộc Tỉnh ủy",
          order: 3,
          orgLevels: ["district_level"],
          term: { startYear: 2020, endYear: 2025 },
          window,
          provinceDeadline: "2020-07-31",
          centralDeadline: "2020-08-31",
        },
      ],
      pilotOrgIds: [],
    },
    ids.get("QN")!,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
