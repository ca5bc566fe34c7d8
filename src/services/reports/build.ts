/**
 * Reports written from data: load the plain values a template needs (progress per congress
 * level through the roll-up, indicator counts through the indicator engine, one row per child
 * organisation), then call the pure template (src/domain/report). Nothing is counted here.
 */

import type { Db } from "../../db/client.ts";
import { findSeason, findSeasonByCode } from "../../db/repositories/congresses.ts";
import { listOrgChain } from "../../db/repositories/elections.ts";
import { findSegmentOn } from "../../db/repositories/org-history.ts";
import { findOrgByCode, findOrgById } from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { describeDeadline, type Progress } from "../../domain/congress/index.ts";
import { datelinePlaceName } from "../../domain/election/minutes-wording.ts";
import { COMMUNE_LEVEL_KINDS } from "../../domain/indicators/catalog.ts";
import { compareInPartyOrder } from "../../domain/organisation/party-order.ts";
import {
  buildCongressProgressReport,
  type ProgressLevelInput,
} from "../../domain/report/congress-progress.ts";
import {
  buildCongressResultsReport,
  type ChildRow,
  type IndicatorCount,
  type LevelProgress,
} from "../../domain/report/congress-results.ts";
import type { Report, RoundingSetting } from "../../domain/report/model.ts";
import { getChildrenProgress, getProgress } from "../congresses/index.ts";
import { type AppError, errors } from "../errors.ts";
import { evaluateIndicators } from "../indicators/evaluate.ts";

export interface ReportTemplateInfo {
  readonly code: string;
  readonly title: string;
  readonly description: string;
}

export const REPORT_TEMPLATES: readonly ReportTemplateInfo[] = [
  {
    code: "congress_results",
    title: "Báo cáo kết quả đại hội đảng bộ các cấp",
    description:
      "Năm điểm đổi mới, kết quả đại hội chi bộ, “Dân tin – Đảng cử”, đại hội điểm, cơ sở, cấp xã, cấp trên cơ sở, so sánh với nhiệm kỳ trước và bài học kinh nghiệm.",
  },
  {
    code: "congress_progress",
    title: "Báo cáo tiến độ đại hội đảng bộ các cấp",
    description:
      "Báo cáo Trung ương theo yêu cầu: từng cấp đại hội đã tổ chức/tổng số, đúng hạn của tỉnh và của Trung ương, bảng theo đơn vị trực thuộc.",
  },
];

export type ReportTemplateCode = "congress_results" | "congress_progress";

export interface ReportRequest {
  /** Default: congress_results. */
  readonly template?: ReportTemplateCode | undefined;
  readonly orgId: number;
  readonly seasonId: number;
  readonly asOf: string;
  readonly rounding?: RoundingSetting | undefined;
  /**
   * Place of the dateline; default: derived from the organisation data (datelinePlaceName: its
   * commune, ward, city, town or district; for the province, its seat as the season's plan gives it).
   */
  readonly place?: string | undefined;
}

function toLevelProgress(p: Progress): LevelProgress {
  const deadline = p.completion?.central ?? p.completion?.province ?? null;
  return {
    held: p.held,
    total: p.total,
    firstHeldOn: p.firstHeldOn,
    lastHeldOn: p.lastHeldOn,
    completionPhrase: deadline ? describeDeadline(deadline) : null,
    pilots: p.pilots.total,
    resultsRecorded: p.resultsRecorded,
    directSecretary: p.directSecretary,
    contentsComplete: p.contentsComplete,
    oneRoundFull: p.oneRoundFull,
    voteShareMin: p.secretaryVoteShareMin,
    voteShareMax: p.secretaryVoteShareMax,
  };
}

/** Organisation by id or code, season by id or code: what the CLI and the routes accept. */
export async function resolveReportTarget(
  db: Db,
  scope: Scope,
  org: string | number,
  season: string | number,
): Promise<Result<{ orgId: number; seasonId: number }, AppError>> {
  const o =
    typeof org === "number" || /^\d+$/.test(org)
      ? await findOrgById(db, scope, Number(org))
      : await findOrgByCode(db, scope, org);
  if (!o) return err(errors.notFound("đơn vị", String(org)));
  const s =
    typeof season === "number" || /^\d+$/.test(season)
      ? await findSeason(db, Number(season))
      : await findSeasonByCode(db, season);
  if (!s) return err(errors.notFound("mùa đại hội", String(season)));
  return ok({ orgId: o.id, seasonId: s.id });
}

/**
 * The organisation as the report of a day names it: its name and parent on that day (a report of
 * 2020 says what 2020 said, whatever it is called today); one founded later reads as today.
 */
async function orgAsOf(
  db: Db,
  scope: Scope,
  orgId: number,
  day: string,
): Promise<{ id: number; code: string; name: string; parentId: number | null } | null> {
  const today = await findOrgById(db, scope, orgId);
  const then = await findSegmentOn(db, scope, orgId, day);
  if (then) return { id: then.orgId, code: then.code, name: then.name, parentId: then.parentId };
  return today;
}

/**
 * The report's địa danh (36-HD/VPTW), from the organisation data rather than a constant (issue 17):
 * the administrative unit the organisation belongs to; the province's seat for the province.
 */
async function datelinePlace(
  db: Db,
  scope: Scope,
  orgId: number,
  provinceSeat: string | undefined,
): Promise<string> {
  const org = await findOrgById(db, scope, orgId);
  const chain = org ? await listOrgChain(db, org.path) : [];
  return datelinePlaceName(chain, provinceSeat ?? null) ?? org?.name ?? "";
}

type OrgThen = NonNullable<Awaited<ReturnType<typeof orgAsOf>>>;
type SeasonRow = NonNullable<Awaited<ReturnType<typeof findSeason>>>;

/** What every built-in report starts from: the organisation and its parent as named on the day. */
async function reportFrame(db: Db, scope: Scope, org: OrgThen, season: SeasonRow, req: ReportRequest) {
  const parent = org.parentId === null ? null : await orgAsOf(db, scope, org.parentId, req.asOf);
  return {
    org: { id: org.id, code: org.code, name: org.name, isProvince: org.parentId === null },
    parentName: parent?.name ?? null,
    season: {
      code: season.season.code,
      term: `${season.season.term.startYear}-${season.season.term.endYear}`,
    },
    asOf: req.asOf,
    place: req.place ?? (await datelinePlace(db, scope, org.id, season.season.plan.place)),
  };
}

/** A built-in report for an organisation, season and day. */
export async function buildReport(
  db: Db,
  scope: Scope,
  req: ReportRequest,
): Promise<Result<Report, AppError>> {
  switch (req.template ?? "congress_results") {
    case "congress_results":
      return buildCongressReport(db, scope, req);
    case "congress_progress":
      return buildProgressReport(db, scope, req);
  }
}

/** "Báo cáo tiến độ đại hội đảng bộ các cấp": every level of the season, with its deadlines. */
export async function buildProgressReport(
  db: Db,
  scope: Scope,
  req: ReportRequest,
): Promise<Result<Report, AppError>> {
  const org = await orgAsOf(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const season = await findSeason(db, req.seasonId);
  if (!season) return err(errors.notFound("mùa đại hội", req.seasonId));
  const levels: ProgressLevelInput[] = [];
  for (const l of season.season.levels) {
    const q = { seasonId: season.id, orgId: org.id, level: l.code, asOf: req.asOf };
    const p = await getProgress(db, scope, q);
    if (!p.ok) return p;
    const children = await getChildrenProgress(db, scope, q);
    levels.push({
      code: l.code,
      name: l.name,
      held: p.value.held,
      total: p.value.total,
      provinceDeadline: l.provinceDeadline,
      centralDeadline: l.centralDeadline,
      onTimeProvince: p.value.onTimeProvince,
      onTimeCentral: p.value.onTimeCentral,
      children: children.ok
        ? inPartyOrder(children.value, new Map(children.value.map((c) => [c.orgId, c.kind]))).map((c) => ({
            name: c.name,
            held: c.held,
            total: c.total,
          }))
        : [],
    });
  }
  return ok(
    buildCongressProgressReport({
      ...(await reportFrame(db, scope, org, season, req)),
      levels,
      rounding: req.rounding,
    }),
  );
}

/** The built-in "Báo cáo kết quả đại hội đảng bộ các cấp" for an organisation, season and day. */
export async function buildCongressReport(
  db: Db,
  scope: Scope,
  req: ReportRequest,
): Promise<Result<Report, AppError>> {
  const org = await orgAsOf(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const season = await findSeason(db, req.seasonId);
  if (!season) return err(errors.notFound("mùa đại hội", req.seasonId));
  const levelCodes = new Set(season.season.levels.map((l) => l.code));
  const read = async (level: string, filter?: { kinds?: string[]; orgLevels?: string[] }) => {
    if (!levelCodes.has(level)) return null;
    const r = await getProgress(db, scope, {
      seasonId: season.id,
      orgId: org.id,
      level,
      asOf: req.asOf,
      ...(filter ? { filter } : {}),
    });
    return r.ok && r.value.total > 0 ? toLevelProgress(r.value) : null;
  };
  const branch = await read("branch");
  const grassroots = await read("grassroots");
  const grassrootsCommittees = await read("grassroots", { orgLevels: ["grassroots_committee"] });
  const communeLevel = await read("grassroots", { kinds: [...COMMUNE_LEVEL_KINDS] });
  const districtLevel = await read("district_level");
  const villageBranches = await read("branch", { kinds: ["village"] });

  const values = await evaluateIndicators(db, scope, { orgId: org.id, asOf: req.asOf, seasonId: season.id });
  if (!values.ok) return values;
  const indicators: Record<string, IndicatorCount> = {};
  for (const row of values.value.rows) {
    if (row.entry.customId !== null || !row.value || row.value.denominator === 0) continue;
    const def = row.entry.def;
    indicators[def.code] = {
      name: def.name,
      definition: def.description,
      numerator: row.value.numerator,
      denominator: row.value.denominator,
      baselines: (def.baselines ?? []).flatMap((bl) =>
        bl.kind === "reported"
          ? [{ label: bl.label, numerator: bl.numerator, denominator: bl.denominator, percent: bl.percent }]
          : [],
      ),
    };
  }

  const children = await childRows(db, scope, season.id, org.id, req.asOf, levelCodes);
  return ok(
    buildCongressResultsReport({
      ...(await reportFrame(db, scope, org, season, req)),
      branch,
      grassroots,
      grassrootsCommittees,
      communeLevel,
      districtLevel,
      villageBranches,
      indicators,
      children,
      rounding: req.rounding,
    }),
  );
}

/** The kind of each direct child of an organisation, for listing them in Party order. */
/** Subordinate organisations as Party documents list them: territorial committees first (issue 17). */
function inPartyOrder<T extends { orgId: number; name: string }>(
  rows: readonly T[],
  kinds: Map<number, string>,
): T[] {
  return [...rows].sort((a, b) =>
    compareInPartyOrder(
      { kind: kinds.get(a.orgId), name: a.name },
      { kind: kinds.get(b.orgId), name: b.name },
    ),
  );
}

async function childRows(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
  asOf: string,
  levels: ReadonlySet<string>,
): Promise<ChildRow[]> {
  const byLevel = async (level: string) => {
    if (!levels.has(level))
      return new Map<number, { name: string; kind: string; held: number; total: number }>();
    const r = await getChildrenProgress(db, scope, { seasonId, orgId, level, asOf });
    return new Map(
      (r.ok ? r.value : []).map((c) => [
        c.orgId,
        { name: c.name, kind: c.kind, held: c.held, total: c.total },
      ]),
    );
  };
  const [branch, grassroots, district] = [
    await byLevel("branch"),
    await byLevel("grassroots"),
    await byLevel("district_level"),
  ];
  const names = new Map<number, string>();
  // The kind each child had on the day (a district committee ended since still sorts as one).
  const kinds = new Map<number, string>();
  for (const m of [district, grassroots, branch])
    for (const [id, v] of m) {
      if (!names.has(id)) names.set(id, v.name);
      if (!kinds.has(id)) kinds.set(id, v.kind);
    }
  const pick = (m: Map<number, { held: number; total: number }>, id: number) => {
    const v = m.get(id);
    return v ? { held: v.held, total: v.total } : null;
  };
  return inPartyOrder(
    [...names].map(([id, name]) => ({ orgId: id, name })),
    kinds,
  ).map(({ orgId: id, name }) => ({
    name,
    branch: pick(branch, id),
    grassroots: pick(grassroots, id),
    districtLevel: pick(district, id),
  }));
}
