import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import { seasonLevelIndex } from "../../domain/congress/index.ts";
import { rollupEvents } from "../../domain/congress/rollup.ts";
import { ancestorsOf, deltaFor } from "./access.ts";

/**
 * Recomputes a season's roll-up from the organisations and congresses. Used after bulk loads and
 * moves of organisations; the incremental path must always agree with it (tests check).
 */
export async function rebuildRollup(db: Db, seasonId: number): Promise<void> {
  const s = (await repo.findSeason(db, seasonId))!;
  const root = (await orgRepo.findOrgById(db, { kind: "all" }, s.rootOrgId))!;
  const levelIndex = seasonLevelIndex(s.season);
  const orgs = await repo.listOrgsForSeason(db, root.path, [...levelIndex.keys()]);
  const congresses = new Map(
    (await repo.listCongressesInSubtree(db, seasonId, s.season.code, root.path)).map((c) => [
      c.orgId,
      c.record,
    ]),
  );
  await repo.clearRollup(db, seasonId);
  // In chunks, so memory stays bounded at national scale (each chunk's sums are added to the rows).
  for (let i = 0; i < orgs.length; i += 20_000) {
    const deltas = orgs
      .slice(i, i + 20_000)
      .map((o) => deltaFor(o, levelIndex.get(o.level)!, null, congresses.get(o.id) ?? null));
    await repo.applyRollup(db, seasonId, deltas);
  }
}

/** Rebuilds every season's roll-up: after a move (ancestors changed) or a bulk import. */
export async function rebuildAllRollups(db: Db): Promise<void> {
  for (const s of await repo.listSeasons(db)) await rebuildRollup(db, s.id);
}

/**
 * An organisation was created (before = null) or dissolved: its existence changes the totals of
 * every season that covers its level and place in the tree.
 */
export async function syncOrgInRollups(
  db: Db,
  before: { dissolvedOn: string | null } | null,
  after: { id: number; path: string; level: string; kind: string; dissolvedOn: string | null },
): Promise<void> {
  for (const s of await repo.listSeasons(db)) {
    const level = seasonLevelIndex(s.season).get(after.level);
    if (!level) continue;
    const root = await orgRepo.findOrgById(db, { kind: "all" }, s.rootOrgId);
    if (!root || !(after.path === root.path || after.path.startsWith(`${root.path}.`))) continue;
    const c = (await repo.findCongress(db, { kind: "all" }, s.id, after.id, s.season.code))?.record ?? null;
    const events = [
      ...(before
        ? rollupEvents({ dissolvedOn: before.dissolvedOn }, c, level).map((e) => ({ ...e, n: -e.n }))
        : []),
      ...rollupEvents({ dissolvedOn: after.dissolvedOn }, c, level),
    ];
    await repo.applyRollup(db, s.id, [
      {
        ancestorIds: ancestorsOf(after.path),
        levelCode: level.code,
        orgLevel: after.level,
        orgKind: after.kind,
        events,
      },
    ]);
  }
}
