/**
 * People and posts of the demo province (issue 6), built so that every structure figure of the
 * seed report (BRIEF §5) comes out of the data exactly when the indicator engine evaluates the
 * catalog over the generated province and 2020 season (src/demo/people.test.ts checks each):
 *
 * - 871/904 coal-sector branch secretaries heading their workshop or department;
 * - 671/2.291 women among commune-level committee members (each commune's committee has exactly
 *   the seats its congress record elected);
 * - 80/177 commune police chiefs in the standing committee, 21/98 in rural communes;
 * - 16/177 commune secretaries chairing the People's Council, 108/177 the People's Committee;
 * - 145/177 commune secretaries not local (one of them through an override: hometown recorded to
 *   the district only);
 * - 36/41 coal grassroots secretaries heading their company;
 * - 20/20 directly-subordinate secretaries not local; 3 district secretaries chairing the district
 *   People's Committee; 1.544/1.544 village branch secretaries who are the village heads;
 * - and the directives' targets hold: ≥ 15% women and ≥ 10% under-40s in the district-level
 *   and provincial committees.
 *
 * Who is counted is drawn from the seed; how many never is. Names are synthetic combinations
 * (family + middle + given name lists): they describe no one. Everything is as of the seed's
 * "Tính đến ngày 25/7/2020" (`DEMO_PEOPLE_AS_OF`), except the provincial committee, elected on
 * 16/10/2020.
 */
import { assert, assertDefined } from "../domain/basics/assert.ts";
import { addDays } from "../domain/congress/calendar.ts";
import type { CongressRecord } from "../domain/congress/record.ts";
import type { IsoDate } from "../domain/format/date.ts";
import { MERGED_MODEL_TAGS } from "../domain/indicators/catalog.ts";
import type { IndicatorData, IndicatorOrg, IndicatorVillage } from "../domain/indicators/data.ts";
import type { OrgRow } from "../domain/organisation/types.ts";
import { duplicateKey } from "../domain/people/duplicates.ts";
import type { Territory } from "../domain/people/local.ts";
import type { Gender, Hometown, Person, Place, Post, PostKind, TheoryLevel } from "../domain/people/types.ts";
import { type DemoSeason, generateDemoSeason2020 } from "./congresses.ts";
import {
  DEFAULT_DEMO_SEED,
  DEMO_PROVINCE_CODE,
  type DemoProvince,
  generateDemoProvince,
} from "./province.ts";
import { allocate, createRandom, type Random } from "./random.ts";

/** The figures the demo people are built to (BRIEF §5), and the day they hold. */
export const DEMO_PEOPLE_FACTS = {
  asOf: "2020-07-25",
  communeTerm: "2020–2025",
  branchTerm: "2020–2022",
  coalBranchSecretariesHeadingUnit: 871,
  coalBranches: 904,
  communeCommitteeWomen: 671,
  communeCommitteeMembers: 2291,
  communePoliceInStanding: 80,
  ruralPoliceInStanding: 21,
  communes: 177,
  ruralCommunes: 98,
  communeSecretariesChairingCouncil: 16,
  communeSecretariesChairingCommittee: 108,
  communeSecretariesNotLocal: 145,
  coalGrassrootsSecretariesDirectors: 36,
  coalGrassroots: 41,
  districtSecretariesNotLocal: 20,
  districtSecretariesChairingCommittee: 3,
  villageBranches: 1544,
  provinceCommitteeElectedOn: "2020-10-16",
} as const;

export const DEMO_PEOPLE_AS_OF: IsoDate = DEMO_PEOPLE_FACTS.asOf;

export interface DemoPeople {
  readonly people: readonly Person[];
  readonly posts: readonly Post[];
}

const COMMUNE_KINDS: readonly string[] = ["commune", "ward", "township"];
const TERRITORIAL_KINDS: readonly string[] = ["city", "town", "district"];
const COAL = "coal";

const QN: Place = { code: DEMO_PROVINCE_CODE, name: "Quảng Ninh" };
/** Hometowns outside the province: recorded to the province only, as many old records are. */
const OTHER_PROVINCES: readonly Place[] = [
  { code: "HD", name: "Hải Dương" },
  { code: "HP", name: "Hải Phòng" },
  { code: "TB", name: "Thái Bình" },
  { code: "ND", name: "Nam Định" },
  { code: "HY", name: "Hưng Yên" },
  { code: "BG", name: "Bắc Giang" },
  { code: "LS", name: "Lạng Sơn" },
  { code: "TH", name: "Thanh Hóa" },
  { code: "NA", name: "Nghệ An" },
  { code: "HNA", name: "Hà Nam" },
];

const FAMILY = [
  "Nguyễn",
  "Nguyễn",
  "Nguyễn",
  "Trần",
  "Trần",
  "Lê",
  "Lê",
  "Phạm",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Dương",
  "Lý",
  "Đinh",
  "Phan",
  "Hà",
  "Lương",
  "Tô",
  "Trịnh",
  "Mai",
  "Đào",
  "Lục",
];
const MIDDLE: Readonly<Record<Gender, readonly string[]>> = {
  male: [
    "Văn",
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Thành",
    "Xuân",
    "Ngọc",
    "Mạnh",
    "Trung",
    "Công",
    "Duy",
  ],
  female: ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Thị Thu", "Minh", "Hồng", "Thúy", "Kim"],
};
const GIVEN: Readonly<Record<Gender, readonly string[]>> = {
  male: [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Cường",
    "Hải",
    "Long",
    "Thắng",
    "Sơn",
    "Bình",
    "Quân",
    "Trung",
    "Hưng",
    "Phong",
    "Toàn",
    "Khánh",
    "Hiếu",
    "Đạt",
    "Tùng",
    "Nam",
    "Việt",
    "Thành",
    "Huy",
    "Lâm",
    "Kiên",
    "Nghĩa",
    "Tiến",
  ],
  female: [
    "Hoa",
    "Lan",
    "Hương",
    "Hằng",
    "Mai",
    "Thảo",
    "Huyền",
    "Nga",
    "Linh",
    "Trang",
    "Yến",
    "Phương",
    "Dung",
    "Hạnh",
    "Loan",
    "Hà",
    "Vân",
    "Nhung",
    "Thủy",
    "Liên",
  ],
};
const HIGHLAND_ETHNICITIES = ["Tày", "Dao", "Sán Chỉ", "Sán Dìu", "Kinh", "Kinh"];
const THEORY_BY_ROLE: Readonly<
  Record<"province" | "district" | "grassroots" | "branch", readonly TheoryLevel[]>
> = {
  province: ["cao_cap", "cu_nhan"],
  district: ["cao_cap", "cao_cap", "cu_nhan"],
  grassroots: ["trung_cap", "trung_cap", "cao_cap"],
  branch: ["so_cap", "so_cap", "trung_cap"],
};
const EDUCATION = [
  "Đại học Luật",
  "Đại học Kinh tế",
  "Đại học Sư phạm",
  "Kỹ sư Mỏ",
  "Đại học Hành chính",
  "Thạc sĩ Quản lý kinh tế",
];

/** The demo organisations as the plain values the indicator engine takes: path = code. */
export function demoIndicatorOrgs(orgRows: readonly OrgRow[]): IndicatorOrg[] {
  const territories = new Map<string, Territory>();
  const out: IndicatorOrg[] = [];
  for (const r of orgRows) {
    let territory: Territory;
    if (r.parentCode === undefined)
      territory = { provinceCode: r.code, districtCode: null, communeCode: null };
    else if (r.level === "district_level" && TERRITORIAL_KINDS.includes(r.kind)) {
      territory = { provinceCode: DEMO_PROVINCE_CODE, districtCode: r.code, communeCode: null };
    } else if (COMMUNE_KINDS.includes(r.kind)) {
      territory = { provinceCode: DEMO_PROVINCE_CODE, districtCode: r.parentCode, communeCode: r.code };
    } else territory = assertDefined(territories.get(r.parentCode), `parent of ${r.code} comes later`);
    territories.set(r.code, territory);
    out.push({
      id: r.code,
      path: r.code,
      level: r.level,
      kind: r.kind,
      sector: r.sector ?? null,
      villageCode: r.villageCode ?? null,
      territory,
      tags:
        r.level === "district_level" && TERRITORIAL_KINDS.includes(r.kind) ? MERGED_MODEL_TAGS : undefined,
      name: r.name,
    });
  }
  return out;
}

export function demoVillages(orgRows: readonly OrgRow[]): IndicatorVillage[] {
  return orgRows
    .filter((r) => r.villageCode !== undefined)
    .map((r) => ({ code: r.villageCode!, name: r.villageName ?? r.name, orgId: r.code }));
}

/** Everything the indicators need, from the demo province, its 2020 season and its people. */
export function demoIndicatorData(
  province: DemoProvince,
  season: DemoSeason,
  people: DemoPeople,
): IndicatorData {
  return {
    orgs: demoIndicatorOrgs(province.orgRows),
    villages: demoVillages(province.orgRows),
    people: people.people,
    posts: people.posts,
    congresses: season.congresses,
  };
}

/** Marks `count` of `items` (drawn by the seed). */
function choose<T>(random: Random, items: readonly T[], count: number): Set<T> {
  assert(count <= items.length, `cannot choose ${count} of ${items.length}`);
  return new Set(random.shuffle(items).slice(0, count));
}

const placeName = (row: OrgRow) => row.name.replace(/^Đảng bộ /, "");

export function generateDemoPeople(
  province: DemoProvince = generateDemoProvince(),
  season: DemoSeason = generateDemoSeason2020(province),
  options: { readonly seed?: number } = {},
): DemoPeople {
  const random = createRandom((options.seed ?? DEFAULT_DEMO_SEED) * 17 + 3);
  const F = DEMO_PEOPLE_FACTS;
  const rows = province.orgRows;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const congressOf = new Map<string, CongressRecord>(season.congresses.map((c) => [String(c.orgId), c]));
  const endOf = (code: string) =>
    assertDefined(congressOf.get(code)?.actualEnd, `no congress end for ${code}`);

  const communes = rows.filter((r) => r.level === "grassroots_committee" && COMMUNE_KINDS.includes(r.kind));
  const districts = rows.filter((r) => r.level === "district_level");
  const territorialDistricts = districts.filter((r) => TERRITORIAL_KINDS.includes(r.kind));
  const highland = new Set(["QN.TY", "QN.DH", "QN.HH", "QN.BL", "QN.BC"]);

  // --- Places.
  const districtPlace = new Map(
    territorialDistricts.map((d) => [d.code, { code: d.code, name: placeName(d) }]),
  );
  const hometownOfCommune = (c: OrgRow): Hometown => ({
    province: QN,
    district: assertDefined(districtPlace.get(c.parentCode!)),
    commune: { code: c.code, name: placeName(c) },
  });
  const communesOfDistrict = new Map<string, OrgRow[]>();
  for (const c of communes) {
    const list = communesOfDistrict.get(c.parentCode!) ?? [];
    list.push(c);
    communesOfDistrict.set(c.parentCode!, list);
  }
  const otherProvince = (): Hometown => ({
    province: random.pick(OTHER_PROVINCES),
    district: null,
    commune: null,
  });
  const anyCommuneHometown = () => hometownOfCommune(random.pick(communes));
  /** A hometown outside commune `c`: another commune of its district, of another district, or another province. */
  const hometownNotIn = (c: OrgRow): Hometown => {
    const draw = random.next();
    const siblings = (communesOfDistrict.get(c.parentCode!) ?? []).filter((s) => s.code !== c.code);
    if (draw < 0.5 && siblings.length > 0) return hometownOfCommune(random.pick(siblings));
    if (draw < 0.8) {
      const others = communes.filter((o) => o.parentCode !== c.parentCode);
      return hometownOfCommune(random.pick(others));
    }
    return otherProvince();
  };
  /** A hometown outside district `d` (for a sector committee: outside the province). */
  const hometownNotInDistrict = (d: OrgRow): Hometown => {
    if (!TERRITORIAL_KINDS.includes(d.kind) || random.next() < 0.5) return otherProvince();
    return hometownOfCommune(random.pick(communes.filter((c) => c.parentCode !== d.code)));
  };

  // --- People.
  const people: Person[] = [];
  const posts: Post[] = [];
  const keys = new Set<string>();
  const newPerson = (input: {
    gender?: Gender;
    born: [number, number];
    hometown: Hometown;
    role: keyof typeof THEORY_BY_ROLE;
    highland?: boolean;
  }): Person => {
    const gender = input.gender ?? (random.next() < 0.3 ? "female" : "male");
    const ethnicity = input.highland
      ? random.pick(HIGHLAND_ETHNICITIES)
      : random.next() < 0.03
        ? "Tày"
        : "Kinh";
    for (;;) {
      const year = random.int(input.born[0], input.born[1]);
      const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
      const fullName = `${random.pick(FAMILY)} ${random.pick(MIDDLE[gender])} ${random.pick(GIVEN[gender])}`;
      const joinedYear = Math.min(year + random.int(20, 30), 2018);
      const joinedOn = `${joinedYear}${birthDate.slice(4)}`;
      const person: Person = {
        id: `P${String(people.length + 1).padStart(5, "0")}`,
        fullName,
        gender,
        birthDate,
        ethnicity,
        hometown: input.hometown,
        membership: { status: "official", joinedOn, officialOn: `${joinedYear + 1}${birthDate.slice(4)}` },
        education: input.role === "branch" ? null : random.pick(EDUCATION),
        politicalTheory: random.pick(THEORY_BY_ROLE[input.role]),
      };
      // Two people with one name, birth date and hometown would be flagged as duplicates: draw again.
      const key = duplicateKey(person);
      if (keys.has(key)) continue;
      keys.add(key);
      people.push(person);
      return person;
    }
  };
  const addPost = (
    person: Person,
    kind: PostKind,
    at: { orgId?: string; villageCode?: string; term?: string; title?: string; start: IsoDate },
  ) => {
    posts.push({
      id: `CV${String(posts.length + 1).padStart(6, "0")}`,
      personId: person.id,
      kind,
      orgId: at.orgId ?? null,
      villageCode: at.villageCode ?? null,
      term: at.term ?? null,
      title: at.title ?? null,
      start: at.start,
      end: null,
    });
  };
  const party = (person: Person, orgId: string, term: string, start: IsoDate, ...kinds: PostKind[]) => {
    for (const kind of kinds) addPost(person, kind, { orgId, term, start });
  };
  const dayIn = (from: IsoDate, days: number) => addDays(from, random.int(0, days));

  // --- Communes: 177 committees of exactly the seats their congresses elected (2.291 in all).
  const seats = communes.map((c) =>
    assertDefined(congressOf.get(c.code)?.committeeSeatsElected, `seats of ${c.code}`),
  );
  assert(
    seats.reduce((s, n) => s + n, 0) === F.communeCommitteeMembers,
    "commune committee seats do not add up to the seed's 2.291",
  );
  const chairsCommittee = choose(random, communes, F.communeSecretariesChairingCommittee);
  const chairsCouncil = choose(
    random,
    communes.filter((c) => !chairsCommittee.has(c)),
    F.communeSecretariesChairingCouncil,
  );
  const rural = communes.filter((c) => c.kind === "commune");
  const urban = communes.filter((c) => c.kind !== "commune");
  assert(rural.length === F.ruralCommunes, `demo has ${rural.length} rural communes`);
  const policeInStanding = new Set([
    ...choose(random, rural, F.ruralPoliceInStanding),
    ...choose(random, urban, F.communePoliceInStanding - F.ruralPoliceInStanding),
  ]);
  const notLocal = [...choose(random, communes, F.communeSecretariesNotLocal)];
  const notLocalSet = new Set(notLocal);
  // One secretary's hometown was recorded to the district only: "local" is decided by an override.
  const looseHometown = notLocal.find((c) => (communesOfDistrict.get(c.parentCode!) ?? []).length > 1)!;
  const women = allocate(F.communeCommitteeWomen, seats, random, { min: 1, max: 8, jitter: 0.3 });

  communes.forEach((c, i) => {
    const s = seats[i]!;
    const elected = endOf(c.code);
    const term = F.communeTerm;
    const isHighland = highland.has(c.parentCode!);
    const standing = s >= 11 ? 5 : 4;
    const womenAt = choose(
      random,
      Array.from({ length: s }, (_, k) => k),
      women[i]!,
    );
    const members = Array.from({ length: s }, (_, k) => {
      const isSecretary = k === 0;
      let hometown: Hometown;
      if (isSecretary && c === looseHometown) {
        hometown = { province: QN, district: assertDefined(districtPlace.get(c.parentCode!)), commune: null };
      } else if (isSecretary) hometown = notLocalSet.has(c) ? hometownNotIn(c) : hometownOfCommune(c);
      else hometown = random.next() < 0.85 ? hometownOfCommune(c) : hometownNotIn(c);
      return newPerson({
        gender: womenAt.has(k) ? "female" : "male",
        born: isSecretary ? [1965, 1982] : [1963, 1994],
        hometown,
        role: "grassroots",
        highland: isHighland && c.kind === "commune",
      });
    });
    if (c === looseHometown) {
      const secretary = members[0]!;
      people[people.indexOf(secretary)] = {
        ...secretary,
        localOverrides: [
          {
            orgId: c.code,
            local: false,
            reason: "Quê quán chỉ ghi đến huyện; Ban Tổ chức đã xác minh đồng chí quê ở xã khác trong huyện",
          },
        ],
      };
      members[0] = people[people.indexOf(secretary)] ?? secretary;
    }
    members.forEach((m, k) => {
      const kinds: PostKind[] = ["committee_member"];
      if (k < standing) kinds.push("standing_committee_member");
      if (k === 0) kinds.push("secretary");
      if (k === 1 || (k === 2 && !chairsCommittee.has(c))) kinds.push("deputy_secretary");
      party(m, c.code, term, elected, ...kinds);
    });
    const secretary = members[0]!;
    // People's Committee: the secretary where the province arranged it after the congress, else the
    // second deputy secretary (in office since the 2016 People's Council term).
    if (chairsCommittee.has(c)) {
      addPost(secretary, "people_committee_chair", { orgId: c.code, start: dayIn(addDays(elected, 5), 30) });
    } else addPost(members[2]!, "people_committee_chair", { orgId: c.code, start: dayIn("2016-06-20", 900) });
    if (chairsCouncil.has(c)) {
      addPost(secretary, "people_council_chair", { orgId: c.code, start: dayIn(addDays(elected, 5), 30) });
    } else addPost(members[1]!, "people_council_chair", { orgId: c.code, start: dayIn("2016-06-20", 900) });
    const police = policeInStanding.has(c) ? members[standing - 1]! : members[standing]!;
    addPost(police, "commune_police_chief", { orgId: c.code, start: dayIn("2018-03-01", 600) });
  });

  // --- District level: 20 committees of their congresses' seats; 20/20 secretaries not local;
  // 3 of the 13 territorial secretaries chair the district People's Committee.
  const districtChairs = choose(random, territorialDistricts, F.districtSecretariesChairingCommittee);
  for (const d of districts) {
    const s = assertDefined(congressOf.get(d.code)?.committeeSeatsElected, `seats of ${d.code}`);
    const elected = endOf(d.code);
    const standing = Math.min(s, random.int(11, 15));
    const womenAt = choose(
      random,
      Array.from({ length: s }, (_, k) => k),
      Math.ceil(s * 0.18),
    );
    const youngAt = choose(random, Array.from({ length: s }, (_, k) => k).slice(3), Math.ceil(s * 0.12));
    const territorial = TERRITORIAL_KINDS.includes(d.kind);
    const localHome = () =>
      territorial
        ? hometownOfCommune(random.pick(communesOfDistrict.get(d.code) ?? communes))
        : anyCommuneHometown();
    const members = Array.from({ length: s }, (_, k) =>
      newPerson({
        gender: womenAt.has(k) ? "female" : "male",
        // Under 40 on the day of the congress (born 1981 or later), or 40 and over (born by 1979).
        born: youngAt.has(k) ? [1981, 1989] : k === 0 ? [1963, 1975] : [1961, 1979],
        hometown: k === 0 ? hometownNotInDistrict(d) : random.next() < 0.7 ? localHome() : otherProvince(),
        role: "district",
      }),
    );
    members.forEach((m, k) => {
      const kinds: PostKind[] = ["committee_member"];
      if (k < standing) kinds.push("standing_committee_member");
      if (k === 0) kinds.push("secretary");
      if (k === 1 || k === 2) kinds.push("deputy_secretary");
      party(m, d.code, F.communeTerm, elected, ...kinds);
    });
    if (territorial) {
      const chair = districtChairs.has(d) ? members[0]! : members[2]!;
      addPost(chair, "people_committee_chair", { orgId: d.code, start: dayIn("2016-06-25", 1200) });
      addPost(members[1]!, "people_council_chair", { orgId: d.code, start: dayIn("2016-06-25", 1200) });
    }
  }

  // --- Grassroots other than communes: a secretary each; in the coal sector 36 of 41 head their unit.
  const otherGrassroots = rows.filter(
    (r) =>
      (r.level === "grassroots_committee" || r.level === "grassroots_branch") &&
      !COMMUNE_KINDS.includes(r.kind),
  );
  const coalGrassroots = otherGrassroots.filter((r) => r.sector === COAL);
  assert(coalGrassroots.length === F.coalGrassroots, `demo has ${coalGrassroots.length} coal grassroots`);
  const directors = choose(random, coalGrassroots, F.coalGrassrootsSecretariesDirectors);
  for (const g of otherGrassroots) {
    const secretary = newPerson({ born: [1964, 1985], hometown: anyCommuneHometown(), role: "grassroots" });
    party(secretary, g.code, F.communeTerm, endOf(g.code), "committee_member", "secretary");
    if (g.sector !== COAL) continue;
    const title = /Trường/.test(g.name) ? "Hiệu trưởng" : "Giám đốc";
    const head = directors.has(g)
      ? secretary
      : newPerson({ born: [1966, 1980], hometown: anyCommuneHometown(), role: "grassroots" });
    addPost(head, "unit_head", { orgId: g.code, title, start: dayIn("2015-01-01", 1500) });
  }

  // --- Branches (term 2020–2022): a secretary each. Village branches: the secretary is the village
  // head elected on 05/01/2020. Coal branches: 871 of 904 secretaries head their unit.
  const branches = rows.filter((r) => r.level === "branch");
  const coalBranches = branches.filter((b) => b.sector === COAL);
  assert(coalBranches.length === F.coalBranches, `demo has ${coalBranches.length} coal branches`);
  const headingUnit = choose(random, coalBranches, F.coalBranchSecretariesHeadingUnit);
  for (const b of branches) {
    const parent = assertDefined(byCode.get(b.parentCode!));
    const isCommuneBranch = COMMUNE_KINDS.includes(parent.kind);
    const hometown =
      isCommuneBranch && random.next() < 0.9 ? hometownOfCommune(parent) : anyCommuneHometown();
    const secretary = newPerson({
      born: [1958, 1992],
      hometown,
      role: "branch",
      highland: isCommuneBranch && highland.has(parent.parentCode!) && parent.kind === "commune",
    });
    party(secretary, b.code, F.branchTerm, endOf(b.code), "secretary");
    if (b.kind === "village") {
      // The head takes office when the commune recognises the election (DEMO_VILLAGE_DAY.recognisedOn).
      addPost(secretary, "village_head", { villageCode: b.villageCode!, start: "2020-01-06" });
    } else if (b.sector === COAL) {
      const unit = b.name.replace(/^Chi bộ /, "");
      const title = unit.startsWith("Phân xưởng")
        ? "Quản đốc"
        : unit.startsWith("Văn phòng")
          ? "Chánh Văn phòng"
          : unit.startsWith("Đội")
            ? "Đội trưởng"
            : "Trưởng phòng";
      const head = headingUnit.has(b)
        ? secretary
        : newPerson({ born: [1968, 1988], hometown: anyCommuneHometown(), role: "branch" });
      addPost(head, "unit_head", { orgId: b.code, title, start: dayIn("2014-01-01", 2000) });
    }
  }

  // --- The provincial committee elected on 16/10/2020: 53 seats, 9 women, 6 under 40.
  const top = assertDefined(rows.find((r) => r.parentCode === undefined));
  const topSeats = assertDefined(
    congressOf.get(top.code)?.committeeSeatsElected,
    "provincial committee seats",
  );
  const topWomen = choose(random, Array.from({ length: topSeats }, (_, k) => k).slice(1), 9);
  const topYoung = choose(random, Array.from({ length: topSeats }, (_, k) => k).slice(3), 6);
  for (let k = 0; k < topSeats; k++) {
    const m = newPerson({
      gender: topWomen.has(k) ? "female" : "male",
      born: topYoung.has(k) ? [1981, 1987] : [1961, 1979],
      hometown: random.next() < 0.6 ? anyCommuneHometown() : otherProvince(),
      role: "province",
    });
    const kinds: PostKind[] = ["committee_member"];
    if (k < 16) kinds.push("standing_committee_member");
    if (k === 0) kinds.push("secretary");
    if (k === 1 || k === 2 || k === 3) kinds.push("deputy_secretary");
    party(m, top.code, F.communeTerm, F.provinceCommitteeElectedOn, ...kinds);
  }

  return { people, posts };
}
