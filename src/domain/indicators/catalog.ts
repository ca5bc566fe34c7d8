/**
 * The built-in catalog (BRIEF §5): every figure of the seed report, the five innovations of
 * Kế hoạch số 308-KH/TU, and the directives' common targets. Each is a plain `IndicatorDef`, the
 * same data a user builds in the UI, so the catalog is a starting set, not special code.
 *
 * The catalog speaks the default vocabulary of levels and kinds (migration 0002): levels
 * province / district_level / grassroots_committee / grassroots_branch / branch; kinds commune,
 * ward, township, special_zone (commune-level; đặc khu since 01/07/2025; commune alone is rural), city, town, district (territorial
 * directly-subordinate), village; sector "coal". A province with other codes copies and edits.
 *
 * Baselines are the old figures the report printed; `reported` is the report's own figure, which
 * the data must reproduce (the demo province does, see src/demo/people.test.ts).
 */
import type { Condition, IndicatorDef, OrgFilter, Target } from "./definition.ts";

export const COMMUNE_LEVEL_KINDS: readonly string[] = ["commune", "ward", "township", "special_zone"];
export const RURAL_COMMUNE_KINDS: readonly string[] = ["commune"];
export const TERRITORIAL_DISTRICT_KINDS: readonly string[] = ["city", "town", "district"];
export const COAL_SECTOR = "coal";
/** Tags of the merged agency models (innovation 5), attached to district-level organisations. */
export const MERGED_MODEL_TAGS: readonly string[] = [
  "hop_nhat_ubkt_thanh_tra",
  "hop_nhat_to_chuc_noi_vu",
  "hop_nhat_co_quan_mttq_doan_the",
];

const SEED = "Ban Tuyên giáo Tỉnh ủy Quảng Ninh, 17/6/2024 (kết quả đại hội nhiệm kỳ 2020–2025)";
const PLAN = "Kế hoạch số 308-KH/TU ngày 04/7/2019 của Tỉnh ủy Quảng Ninh";
const DIRECTIVE = "Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị";

const GROUP_INNOVATIONS = "Năm điểm đổi mới của Kế hoạch 308-KH/TU";
const GROUP_RESULTS = "Kết quả đại hội các cấp";
const GROUP_COMMON = "Chỉ tiêu chung về cơ cấu cấp ủy";

const COMMUNE_ORGS: OrgFilter = { levels: ["grassroots_committee"], kinds: COMMUNE_LEVEL_KINDS };
const RURAL_COMMUNE_ORGS: OrgFilter = { levels: ["grassroots_committee"], kinds: RURAL_COMMUNE_KINDS };
const TERRITORIAL_DISTRICTS: OrgFilter = { levels: ["district_level"], kinds: TERRITORIAL_DISTRICT_KINDS };
const DISTRICT_LEVEL: OrgFilter = { levels: ["district_level"] };
const GRASSROOTS: OrgFilter = { levels: ["grassroots_committee", "grassroots_branch"] };

/** "During the term 2020–2025": by the grassroots congresses of the next season. */
const END_OF_TERM = "2025-06-30";

const percent = (value: number, due: string | null, dueLabel?: string): Target => ({
  comparison: ">=",
  unit: "percent",
  value,
  due,
  dueLabel,
});

const alsoHolds = (
  kind: "people_committee_chair" | "people_council_chair" | "standing_committee_member",
): Condition => ({
  kind: "holds_post",
  postKinds: [kind],
  at: "same_org",
});

const congress = (
  fact: "held" | "pilot" | "all_contents" | "one_round_full" | "secretary_elected_directly",
): Condition => ({
  kind: "congress",
  fact,
});

const secretariesOf = (org: OrgFilter) =>
  ({ subject: "posts", postKinds: ["secretary"], org, period: "in_office" }) as const;
const committeeMembersOf = (org: OrgFilter) =>
  ({ subject: "posts", postKinds: ["committee_member"], org, period: "term" }) as const;

export const INDICATOR_CATALOG: readonly IndicatorDef[] = [
  // --- The five innovations ---------------------------------------------------------------------
  {
    code: "district_secretary_chairs_people_committee",
    group: GROUP_INNOVATIONS,
    name: "Bí thư cấp ủy cấp huyện đồng thời là Chủ tịch UBND cấp huyện",
    description:
      "Bí thư đương nhiệm của đảng bộ thành phố, thị xã, huyện đồng thời giữ chức Chủ tịch UBND của chính địa phương đó. Chỉ tiêu là số địa phương (đổi mới thứ nhất).",
    population: secretariesOf(TERRITORIAL_DISTRICTS),
    condition: alsoHolds("people_committee_chair"),
    target: {
      comparison: "=",
      unit: "count",
      value: 3,
      due: null,
      dueLabel: "tiếp tục thực hiện ở 3 địa phương",
    },
    reported: { numerator: 3, denominator: null, percent: null, source: PLAN },
  },
  {
    code: "commune_secretary_chairs_people_committee",
    group: GROUP_INNOVATIONS,
    name: "Bí thư cấp ủy cấp xã đồng thời là Chủ tịch UBND cấp xã",
    description:
      "Trong số bí thư đương nhiệm của đảng bộ xã, phường, thị trấn: số đồng chí đồng thời giữ chức Chủ tịch UBND của chính xã, phường, thị trấn đó.",
    population: secretariesOf(COMMUNE_ORGS),
    condition: alsoHolds("people_committee_chair"),
    target: percent(75, END_OF_TERM, "trong nhiệm kỳ"),
    reported: { numerator: 108, denominator: 177, percent: 61, source: SEED },
  },
  {
    code: "district_level_secretary_not_local",
    group: GROUP_INNOVATIONS,
    name: "Bí thư đảng bộ trực thuộc Tỉnh ủy không là người địa phương",
    description:
      "Trong số bí thư đương nhiệm của các đảng bộ trực thuộc Tỉnh ủy: số đồng chí có quê quán ngoài địa bàn đảng bộ lãnh đạo (huyện, thị xã, thành phố; với đảng bộ khối, ngành: ngoài tỉnh).",
    population: secretariesOf(DISTRICT_LEVEL),
    condition: { kind: "locality", value: "not_local" },
    target: percent(100, "2020-07-31", "từ đầu nhiệm kỳ"),
    reported: { numerator: 20, denominator: 20, percent: 100, asOf: "2020-07-25", source: SEED },
  },
  {
    code: "commune_secretary_not_local",
    group: GROUP_INNOVATIONS,
    name: "Bí thư cấp ủy cấp xã không là người địa phương",
    description:
      "Trong số bí thư đương nhiệm của đảng bộ xã, phường, thị trấn: số đồng chí có quê quán ngoài xã, phường, thị trấn mình lãnh đạo.",
    population: secretariesOf(COMMUNE_ORGS),
    condition: { kind: "locality", value: "not_local" },
    target: percent(75, "2020-05-31", "từ đầu nhiệm kỳ"),
    reported: { numerator: 145, denominator: 177, percent: 82, source: SEED },
  },
  {
    code: "grassroots_direct_secretary",
    group: GROUP_INNOVATIONS,
    name: "Đảng bộ cơ sở bầu bí thư trực tiếp tại đại hội",
    description: "Trong số đảng bộ cơ sở: số đại hội đã nhập kết quả có bầu bí thư trực tiếp tại đại hội.",
    population: { subject: "orgs", org: { levels: ["grassroots_committee"] } },
    condition: congress("secretary_elected_directly"),
    target: percent(100, "2020-06-30", "tại đại hội"),
    reported: { numerator: 408, denominator: 408, percent: 100, asOf: "2020-05-31", source: SEED },
  },
  {
    code: "district_level_direct_secretary",
    group: GROUP_INNOVATIONS,
    name: "Đảng bộ trực thuộc Tỉnh ủy bầu bí thư trực tiếp tại đại hội",
    description:
      "Trong số đảng bộ trực thuộc Tỉnh ủy (kể cả Công an tỉnh, Biên phòng tỉnh): số đại hội đã nhập kết quả có bầu bí thư trực tiếp tại đại hội.",
    population: { subject: "orgs", org: DISTRICT_LEVEL },
    condition: congress("secretary_elected_directly"),
    target: percent(100, "2020-08-31", "tại đại hội"),
    reported: { numerator: 20, denominator: 20, percent: 100, asOf: "2020-07-25", source: SEED },
  },
  {
    code: "village_branch_secretary_is_village_head",
    group: GROUP_INNOVATIONS,
    name: "Bí thư chi bộ thôn, bản, khu phố đồng thời là trưởng thôn, bản, khu phố",
    description:
      "Trong số bí thư đương nhiệm của chi bộ thôn, bản, khu phố: số đồng chí đồng thời là trưởng thôn, bản, khu phố của chính thôn mà chi bộ phụ trách (“Dân tin – Đảng cử”).",
    population: secretariesOf({ levels: ["branch"], kinds: ["village"] }),
    condition: { kind: "holds_post", postKinds: ["village_head"], at: "org_village" },
    target: percent(100, "2020-01-19", "sau đại hội chi bộ thôn"),
    baselines: [
      {
        kind: "reported",
        label: "Năm 2014",
        numerator: null,
        denominator: null,
        percent: 21.5,
        source: SEED,
      },
    ],
    reported: { numerator: null, denominator: null, percent: 100, source: SEED },
  },
  {
    code: "merged_agency_models",
    group: GROUP_INNOVATIONS,
    name: "Địa phương duy trì mô hình hợp nhất cơ quan cấp huyện",
    description:
      "Trong số đảng bộ thành phố, thị xã, huyện: số địa phương duy trì cả ba mô hình hợp nhất (ủy ban kiểm tra – thanh tra; tổ chức – nội vụ; cơ quan tham mưu giúp việc chung khối Mặt trận Tổ quốc và các đoàn thể).",
    population: { subject: "orgs", org: TERRITORIAL_DISTRICTS },
    condition: { kind: "org", filter: { tags: MERGED_MODEL_TAGS } },
    target: percent(100, null),
    reported: { numerator: 13, denominator: 13, percent: 100, source: PLAN },
  },

  // --- Results of the season -----------------------------------------------------------------------
  {
    code: "branch_congresses_held",
    group: GROUP_RESULTS,
    name: "Chi bộ trực thuộc đã tổ chức đại hội",
    description: "Trong số chi bộ trực thuộc đảng ủy cơ sở: số chi bộ đã tổ chức xong đại hội nhiệm kỳ.",
    population: { subject: "orgs", org: { levels: ["branch"] } },
    condition: congress("held"),
    target: percent(100, "2020-02-29", "theo kế hoạch của tỉnh"),
    reported: { numerator: 4925, denominator: 4925, percent: 100, asOf: "2020-02-29", source: SEED },
  },
  {
    code: "coal_branch_secretary_heads_unit",
    group: GROUP_RESULTS,
    name: "Bí thư chi bộ ngành Than là người đứng đầu đơn vị",
    description:
      "Trong số bí thư đương nhiệm của chi bộ trực thuộc thuộc ngành Than: số đồng chí đồng thời là giám đốc xí nghiệp, quản đốc phân xưởng, trưởng phòng hoặc tương đương của chính đơn vị đó.",
    population: secretariesOf({ levels: ["branch"], sectors: [COAL_SECTOR] }),
    condition: { kind: "holds_post", postKinds: ["unit_head"], at: "same_org" },
    baselines: [
      {
        kind: "reported",
        label: "Nhiệm kỳ trước",
        numerator: 454,
        denominator: 1021,
        percent: 44.5,
        source: SEED,
      },
    ],
    reported: { numerator: 871, denominator: 904, percent: 96.35, source: SEED },
  },
  {
    code: "pilot_congresses",
    group: GROUP_RESULTS,
    name: "Đại hội điểm cấp cơ sở",
    description:
      "Số chi bộ cơ sở, đảng bộ cơ sở được chọn tổ chức đại hội điểm (trên tổng số tổ chức cơ sở đảng).",
    population: { subject: "orgs", org: GRASSROOTS },
    condition: congress("pilot"),
    reported: { numerator: 47, denominator: null, percent: null, source: SEED },
  },
  {
    code: "grassroots_congresses_held",
    group: GROUP_RESULTS,
    name: "Tổ chức cơ sở đảng đã tổ chức đại hội",
    description: "Trong số tổ chức cơ sở đảng (đảng bộ cơ sở và chi bộ cơ sở): số đã tổ chức xong đại hội.",
    population: { subject: "orgs", org: GRASSROOTS },
    condition: congress("held"),
    target: percent(100, "2020-06-30", "theo quy định của Trung ương"),
    reported: { numerator: 735, denominator: 735, percent: 100, asOf: "2020-05-31", source: SEED },
  },
  {
    code: "commune_congress_all_contents",
    group: GROUP_RESULTS,
    name: "Đại hội đảng bộ cấp xã đủ 4 nội dung",
    description: "Trong số đảng bộ xã, phường, thị trấn: số đã tổ chức đại hội đủ 4 nội dung.",
    population: { subject: "orgs", org: COMMUNE_ORGS },
    condition: congress("all_contents"),
    reported: { numerator: 177, denominator: 177, percent: 100, source: SEED },
  },
  {
    code: "commune_committee_one_round_full",
    group: GROUP_RESULTS,
    name: "Đại hội cấp xã bầu một lần đủ số lượng cấp ủy",
    description: "Trong số đảng bộ xã, phường, thị trấn: số đại hội bầu cấp ủy một lần đủ số lượng.",
    population: { subject: "orgs", org: COMMUNE_ORGS },
    condition: congress("one_round_full"),
    reported: { numerator: 177, denominator: 177, percent: 100, source: SEED },
  },
  {
    code: "commune_direct_secretary",
    group: GROUP_RESULTS,
    name: "Đảng bộ cấp xã bầu bí thư trực tiếp tại đại hội",
    description: "Trong số đảng bộ xã, phường, thị trấn: số đại hội bầu bí thư trực tiếp tại đại hội.",
    population: { subject: "orgs", org: COMMUNE_ORGS },
    condition: congress("secretary_elected_directly"),
    target: percent(100, "2020-06-30", "tại đại hội"),
    reported: { numerator: 177, denominator: 177, percent: 100, source: SEED },
  },
  {
    code: "commune_committee_women",
    group: GROUP_RESULTS,
    name: "Cấp ủy viên nữ của đảng bộ cấp xã",
    description:
      "Trong số cấp ủy viên của đảng bộ xã, phường, thị trấn được bầu trong nhiệm kỳ: số cấp ủy viên nữ.",
    population: committeeMembersOf(COMMUNE_ORGS),
    condition: { kind: "gender", gender: "female" },
    target: percent(15, null, "theo Chỉ thị 35-CT/TW"),
    baselines: [
      {
        kind: "reported",
        label: "Nhiệm kỳ trước",
        numerator: null,
        denominator: null,
        percent: 20.2,
        source: SEED,
      },
    ],
    reported: { numerator: 671, denominator: 2291, percent: 29.3, source: SEED },
  },
  {
    code: "commune_police_chief_in_standing_committee",
    group: GROUP_RESULTS,
    name: "Trưởng Công an cấp xã tham gia Ban Thường vụ đảng ủy",
    description:
      "Trong số trưởng công an đương nhiệm của xã, phường, thị trấn: số đồng chí là ủy viên Ban Thường vụ đảng ủy của chính xã, phường, thị trấn đó.",
    population: {
      subject: "posts",
      postKinds: ["commune_police_chief"],
      org: COMMUNE_ORGS,
      period: "in_office",
    },
    condition: alsoHolds("standing_committee_member"),
    reported: { numerator: 80, denominator: 177, percent: 45.2, source: SEED },
  },
  {
    code: "rural_commune_police_chief_in_standing_committee",
    group: GROUP_RESULTS,
    name: "Trưởng Công an xã tham gia Ban Thường vụ đảng ủy (riêng các xã)",
    description: "Như chỉ tiêu trên, chỉ tính các xã (không tính phường, thị trấn).",
    population: {
      subject: "posts",
      postKinds: ["commune_police_chief"],
      org: RURAL_COMMUNE_ORGS,
      period: "in_office",
    },
    condition: alsoHolds("standing_committee_member"),
    reported: { numerator: 21, denominator: 98, percent: 21.4, source: SEED },
  },
  {
    code: "commune_secretary_chairs_people_council",
    group: GROUP_RESULTS,
    name: "Bí thư cấp ủy cấp xã đồng thời là Chủ tịch HĐND cấp xã",
    description:
      "Trong số bí thư đương nhiệm của đảng bộ xã, phường, thị trấn: số đồng chí đồng thời giữ chức Chủ tịch HĐND của chính xã, phường, thị trấn đó.",
    population: secretariesOf(COMMUNE_ORGS),
    condition: alsoHolds("people_council_chair"),
    reported: { numerator: 16, denominator: 177, percent: 9, source: SEED },
  },
  {
    code: "coal_grassroots_secretary_is_director",
    group: GROUP_RESULTS,
    name: "Bí thư chi, đảng bộ cơ sở ngành Than là giám đốc đơn vị",
    description:
      "Trong số bí thư đương nhiệm của tổ chức cơ sở đảng ngành Than: số đồng chí đồng thời là người đứng đầu (giám đốc công ty, xí nghiệp, đơn vị sự nghiệp) của chính đơn vị đó.",
    population: secretariesOf({ ...GRASSROOTS, sectors: [COAL_SECTOR] }),
    condition: { kind: "holds_post", postKinds: ["unit_head"], at: "same_org" },
    reported: { numerator: 36, denominator: 41, percent: 88, source: SEED },
  },
  {
    code: "district_level_congresses_held",
    group: GROUP_RESULTS,
    name: "Đảng bộ trực thuộc Tỉnh ủy đã tổ chức đại hội",
    description:
      "Trong số đảng bộ trực thuộc Tỉnh ủy: số đã tổ chức xong đại hội; kèm tỷ lệ phiếu bầu bí thư trực tiếp tại đại hội thấp nhất, cao nhất, bình quân.",
    population: { subject: "orgs", org: DISTRICT_LEVEL },
    condition: congress("held"),
    target: percent(100, "2020-08-31", "theo quy định của Trung ương"),
    aggregates: [{ measure: "secretary_vote_share", over: "numerator" }],
    reported: { numerator: 20, denominator: 20, percent: 100, asOf: "2020-07-25", source: SEED },
  },

  // --- The directives' common targets -------------------------------------------------------------
  {
    code: "committee_women",
    group: GROUP_COMMON,
    name: "Cấp ủy viên nữ",
    description:
      "Trong số cấp ủy viên các cấp được bầu trong nhiệm kỳ (trong phạm vi đang xem): số cấp ủy viên nữ.",
    population: { subject: "posts", postKinds: ["committee_member"], org: {}, period: "term" },
    condition: { kind: "gender", gender: "female" },
    target: percent(15, null, `theo ${DIRECTIVE}`),
  },
  {
    code: "province_committee_under_40",
    group: GROUP_COMMON,
    name: "Tỉnh ủy viên dưới 40 tuổi",
    description:
      "Trong số ủy viên Ban Chấp hành Đảng bộ tỉnh được bầu trong nhiệm kỳ: số đồng chí dưới 40 tuổi tại thời điểm được bầu.",
    population: committeeMembersOf({ levels: ["province"] }),
    condition: { kind: "age", comparison: "<", years: 40, at: "post_start" },
    target: percent(10, null, `theo ${DIRECTIVE}`),
    aggregates: [{ measure: "age", over: "denominator" }],
  },
  {
    code: "district_committee_under_40",
    group: GROUP_COMMON,
    name: "Cấp ủy viên cấp huyện dưới 40 tuổi",
    description:
      "Trong số cấp ủy viên của các đảng bộ trực thuộc Tỉnh ủy được bầu trong nhiệm kỳ: số đồng chí dưới 40 tuổi tại thời điểm được bầu.",
    population: committeeMembersOf(DISTRICT_LEVEL),
    condition: { kind: "age", comparison: "<", years: 40, at: "post_start" },
    target: percent(10, null, `theo ${DIRECTIVE}`),
    aggregates: [{ measure: "age", over: "denominator" }],
  },
];

export function findCatalogIndicator(code: string): IndicatorDef | undefined {
  return INDICATOR_CATALOG.find((d) => d.code === code);
}
