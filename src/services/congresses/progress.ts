import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type CongressOrg,
  computeLateList,
  computeProgress,
  findSeasonLevel,
  type LateAgainst,
  type LateEntry,
  type Progress,
  seasonLevelIndex,
} from "../../domain/congress/index.ts";
import { extremesFromKeys, progressFromRollup, type RollupMetric } from "../../domain/congress/rollup.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { compareInPartyOrder } from "../../domain/organisation/party-order.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { type CongressFilter, loadSeason, orgOn, through } from "./access.ts";

// ---------------------------------------------------------------------------------------------
// Reading progress

export interface ProgressRequest {
  readonly seasonId: number;
  readonly orgId: number;
  readonly level: string;
  readonly asOf: IsoDate;
  readonly filter?: CongressFilter;
}

export async function progressFor(
  db: Db,
  s: repo.SeasonRow,
  org: { id: number; path: string },
  levelCode: string,
  asOf: IsoDate,
  filter: CongressFilter,
): Promise<Result<Progress, AppError>> {
  const level = findSeasonLevel(s.season, levelCode);
  if (!level) return err(appError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${levelCode}"`));
  const { metrics, aliveKeys } = await repo.sumRollupWithExtremes(db, s.id, org.id, level.code, asOf, filter);
  return ok(
    progressFromRollup(
      s.season.code,
      level,
      org.path,
      asOf,
      { asOf: Object.fromEntries(metrics) as Partial<Record<RollupMetric, number>> },
      extremesFromKeys(aliveKeys),
    ),
  );
}

export async function getProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<Progress, AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  return progressFor(db, s.value, org, req.level, req.asOf, req.filter ?? {});
}

export interface ChildProgressRow {
  readonly orgId: number;
  readonly name: string;
  readonly level: string;
  /** The kind it had on the day (Party order sorts by it). */
  readonly kind: string;
  readonly total: number;
  readonly held: number;
  readonly resultsRecorded: number;
  readonly onTimeProvince: number | null;
}

/** One row per direct child: held/total of the level in each child's subtree (children with none left out). */
export async function getChildrenProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<ChildProgressRow[], AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const level = findSeasonLevel(s.value.season, req.level);
  if (!level) return err(appError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${req.level}"`));
  // The children of that day, with that day's names.
  const children = (await histRepo.listChildrenOn(db, scope, org.id, req.asOf)).map((c) => ({
    id: c.orgId,
    name: c.name,
    level: c.level,
    kind: c.kind,
  }));
  const sums = await repo.sumRollup(
    db,
    s.value.id,
    children.map((c) => c.id),
    level.code,
    req.asOf,
    req.filter ?? {},
  );
  // Party order (territorial committees first, then blocs, armed forces, enterprises), as reports.
  return ok(
    [...children]
      .sort(compareInPartyOrder)
      .map((c) => {
        const m = sums.get(c.id)!;
        return {
          orgId: c.id,
          name: c.name,
          level: c.level,
          kind: c.kind,
          total: m.get("exists") ?? 0,
          held: m.get("held") ?? 0,
          resultsRecorded: m.get("results_recorded") ?? 0,
          onTimeProvince: level.provinceDeadline === null ? null : (m.get("held_by_province_deadline") ?? 0),
        };
      })
      .filter((r) => r.total > 0),
  );
}

export interface CurvePoint {
  readonly day: IsoDate;
  readonly held: number;
}

/** Cumulative held counts per season level, from the roll-up's daily sums. */
export async function getCurves(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
  asOf: IsoDate,
): Promise<
  Result<
    {
      level: string;
      name: string;
      total: number;
      provinceDeadline: string | null;
      centralDeadline: string | null;
      points: CurvePoint[];
    }[],
    AppError
  >
> {
  const s = await loadSeason(db, seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, orgId, asOf);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const perDay = await repo.heldPerDay(db, seasonId, org.id, asOf);
  const out = [];
  for (const level of s.value.season.levels) {
    const totals = (await repo.sumRollup(db, seasonId, [org.id], level.code, asOf)).get(org.id)!;
    let cum = 0;
    const points = perDay
      .filter((p) => p.levelCode === level.code)
      .map((p) => {
        cum += Number(p.n);
        return { day: p.day, held: cum };
      });
    out.push({
      level: level.code,
      name: level.name,
      total: totals.get("exists") ?? 0,
      provinceDeadline: level.provinceDeadline,
      centralDeadline: level.centralDeadline,
      points,
    });
  }
  return ok(out);
}

export interface LateRow extends LateEntry {
  /** Names from the top of the tree down to the parent: who to call sits in this chain. */
  readonly pathNames: string[];
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

export async function getLateList(
  db: Db,
  scope: Scope,
  req: { seasonId: number; orgId: number; asOf: IsoDate; level?: string | undefined; against: LateAgainst },
): Promise<Result<LateRow[], AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const levels = req.level ? [findSeasonLevel(s.value.season, req.level)] : s.value.season.levels;
  if (levels.some((l) => l === undefined))
    return err(appError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${req.level}"`));
  const candidates = await repo.listLateCandidates(
    db,
    s.value.id,
    org.id,
    levels.flatMap((l) => l!.orgLevels),
    req.asOf,
  );
  const records = candidates
    .filter((c) => c.congress)
    .map((c) => repo.toCongressRow(c.congress!, s.value.season.code));
  const late = computeLateList(
    candidates.map((c) => c.org),
    records.map((r) => r.record),
    s.value.season,
    { scopePath: org.path, asOf: req.asOf, level: req.level, against: req.against },
  );
  if (!late.ok) return err(appError("SEASON_LEVEL_UNKNOWN", 400, late.error.message));
  const contacts = new Map(records.map((r) => [r.orgId, r]));
  const ancestorIds = new Set<number>();
  for (const e of late.value) for (const a of e.path.split(".").slice(0, -1)) ancestorIds.add(Number(a));
  const names = await histRepo.namesOn(db, [...ancestorIds], req.asOf);
  return ok(
    late.value.map((e) => ({
      ...e,
      pathNames: e.path
        .split(".")
        .slice(0, -1)
        .map((a) => names.get(Number(a)) ?? "?"),
      contactName: contacts.get(Number(e.orgId))?.contactName ?? null,
      contactPhone: contacts.get(Number(e.orgId))?.contactPhone ?? null,
    })),
  );
}

/** The reference computation over every row (tests and the benchmark compare the roll-up with it). */
export async function getProgressNaive(db: Db, req: ProgressRequest): Promise<Progress> {
  const s = (await repo.findSeason(db, req.seasonId))!;
  // The tree as it stood on the day: the versions valid then, with that period's paths.
  const org = (await orgOn(db, { kind: "all" }, req.orgId, req.asOf))!;
  const levelIndex = seasonLevelIndex(s.season);
  const orgs: CongressOrg[] = (await histRepo.listSubtreeOn(db, req.orgId, req.asOf, [...levelIndex.keys()]))
    .filter((o) => through(o.path, s.rootOrgId))
    .map((o) => ({
      id: o.orgId,
      parentId: o.parentId,
      path: o.path,
      level: o.level,
      kind: o.kind,
      name: o.name,
      dissolvedOn: null,
    }));
  const congresses = (
    await repo.listCongressesOfOrgs(
      db,
      s.id,
      s.season.code,
      orgs.map((o) => Number(o.id)),
    )
  ).map((c) => c.record);
  const r = computeProgress(orgs, congresses, s.season, {
    scopePath: org.path,
    level: req.level,
    asOf: req.asOf,
    orgLevels: req.filter?.orgLevels,
    kinds: req.filter?.kinds,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
