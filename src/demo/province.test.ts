import { describe, expect, it } from "vitest";
// The default hierarchy of migration 0002 (a database test checks the fixture against it).
import { DEFAULT_HIERARCHY } from "../../test/fixtures/hierarchy.ts";
import { foldDiacritics } from "../domain/format/text.ts";
import { planOrgImport } from "../domain/organisation/import-plan.ts";
import { type OrgRow, VILLAGE_KINDS } from "../domain/organisation/types.ts";
import { DEMO_PROVINCE_FACTS, type DemoFacts, generateDemoProvince } from "./province.ts";

const COMMUNE_LEVEL_KINDS = new Set(["commune", "ward", "township"]);
const TERRITORIAL_KINDS = new Set(["city", "town", "district"]);

/** Every figure of `DemoFacts`, counted from the rows themselves. */
function countFacts(rows: readonly OrgRow[]): DemoFacts {
  const count = (pred: (r: OrgRow) => boolean) => rows.filter(pred).length;
  const grassroots = (r: OrgRow) => r.level === "grassroots_committee" || r.level === "grassroots_branch";
  return {
    organisations: rows.length,
    districtLevel: count((r) => r.level === "district_level"),
    territorial: count((r) => r.level === "district_level" && TERRITORIAL_KINDS.has(r.kind)),
    cities: count((r) => r.level === "district_level" && r.kind === "city"),
    towns: count((r) => r.level === "district_level" && r.kind === "town"),
    districts: count((r) => r.level === "district_level" && r.kind === "district"),
    sectorCommittees: count((r) => r.level === "district_level" && !TERRITORIAL_KINDS.has(r.kind)),
    grassroots: count(grassroots),
    grassrootsCommittees: count((r) => r.level === "grassroots_committee"),
    grassrootsBranches: count((r) => r.level === "grassroots_branch"),
    communeLevel: count((r) => grassroots(r) && COMMUNE_LEVEL_KINDS.has(r.kind)),
    ruralCommunes: count((r) => grassroots(r) && r.kind === "commune"),
    wards: count((r) => grassroots(r) && r.kind === "ward"),
    townships: count((r) => grassroots(r) && r.kind === "township"),
    branches: count((r) => r.level === "branch"),
    villages: count((r) => Boolean(r.villageCode)),
    coalGrassroots: count((r) => grassroots(r) && r.sector === "coal"),
    coalBranches: count((r) => r.level === "branch" && r.sector === "coal"),
  };
}

/** Parents of each row, for checks that look one level up. */
function byCode(rows: readonly OrgRow[]): Map<string, OrgRow> {
  return new Map(rows.map((r) => [r.code, r]));
}

describe("generateDemoProvince", () => {
  const demo = generateDemoProvince();
  const rows = demo.orgRows;
  const index = byCode(rows);
  const parentOf = (r: OrgRow) => index.get(r.parentCode ?? "");

  it("has the seed report's counts, counted from the rows", () => {
    expect(countFacts(rows)).toEqual({
      organisations: 5681,
      districtLevel: 20,
      territorial: 13,
      cities: 4,
      towns: 2,
      districts: 7,
      sectorCommittees: 7,
      grassroots: 735,
      grassrootsCommittees: 408,
      grassrootsBranches: 327,
      communeLevel: 177,
      ruralCommunes: 98,
      wards: 72,
      townships: 7,
      branches: 4925,
      villages: 1544,
      coalGrassroots: 41,
      coalBranches: 904,
    });
    expect(demo.facts).toEqual(countFacts(rows));
    expect(demo.facts).toBe(DEMO_PROVINCE_FACTS);
  });

  it("keeps every count for other seeds; only the spread changes", () => {
    for (const seed of [1, 7, 123_456_789]) {
      expect(countFacts(generateDemoProvince({ seed }).orgRows)).toEqual(DEMO_PROVINCE_FACTS);
    }
  });

  it("has one province, Đảng bộ tỉnh Quảng Ninh, at the top", () => {
    const tops = rows.filter((r) => !r.parentCode);
    expect(tops).toEqual([
      { code: "QN", name: "Đảng bộ tỉnh Quảng Ninh", level: "province", kind: "province" },
    ]);
  });

  it("puts the 13 territorial units and 7 sector committees directly under the province", () => {
    const direct = rows
      .filter((r) => r.parentCode === "QN")
      .map((r) => `${r.level}|${r.kind}|${r.sector ?? ""}|${r.name}`);
    expect(direct).toEqual([
      "district_level|city||Đảng bộ thành phố Hạ Long",
      "district_level|city||Đảng bộ thành phố Cẩm Phả",
      "district_level|city||Đảng bộ thành phố Uông Bí",
      "district_level|city||Đảng bộ thành phố Móng Cái",
      "district_level|town||Đảng bộ thị xã Đông Triều",
      "district_level|town||Đảng bộ thị xã Quảng Yên",
      "district_level|district||Đảng bộ huyện Vân Đồn",
      "district_level|district||Đảng bộ huyện Cô Tô",
      "district_level|district||Đảng bộ huyện Tiên Yên",
      "district_level|district||Đảng bộ huyện Đầm Hà",
      "district_level|district||Đảng bộ huyện Hải Hà",
      "district_level|district||Đảng bộ huyện Bình Liêu",
      "district_level|district||Đảng bộ huyện Ba Chẽ",
      "district_level|bloc||Đảng bộ Khối các cơ quan tỉnh",
      "district_level|bloc||Đảng bộ Khối doanh nghiệp tỉnh",
      "district_level|armed_forces||Đảng bộ Quân sự tỉnh",
      "district_level|police||Đảng bộ Công an tỉnh",
      "district_level|border_guard||Đảng bộ Biên phòng tỉnh",
      "district_level|enterprise|coal|Đảng bộ Than Quảng Ninh",
      "district_level|enterprise|coal|Đảng bộ Tổng công ty Đông Bắc",
    ]);
  });

  it("places communes, wards and townships as grassroots committees of the territorial units", () => {
    const communeLevel = rows.filter((r) => COMMUNE_LEVEL_KINDS.has(r.kind));
    expect(communeLevel).toHaveLength(177);
    for (const r of communeLevel) {
      expect(r.level).toBe("grassroots_committee");
      expect(TERRITORIAL_KINDS.has(parentOf(r)!.kind)).toBe(true);
      const word = { commune: "xã", ward: "phường", township: "thị trấn" }[r.kind];
      expect(r.name.startsWith(`Đảng bộ ${word} `)).toBe(true);
    }
    const perUnit = (code: string) => communeLevel.filter((r) => r.parentCode === code).length;
    expect(perUnit("QN.HL")).toBeGreaterThan(30);
    expect(perUnit("QN.CT")).toBe(3);
  });

  it("has Phường Hồng Gai, found by a search without diacritics", () => {
    const hongGai = rows.find((r) => r.code === "QN.HL.HONGGAI");
    expect(hongGai).toEqual({
      code: "QN.HL.HONGGAI",
      name: "Đảng bộ phường Hồng Gai",
      level: "grassroots_committee",
      kind: "ward",
      parentCode: "QN.HL",
    });
    const found = rows.filter((r) => foldDiacritics(r.name).includes("hong gai"));
    expect(found.map((r) => r.code)).toContain("QN.HL.HONGGAI");
    expect(rows.some((r) => r.name.toLocaleLowerCase("vi").includes("phường hồng gai"))).toBe(true);
    expect(index.get("QN.HL.HONGGAI.KP1")).toMatchObject({
      name: "Chi bộ khu phố 1",
      villageCode: "QN.HL.HONGGAI.KP1",
      villageName: "Khu phố 1",
      villageKind: "khu phố",
    });
  });

  it("puts every branch directly under a grassroots committee, and nothing under a grassroots branch", () => {
    for (const r of rows.filter((x) => x.level === "branch")) {
      expect(parentOf(r)?.level).toBe("grassroots_committee");
    }
    const parents = new Set(rows.map((r) => r.parentCode));
    for (const r of rows.filter((x) => x.level === "grassroots_branch"))
      expect(parents.has(r.code)).toBe(false);
    for (const r of rows.filter((x) => x.level === "grassroots_committee"))
      expect(parents.has(r.code)).toBe(true);
  });

  it("gives every village its own village branch under a commune, ward or township", () => {
    const villages = rows.filter((r) => r.villageCode);
    expect(villages).toHaveLength(1544);
    expect(new Set(villages.map((r) => r.villageCode)).size).toBe(1544);
    expect(rows.filter((r) => r.kind === "village")).toEqual(villages);
    for (const v of villages) {
      expect(v.level).toBe("branch");
      expect((VILLAGE_KINDS as readonly string[]).includes(v.villageKind!)).toBe(true);
      const parentKind = parentOf(v)!.kind;
      const allowed = parentKind === "commune" ? ["thôn", "bản"] : ["khu phố", "tổ dân phố"];
      expect(allowed).toContain(v.villageKind);
      expect(v.name).toBe(`Chi bộ ${v.villageKind} ${v.villageName!.slice(v.villageKind!.length + 1)}`);
      expect(v.villageName!.toLocaleLowerCase("vi").startsWith(v.villageKind!)).toBe(true);
    }
    const kinds = new Set(villages.map((v) => v.villageKind));
    expect([...kinds].sort()).toEqual(["bản", "khu phố", "thôn", "tổ dân phố"]);
    expect(villages.some((v) => v.name === "Chi bộ thôn 3")).toBe(true);
    expect(villages.every((v) => v.villageName !== "Bản Bản")).toBe(true);
  });

  it("gives the coal sector 41 grassroots organisations and 904 workplace branches", () => {
    const coalGrassroots = rows.filter(
      (r) => r.sector === "coal" && (r.level === "grassroots_committee" || r.level === "grassroots_branch"),
    );
    expect(coalGrassroots).toHaveLength(41);
    for (const r of coalGrassroots) expect(parentOf(r)?.sector).toBe("coal");
    expect(index.get("QN.THAN.HATU")).toMatchObject({ name: "Đảng bộ Công ty Than Hà Tu", sector: "coal" });
    const coalBranches = rows.filter((r) => r.level === "branch" && r.sector === "coal");
    expect(coalBranches).toHaveLength(904);
    for (const b of coalBranches) {
      expect(["workshop", "department"]).toContain(b.kind);
      expect(parentOf(b)).toMatchObject({ level: "grassroots_committee", sector: "coal" });
      expect(b.name).toMatch(/^Chi bộ (Phân xưởng|Phòng|Văn phòng|Đội)/);
    }
    expect(coalBranches.some((b) => b.name === "Chi bộ Phân xưởng Khai thác 1")).toBe(true);
    expect(coalBranches.some((b) => b.name === "Chi bộ Phòng Kỹ thuật")).toBe(true);
    // Only coal units carry the coal sector.
    for (const r of rows.filter((x) => x.sector !== undefined)) expect(r.sector).toBe("coal");
  });

  it("uses unique, short, ASCII, hierarchical codes", () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.code).toMatch(/^[A-Za-z0-9_.-]+$/);
      expect(r.code.length).toBeLessThanOrEqual(64);
      if (r.parentCode) expect(r.code.startsWith(`${r.parentCode}.`)).toBe(true);
    }
  });

  it("keeps names unique within a parent", () => {
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.parentCode ?? ""}\u0000${r.name}`;
      expect(seen.has(key), `${r.name} under ${r.parentCode}`).toBe(false);
      seen.add(key);
    }
  });

  it("is accepted whole by the organisation import plan", () => {
    const numbered = rows.map((row, i) => ({ rowNumber: i + 2, row }));
    const plan = planOrgImport(numbered, [], [], DEFAULT_HIERARCHY);
    if (!plan.ok) throw new Error(JSON.stringify(plan.error.slice(0, 5)));
    expect(plan.value.creates).toHaveLength(rows.length);
    expect(plan.value.updates).toHaveLength(0);
    expect(plan.value.villages).toHaveLength(1544);
    expect(plan.value.creates[0]!.row.code).toBe("QN");
  });

  it("gives byte-identical output for the same seed and a different spread for another", () => {
    const again = JSON.stringify(generateDemoProvince().orgRows);
    expect(again).toBe(JSON.stringify(rows));
    expect(JSON.stringify(generateDemoProvince({ seed: 2020 }).orgRows)).toBe(again);
    const other = generateDemoProvince({ seed: 7 }).orgRows;
    expect(JSON.stringify(other)).not.toBe(again);
    // The province, its 20 committees and the 408 grassroots committees do not depend on the seed.
    const committees = (rs: readonly OrgRow[]) =>
      rs
        .filter((r) => r.level !== "branch" && r.level !== "grassroots_branch")
        .map((r) => `${r.code} ${r.name}`);
    expect(committees(other)).toEqual(committees(rows));
  });

  it("generates in well under a second", () => {
    const started = performance.now();
    generateDemoProvince({ seed: 99 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
