/**
 * A small, realistic slice of a province for the indicator tests: the city of Hạ Long with one
 * ward (Hồng Gai) and one rural commune (Sơn Dương, two villages), their committees, secretaries,
 * chairs and village heads, and their 2020 congresses. Names are synthetic.
 */
import type { CongressRecord } from "../congress/record.ts";
import type { Hometown, Person, Post } from "../people/types.ts";
import type { IndicatorData, IndicatorOrg } from "./data.ts";

export const SEASON = "2020-2025";
export const TERM = "2020–2025";
export const PREVIOUS_TERM = "2015–2020";

export const FIXTURE_ORGS: readonly IndicatorOrg[] = [
  {
    id: "QN",
    path: "QN",
    level: "province",
    kind: "province",
    name: "Đảng bộ tỉnh Quảng Ninh",
    territory: { provinceCode: "QN", districtCode: null, communeCode: null },
  },
  {
    id: "QN.HL",
    path: "QN.HL",
    level: "district_level",
    kind: "city",
    name: "Đảng bộ thành phố Hạ Long",
    territory: { provinceCode: "QN", districtCode: "QN.HL", communeCode: null },
  },
  {
    id: "QN.HL.HONGGAI",
    path: "QN.HL.HONGGAI",
    level: "grassroots_committee",
    kind: "ward",
    name: "Đảng bộ phường Hồng Gai",
    territory: { provinceCode: "QN", districtCode: "QN.HL", communeCode: "QN.HL.HONGGAI" },
  },
  {
    id: "QN.HL.SONDUONG",
    path: "QN.HL.SONDUONG",
    level: "grassroots_committee",
    kind: "commune",
    name: "Đảng bộ xã Sơn Dương",
    territory: { provinceCode: "QN", districtCode: "QN.HL", communeCode: "QN.HL.SONDUONG" },
  },
  {
    id: "QN.HL.SONDUONG.T1",
    path: "QN.HL.SONDUONG.T1",
    level: "branch",
    kind: "village",
    villageCode: "QN.HL.SONDUONG.T1",
    name: "Chi bộ thôn 1",
  },
  {
    id: "QN.HL.SONDUONG.T2",
    path: "QN.HL.SONDUONG.T2",
    level: "branch",
    kind: "village",
    villageCode: "QN.HL.SONDUONG.T2",
    name: "Chi bộ thôn 2",
  },
];

const home = (commune: "HONGGAI" | "SONDUONG"): Hometown => ({
  province: { code: "QN", name: "Quảng Ninh" },
  district: { code: "QN.HL", name: "thành phố Hạ Long" },
  commune: { code: `QN.HL.${commune}`, name: commune === "HONGGAI" ? "phường Hồng Gai" : "xã Sơn Dương" },
});
const THAI_BINH: Hometown = { province: { code: "TB", name: "Thái Bình" }, district: null, commune: null };

const person = (
  id: string,
  fullName: string,
  gender: Person["gender"],
  birthDate: string,
  hometown: Hometown,
): Person => ({
  id,
  fullName,
  gender,
  birthDate,
  ethnicity: "Kinh",
  hometown,
  membership: { status: "official", joinedOn: "2005-02-03", officialOn: "2006-02-03" },
});

export const FIXTURE_PEOPLE: readonly Person[] = [
  person("A", "Phạm Văn Hùng", "male", "1975-04-12", home("HONGGAI")),
  person("B", "Lê Thị Thu Hằng", "female", "1985-09-02", THAI_BINH),
  person("C", "Đỗ Văn Tiến", "male", "1968-11-30", home("SONDUONG")),
  person("D", "Hoàng Văn Lâm", "male", "1972-01-15", home("SONDUONG")),
  person("E", "Vũ Đức Nam", "male", "1980-06-06", home("SONDUONG")),
  person("F", "Nguyễn Thị Lan", "female", "1990-03-08", home("HONGGAI")),
  person("G", "Bùi Quang Huy", "male", "1979-12-01", home("HONGGAI")),
  person("H", "Trịnh Minh Kiên", "male", "1983-08-19", home("SONDUONG")),
];

let n = 0;
const post = (personId: string, kind: Post["kind"], where: Partial<Post> & { start: string }): Post => ({
  id: `CV${++n}`,
  personId,
  kind,
  orgId: null,
  villageCode: null,
  term: null,
  title: null,
  end: null,
  ...where,
});
const HG = "QN.HL.HONGGAI";
const SD = "QN.HL.SONDUONG";

export const FIXTURE_POSTS: readonly Post[] = [
  post("A", "committee_member", { orgId: HG, term: TERM, start: "2020-05-20" }),
  post("A", "secretary", { orgId: HG, term: TERM, start: "2020-05-20" }),
  post("A", "people_committee_chair", { orgId: HG, start: "2020-06-10" }),
  post("F", "committee_member", { orgId: HG, term: TERM, start: "2020-05-20" }),
  post("G", "committee_member", { orgId: HG, term: TERM, start: "2020-05-20" }),
  post("B", "committee_member", { orgId: SD, term: TERM, start: "2020-05-25" }),
  post("B", "secretary", { orgId: SD, term: TERM, start: "2020-05-25" }),
  post("H", "committee_member", { orgId: SD, term: TERM, start: "2020-05-25" }),
  post("H", "people_committee_chair", { orgId: SD, start: "2016-07-01" }),
  post("C", "secretary", { orgId: "QN.HL.SONDUONG.T1", term: "2020–2022", start: "2020-01-18" }),
  post("C", "village_head", { villageCode: "QN.HL.SONDUONG.T1", start: "2020-01-05" }),
  post("D", "secretary", { orgId: "QN.HL.SONDUONG.T2", term: "2020–2022", start: "2020-01-19" }),
  post("E", "village_head", { villageCode: "QN.HL.SONDUONG.T2", start: "2020-01-05" }),
  // The previous term in Hồng Gai: two members, one a woman, who left at the 2020 congress.
  post("G", "committee_member", { orgId: HG, term: PREVIOUS_TERM, start: "2015-05-10", end: "2020-05-20" }),
  post("D", "committee_member", { orgId: SD, term: PREVIOUS_TERM, start: "2015-05-12", end: "2020-05-25" }),
  post("F", "committee_member", { orgId: HG, term: PREVIOUS_TERM, start: "2018-01-10", end: "2020-05-20" }),
  post("C", "committee_member", { orgId: SD, term: PREVIOUS_TERM, start: "2015-05-12", end: "2020-05-25" }),
];

const held = (orgId: string, end: string, votes: number, base: number): CongressRecord => ({
  orgId,
  seasonCode: SEASON,
  type: "members",
  pilot: orgId === HG,
  status: "confirmed",
  plannedStart: end,
  plannedEnd: end,
  venue: null,
  actualStart: end,
  actualEnd: end,
  contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
  committeeAppointed: false,
  convened: base + 4,
  present: base,
  resultsRecordedOn: end,
  committeeSeatsDecided: 3,
  committeeSeatsElected: 3,
  electedInOneRoundFull: true,
  secretaryElectedDirectly: true,
  secretaryVotes: votes,
  secretaryVoteBase: base,
  confirmation: { decisionNumber: "01-QĐ/ThU", date: "2020-06-05" },
});

export const FIXTURE_CONGRESSES: readonly CongressRecord[] = [
  held(HG, "2020-05-20", 153, 180),
  held(SD, "2020-05-25", 97, 97),
];

export const FIXTURE_DATA: IndicatorData = {
  orgs: FIXTURE_ORGS,
  people: FIXTURE_PEOPLE,
  posts: FIXTURE_POSTS,
  congresses: FIXTURE_CONGRESSES,
};
