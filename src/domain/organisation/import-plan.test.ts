import { describe, expect, it } from "vitest";
import { DEFAULT_HIERARCHY } from "../../../test/fixtures/hierarchy.ts";
import { type ExistingOrg, type NumberedOrgRow, planOrgImport } from "./import-plan.ts";
import type { OrgRow } from "./types.ts";

const numbered = (rows: OrgRow[]): NumberedOrgRow[] => rows.map((row, i) => ({ rowNumber: i + 2, row }));

const smallProvince: OrgRow[] = [
  {
    code: "QN.HL.HONGGAI.KP1",
    name: "Chi bộ khu phố 1",
    level: "branch",
    kind: "village",
    parentCode: "QN.HL.HONGGAI",
    villageCode: "V.KP1",
    villageName: "Khu phố 1",
    villageKind: "khu phố",
  },
  { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
  {
    code: "QN.HL",
    name: "Đảng bộ thành phố Hạ Long",
    level: "district_level",
    kind: "city",
    parentCode: "QN",
  },
  {
    code: "QN.HL.HONGGAI",
    name: "Đảng bộ phường Hồng Gai",
    level: "grassroots_committee",
    kind: "ward",
    parentCode: "QN.HL",
  },
];

describe("planOrgImport", () => {
  it("plans creates parents-first whatever the row order, with the village and its commune", () => {
    const r = planOrgImport(numbered(smallProvince), [], [], DEFAULT_HIERARCHY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.creates.map((c) => c.row.code)).toEqual([
      "QN",
      "QN.HL",
      "QN.HL.HONGGAI",
      "QN.HL.HONGGAI.KP1",
    ]);
    expect(r.value.updates).toEqual([]);
    expect(r.value.villages).toEqual([
      {
        code: "V.KP1",
        name: "Khu phố 1",
        kind: "khu phố",
        branchCode: "QN.HL.HONGGAI.KP1",
        communeCode: "QN.HL.HONGGAI",
      },
    ]);
  });

  it("reports every problem at once, with row, field and rule", () => {
    const bad: OrgRow[] = [
      { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
      { code: "QN.HL", name: "", level: "district_level", kind: "city", parentCode: "QN" },
      { code: "QN.HL", name: "Trùng mã", level: "district_level", kind: "city", parentCode: "QN" },
      { code: "QN.X", name: "Chi bộ lạc", level: "branch", kind: "village", parentCode: "QN.KHONGCO" },
      { code: "QN.Y", name: "Chi bộ sai cấp", level: "branch", kind: "department", parentCode: "QN" },
      { code: "QN.Z", name: "Cấp lạ", level: "tổ", kind: "ward", parentCode: "QN" },
      { code: "mã có dấu", name: "Mã sai", level: "district_level", kind: "district", parentCode: "QN" },
    ];
    const r = planOrgImport(numbered(bad), [], [], DEFAULT_HIERARCHY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.rowNumber, i.field, i.rule])).toEqual([
      [3, "name", "missing_name"],
      [4, "code", "duplicate_code"],
      [5, "parentCode", "unknown_parent"],
      [6, "parentCode", "parent_wrong_level"],
      [7, "level", "unknown_level"],
      [8, "code", "invalid_code"],
    ]);
    expect(r.error.find((i) => i.rule === "duplicate_code")?.message).toBe('Mã "QN.HL" trùng với dòng 3');
    expect(r.error.find((i) => i.rule === "unknown_parent")?.message).toBe(
      'Mã cấp trên "QN.KHONGCO" không có trong tệp và trong cơ sở dữ liệu',
    );
  });

  it("holds names and sectors to the form's limits (TEXT_LIMITS, issue 20 item 8)", () => {
    const rows: OrgRow[] = [
      { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
      { code: "QN.A", name: "Đ".repeat(301), level: "district_level", kind: "city", parentCode: "QN" },
      {
        code: "QN.B",
        name: "Đảng bộ Khối",
        level: "district_level",
        kind: "bloc",
        sector: "s".repeat(65),
        parentCode: "QN",
      },
    ];
    const r = planOrgImport(numbered(rows), [], [], DEFAULT_HIERARCHY);
    expect(r.ok ? null : r.error.map((i) => [i.rowNumber, i.field, i.rule, i.message])).toEqual([
      [3, "name", "too_long", "Tên đơn vị dài 301 ký tự, tối đa 300 ký tự"],
      [4, "sector", "too_long", "Mã ngành dài 65 ký tự, tối đa 64 ký tự"],
    ]);
  });

  it("finds a cycle through parent codes", () => {
    const cyclic: OrgRow[] = [
      { code: "QN", name: "Tỉnh", level: "province", kind: "province" },
      { code: "A", name: "Đảng bộ cơ sở A", level: "grassroots_committee", kind: "agency", parentCode: "B" },
      { code: "B", name: "Đảng bộ bộ phận B", level: "partial_committee", kind: "agency", parentCode: "A" },
    ];
    const r = planOrgImport(numbered(cyclic), [], [], DEFAULT_HIERARCHY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // A under B is already the wrong level; B under A is legal by level but closes the loop.
    expect(r.error.map((i) => i.rule)).toEqual(["parent_wrong_level", "cycle"]);
    expect(r.error[1]!.message).toBe("Vòng lặp cấp trên: B → A → B");
  });

  const stored: ExistingOrg[] = [
    {
      id: 1,
      code: "QN",
      name: "Đảng bộ tỉnh Quảng Ninh",
      level: "province",
      kind: "province",
      sector: null,
      parentCode: null,
      dissolved: false,
    },
    {
      id: 2,
      code: "QN.HL",
      name: "Đảng bộ thành phố Hạ Long",
      level: "district_level",
      kind: "city",
      sector: null,
      parentCode: "QN",
      dissolved: false,
    },
    {
      id: 3,
      code: "QN.CP",
      name: "Đảng bộ thành phố Cẩm Phả",
      level: "district_level",
      kind: "city",
      sector: null,
      parentCode: "QN",
      dissolved: false,
    },
    {
      id: 4,
      code: "QN.OLD",
      name: "Đảng bộ đã giải thể",
      level: "district_level",
      kind: "district",
      sector: null,
      parentCode: "QN",
      dissolved: true,
    },
  ];

  it("re-importing what is stored changes nothing; changed rows become updates", () => {
    const rows: OrgRow[] = [
      { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
      {
        code: "QN.HL",
        name: "Đảng bộ thành phố Hạ Long",
        level: "district_level",
        kind: "city",
        parentCode: "QN",
      },
      { code: "QN.CP", name: "Đảng bộ TP Cẩm Phả", level: "district_level", kind: "city", parentCode: "QN" },
    ];
    const r = planOrgImport(numbered(rows), stored, [], DEFAULT_HIERARCHY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unchanged).toBe(2);
    expect(r.value.creates).toEqual([]);
    expect(r.value.updates.map((u) => [u.row.code, u.row.name, u.existing?.id])).toEqual([
      ["QN.CP", "Đảng bộ TP Cẩm Phả", 3],
    ]);
  });

  it("refuses a level change, a dissolved parent, and a village outside any commune", () => {
    const rows: OrgRow[] = [
      {
        code: "QN.HL",
        name: "Đảng bộ thành phố Hạ Long",
        level: "grassroots_committee",
        kind: "city",
        parentCode: "QN",
      },
      {
        code: "QN.OLD.X",
        name: "Đảng bộ cơ sở X",
        level: "grassroots_committee",
        kind: "agency",
        parentCode: "QN.OLD",
      },
      {
        code: "QN.CP.CQ",
        name: "Đảng bộ cơ quan",
        level: "grassroots_committee",
        kind: "agency",
        parentCode: "QN.CP",
      },
      {
        code: "QN.CP.CQ.T1",
        name: "Chi bộ thôn 1",
        level: "branch",
        kind: "village",
        parentCode: "QN.CP.CQ",
        villageCode: "V1",
        villageName: "Thôn 1",
        villageKind: "thôn",
      },
    ];
    const r = planOrgImport(numbered(rows), stored, [], DEFAULT_HIERARCHY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.rowNumber, i.rule])).toEqual([
      [2, "level_change"],
      [3, "parent_dissolved"],
      [5, "village_without_commune"],
    ]);
  });
});

describe("planOrgImport: founding and end days (loading a province with its past)", () => {
  const past: OrgRow[] = [
    {
      code: "QN",
      name: "Đảng bộ tỉnh Quảng Ninh",
      level: "province",
      kind: "province",
      foundedOn: "30/10/1963",
    },
    {
      code: "QN.HB",
      name: "Đảng bộ huyện Hoành Bồ",
      level: "district_level",
      kind: "district",
      parentCode: "QN",
      foundedOn: "1963-10-30",
      endedOn: "01/01/2019",
    },
    {
      code: "QN.HB.TT",
      name: "Đảng bộ thị trấn Trới",
      level: "grassroots_committee",
      kind: "township",
      parentCode: "QN.HB",
      endedOn: "01/01/2019",
    },
  ];

  it("reads both date forms and counts the created rows without a founding day", () => {
    const r = planOrgImport(numbered(past), [], [], DEFAULT_HIERARCHY, "2026-12-07");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.withoutFoundingDay).toBe(1);
    const hb = r.value.creates.find((c) => c.row.code === "QN.HB")!.row;
    expect([hb.foundedOn, hb.endedOn]).toEqual(["1963-10-30", "2019-01-01"]);
  });

  it("names every bad day with its row and rule, in Vietnamese", () => {
    const bad: OrgRow[] = [
      { ...past[0]!, foundedOn: "31/02/1963" },
      { ...past[1]!, endedOn: "01/01/2030" },
      { ...past[2]!, foundedOn: "01/01/1960", endedOn: "01/01/1959" },
    ];
    const r = planOrgImport(numbered(bad), [], [], DEFAULT_HIERARCHY, "2026-12-07");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.rowNumber, i.field, i.rule])).toEqual([
      [2, "foundedOn", "invalid_date"],
      [3, "endedOn", "future_date"],
      [4, "endedOn", "end_before_founding"],
      [4, "foundedOn", "founded_before_parent"],
    ]);
    expect(r.error[0]!.message).toBe('Ngày thành lập "31/02/1963" không hợp lệ (dd/mm/yyyy)');
  });

  it("refuses a child still active after its parent ended", () => {
    const r = planOrgImport(
      numbered([past[0]!, past[1]!, { ...past[2]!, endedOn: undefined }]),
      [],
      [],
      DEFAULT_HIERARCHY,
      "2026-12-07",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => i.rule)).toEqual(["outlives_parent"]);
  });

  it("refuses days on a code already stored", () => {
    const existing: ExistingOrg[] = [
      {
        id: 1,
        code: "QN",
        name: "Đảng bộ tỉnh Quảng Ninh",
        level: "province",
        kind: "province",
        sector: null,
        parentCode: null,
        dissolved: false,
      },
    ];
    const r = planOrgImport(numbered([past[0]!]), existing, [], DEFAULT_HIERARCHY, "2026-12-07");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => i.rule)).toEqual(["dates_of_existing"]);
  });
});
