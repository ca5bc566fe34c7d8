/**
 * The built-in template "Báo cáo kết quả đại hội đảng bộ các cấp": the seed report's sentences,
 * filled from plain values (progress per congress level, indicator counts). Each figure keeps
 * the decimals the seed prints it with ("96,35%", "29,3%", "61%"); the rounding setting may
 * override them.
 */
import { formatDate } from "../format/date.ts";
import { formatNumber, formatPercent, formatPercentValue } from "../format/number.ts";
import {
  type Block,
  DEFAULT_ROUNDING,
  type Figure,
  type FigureInput,
  fillTemplate,
  makeFigure,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportHeading,
  type RoundingSetting,
  ruleForFigure,
  type Section,
} from "./model.ts";

export const CONGRESS_RESULTS_TEMPLATE = "congress_results";

/** The progress of one congress level in the subtree, as the report needs it. */
export interface LevelProgress {
  readonly held: number;
  readonly total: number;
  readonly firstHeldOn?: string | null | undefined;
  readonly lastHeldOn: string | null;
  /** "sớm 01 tháng so với quy định của Trung ương" once every organisation has held it. */
  readonly completionPhrase: string | null;
  readonly pilots: number;
  readonly resultsRecorded: number;
  readonly directSecretary: number;
  readonly contentsComplete: number;
  readonly oneRoundFull: number;
  readonly voteShareMin: { readonly votes: number; readonly base: number } | null;
  readonly voteShareMax: { readonly votes: number; readonly base: number } | null;
}

export interface IndicatorCount {
  readonly name: string;
  readonly definition: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly baselines: readonly {
    readonly label: string;
    readonly numerator: number | null;
    readonly denominator: number | null;
    /** A percentage typed from an old report (20,2). */
    readonly percent: number | null;
  }[];
}

export interface ChildRow {
  readonly name: string;
  readonly branch: { readonly held: number; readonly total: number } | null;
  readonly grassroots: { readonly held: number; readonly total: number } | null;
  readonly districtLevel: { readonly held: number; readonly total: number } | null;
}

export interface CongressResultsInput {
  readonly org: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly isProvince: boolean;
  };
  readonly parentName: string | null;
  readonly season: { readonly code: string; readonly term: string };
  readonly asOf: string;
  readonly place: string;
  readonly branch: LevelProgress | null;
  readonly grassroots: LevelProgress | null;
  /** Grassroots committees only (đảng bộ cơ sở): the direct election of the secretary. */
  readonly grassrootsCommittees: LevelProgress | null;
  /** Communes, wards and townships. */
  readonly communeLevel: LevelProgress | null;
  readonly districtLevel: LevelProgress | null;
  /** Village branches (chi bộ thôn, khu phố): the days their congresses were held. */
  readonly villageBranches?: LevelProgress | null | undefined;
  /** Indicator counts by catalog code (missing codes leave their sentence out). */
  readonly indicators: Readonly<Record<string, IndicatorCount>>;
  readonly children: readonly ChildRow[];
  readonly rounding?: RoundingSetting | undefined;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");

/**
 * "Đảng bộ tỉnh Quảng Ninh" → heading bodies. Issuer symbols (Hướng dẫn 36-HD/VPTW, BRIEF §8):
 * tỉnh ủy TU, thành ủy ThU, huyện ủy HU, đảng ủy ĐU. A thị ủy is not a huyện ủy: 36-HD/VPTW's
 * list of issuer abbreviations writes a thị ủy as "TU" (the issuing body's name, THỊ ỦY …,
 * tells it apart from the tỉnh ủy); it was written "HU" (issue 17).
 */
export function headingBodies(
  orgName: string,
  parentName: string | null,
  isProvince: boolean,
): Pick<ReportHeading, "superiorBody" | "issuingBody" | "numberSymbol"> {
  if (isProvince)
    return { superiorBody: upper(orgName), issuingBody: "TỈNH ỦY", numberSymbol: "Số     -BC/TU" };
  const committee = orgName.replace(/^Đảng bộ\s+/i, "").trim();
  const [issuing, code] = /^(thành phố|TP)/i.test(committee)
    ? ["THÀNH ỦY", "ThU"]
    : /^thị xã/i.test(committee)
      ? ["THỊ ỦY", "TU"]
      : /^huyện/i.test(committee)
        ? ["HUYỆN ỦY", "HU"]
        : ["ĐẢNG ỦY", "ĐU"];
  return {
    superiorBody: upper(parentName ?? orgName),
    issuingBody: `${issuing} ${upper(committee.replace(/^(thành phố|huyện|thị xã|TP\.?)\s+/i, ""))}`.trim(),
    numberSymbol: `Số     -BC/${code}`,
  };
}

interface Builder {
  readonly figures: Map<string, Figure>;
  readonly rounding: RoundingSetting;
}

function add(b: Builder, input: FigureInput): Figure {
  const f = makeFigure(input, b.rounding);
  b.figures.set(f.id, f);
  return f;
}

function data(b: Builder, id: string, template: string, values: Record<string, string> = {}): Block {
  return { kind: "data", id, template, segments: fillTemplate(template, b.figures, values) };
}

const shareText = (s: { votes: number; base: number }, b: Builder) =>
  formatPercent(s.votes, s.base, ruleForFigure(0, b.rounding));

/** The comparison with the previous term / an earlier year, as the seed prints it. */
function baselineText(ind: IndicatorCount, decimals: number, b: Builder): string | null {
  const base = ind.baselines[0];
  if (!base) return null;
  const rule = ruleForFigure(decimals, b.rounding);
  if (base.numerator !== null && base.denominator !== null && base.denominator > 0)
    return `${base.label.toLocaleLowerCase("vi")} chỉ có ${formatNumber(base.numerator)}/${formatNumber(base.denominator)}=${formatPercent(base.numerator, base.denominator, rule)}`;
  if (base.percent !== null)
    return `${base.label.toLocaleLowerCase("vi")} ${formatPercentValue(base.percent, rule)}`;
  return null;
}

function indicatorFigure(
  b: Builder,
  input: CongressResultsInput,
  code: string,
  decimals: number,
): Figure | null {
  const ind = input.indicators[code];
  if (!ind) return null;
  return add(b, {
    id: code,
    label: ind.name,
    definition: ind.definition,
    numerator: ind.numerator,
    denominator: ind.denominator,
    decimals,
    asOf: input.asOf,
    source: `indicator:${code}`,
  });
}

function innovationsSection(b: Builder, input: CongressResultsInput): Section {
  const blocks: Block[] = [
    {
      kind: "text",
      id: "innovations_intro",
      text: `Cụ thể hóa Chỉ thị số 35-CT/TW của Bộ Chính trị, đồng thời kế thừa, phát huy kinh nghiệm từ các nhiệm kỳ trước về tổ chức đại hội đảng bộ các cấp, ${input.org.isProvince ? "Tỉnh ủy" : "cấp ủy"} đã ban hành kế hoạch tổ chức đại hội đảng bộ các cấp nhiệm kỳ ${input.season.term} với 5 điểm đổi mới nổi bật:`,
    },
  ];
  const districtChairs = indicatorFigure(b, input, "district_secretary_chairs_people_committee", 0);
  const communeChairs = indicatorFigure(b, input, "commune_secretary_chairs_people_committee", 0);
  if (districtChairs || communeChairs)
    blocks.push(
      data(
        b,
        "innovation_1",
        [
          "Một là, bí thư cấp ủy đồng thời là chủ tịch UBND",
          districtChairs ? " cấp huyện ở {district_secretary_chairs_people_committee.num} địa phương" : "",
          communeChairs
            ? "; cấp xã hiện có {commune_secretary_chairs_people_committee.ratio} ({commune_secretary_chairs_people_committee.pct}), chỉ tiêu trong nhiệm kỳ tối thiểu 75% trở lên"
            : "",
          ".",
        ].join(""),
      ),
    );
  const districtNotLocal = indicatorFigure(b, input, "district_level_secretary_not_local", 0);
  const communeNotLocal = indicatorFigure(b, input, "commune_secretary_not_local", 0);
  if (districtNotLocal || communeNotLocal)
    blocks.push(
      data(
        b,
        "innovation_2",
        [
          "Hai là, từ đầu nhiệm kỳ",
          districtNotLocal
            ? " có {district_level_secretary_not_local.pct} bí thư cấp ủy cấp huyện không là người địa phương ({district_level_secretary_not_local.ratio})"
            : "",
          communeNotLocal
            ? `${districtNotLocal ? ";" : ""} {commune_secretary_not_local.pct} bí thư cấp xã không là người địa phương ({commune_secretary_not_local.ratio}; kế hoạch 75% trở lên)`
            : "",
          ".",
        ].join(""),
      ),
    );
  const gDirect = input.grassrootsCommittees;
  const dDirect = input.districtLevel;
  if (gDirect || dDirect) {
    if (gDirect)
      add(b, {
        id: "grassroots_direct_secretary_innovation",
        label: "Đảng bộ cơ sở bầu bí thư trực tiếp tại đại hội",
        definition:
          "Trong số đảng bộ cơ sở đã có kết quả đại hội: số đảng bộ bầu bí thư trực tiếp tại đại hội.",
        numerator: gDirect.directSecretary,
        denominator: gDirect.total,
        decimals: 0,
        asOf: input.asOf,
        source: "progress:grassroots/grassroots_committee",
      });
    if (dDirect)
      add(b, {
        id: "district_level_direct_secretary_innovation",
        label: "Đảng bộ trực thuộc bầu bí thư trực tiếp tại đại hội",
        definition: "Trong số đảng bộ trực thuộc: số đảng bộ bầu bí thư trực tiếp tại đại hội.",
        numerator: dDirect.directSecretary,
        denominator: dDirect.total,
        decimals: 0,
        asOf: input.asOf,
        source: "progress:district_level",
      });
    blocks.push(
      data(
        b,
        "innovation_3",
        [
          "Ba là, thực hiện việc bầu bí thư cấp ủy trực tiếp tại đại hội",
          gDirect ? ": đảng bộ cơ sở {grassroots_direct_secretary_innovation}" : "",
          dDirect
            ? `${gDirect ? "; " : ": "}đảng bộ cấp trên cơ sở {district_level_direct_secretary_innovation}`
            : "",
          ", kể cả Đảng bộ Công an tỉnh, Đảng bộ Biên phòng tỉnh.",
        ].join(""),
      ),
    );
  }
  const village = indicatorFigure(b, input, "village_branch_secretary_is_village_head", 0);
  if (village)
    blocks.push(
      data(
        b,
        "innovation_4",
        "Bốn là, bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố theo phương châm “Dân tin, Đảng cử”: {village_branch_secretary_is_village_head.ratio} ({village_branch_secretary_is_village_head.pct}) bí thư chi bộ thôn, bản, khu phố đồng thời là trưởng thôn, bản, khu phố.",
      ),
    );
  const merged = indicatorFigure(b, input, "merged_agency_models", 0);
  if (merged)
    blocks.push(
      data(
        b,
        "innovation_5",
        "Năm là, duy trì các mô hình hợp nhất cơ quan ủy ban kiểm tra - thanh tra; cơ quan tổ chức - nội vụ; cơ quan tham mưu giúp việc chung khối mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp huyện ở {merged_agency_models.ratio} địa phương.",
      ),
    );
  return { id: "innovations", title: "I. ĐIỂM MỚI TRONG LÃNH ĐẠO, CHỈ ĐẠO", blocks };
}

function progressFigure(
  b: Builder,
  input: CongressResultsInput,
  id: string,
  p: LevelProgress,
  label: string,
  definition: string,
  source: string,
): Figure {
  return add(b, {
    id,
    label,
    definition,
    numerator: p.held,
    denominator: p.total,
    decimals: 0,
    asOf: input.asOf,
    source,
  });
}

/** ", tổ chức đại hội chi bộ thôn trong các ngày 18, 19/01/2020" once every village branch has held it. */
function heldDays(p: LevelProgress | null | undefined): string {
  if (!p || p.held !== p.total || p.total === 0 || !p.firstHeldOn || !p.lastHeldOn) return "";
  const [first, last] = [p.firstHeldOn, p.lastHeldOn];
  if (first === last) return `, tổ chức đại hội chi bộ thôn cùng một ngày ${formatDate(last)}`;
  const sameMonth = first.slice(0, 7) === last.slice(0, 7);
  return sameMonth
    ? `, tổ chức đại hội chi bộ thôn trong các ngày ${Number(first.slice(8))}, ${formatDate(last)}`
    : `, tổ chức đại hội chi bộ thôn từ ngày ${formatDate(first)} đến ngày ${formatDate(last)}`;
}

/** "đến hết ngày 29/02/2020" once all held (the day the last one was), else "tính đến ngày {asOf}". */
function byWhen(p: LevelProgress, asOf: string, complete: string, partial: string): string {
  return p.held === p.total && p.total > 0 && p.lastHeldOn
    ? `${complete} ${formatDate(p.lastHeldOn)}`
    : `${partial} ${formatDate(asOf)}`;
}

function resultsSection(b: Builder, input: CongressResultsInput): Section {
  const blocks: Block[] = [];
  const br = input.branch;
  if (br) {
    progressFigure(
      b,
      input,
      "branch_congresses_held",
      br,
      "Chi bộ trực thuộc đã tổ chức đại hội",
      "Trong số chi bộ trực thuộc đảng bộ cơ sở tồn tại vào ngày báo cáo: số chi bộ đã tổ chức đại hội.",
      "progress:branch",
    );
    const coal = indicatorFigure(b, input, "coal_branch_secretary_heads_unit", 2);
    const coalBase = coal ? baselineText(input.indicators.coal_branch_secretary_heads_unit!, 1, b) : null;
    blocks.push(
      data(
        b,
        "branch_results",
        `Đối với đại hội chi bộ trực thuộc đảng bộ cơ sở, ${byWhen(br, input.asOf, "đến hết ngày", "tính đến ngày")} có {branch_congresses_held} chi bộ đã tổ chức thành công đại hội.` +
          (coal
            ? ` Trong các đơn vị ngành than có {coal_branch_secretary_heads_unit.ratio} ({coal_branch_secretary_heads_unit.pct}) đồng chí là giám đốc xí nghiệp, quản đốc phân xưởng, trưởng phòng và tương đương là bí thư chi bộ${coalBase ? ` (${coalBase})` : ""}.`
            : ""),
      ),
    );
  }
  const village = input.indicators.village_branch_secretary_is_village_head;
  if (village && b.figures.has("village_branch_secretary_is_village_head")) {
    const first = village.baselines[0];
    const base =
      first && first.percent !== null
        ? `${first.label.toLocaleLowerCase("vi")}, bí thư chi bộ kiêm trưởng thôn chỉ có ${formatPercentValue(first.percent, ruleForFigure(1, b.rounding))}`
        : null;
    blocks.push(
      data(
        b,
        "village_results",
        `Thực hiện mô hình "Dân tin - Đảng cử", bầu trưởng thôn trong cùng một ngày trước đại hội chi bộ thôn${heldDays(input.villageBranches)}; có {village_branch_secretary_is_village_head.ratio} ({village_branch_secretary_is_village_head.pct}) bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố${base ? ` (${base})` : ""}.`,
      ),
    );
  }
  const g = input.grassroots;
  if (g) {
    add(b, {
      id: "pilot_congresses",
      label: "Đại hội điểm cấp cơ sở",
      definition: "Số chi bộ, đảng bộ cơ sở được chọn tổ chức đại hội điểm trong mùa đại hội.",
      numerator: g.pilots,
      denominator: null,
      decimals: 0,
      asOf: input.asOf,
      source: "progress:grassroots",
    });
    progressFigure(
      b,
      input,
      "grassroots_congresses_held",
      g,
      "Tổ chức cơ sở đảng đã tổ chức đại hội",
      "Trong số chi bộ cơ sở và đảng bộ cơ sở tồn tại vào ngày báo cáo: số tổ chức đã tổ chức đại hội.",
      "progress:grassroots",
    );
    const gc = input.grassrootsCommittees;
    if (gc)
      add(b, {
        id: "grassroots_direct_secretary",
        label: "Đảng bộ cơ sở bầu bí thư trực tiếp tại đại hội",
        definition:
          "Trong số đảng bộ cơ sở: số đảng bộ bầu bí thư trực tiếp tại đại hội (theo kết quả đã nhập).",
        numerator: gc.directSecretary,
        denominator: gc.total,
        decimals: 0,
        asOf: input.asOf,
        source: "progress:grassroots/grassroots_committee",
      });
    const when = byWhen(g, input.asOf, "Đến ngày", "Tính đến ngày");
    blocks.push(
      data(
        b,
        "grassroots_results",
        `Đối với đại hội cấp cơ sở, đã tổ chức thành công đại hội điểm ở {pilot_congresses} chi bộ, đảng bộ cơ sở. ${when} ${input.org.isProvince ? "toàn tỉnh" : ""} hoàn thành đại hội ở {grassroots_congresses_held} tổ chức cơ sở Đảng${g.completionPhrase && g.held === g.total ? `, ${g.completionPhrase}` : ""}.` +
          (gc
            ? " Trong đó, {grassroots_direct_secretary} đảng bộ cơ sở tiến hành bầu trực tiếp bí thư tại đại hội."
            : ""),
      ),
    );
  }
  const c = input.communeLevel;
  if (c) {
    add(b, {
      id: "commune_congress_all_contents",
      label: "Đại hội đảng bộ cấp xã đủ 4 nội dung",
      definition: "Trong số đảng bộ xã, phường, thị trấn: số đại hội đã tổ chức đủ 4 nội dung.",
      numerator: c.contentsComplete,
      denominator: c.total,
      decimals: 0,
      asOf: input.asOf,
      source: "progress:grassroots/commune_level",
    });
    add(b, {
      id: "commune_committee_one_round_full",
      label: "Đại hội cấp xã bầu một lần đủ số lượng cấp ủy",
      definition: "Trong số đảng bộ xã, phường, thị trấn: số đại hội bầu một lần đủ số lượng cấp ủy.",
      numerator: c.oneRoundFull,
      denominator: c.total,
      decimals: 0,
      asOf: input.asOf,
      source: "progress:grassroots/commune_level",
    });
    add(b, {
      id: "commune_direct_secretary",
      label: "Đảng bộ cấp xã bầu bí thư trực tiếp tại đại hội",
      definition: "Trong số đảng bộ xã, phường, thị trấn: số đảng bộ bầu bí thư trực tiếp tại đại hội.",
      numerator: c.directSecretary,
      denominator: c.total,
      decimals: 0,
      asOf: input.asOf,
      source: "progress:grassroots/commune_level",
    });
    const women = indicatorFigure(b, input, "commune_committee_women", 1);
    const womenBase = women ? baselineText(input.indicators.commune_committee_women!, 1, b) : null;
    const police = indicatorFigure(b, input, "commune_police_chief_in_standing_committee", 1);
    const rural = indicatorFigure(b, input, "rural_commune_police_chief_in_standing_committee", 1);
    blocks.push(
      data(
        b,
        "commune_results",
        "Đối với đảng bộ xã, phường, thị trấn, {commune_congress_all_contents.ratio} xã, phường, thị trấn đã tổ chức đại hội đủ 4 nội dung; {commune_committee_one_round_full.ratio} đại hội bầu một lần đủ số lượng cấp ủy và {commune_direct_secretary.pct} đảng bộ cấp xã bầu bí thư trực tiếp tại đại hội" +
          (women
            ? `; số cấp ủy viên là nữ {commune_committee_women.ratio} = {commune_committee_women.pct}${womenBase ? ` (${womenBase})` : ""}`
            : "") +
          (police
            ? `; trưởng công an cấp xã tham gia ban thường vụ đảng ủy có {commune_police_chief_in_standing_committee.ratio} ({commune_police_chief_in_standing_committee.pct})${rural ? ", trong đó có {rural_commune_police_chief_in_standing_committee.ratio} xã ({rural_commune_police_chief_in_standing_committee.pct})" : ""}`
            : "") +
          ".",
      ),
    );
    const council = indicatorFigure(b, input, "commune_secretary_chairs_people_council", 0);
    const chairs = b.figures.get("commune_secretary_chairs_people_committee");
    const notLocal = b.figures.get("commune_secretary_not_local");
    const director = indicatorFigure(b, input, "coal_grassroots_secretary_is_director", 0);
    const parts: string[] = [];
    if (council)
      parts.push(
        "bí thư cấp ủy đồng thời là chủ tịch HĐND (hiện có {commune_secretary_chairs_people_council.ratio} đồng chí, chiếm {commune_secretary_chairs_people_council.pct})",
      );
    if (chairs)
      parts.push(
        "bí thư cấp ủy đồng thời là chủ tịch UBND (hiện có {commune_secretary_chairs_people_committee.ratio} đồng chí, chiếm {commune_secretary_chairs_people_committee.pct})",
      );
    let text = parts.length
      ? `Sau khi hoàn thành đại hội cấp cơ sở, các xã, phường, thị trấn tiếp tục kiện toàn bố trí ${parts.join("; ")}.`
      : "";
    if (notLocal)
      text +=
        " Đã thực hiện {commune_secretary_not_local.ratio} ({commune_secretary_not_local.pct}) bí thư cấp xã không là người địa phương.";
    if (director)
      text +=
        " Trong các đơn vị ngành Than, sau đại hội đã bố trí {coal_grassroots_secretary_is_director.ratio} ({coal_grassroots_secretary_is_director.pct}) bí thư chi, đảng bộ cơ sở là giám đốc các công ty, xí nghiệp, đơn vị sự nghiệp.";
    if (text) blocks.push(data(b, "commune_after", text.trim()));
  }
  const d = input.districtLevel;
  if (d) {
    progressFigure(
      b,
      input,
      "district_level_congresses_held",
      d,
      "Đảng bộ trực thuộc đã tổ chức đại hội",
      "Trong số đảng bộ trực thuộc (cấp trên cơ sở) tồn tại vào ngày báo cáo: số đảng bộ đã tổ chức đại hội.",
      "progress:district_level",
    );
    const shares =
      d.voteShareMin && d.voteShareMax
        ? ` Kết quả tỷ lệ phiếu bầu bí thư trực tiếp tại đại hội với tỷ lệ phiếu cao (thấp nhất ${shareText(d.voteShareMin, b)}, cao nhất ${shareText(d.voteShareMax, b)}).`
        : "";
    const notLocal = b.figures.has("district_level_secretary_not_local");
    blocks.push(
      data(
        b,
        "district_level_results",
        `Đối với đảng bộ cấp huyện: ${byWhen(d, input.asOf, "Tính đến ngày", "Tính đến ngày")}, {district_level_congresses_held.ratio} đảng bộ trực thuộc đã tổ chức xong đại hội, trong đó thực hiện {district_level_direct_secretary_innovation.pct} bầu bí thư trực tiếp tại đại hội${notLocal ? "; {district_level_secretary_not_local.pct} bí thư không là người địa phương" : ""}.${shares}`.replace(
          "{district_level_direct_secretary_innovation.pct}",
          b.figures.has("district_level_direct_secretary_innovation")
            ? "{district_level_direct_secretary_innovation.pct}"
            : "–",
        ),
      ),
    );
  }
  if (input.children.length > 0) {
    const cell = (x: { held: number; total: number } | null) =>
      x ? `${formatNumber(x.held)}/${formatNumber(x.total)}` : "";
    blocks.push({
      kind: "table",
      id: "children_table",
      title: "Kết quả đại hội theo đảng bộ trực thuộc",
      columns: [
        "STT",
        "Đảng bộ trực thuộc",
        "Chi bộ trực thuộc",
        "Tổ chức cơ sở đảng",
        "Đại hội cấp trên cơ sở",
      ],
      rows: input.children.map((ch, i) => [
        String(i + 1),
        ch.name,
        cell(ch.branch),
        cell(ch.grassroots),
        cell(ch.districtLevel),
      ]),
    });
  }
  return { id: "results", title: "II. MỘT SỐ KẾT QUẢ NỔI BẬT", blocks };
}

/** Builds the report; text blocks carry the template's default wording, which the officer edits. */
export function buildCongressResultsReport(input: CongressResultsInput): Report {
  const rounding = input.rounding ?? DEFAULT_ROUNDING;
  const b: Builder = { figures: new Map(), rounding };
  const innovations = innovationsSection(b, input);
  const results = resultsSection(b, input);
  const lessons: Section = {
    id: "lessons",
    title: "III. BÀI HỌC KINH NGHIỆM",
    blocks: [
      {
        kind: "text",
        id: "lessons_text",
        text: "",
        placeholder:
          "Cán bộ viết bài học kinh nghiệm rút ra qua tổ chức đại hội (đoàn kết thống nhất trong cấp ủy, công tác chuẩn bị, phát huy dân chủ…).",
      },
      {
        kind: "text",
        id: "closing_text",
        text: `Việc hoàn thành đại hội ở các cấp là tiền đề quan trọng để ${input.org.name} tổ chức thành công đại hội nhiệm kỳ ${input.season.term}./.`,
      },
    ],
  };
  const bodies = headingBodies(input.org.name, input.parentName, input.org.isProvince);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    template: CONGRESS_RESULTS_TEMPLATE,
    org: { id: input.org.id, code: input.org.code, name: input.org.name },
    season: input.season,
    asOf: input.asOf,
    rounding,
    heading: {
      ...bodies,
      place: input.place,
      date: input.asOf,
      documentType: "BÁO CÁO",
      summary: `Kết quả đại hội đảng bộ các cấp, nhiệm kỳ ${input.season.term}`,
    },
    sections: [innovations, results, lessons],
    signature: { onBehalfOf: "T/M BAN THƯỜNG VỤ", post: "PHÓ BÍ THƯ", name: "" },
    recipients: [
      "Ban Tổ chức Trung ương (để báo cáo),",
      "Các đồng chí Tỉnh ủy viên,",
      "Lưu Văn phòng Tỉnh ủy.",
    ],
    figures: [...b.figures.values()],
  };
}
