/**
 * The demo province: a Quảng Ninh-shaped organisation tree with the seed report's exact counts
 * (BRIEF §1 and §5), as import rows (`OrgRow`) so it goes through the same import plan as a
 * user's file. Pure and deterministic: the same seed gives the same rows, byte for byte.
 *
 * The seed changes only the spread (villages per commune, branches per committee, which schools
 * have a grassroots branch, which hamlets are bản); every published total holds for every seed.
 * Later issues add people, congresses and results beside `orgRows`.
 */
import { assert, assertDefined } from "../domain/basics/assert.ts";
import type { OrgRow } from "../domain/organisation/types.ts";
import { acronymOf, slugOf } from "./codes.ts";
import {
  BAN_NAMES,
  BRANCH_POOLS,
  type BranchStyle,
  COAL_COMMITTEES,
  COAL_DEPARTMENTS,
  COAL_WORKSHOPS,
  COMMUNE_BRANCHES,
  COMMUNE_SCHOOLS,
  type CoalCompanyDef,
  type CommuneKind,
  communeWord,
  type DemoVillageKind,
  type GrassrootsTemplate,
  SECTOR_COMMITTEES,
  TERRITORIAL_GRASSROOTS,
  TERRITORIAL_UNITS,
  type TerritorialDef,
  territorialWord,
} from "./names.ts";
import { allocate, createRandom, type Random } from "./random.ts";

/** The counts the demo province is built to, from the seed report (Quảng Ninh, 2020). */
export interface DemoFacts {
  /** Every organisation row, the province included. */
  readonly organisations: number;
  /** Đảng bộ trực thuộc Tỉnh ủy. */
  readonly districtLevel: number;
  /** Cities, towns and districts. */
  readonly territorial: number;
  readonly cities: number;
  readonly towns: number;
  readonly districts: number;
  /** Sector or bloc committees directly under the province (coal included). */
  readonly sectorCommittees: number;
  /** Tổ chức cơ sở đảng. */
  readonly grassroots: number;
  readonly grassrootsCommittees: number;
  readonly grassrootsBranches: number;
  /** Xã, phường, thị trấn. */
  readonly communeLevel: number;
  readonly ruralCommunes: number;
  readonly wards: number;
  readonly townships: number;
  /** Chi bộ trực thuộc đảng ủy cơ sở (village and coal branches included). */
  readonly branches: number;
  /** Villages and residential areas, each served by one village branch. */
  readonly villages: number;
  readonly coalGrassroots: number;
  /** Workplace branches (phân xưởng, phòng) of the coal grassroots committees. */
  readonly coalBranches: number;
}

export const DEMO_PROVINCE_FACTS: DemoFacts = {
  organisations: 1 + 20 + 735 + 4925,
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
};

export interface DemoProvince {
  readonly orgRows: readonly OrgRow[];
  readonly facts: DemoFacts;
}

export interface DemoOptions {
  readonly seed?: number;
}

/** The year of the season the seed report describes. */
export const DEFAULT_DEMO_SEED = 2020;

export const DEMO_PROVINCE_CODE = "QN";

/**
 * Branches of communes, wards and townships other than village branches: the commune office,
 * police and military always, then some of health, kindergarten, front and economic (5 on average).
 */
const COMMUNE_OTHER_BRANCHES = 885;

const PROVINCE = "province";
const DISTRICT_LEVEL = "district_level";
const GRASSROOTS_COMMITTEE = "grassroots_committee";
const GRASSROOTS_BRANCH = "grassroots_branch";
const BRANCH = "branch";
const COAL = "coal";

interface CommuneDef {
  readonly unit: TerritorialDef;
  readonly name: string;
  readonly kind: CommuneKind;
}

export function generateDemoProvince(options: DemoOptions = {}): DemoProvince {
  const random = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const facts = DEMO_PROVINCE_FACTS;
  const tree = createTree();

  // Every count is drawn first, in a fixed order, so the tree can then be written depth-first.
  const communes: CommuneDef[] = TERRITORIAL_UNITS.flatMap((unit) => communesOf(unit));
  const villageCounts = queue(
    allocate(facts.villages, communes.map(villageWeightOf), random, { min: 3, jitter: 0.35 }),
  );
  const communeBranchCounts = queue(
    allocate(
      COMMUNE_OTHER_BRANCHES,
      communes.map(() => 1),
      random,
      { min: 3, max: COMMUNE_BRANCHES.length, jitter: 0.5 },
    ),
  );
  const otherCommittees =
    TERRITORIAL_UNITS.reduce((s, u) => s + u.otherCommittees, 0) +
    SECTOR_COMMITTEES.reduce((s, c) => s + c.committees, 0);
  const otherBranches = facts.branches - facts.villages - facts.coalBranches - COMMUNE_OTHER_BRANCHES;
  const otherBranchCounts = queue(
    allocate(otherBranches, new Array<number>(otherCommittees).fill(1), random, { min: 3, jitter: 0.6 }),
  );
  const coalCompanies = COAL_COMMITTEES.flatMap((c) => c.companies.slice(0, c.committees));
  const coalBranchCounts = queue(
    allocate(facts.coalBranches, coalCompanies.map(coalWeightOf), random, { min: 8, jitter: 0.3 }),
  );

  tree.add({
    code: DEMO_PROVINCE_CODE,
    name: "Đảng bộ tỉnh Quảng Ninh",
    level: PROVINCE,
    kind: "province",
  });

  for (const unit of TERRITORIAL_UNITS) {
    const unitName = `${territorialWord(unit.kind)} ${unit.place}`;
    const unitCode = `${DEMO_PROVINCE_CODE}.${unit.key}`;
    tree.add({
      code: unitCode,
      name: `Đảng bộ ${unitName}`,
      level: DISTRICT_LEVEL,
      kind: unit.kind,
      parentCode: DEMO_PROVINCE_CODE,
    });

    for (const commune of communesOf(unit)) {
      const slug = slugOf(commune.name);
      const word = communeWord(commune.kind);
      const code = tree.add({
        code: tree.codeUnder(unitCode, slug, `${slug}-${slugOf(word)}`),
        name: `Đảng bộ ${word} ${commune.name}`,
        level: GRASSROOTS_COMMITTEE,
        kind: commune.kind,
        parentCode: unitCode,
      }).code;
      addCommuneBranches(tree, code, commune, communeBranchCounts(), random);
      addVillageBranches(tree, code, commune, villageCounts(), random);
    }

    const fill = (text: string, commune = "") =>
      text.replaceAll("{unit}", unitName).replaceAll("{place}", unit.place).replaceAll("{commune}", commune);
    const keyOf = (text: string) => acronymOf(text.replace(/\{[a-z]+\}/g, ""));
    const templates = TERRITORIAL_GRASSROOTS.map((t) => ({ ...t, name: fill(t.name), key: keyOf(t.name) }));
    const schools = new Map<string, GrassrootsTemplate & { key: string }>();
    for (const commune of communesOf(unit)) {
      for (const school of COMMUNE_SCHOOLS) {
        const name = fill(school, commune.name);
        if (!schools.has(name)) {
          schools.set(name, {
            name,
            kind: "public_service",
            style: "school",
            key: `${keyOf(school)}-${slugOf(commune.name)}`,
          });
        }
      }
    }
    assert(unit.otherCommittees <= templates.length, `${unit.place}: more committees than templates`);
    const rest = [...templates.slice(unit.otherCommittees), ...schools.values()];
    const branchCount = unit.otherGrassroots - unit.otherCommittees;
    assert(branchCount <= rest.length, `${unit.place}: not enough grassroots names`);
    const chosen = new Set(random.shuffle(rest.map((_, i) => i)).slice(0, branchCount));
    for (const t of templates.slice(0, unit.otherCommittees)) {
      const code = tree.add(grassrootsRow(tree, unitCode, t.key, t, GRASSROOTS_COMMITTEE)).code;
      addStyledBranches(tree, code, t.style, otherBranchCounts());
    }
    rest.forEach((t, i) => {
      if (chosen.has(i)) tree.add(grassrootsRow(tree, unitCode, t.key, t, GRASSROOTS_BRANCH));
    });
  }

  for (const committee of SECTOR_COMMITTEES) {
    const committeeCode = `${DEMO_PROVINCE_CODE}.${committee.key}`;
    tree.add({
      code: committeeCode,
      name: committee.name,
      level: DISTRICT_LEVEL,
      kind: committee.kind,
      parentCode: DEMO_PROVINCE_CODE,
    });
    committee.grassroots.forEach((t, i) => {
      const level = i < committee.committees ? GRASSROOTS_COMMITTEE : GRASSROOTS_BRANCH;
      const code = tree.add(grassrootsRow(tree, committeeCode, acronymOf(t.name), t, level)).code;
      if (level === GRASSROOTS_COMMITTEE) addStyledBranches(tree, code, t.style, otherBranchCounts());
    });
  }

  for (const committee of COAL_COMMITTEES) {
    const committeeCode = `${DEMO_PROVINCE_CODE}.${committee.key}`;
    tree.add({
      code: committeeCode,
      name: committee.name,
      level: DISTRICT_LEVEL,
      kind: "enterprise",
      sector: COAL,
      parentCode: DEMO_PROVINCE_CODE,
    });
    committee.companies.forEach((company, i) => {
      const isCommittee = i < committee.committees;
      const code = tree.add({
        code: tree.codeUnder(committeeCode, company.key),
        name: `${isCommittee ? "Đảng bộ" : "Chi bộ"} ${company.name}`,
        level: isCommittee ? GRASSROOTS_COMMITTEE : GRASSROOTS_BRANCH,
        kind: company.kind,
        sector: COAL,
        parentCode: committeeCode,
      }).code;
      if (isCommittee) addCoalBranches(tree, code, company, coalBranchCounts());
    });
  }

  // A change to a name list that breaks the published totals is a bug: fail here, not in a report.
  assert(
    tree.rows.length === facts.organisations,
    `demo province has ${tree.rows.length} organisations, expected ${facts.organisations}`,
  );
  return { orgRows: tree.rows, facts };
}

function communesOf(unit: TerritorialDef): CommuneDef[] {
  return [
    ...unit.wards.map((name) => ({ unit, name, kind: "ward" as const })),
    ...unit.townships.map((name) => ({ unit, name, kind: "township" as const })),
    ...unit.communes.map((name) => ({ unit, name, kind: "commune" as const })),
  ];
}

/** Urban wards have more residential areas than rural communes; island districts have few. */
function villageWeightOf(commune: CommuneDef): number {
  return commune.unit.villageWeight * (commune.kind === "ward" ? 1.2 : 1);
}

function coalWeightOf(company: CoalCompanyDef): number {
  switch (company.mine) {
    case "underground":
      return 1.4;
    case "open_pit":
      return 1.2;
    case "processing":
      return 0.8;
    case "service":
      return 0.4;
  }
}

/** Hands out a list's numbers in order; running past the end is a bug in the counting above. */
function queue(values: readonly number[]): () => number {
  let i = 0;
  return () => assertDefined(values[i++], "demo generator drew more counts than it allocated");
}

interface Tree {
  readonly rows: OrgRow[];
  /** Adds a row; a duplicate code, or a duplicate name under the same parent, is a bug. */
  add(row: OrgRow): OrgRow;
  /** `parent.key` for the first key not taken yet, else `parent.key-2`, `-3`… */
  codeUnder(parentCode: string, ...keys: string[]): string;
}

function createTree(): Tree {
  const rows: OrgRow[] = [];
  const codes = new Set<string>();
  const namesByParent = new Map<string, Set<string>>();
  return {
    rows,
    add(row) {
      assert(!codes.has(row.code), `duplicate demo code ${row.code}`);
      const parent = row.parentCode ?? "";
      let names = namesByParent.get(parent);
      if (!names) {
        names = new Set();
        namesByParent.set(parent, names);
      }
      assert(!names.has(row.name), `duplicate demo name "${row.name}" under ${parent}`);
      codes.add(row.code);
      names.add(row.name);
      rows.push(row);
      return row;
    },
    codeUnder(parentCode, ...keys) {
      for (const key of keys) {
        const code = `${parentCode}.${key}`;
        if (!codes.has(code)) return code;
      }
      for (let n = 2; ; n++) {
        const code = `${parentCode}.${keys[0]}-${n}`;
        if (!codes.has(code)) return code;
      }
    },
  };
}

function grassrootsRow(
  tree: Tree,
  parentCode: string,
  key: string,
  template: GrassrootsTemplate,
  level: typeof GRASSROOTS_COMMITTEE | typeof GRASSROOTS_BRANCH,
): OrgRow {
  return {
    code: tree.codeUnder(parentCode, key),
    name: `${level === GRASSROOTS_COMMITTEE ? "Đảng bộ" : "Chi bộ"} ${template.name}`,
    level,
    kind: template.kind,
    parentCode,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The commune office, police and military branches always; the others drawn in list order. */
function addCommuneBranches(
  tree: Tree,
  communeCode: string,
  commune: CommuneDef,
  count: number,
  random: Random,
) {
  const fixed = 3;
  const optional = random
    .shuffle(COMMUNE_BRANCHES.slice(fixed).map((_, i) => i + fixed))
    .slice(0, count - fixed)
    .sort((a, b) => a - b);
  const word = communeWord(commune.kind);
  const economic =
    commune.kind === "commune" ? "Hợp tác xã Dịch vụ nông nghiệp" : "Doanh nghiệp ngoài nhà nước";
  for (const i of [0, 1, 2, ...optional]) {
    const b = COMMUNE_BRANCHES[i]!;
    const name = b.name
      .replace("{word}", word)
      .replace("{place}", commune.name)
      .replace("{economic}", economic);
    tree.add({
      code: `${communeCode}.${b.key}`,
      name: `Chi bộ ${name}`,
      level: BRANCH,
      kind: b.kind,
      parentCode: communeCode,
    });
  }
}

/**
 * One branch per village or residential area. Rural communes have thôn (numbered) and, in the
 * highland districts, bản with their own names; wards have khu phố or tổ dân phố; townships khu phố.
 * A village's code is its branch's code: one village, one branch, one key on both sides.
 */
function addVillageBranches(
  tree: Tree,
  communeCode: string,
  commune: CommuneDef,
  count: number,
  random: Random,
) {
  const villages: { key: string; name: string; kind: DemoVillageKind }[] = [];
  const numbered = (kind: DemoVillageKind, label: string, key: string, n: number) => {
    for (let k = 1; k <= n; k++) villages.push({ key: `${key}${k}`, name: `${label} ${k}`, kind });
  };
  switch (commune.kind) {
    case "ward":
      if (commune.unit.urbanVillageKind === "khu phố") numbered("khu phố", "Khu phố", "KP", count);
      else numbered("tổ dân phố", "Tổ dân phố", "TDP", count);
      break;
    case "township":
      numbered("khu phố", "Khu phố", "KP", count);
      break;
    case "commune": {
      const bans = commune.unit.highland
        ? Math.min(BAN_NAMES.length, Math.round(count * (0.3 + 0.4 * random.next())))
        : 0;
      numbered("thôn", "Thôn", "T", count - bans);
      for (const name of random.shuffle(BAN_NAMES).slice(0, bans)) {
        villages.push({ key: `B${slugOf(name)}`, name: `Bản ${name}`, kind: "bản" });
      }
      break;
    }
  }
  for (const v of villages) {
    const code = tree.codeUnder(communeCode, v.key);
    tree.add({
      code,
      name: `Chi bộ ${v.name.charAt(0).toLowerCase()}${v.name.slice(1)}`,
      level: BRANCH,
      kind: "village",
      parentCode: communeCode,
      villageCode: code,
      villageName: v.name,
      villageKind: v.kind,
    });
  }
}

/** Named branches of the style first, then "{numbered} 1", "{numbered} 2"… */
function addStyledBranches(tree: Tree, parentCode: string, style: BranchStyle, count: number) {
  const pool = BRANCH_POOLS[style];
  for (let i = 0; i < count; i++) {
    const named = pool.named[i];
    tree.add({
      code: `${parentCode}.CB${pad(i + 1)}`,
      name: `Chi bộ ${named ?? `${pool.numbered} ${i - pool.named.length + 1}`}`,
      level: BRANCH,
      kind: named === undefined ? pool.numberedKind : pool.kind,
      parentCode,
    });
  }
}

/**
 * A coal company's workplace branches: about a quarter departments (phòng), the rest workshops
 * (phân xưởng): a few named ones, then numbered series such as Khai thác 1, Đào lò 1, Khai thác 2…
 */
function addCoalBranches(tree: Tree, parentCode: string, company: CoalCompanyDef, count: number) {
  const departments = Math.min(COAL_DEPARTMENTS.length, Math.max(2, Math.round(count * 0.25)));
  const workshops = count - departments;
  const shop = COAL_WORKSHOPS[company.mine];
  const namedCount = Math.min(shop.named.length, Math.floor(workshops / 3));
  const workshopNames = shop.named.slice(0, namedCount);
  for (let i = 0; workshopNames.length < workshops; i++) {
    const series = shop.numbered[i % shop.numbered.length]!;
    workshopNames.push(`${series} ${Math.floor(i / shop.numbered.length) + 1}`);
  }
  const add = (prefix: string, kind: string, names: readonly string[]) => {
    names.forEach((name, n) => {
      tree.add({
        code: `${parentCode}.${prefix}${pad(n + 1)}`,
        name: `Chi bộ ${name}`,
        level: BRANCH,
        kind,
        sector: COAL,
        parentCode,
      });
    });
  };
  add("PX", "workshop", workshopNames);
  add("PB", "department", COAL_DEPARTMENTS.slice(0, departments));
}
