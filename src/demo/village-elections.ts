/**
 * The demo province's village-head election day (issue 8): 05/01/2020, term 2020–2022, every
 * village of the province, every head elected at the first meeting with realistic figures, and
 * each head the person the demo people make secretary of the village branch at its congress of
 * 18–19/01/2020 ("Dân tin – Đảng cử"; so 100% of village branch secretaries are village heads).
 * The communes did the legal steps on time. Names of the other candidates and of the election
 * teams are synthetic combinations.
 */
import { assertDefined } from "../domain/basics/assert.ts";
import { addDays } from "../domain/congress/calendar.ts";
import type { IsoDate } from "../domain/format/date.ts";
import type { VillageMeetingInput } from "../domain/village/index.ts";
import type { DemoPeople } from "./people.ts";
import { DEFAULT_DEMO_SEED, type DemoProvince } from "./province.ts";
import { createRandom } from "./random.ts";

export const DEMO_VILLAGE_DAY = {
  code: "2020",
  name: "Bầu trưởng thôn, bản, khu phố ngày 05/01/2020",
  electionDate: "2020-01-05",
  termStart: 2020,
  termEnd: 2022,
  /**
   * The commune People's Committees recognise every result on Monday 06/01/2020, the first working
   * day after the Sunday election (Nghị định 59/2023: within 5 working days); the heads take
   * office, and their village-head posts start, that day.
   */
  recognisedOn: "2020-01-06",
} as const;

export interface DemoVillageMeeting {
  readonly villageCode: string;
  /** The code of the head's person (the village branch secretary) in the demo people. */
  readonly headPersonCode: string;
  readonly meeting: VillageMeetingInput;
}

export interface DemoCommuneSteps {
  readonly communeCode: string;
  readonly decisionOn: IsoDate;
  readonly teamOn: IsoDate;
  readonly noticeOn: IsoDate;
}

export interface DemoVillageElections {
  readonly meetings: readonly DemoVillageMeeting[];
  readonly steps: readonly DemoCommuneSteps[];
}

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Lý",
  "Đinh",
  "Hà",
  "Lục",
];
const MIDDLE = { male: ["Văn", "Đức", "Minh", "Quang"], female: ["Thị", "Thu", "Ngọc", "Thanh"] } as const;
const GIVEN = {
  male: [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phúc",
    "Sơn",
    "Thắng",
    "Tuấn",
  ],
  female: ["Anh", "Dung", "Hà", "Hằng", "Hoa", "Lan", "Liên", "Mai", "Nga", "Phương", "Thảo", "Yến"],
} as const;

export function generateDemoVillageElections(
  province: DemoProvince,
  people: DemoPeople,
  options: { readonly seed?: number } = {},
): DemoVillageElections {
  const random = createRandom((options.seed ?? DEFAULT_DEMO_SEED) * 31 + 5);
  const personOf = new Map(people.people.map((p) => [String(p.id), p]));
  const headOf = new Map(
    people.posts.filter((p) => p.kind === "village_head").map((p) => [p.villageCode!, String(p.personId)]),
  );
  const name = (gender: "male" | "female") =>
    `${random.pick(FAMILY)} ${random.pick(MIDDLE[gender])} ${random.pick(GIVEN[gender])}`;
  const day = DEMO_VILLAGE_DAY.electionDate;
  const meetings: DemoVillageMeeting[] = [];
  const communes = new Set<string>();
  for (const row of province.orgRows) {
    if (row.villageCode === undefined) continue;
    communes.add(assertDefined(row.parentCode, `parent of ${row.code}`));
    const headCode = assertDefined(headOf.get(row.villageCode), `no village head for ${row.villageCode}`);
    const head = assertDefined(personOf.get(headCode), `no person ${headCode}`);
    const electorate = random.int(70, 420);
    // Winners' shares of all households: most above 90%, some 70–90%, a few just above half.
    const band = random.next();
    const high = band < 0.6;
    const present = Math.round(
      electorate * (high ? 0.95 + random.next() * 0.045 : 0.8 + random.next() * 0.17),
    );
    const secret = random.next() < 0.85;
    const issued = present;
    const collected = secret ? present - random.int(0, 1) : present;
    const invalid = secret ? random.int(0, Math.min(2, collected)) : 0;
    const valid = collected - invalid;
    const share = high
      ? 0.91 + random.next() * 0.08
      : band < 0.9
        ? 0.71 + random.next() * 0.19
        : 0.52 + random.next() * 0.17;
    const floor = Math.floor(electorate / 2) + 1;
    const headVotes = Math.max(floor, Math.min(valid, Math.ceil(share * electorate)));
    const contested = random.next() < 0.3 && headVotes < valid;
    const otherGender = random.next() < 0.3 ? "female" : "male";
    const candidates: VillageMeetingInput["candidates"][number][] = [
      {
        fullName: head.fullName,
        nomination: "branch-committee",
        personId: null,
        gender: head.gender,
        birthDate: head.birthDate,
        ethnicity: head.ethnicity,
        votes: headVotes,
      },
    ];
    if (contested) {
      candidates.push({
        fullName: name(otherGender),
        nomination: "self",
        personId: null,
        gender: otherGender,
        birthDate: `${random.int(1965, 1990)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        ethnicity: head.ethnicity,
        votes: valid - headVotes,
      });
    }
    meetings.push({
      villageCode: row.villageCode,
      headPersonCode: headCode,
      meeting: {
        attempt: 1,
        heldOn: day,
        electorate,
        present,
        method: secret ? "secret-ballot" : "show-of-hands",
        issued: secret ? issued : null,
        collected: secret ? collected : null,
        valid: secret ? valid : null,
        invalid: secret ? invalid : null,
        candidates,
        team: [name("male"), name("female"), name("male")],
        // The procedural votes: everyone present approves the method, all but one the team.
        proceduralVotes: { method: present, team: Math.max(present - 1, Math.floor(present / 2) + 1) },
      },
    });
  }
  const steps = [...communes].map((communeCode) => ({
    communeCode,
    decisionOn: addDays("2019-12-02", random.int(0, 12)),
    teamOn: addDays("2019-12-18", random.int(0, 8)),
    noticeOn: addDays("2019-12-26", random.int(0, 3)),
  }));
  return { meetings, steps };
}
