/**
 * Season progress from plain values: the reference ("naive") computation. It scans every
 * organisation and congress it is given, once, and is written for clarity, not speed: the database
 * roll-ups are tested against it, so it must stay obviously right.
 *
 * "As of D": a congress counts as held as of D iff its actual end date is ≤ D; its results count
 * as recorded iff `resultsRecordedOn` ≤ D, and as confirmed iff the confirmation date is ≤ D
 * (`statusAsOf`). An organisation dissolved on or before D is not counted.
 */
import { assert } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { daysBetween, type IsoDate } from "../format/date.ts";
import { formatPercent } from "../format/number.ts";
import { type DeadlineAuthority, type DeadlineEvaluations, evaluateLevelDeadlines } from "./deadline.ts";
import { type CongressRecord, hasAllContents, statusAsOf } from "./record.ts";
import { type CongressOrg, existsOn, isInScope } from "./scope.ts";
import {
  bindingDeadline,
  findSeasonLevel,
  type OrgId,
  type Season,
  type SeasonLevel,
  seasonLevelsInOrder,
} from "./season.ts";

export interface ProgressQuery {
  /** Path of the subtree's root: the province, a district, a commune. */
  readonly scopePath: string;
  /** Season level code ("grassroots"). */
  readonly level: string;
  readonly asOf: IsoDate;
  /** Keep only these organisation levels (e.g. grassroots committees of the grassroots level). */
  readonly orgLevels?: readonly string[] | undefined;
  /** Keep only these kinds (e.g. commune, ward, township for "commune-level"). */
  readonly kinds?: readonly string[] | undefined;
}

/**
 * votes / base, kept as integers so shares compare exactly. A value, not an organisation: the
 * report says "thấp nhất 85%, cao nhất 100%", and a value can be rolled up per ancestor.
 */
export interface VoteShare {
  readonly votes: number;
  readonly base: number;
}

export interface Progress {
  readonly seasonCode: string;
  readonly level: string;
  readonly scopePath: string;
  readonly asOf: IsoDate;
  /** Organisations of the level in scope that exist as of D. */
  readonly total: number;
  /** Of which held as of D. */
  readonly held: number;
  /** held/total, e.g. "100,00%" ("–" when total is 0). */
  readonly heldPercent: string;
  /** With a congress record but not held as of D. */
  readonly notHeld: number;
  /** Without any congress record in the season. */
  readonly unscheduled: number;
  /** Held as of D and by the province's deadline; null when the level has none. */
  readonly onTimeProvince: number | null;
  /** Held as of D and by the Central deadline; null when the level has none. */
  readonly onTimeCentral: number | null;
  readonly pilots: { readonly total: number; readonly held: number };
  /** Held with all 4 contents. */
  readonly contentsComplete: number;
  /** Held with the committee appointed instead of elected. */
  readonly committeeAppointed: number;
  /** Results recorded (or confirmed) as of D. */
  readonly resultsRecorded: number;
  /** Of those, the secretary elected directly at the congress. */
  readonly directSecretary: number;
  /** Of those, the committee elected in one round with the full number. */
  readonly oneRoundFull: number;
  readonly confirmed: number;
  /** Results recorded, not yet confirmed by the upper committee. */
  readonly confirmationsPending: number;
  /** Held, results not yet recorded. */
  readonly resultsPending: number;
  /** Lowest and highest secretary vote share among direct elections with votes recorded. */
  readonly secretaryVoteShareMin: VoteShare | null;
  readonly secretaryVoteShareMax: VoteShare | null;
  readonly firstHeldOn: IsoDate | null;
  readonly lastHeldOn: IsoDate | null;
  /** When every organisation has held its congress: the last day against the deadlines. */
  readonly completion: DeadlineEvaluations | null;
}

export type ProgressError = {
  readonly code: "unknown_level";
  readonly level: string;
  readonly message: string;
};

function unknownLevel(level: string): ProgressError {
  return { code: "unknown_level", level, message: `Mùa đại hội không có cấp "${level}"` };
}

/** Records of this season, one per organisation (two for one organisation is a bug upstream). */
export function indexCongresses(
  congresses: Iterable<CongressRecord>,
  season: Season,
): ReadonlyMap<OrgId, CongressRecord> {
  const byOrg = new Map<OrgId, CongressRecord>();
  for (const c of congresses) {
    if (c.seasonCode !== season.code) continue;
    assert(!byOrg.has(c.orgId), `two congresses for organisation ${c.orgId} in season ${season.code}`);
    byOrg.set(c.orgId, c);
  }
  return byOrg;
}

function selectOrgs(
  orgs: Iterable<CongressOrg>,
  level: SeasonLevel,
  scopePath: string,
  asOf: IsoDate,
  orgLevels?: readonly string[],
  kinds?: readonly string[],
): CongressOrg[] {
  const out: CongressOrg[] = [];
  for (const o of orgs) {
    if (!level.orgLevels.includes(o.level)) continue;
    if (orgLevels !== undefined && !orgLevels.includes(o.level)) continue;
    if (kinds !== undefined && !kinds.includes(o.kind)) continue;
    if (!isInScope(o.path, scopePath) || !existsOn(o, asOf)) continue;
    out.push(o);
  }
  return out;
}

/**
 * Orders vote shares exactly (a/b vs c/d by cross-multiplication); equal shares by base, so the
 * lowest and highest are the same whatever order the congresses come in (8/10 before 12/15).
 */
export function compareVoteShares(a: VoteShare, b: VoteShare): number {
  return a.votes * b.base - b.votes * a.base || a.base - b.base;
}

function shareLess(a: VoteShare, b: VoteShare): boolean {
  return compareVoteShares(a, b) < 0;
}

export function computeProgress(
  orgs: Iterable<CongressOrg>,
  congresses: Iterable<CongressRecord>,
  season: Season,
  query: ProgressQuery,
): Result<Progress, ProgressError> {
  const level = findSeasonLevel(season, query.level);
  if (!level) return err(unknownLevel(query.level));
  const { asOf } = query;
  const byOrg = indexCongresses(congresses, season);
  const selected = selectOrgs(orgs, level, query.scopePath, asOf, query.orgLevels, query.kinds);

  let held = 0;
  let notHeld = 0;
  let unscheduled = 0;
  let onTimeProvince = 0;
  let onTimeCentral = 0;
  let pilotsTotal = 0;
  let pilotsHeld = 0;
  let contentsComplete = 0;
  let committeeAppointed = 0;
  let resultsRecorded = 0;
  let directSecretary = 0;
  let oneRoundFull = 0;
  let confirmed = 0;
  let confirmationsPending = 0;
  let resultsPending = 0;
  let shareMin: VoteShare | null = null;
  let shareMax: VoteShare | null = null;
  let firstHeldOn: IsoDate | null = null;
  let lastHeldOn: IsoDate | null = null;

  for (const org of selected) {
    const c = byOrg.get(org.id);
    if (!c) {
      unscheduled++;
      continue;
    }
    if (c.pilot) pilotsTotal++;
    const status = statusAsOf(c, asOf);
    if (status === "planned") {
      notHeld++;
      continue;
    }
    const end = c.actualEnd!;
    held++;
    if (c.pilot) pilotsHeld++;
    if (level.provinceDeadline !== null && end <= level.provinceDeadline) onTimeProvince++;
    if (level.centralDeadline !== null && end <= level.centralDeadline) onTimeCentral++;
    if (hasAllContents(c)) contentsComplete++;
    if (c.committeeAppointed) committeeAppointed++;
    if (firstHeldOn === null || end < firstHeldOn) firstHeldOn = end;
    if (lastHeldOn === null || end > lastHeldOn) lastHeldOn = end;
    if (status === "held") {
      resultsPending++;
      continue;
    }
    resultsRecorded++;
    if (status === "confirmed") confirmed++;
    else confirmationsPending++;
    if (c.electedInOneRoundFull === true) oneRoundFull++;
    if (c.secretaryElectedDirectly === true) {
      directSecretary++;
      if (c.secretaryVotes !== null && c.secretaryVoteBase !== null && c.secretaryVoteBase > 0) {
        const share = { votes: c.secretaryVotes, base: c.secretaryVoteBase };
        if (shareMin === null || shareLess(share, shareMin)) shareMin = share;
        if (shareMax === null || shareLess(shareMax, share)) shareMax = share;
      }
    }
  }

  const total = selected.length;
  return ok({
    seasonCode: season.code,
    level: level.code,
    scopePath: query.scopePath,
    asOf,
    total,
    held,
    heldPercent: formatPercent(held, total),
    notHeld,
    unscheduled,
    onTimeProvince: level.provinceDeadline === null ? null : onTimeProvince,
    onTimeCentral: level.centralDeadline === null ? null : onTimeCentral,
    pilots: { total: pilotsTotal, held: pilotsHeld },
    contentsComplete,
    committeeAppointed,
    resultsRecorded,
    directSecretary,
    oneRoundFull,
    confirmed,
    confirmationsPending,
    resultsPending,
    secretaryVoteShareMin: shareMin,
    secretaryVoteShareMax: shareMax,
    firstHeldOn,
    lastHeldOn,
    completion:
      total > 0 && held === total && lastHeldOn !== null ? evaluateLevelDeadlines(lastHeldOn, level) : null,
  });
}

// ---------------------------------------------------------------------------------------------
// The late list

export type LateReason = "not_scheduled" | "not_held" | "results_not_recorded";

export const LATE_REASON_LABELS: Readonly<Record<LateReason, string>> = {
  not_scheduled: "Chưa có kế hoạch đại hội",
  not_held: "Chưa tổ chức đại hội",
  results_not_recorded: "Đã tổ chức, chưa nhập kết quả",
};

/** Which deadline the list is measured against; "binding" is the province's, else the Centre's. */
export type LateAgainst = DeadlineAuthority | "binding";

export interface LateQuery {
  readonly scopePath: string;
  readonly asOf: IsoDate;
  /** One season level, or every level when omitted. */
  readonly level?: string | undefined;
  readonly against?: LateAgainst | undefined;
}

export interface LateEntry {
  readonly orgId: OrgId;
  readonly name: string;
  readonly path: string;
  readonly orgLevel: string;
  readonly seasonLevel: string;
  readonly reason: LateReason;
  readonly deadline: IsoDate;
  /** asOf − deadline, ≥ 1. */
  readonly daysOverdue: number;
  readonly plannedStart: IsoDate | null;
  readonly actualEnd: IsoDate | null;
}

function deadlineOf(level: SeasonLevel, against: LateAgainst): IsoDate | null {
  switch (against) {
    case "province":
      return level.provinceDeadline;
    case "central":
      return level.centralDeadline;
    case "binding":
      return bindingDeadline(level);
    default: {
      const never: never = against;
      throw new Error(`illegal deadline choice ${String(never)}`);
    }
  }
}

/**
 * Organisations past their deadline as of D (deadline < D) whose congress is not held, or held
 * without results recorded, as of D. Most overdue first, then by path (tree order).
 */
export function computeLateList(
  orgs: Iterable<CongressOrg>,
  congresses: Iterable<CongressRecord>,
  season: Season,
  query: LateQuery,
): Result<LateEntry[], ProgressError> {
  let levels: SeasonLevel[];
  if (query.level === undefined) levels = seasonLevelsInOrder(season);
  else {
    const level = findSeasonLevel(season, query.level);
    if (!level) return err(unknownLevel(query.level));
    levels = [level];
  }
  const against = query.against ?? "binding";
  const { asOf } = query;
  const byOrg = indexCongresses(congresses, season);
  const orgList = [...orgs];
  const late: LateEntry[] = [];
  for (const level of levels) {
    const deadline = deadlineOf(level, against);
    if (deadline === null || deadline >= asOf) continue;
    for (const org of selectOrgs(orgList, level, query.scopePath, asOf)) {
      const c = byOrg.get(org.id);
      const status = c ? statusAsOf(c, asOf) : null;
      let reason: LateReason;
      if (status === null) reason = "not_scheduled";
      else if (status === "planned") reason = "not_held";
      else if (status === "held") reason = "results_not_recorded";
      else continue;
      late.push({
        orgId: org.id,
        name: org.name,
        path: org.path,
        orgLevel: org.level,
        seasonLevel: level.code,
        reason,
        deadline,
        daysOverdue: daysBetween(deadline, asOf),
        plannedStart: c?.plannedStart ?? null,
        actualEnd: status === "held" ? (c?.actualEnd ?? null) : null,
      });
    }
  }
  return ok(
    late.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  );
}

// ---------------------------------------------------------------------------------------------
// Cumulative curves

export interface CurvePoint {
  readonly date: IsoDate;
  /** Congresses held by the end of that day. */
  readonly held: number;
}

export interface ProgressCurve {
  readonly level: string;
  readonly name: string;
  readonly total: number;
  readonly provinceDeadline: IsoDate | null;
  readonly centralDeadline: IsoDate | null;
  /** One point per day on which the count changed, ascending: a step line. */
  readonly points: readonly CurvePoint[];
}

/**
 * Per season level, in order: the cumulative number of congresses held by each day up to `asOf`
 * (organisations as of `asOf`). The last point's `held` equals `computeProgress(…).held`.
 */
export function computeProgressCurves(
  orgs: Iterable<CongressOrg>,
  congresses: Iterable<CongressRecord>,
  season: Season,
  query: { readonly scopePath: string; readonly asOf: IsoDate },
): ProgressCurve[] {
  const byOrg = indexCongresses(congresses, season);
  const orgList = [...orgs];
  return seasonLevelsInOrder(season).map((level) => {
    const selected = selectOrgs(orgList, level, query.scopePath, query.asOf);
    const perDay = new Map<IsoDate, number>();
    for (const org of selected) {
      const c = byOrg.get(org.id);
      if (!c || statusAsOf(c, query.asOf) === "planned") continue;
      const end = c.actualEnd!;
      perDay.set(end, (perDay.get(end) ?? 0) + 1);
    }
    let held = 0;
    const points = [...perDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, n]) => {
        held += n;
        return { date, held };
      });
    return {
      level: level.code,
      name: level.name,
      total: selected.length,
      provinceDeadline: level.provinceDeadline,
      centralDeadline: level.centralDeadline,
      points,
    };
  });
}
