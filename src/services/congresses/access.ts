import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { CongressRecord, SeasonLevel } from "../../domain/congress/index.ts";
import { rollupEvents } from "../../domain/congress/rollup.ts";
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

/**
 * The roll-up change for one organisation: its events before (null: it was not counted at all,
 * as in a rebuild) taken away, its events after added.
 */
export function deltaFor(
  org: { path: string; level: string; kind: string; dissolvedOn: string | null },
  level: SeasonLevel,
  before: { congress: CongressRecord | null } | null,
  after: CongressRecord | null,
): repo.RollupDelta {
  const events = [
    ...(before ? rollupEvents(org, before.congress, level).map((e) => ({ ...e, n: -e.n })) : []),
    ...rollupEvents(org, after, level),
  ];
  return {
    ancestorIds: ancestorsOf(org.path),
    levelCode: level.code,
    orgLevel: org.level,
    orgKind: org.kind,
    events,
  };
}
