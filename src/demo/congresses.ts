/**
 * The demo province's 2020 congress season: the season as the plan defined it (Kế hoạch số
 * 308-KH/TU ngày 04/7/2019 implementing Chỉ thị số 35-CT/TW) and one congress record per
 * organisation, reproducing the seed report's calendar exactly (BRIEF §5):
 *
 * - 4.925/4.925 branch congresses (term 2020–2022) from 02/01/2020 to 29/02/2020, the village
 *   branches (one per village, 1.544) all on 18 or 19/01/2020, none during the Tết holiday;
 * - 47 pilot congresses in March 2020. Branches had all finished by 29/02, so the pilots are
 *   grassroots organisations (committees and grassroots branches: "47 chi bộ, đảng bộ cơ sở"),
 *   at least one under each directly-subordinate committee, chosen by the seed;
 * - the other grassroots congresses from 23/4/2020 (after the COVID-19 distancing of April) to
 *   31/5/2020, the last on 31/5: 735/735 by 31/5/2020, one month before the Central 30/6/2020;
 * - 177/177 commune-level congresses with the 4 contents, the committee elected in one round with
 *   the full number (2.291 committee members in all); 408/408 grassroots committees elect the
 *   secretary directly. Three grassroots branches being merged hold two contents and have their
 *   committee appointed (the "fewer contents" case of BRIEF §2);
 * - 20/20 directly-subordinate congresses from 15/6/2020 to 25/7/2020, all electing the secretary
 *   directly with vote shares from exactly 85% to exactly 100%;
 * - the provincial congress on 14–16/10/2020 with 350 delegates.
 *
 * Members and delegates convened/present, seats and votes are synthetic but coherent: a grassroots
 * committee's members are its branches' members; present ≤ convened; votes ≤ base (those present).
 * Organisation ids are the demo codes, and a code is already its path ("QN.HL.HONGGAI").
 */
import { assert, assertDefined } from "../domain/basics/assert.ts";
import { addDays } from "../domain/congress/calendar.ts";
import {
  CONGRESS_CONTENTS,
  type CongressContent,
  type CongressRecord,
  type CongressType,
} from "../domain/congress/record.ts";
import type { CongressOrg } from "../domain/congress/scope.ts";
import type { Season } from "../domain/congress/season.ts";
import type { IsoDate } from "../domain/format/date.ts";
import type { OrgRow } from "../domain/organisation/types.ts";
import { DEFAULT_DEMO_SEED, type DemoProvince, generateDemoProvince } from "./province.ts";
import { allocate, createRandom, type Random } from "./random.ts";

/** The figures the demo season is built to, from the seed report. */
export const DEMO_SEASON_2020_FACTS = {
  branchCongresses: 4925,
  branchesDoneBy: "2020-02-29",
  branchesFrom: "2020-01-02",
  villageBranchCongresses: 1544,
  villageCongressDays: ["2020-01-18", "2020-01-19"],
  pilots: 47,
  pilotMonth: "2020-03",
  grassrootsCongresses: 735,
  grassrootsDoneBy: "2020-05-31",
  communeLevelCongresses: 177,
  communeCommitteeMembers: 2291,
  grassrootsCommittees: 408,
  districtLevelCongresses: 20,
  districtLevelDoneBy: "2020-07-25",
  secretaryShareMin: { votes: 85, base: 100 },
  secretaryShareMax: { votes: 100, base: 100 },
  provinceCongress: { start: "2020-10-14", end: "2020-10-16", delegates: 350 },
} as const;

export const DEMO_SEASON_2020: Omit<Season, "pilotOrgIds"> = {
  code: "2020-2025",
  name: "Đại hội nhiệm kỳ 2020–2025",
  term: { startYear: 2020, endYear: 2025 },
  plan: {
    number: "308-KH/TU",
    date: "2019-07-04",
    issuer: "Tỉnh ủy Quảng Ninh",
    // The Tỉnh ủy sits in Hạ Long: the province's documents are dated there.
    place: "Hạ Long",
    title:
      "Kế hoạch tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ tỉnh Quảng Ninh lần thứ XV, nhiệm kỳ 2020–2025",
  },
  directive: {
    number: "35-CT/TW",
    date: "2019-05-30",
    issuer: "Bộ Chính trị",
    title: "Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
  },
  levels: [
    {
      code: "branch",
      name: "Chi bộ trực thuộc đảng ủy cơ sở",
      order: 1,
      orgLevels: ["branch"],
      term: { startYear: 2020, endYear: 2022 },
      window: { start: "2020-01-02", end: "2020-02-29" },
      provinceDeadline: "2020-02-29",
      // The brief gives no Central deadline for branches; none is invented here.
      centralDeadline: null,
    },
    {
      code: "grassroots",
      name: "Tổ chức cơ sở đảng",
      order: 2,
      orgLevels: ["grassroots_committee", "grassroots_branch"],
      term: { startYear: 2020, endYear: 2025 },
      window: { start: "2020-03-01", end: "2020-05-31" },
      provinceDeadline: "2020-05-31",
      centralDeadline: "2020-06-30",
    },
    {
      code: "district_level",
      name: "Đảng bộ trực thuộc Tỉnh ủy",
      order: 3,
      orgLevels: ["district_level"],
      term: { startYear: 2020, endYear: 2025 },
      window: { start: "2020-06-01", end: "2020-07-31" },
      provinceDeadline: "2020-07-31",
      centralDeadline: "2020-08-31",
    },
    {
      code: "province",
      name: "Đảng bộ tỉnh",
      order: 4,
      orgLevels: ["province"],
      term: { startYear: 2020, endYear: 2025 },
      window: { start: "2020-10-01", end: "2020-10-31" },
      // The province's own congress is bound by the Central deadline only.
      provinceDeadline: null,
      centralDeadline: "2020-10-31",
    },
  ],
};

export interface DemoSeason {
  readonly season: Season;
  readonly orgs: readonly CongressOrg[];
  readonly congresses: readonly CongressRecord[];
}

const COMMUNE_KINDS: readonly string[] = ["commune", "ward", "township"];
/** Tết Canh Tý: 25/01/2020, with the days around it off. */
const TET_HOLIDAY = { start: "2020-01-23", end: "2020-01-29" };
const MERGED_GRASSROOTS_BRANCHES = 3;
/** Members above which a grassroots committee holds a delegates' congress. */
const DELEGATES_CONGRESS_ABOVE = 150;

/** The demo's organisation rows as the plain values the congress rules take. */
export function demoCongressOrgs(orgRows: readonly OrgRow[]): CongressOrg[] {
  return orgRows.map((r) => ({
    id: r.code,
    parentId: r.parentCode ?? null,
    path: r.code,
    level: r.level,
    kind: r.kind,
    name: r.name,
  }));
}

function daysFrom(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** "Đảng bộ phường Hồng Gai" → "Hội trường Đảng bộ phường Hồng Gai"; village branches meet at the village hall. */
function venueOf(org: OrgRow): string {
  if (org.kind === "village" && org.villageName) return `Nhà văn hóa ${org.villageName}`;
  return `Hội trường ${org.name}`;
}

/** The confirming committee's symbol: ĐU for a grassroots committee, ThU/HU/ĐU above, TW for the province. */
function issuerSymbol(upper: OrgRow | undefined): string {
  if (!upper) return "TW";
  switch (upper.kind) {
    case "city":
    case "town":
      return "ThU";
    case "district":
      return "HU";
    case "province":
      return "TU";
    default:
      return "ĐU";
  }
}

interface Facts {
  readonly type: CongressType;
  readonly pilot: boolean;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly contents: readonly CongressContent[];
  readonly committeeAppointed: boolean;
  readonly convened: number;
  readonly present: number;
  readonly seatsDecided: number | null;
  readonly seatsElected: number | null;
  readonly oneRoundFull: boolean | null;
  readonly secretaryDirect: boolean;
  readonly votes: number | null;
  readonly base: number | null;
  readonly confirmed: boolean;
}

/** A few absent, never more than a tenth (at least 0). */
function presentOf(random: Random, convened: number): number {
  return convened - random.int(0, Math.floor(convened / 10));
}

/** Secretary votes among those present: well above half, 100% in about one case in five. */
function secretaryVotes(random: Random, present: number): number {
  if (random.next() < 0.2) return present;
  return random.int(Math.ceil(present * 0.8), present);
}

export function generateDemoSeason2020(
  province: DemoProvince = generateDemoProvince(),
  options: { readonly seed?: number } = {},
): DemoSeason {
  const random = createRandom((options.seed ?? DEFAULT_DEMO_SEED) * 31 + 7);
  const F = DEMO_SEASON_2020_FACTS;
  const rows = province.orgRows;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const childrenOf = new Map<string, OrgRow[]>();
  for (const r of rows) {
    if (r.parentCode === undefined) continue;
    const list = childrenOf.get(r.parentCode) ?? [];
    list.push(r);
    childrenOf.set(r.parentCode, list);
  }
  const ofLevel = (level: string) => rows.filter((r) => r.level === level);
  const branches = ofLevel("branch");
  const grassroots = rows.filter(
    (r) => r.level === "grassroots_committee" || r.level === "grassroots_branch",
  );
  const districts = ofLevel("district_level");
  const top = assertDefined(ofLevel("province")[0], "demo province has no province row");
  const facts = new Map<string, Facts>();

  // --- Members: a branch's members first, a grassroots committee's are the sum of its branches'.
  const members = new Map<string, number>();
  for (const b of branches)
    members.set(b.code, b.kind === "village" ? random.int(10, 45) : random.int(5, 30));
  for (const g of grassroots) {
    const own = childrenOf.get(g.code) ?? [];
    members.set(
      g.code,
      own.length > 0 ? own.reduce((s, b) => s + members.get(b.code)!, 0) : random.int(8, 60),
    );
  }
  const grassrootsType = (code: string): CongressType =>
    members.get(code)! > DELEGATES_CONGRESS_ABOVE ? "delegates" : "members";

  // --- Branches: villages on 18–19/01, the others from 02/01 to 29/02 outside Tết; the first on
  // 02/01 and the last on 29/02 so that the window is exactly the report's.
  const branchDays = daysFrom(F.branchesFrom, F.branchesDoneBy).filter(
    (d) =>
      (d < TET_HOLIDAY.start || d > TET_HOLIDAY.end) &&
      !(F.villageCongressDays as readonly string[]).includes(d),
  );
  const otherBranches = random.shuffle(branches.filter((b) => b.kind !== "village").map((b) => b.code));
  const branchDay = new Map<string, IsoDate>();
  otherBranches.forEach((code, i) => {
    branchDay.set(code, i === 0 ? F.branchesDoneBy : i === 1 ? F.branchesFrom : random.pick(branchDays));
  });
  for (const b of branches) {
    if (b.kind === "village") branchDay.set(b.code, random.pick(F.villageCongressDays));
    const convened = members.get(b.code)!;
    const present = presentOf(random, convened);
    const seats = convened >= 30 ? 5 : convened >= 9 ? 3 : 1;
    const day = branchDay.get(b.code)!;
    const parentDelegates = grassrootsType(b.parentCode!) === "delegates";
    facts.set(b.code, {
      type: "members",
      pilot: false,
      start: day,
      end: day,
      contents: parentDelegates
        ? CONGRESS_CONTENTS
        : CONGRESS_CONTENTS.filter((c) => c !== "elect_delegates"),
      committeeAppointed: false,
      convened,
      present,
      seatsDecided: seats,
      seatsElected: seats,
      oneRoundFull: true,
      secretaryDirect: true,
      votes: secretaryVotes(random, present),
      base: present,
      confirmed: true,
    });
  }

  // --- Grassroots: 47 pilots in March, at least one under each district-level committee.
  const grassrootsUnder = districts.map((d) =>
    (childrenOf.get(d.code) ?? []).filter(
      (r) => r.level === "grassroots_committee" || r.level === "grassroots_branch",
    ),
  );
  const pilotCounts = allocate(
    F.pilots,
    grassrootsUnder.map((g) => g.length),
    random,
    { min: 1, max: 4 },
  );
  const pilots = new Set<string>();
  grassrootsUnder.forEach((list, i) => {
    for (const g of random.shuffle(list).slice(0, pilotCounts[i]!)) pilots.add(g.code);
  });
  const merged = new Set(
    random
      .shuffle(
        grassroots.filter((g) => g.level === "grassroots_branch" && !pilots.has(g.code)).map((g) => g.code),
      )
      .slice(0, MERGED_GRASSROOTS_BRANCHES),
  );
  const communes = grassroots.filter((g) => COMMUNE_KINDS.includes(g.kind));
  const communeSeats = allocate(
    F.communeCommitteeMembers,
    communes.map((c) => (childrenOf.get(c.code) ?? []).length),
    random,
    { min: 9, max: 17, jitter: 0.2 },
  );
  const seatsOf = new Map(communes.map((c, i) => [c.code, communeSeats[i]!]));
  const pilotDays = daysFrom(`${F.pilotMonth}-02`, `${F.pilotMonth}-30`);
  const mainDays = daysFrom("2020-04-23", "2020-05-30");
  const nonPilots = random.shuffle(grassroots.filter((g) => !pilots.has(g.code)).map((g) => g.code));
  for (const g of grassroots) {
    const type = grassrootsType(g.code);
    const length = type === "delegates" ? 2 : 1;
    const pilot = pilots.has(g.code);
    const isLast = nonPilots[0] === g.code;
    const start = isLast
      ? addDays(F.grassrootsDoneBy, 1 - length)
      : random.pick(pilot ? pilotDays : mainDays);
    const end = addDays(start, length - 1);
    const total = members.get(g.code)!;
    const convened = type === "delegates" ? Math.max(100, Math.min(200, Math.round(total / 2))) : total;
    const present = presentOf(random, convened);
    const isCommune = COMMUNE_KINDS.includes(g.kind);
    if (merged.has(g.code)) {
      facts.set(g.code, {
        type,
        pilot,
        start,
        end,
        contents: ["review_and_direction", "upper_documents"],
        committeeAppointed: true,
        convened,
        present,
        seatsDecided: null,
        seatsElected: null,
        oneRoundFull: null,
        secretaryDirect: false,
        votes: null,
        base: null,
        confirmed: true,
      });
      continue;
    }
    const decided =
      seatsOf.get(g.code) ?? (g.level === "grassroots_committee" ? random.int(5, 11) : convened >= 9 ? 3 : 1);
    // Outside the communes a few committees needed a second round or stayed one short.
    const oneRound = isCommune || random.next() >= 0.04;
    const elected = oneRound ? decided : decided - random.int(0, 1);
    facts.set(g.code, {
      type,
      pilot,
      start,
      end,
      contents: CONGRESS_CONTENTS,
      committeeAppointed: false,
      convened,
      present,
      seatsDecided: decided,
      seatsElected: elected,
      oneRoundFull: oneRound,
      secretaryDirect: true,
      votes: secretaryVotes(random, present),
      base: present,
      confirmed: true,
    });
  }

  // --- Directly-subordinate level: 15/6 to 25/7, two or three days each, the last ending 25/7.
  // One congress's base is a multiple of 20 so that 85% is exact (17/20); another gets 100%.
  const districtOrder = random.shuffle(districts.map((d) => d.code));
  const [lowest, highest] = [districtOrder[1]!, districtOrder[2]!];
  const districtDays = daysFrom("2020-06-15", "2020-07-20");
  for (const d of districts) {
    const length = random.int(2, 3);
    const isLast = districtOrder[0] === d.code;
    const start = isLast ? addDays(F.districtLevelDoneBy, 1 - length) : random.pick(districtDays);
    const end = addDays(start, length - 1);
    const convened = random.int(150, 350);
    let present = presentOf(random, convened);
    if (d.code === lowest) present -= present % 20;
    const seats = random.int(33, 55);
    let votes: number;
    if (d.code === lowest) votes = (present / 20) * 17;
    else if (d.code === highest) votes = present;
    // Strictly between 85% and 100%.
    else votes = random.int(Math.floor(present * 0.85) + 1, present - 1);
    facts.set(d.code, {
      type: "delegates",
      pilot: false,
      start,
      end,
      contents: CONGRESS_CONTENTS,
      committeeAppointed: false,
      convened,
      present,
      seatsDecided: seats,
      seatsElected: seats,
      oneRoundFull: true,
      secretaryDirect: true,
      votes,
      base: present,
      confirmed: true,
    });
  }

  // --- The provincial congress: 350 delegates (52 ex officio + 298 elected); the secretary is
  // elected by the new committee, and the Politburo's confirmation is not part of the demo.
  const delegates = F.provinceCongress.delegates;
  facts.set(top.code, {
    type: "delegates",
    pilot: false,
    start: F.provinceCongress.start,
    end: F.provinceCongress.end,
    contents: CONGRESS_CONTENTS,
    committeeAppointed: false,
    convened: delegates,
    present: delegates - 2,
    seatsDecided: 53,
    seatsElected: 53,
    oneRoundFull: true,
    secretaryDirect: false,
    votes: null,
    base: null,
    confirmed: false,
  });

  // --- Records, in tree order; decisions numbered per confirming committee from 01.
  const decisionSeq = new Map<string, number>();
  const congresses: CongressRecord[] = rows.map((org) => {
    const f = assertDefined(facts.get(org.code), `no congress facts for ${org.code}`);
    // The province follows its directly-subordinate congresses closely: their results are
    // recorded the evening they close; lower levels report within two days.
    const lag = org.level === "district_level" || org.level === "province" ? 0 : random.int(0, 2);
    const recordedOn = addDays(f.end, lag);
    const upper = org.parentCode === undefined ? undefined : byCode.get(org.parentCode);
    const upperCode = upper?.code ?? "";
    const n = (decisionSeq.get(upperCode) ?? 0) + 1;
    decisionSeq.set(upperCode, n);
    return {
      orgId: org.code,
      seasonCode: DEMO_SEASON_2020.code,
      type: f.type,
      pilot: f.pilot,
      status: f.confirmed ? "confirmed" : "results_recorded",
      plannedStart: f.start,
      plannedEnd: f.end,
      venue: venueOf(org),
      actualStart: f.start,
      actualEnd: f.end,
      contents: f.contents,
      committeeAppointed: f.committeeAppointed,
      convened: f.convened,
      present: f.present,
      resultsRecordedOn: recordedOn,
      committeeSeatsDecided: f.seatsDecided,
      committeeSeatsElected: f.seatsElected,
      electedInOneRoundFull: f.oneRoundFull,
      secretaryElectedDirectly: f.secretaryDirect,
      secretaryVotes: f.votes,
      secretaryVoteBase: f.base,
      confirmation: f.confirmed
        ? {
            decisionNumber: `${String(n).padStart(2, "0")}-QĐ/${issuerSymbol(upper)}`,
            date: addDays(recordedOn, random.int(3, 12)),
          }
        : null,
    };
  });
  assert(pilots.size === F.pilots, `demo season has ${pilots.size} pilots, expected ${F.pilots}`);

  return {
    season: { ...DEMO_SEASON_2020, pilotOrgIds: [...pilots].sort() },
    orgs: demoCongressOrgs(rows),
    congresses,
  };
}
