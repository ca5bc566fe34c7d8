import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { type CongressRecord, seasonLevelIndex } from "../../domain/congress/index.ts";
import { rollupEvents } from "../../domain/congress/rollup.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { type AppError, errors } from "../errors.ts";

/** The channel every server process LISTENs on; payload: {"seasonId":1,"path":"1.2.3"}. */
export const CONGRESS_EVENTS_CHANNEL = "daihoi_congress";

export interface CongressFilter {
  readonly orgLevels?: readonly string[] | undefined;
  readonly kinds?: readonly string[] | undefined;
}

/** The season without its pilot list unless asked (progress never needs it; ordering warnings do). */
export async function loadSeason(
  db: Db,
  seasonId: number,
  withPilots = false,
): Promise<Result<repo.SeasonRow, AppError>> {
  const s = await repo.findSeason(db, seasonId, { pilots: withPilots });
  return s ? ok(s) : err(errors.notFound("mùa đại hội", seasonId));
}

/** Ancestor ids from an ltree path of ids, the organisation itself included. */
export const ancestorsOf = (path: string) => path.split(".").map(Number);

/** Whether a dated path (of any period) lies inside the season's root. */
export const through = (path: string, rootId: number) => ancestorsOf(path).includes(rootId);

/**
 * The roll-up rows of one organisation over its dated versions: each version counts under the
 * ancestors, level and kind of its own period and only within it, so a move or merger on D changes
 * sums from D on and never before. `sign` -1 takes the events away.
 */
export function segmentDeltas(
  s: repo.SeasonRow,
  segments: readonly histRepo.OrgSegment[],
  congress: CongressRecord | null,
  sign: 1 | -1,
): repo.RollupDelta[] {
  const levelIndex = seasonLevelIndex(s.season);
  const out: repo.RollupDelta[] = [];
  for (const seg of segments) {
    const level = levelIndex.get(seg.level);
    if (!level || !through(seg.path, s.rootOrgId)) continue;
    const events = rollupEvents({ validFrom: seg.from, dissolvedOn: seg.to }, congress, level);
    out.push({
      ancestorIds: ancestorsOf(seg.path),
      levelCode: level.code,
      orgLevel: seg.level,
      orgKind: seg.kind,
      events: sign === 1 ? events : events.map((e) => ({ ...e, n: -e.n })),
    });
  }
  return out;
}

export function groupSegments(segments: readonly histRepo.OrgSegment[]): Map<number, histRepo.OrgSegment[]> {
  const out = new Map<number, histRepo.OrgSegment[]>();
  for (const seg of segments) {
    const list = out.get(seg.orgId);
    if (list) list.push(seg);
    else out.set(seg.orgId, [seg]);
  }
  return out;
}

/** The roll-up change when congresses change (their organisations' dated versions stay as they are). */
export async function congressDeltas(
  db: Db,
  s: repo.SeasonRow,
  changes: readonly { orgId: number; before: CongressRecord | null; after: CongressRecord | null }[],
): Promise<repo.RollupDelta[]> {
  const segments = groupSegments(await histRepo.listSegments(db, [...new Set(changes.map((c) => c.orgId))]));
  return changes.flatMap((c) => [
    ...segmentDeltas(s, segments.get(c.orgId) ?? [], c.before, -1),
    ...segmentDeltas(s, segments.get(c.orgId) ?? [], c.after, 1),
  ]);
}

/**
 * The organisation as it stood on `day` in the caller's scope (scopes follow the tree of the day
 * asked for); one founded later but in scope today reads as itself today (its figures are zero then).
 */
export async function orgOn(
  db: Db,
  scope: Scope,
  orgId: number,
  day: IsoDate,
): Promise<{ id: number; path: string; name: string; level: string } | null> {
  const seg = await histRepo.findSegmentOn(db, scope, orgId, day);
  if (seg) return { id: seg.orgId, path: seg.path, name: seg.name, level: seg.level };
  return orgRepo.findOrgById(db, scope, orgId);
}

/**
 * The organisations (of those given) the season covers: one of their dated versions lies inside the
 * season's root at one of the season's levels — exactly the versions the roll-up counts. A congress
 * of any other organisation would be written where no progress figure counts it (issue 20 item 10).
 */
export async function coveredBySeason(
  db: Db,
  s: repo.SeasonRow,
  orgIds: readonly number[],
): Promise<Set<number>> {
  const levelIndex = seasonLevelIndex(s.season);
  const covered = new Set<number>();
  for (const seg of await histRepo.listSegments(db, [...new Set(orgIds)]))
    if (levelIndex.has(seg.level) && through(seg.path, s.rootOrgId)) covered.add(seg.orgId);
  return covered;
}
