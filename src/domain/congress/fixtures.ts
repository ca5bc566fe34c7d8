/**
 * A small named season and tree for the congress tests: one province, two districts, three
 * grassroots organisations and five branches, with dates of the 2020 season.
 */
import type { CongressRecord } from "./record.ts";
import { plannedCongress } from "./record.ts";
import type { CongressOrg } from "./scope.ts";
import type { Season } from "./season.ts";

export const SEASON_2020: Season = {
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
      window: { start: "2020-01-02", end: "2020-02-29" },
      provinceDeadline: "2020-02-29",
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
  ],
  pilotOrgIds: ["QN.HL.HG"],
};

const org = (
  id: string,
  level: string,
  kind: string,
  name: string,
  parentId: string | null,
): CongressOrg => ({ id, parentId, path: id, level, kind, name });

export const ORGS: readonly CongressOrg[] = [
  org("QN", "province", "province", "Đảng bộ tỉnh Quảng Ninh", null),
  org("QN.HL", "district_level", "city", "Đảng bộ thành phố Hạ Long", "QN"),
  org("QN.HL.HG", "grassroots_committee", "ward", "Đảng bộ phường Hồng Gai", "QN.HL"),
  org("QN.HL.HG.KP1", "branch", "village", "Chi bộ khu phố 1", "QN.HL.HG"),
  org("QN.HL.HG.KP2", "branch", "village", "Chi bộ khu phố 2", "QN.HL.HG"),
  org("QN.HL.BC", "grassroots_committee", "ward", "Đảng bộ phường Bạch Đằng", "QN.HL"),
  org("QN.HL.BC.KP1", "branch", "village", "Chi bộ khu phố 1", "QN.HL.BC"),
  org("QN.HL.BC.KP2", "branch", "village", "Chi bộ khu phố 2", "QN.HL.BC"),
  org("QN.CT", "district_level", "district", "Đảng bộ huyện Cô Tô", "QN"),
  org("QN.CT.TL", "grassroots_branch", "public_service", "Chi bộ Trường THPT Cô Tô", "QN.CT"),
  org("QN.CT.TL.X", "branch", "village", "Chi bộ lạc chỗ", "QN.CT.TL"),
];

/** A congress held, results recorded and confirmed, on the given days. */
export function doneCongress(
  orgId: string,
  start: string,
  end: string = start,
  overrides: Partial<CongressRecord> = {},
): CongressRecord {
  return {
    ...plannedCongress({
      orgId,
      seasonCode: "2020-2025",
      type: "members",
      plannedStart: start,
      plannedEnd: end,
    }),
    status: "confirmed",
    actualStart: start,
    actualEnd: end,
    contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
    convened: 30,
    present: 28,
    resultsRecordedOn: end,
    committeeSeatsDecided: 3,
    committeeSeatsElected: 3,
    electedInOneRoundFull: true,
    secretaryElectedDirectly: true,
    secretaryVotes: 27,
    secretaryVoteBase: 28,
    confirmation: { decisionNumber: "01-QĐ/ĐU", date: end },
    ...overrides,
  };
}
