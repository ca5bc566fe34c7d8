import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import { seasonLevelIndex } from "../../domain/congress/index.ts";
import { groupSegments, segmentDeltas } from "./access.ts";

/**
 * Recomputes a season's roll-up from the organisations' dated versions and the congresses. Used
 * after bulk loads; the incremental path must always agree with it (tests check).
 */
export async function rebuildRollup(db: Db, seasonId: number): Promise<void> {
  const s = (await repo.findSeason(db, seasonId))!;
  const levelIndex = seasonLevelIndex(s.season);
  const segments = groupSegments(await histRepo.listSegmentsThrough(db, s.rootOrgId, [...levelIndex.keys()]));
  const congresses = new Map(
    (await repo.listCongressesOfOrgs(db, seasonId, s.season.code, null)).map((c) => [c.orgId, c.record]),
  );
  await repo.clearRollup(db, seasonId);
  // In chunks, so memory stays bounded at national scale (each chunk's sums are added to the rows).
  const orgIds = [...segments.keys()];
  for (let i = 0; i < orgIds.length; i += 20_000) {
    const deltas = orgIds
      .slice(i, i + 20_000)
      .flatMap((id) => segmentDeltas(s, segments.get(id)!, congresses.get(id) ?? null, 1));
    await repo.applyRollup(db, seasonId, deltas);
  }
}

/** Rebuilds every season's roll-up (after a bulk import). */
export async function rebuildAllRollups(db: Db): Promise<void> {
  for (const s of await repo.listSeasons(db)) await rebuildRollup(db, s.id);
}

/**
 * Organisations' dated versions changed (founded, moved, renamed, merged, dissolved on a day):
 * every season's roll-up takes away their events over the versions before and adds those over the
 * versions after. Periods before the change's day are identical on both sides and cancel, so
 * figures before that day cannot change.
 */
export async function syncVersionsInRollups(
  db: Db,
  before: readonly histRepo.OrgSegment[],
  after: readonly histRepo.OrgSegment[],
): Promise<void> {
  const orgIds = [...new Set([...before, ...after].map((x) => x.orgId))];
  if (orgIds.length === 0) return;
  const b = groupSegments(before);
  const a = groupSegments(after);
  for (const s of await repo.listSeasons(db)) {
    const congresses = new Map(
      (await repo.listCongressesOfOrgs(db, s.id, s.season.code, orgIds)).map((c) => [c.orgId, c.record]),
    );
    const deltas = orgIds.flatMap((id) => [
      ...segmentDeltas(s, b.get(id) ?? [], congresses.get(id) ?? null, -1),
      ...segmentDeltas(s, a.get(id) ?? [], congresses.get(id) ?? null, 1),
    ]);
    await repo.applyRollup(db, s.id, deltas);
  }
}
