/** Congress seasons: creating one, listing them, and changing one of its levels. */
import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { findSeasonLevel, type Season, type SeasonLevel, seasonSchema } from "../../domain/congress/index.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { loadSeason } from "./access.ts";
import { rebuildRollup } from "./rollup.ts";

export async function createSeason(
  db: Db,
  actor: Actor,
  input: Season,
  rootOrgId: number,
): Promise<Result<number, AppError>> {
  const parsed = seasonSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return err(
      appError("SEASON_INVALID", 422, `Mùa đại hội không hợp lệ (${i.path.join(".")}): ${i.message}`),
    );
  }
  return db.transaction(async (tx) => {
    const root = await orgRepo.findOrgById(tx, { kind: "all" }, rootOrgId);
    if (!root) return err(errors.notFound("đơn vị", rootOrgId));
    if (await repo.findSeasonByCode(tx, input.code)) {
      return err(appError("SEASON_CODE_TAKEN", 409, `Mùa đại hội mã "${input.code}" đã có`));
    }
    const id = await repo.insertSeason(tx, input, rootOrgId);
    await rebuildRollup(tx, id);
    await appendAudit(tx, actor, [
      {
        action: "season.create",
        entity: "season",
        entityId: id,
        orgId: rootOrgId,
        before: null,
        after: input,
      },
    ]);
    return ok(id);
  });
}

export async function listSeasons(db: Db): Promise<repo.SeasonRow[]> {
  return repo.listSeasons(db);
}

export interface SeasonLevelChange {
  readonly name?: string | undefined;
  readonly window?: { start: IsoDate; end: IsoDate } | undefined;
  readonly provinceDeadline?: IsoDate | null | undefined;
  readonly centralDeadline?: IsoDate | null | undefined;
  readonly term?: { startYear: number; endYear: number } | undefined;
}

/**
 * Changes a season level's name, window, term or deadlines. On-time figures are decided against
 * the deadlines when a congress is written, so the season's roll-up is rebuilt.
 */
export async function updateSeasonLevel(
  db: Db,
  actor: Actor,
  seasonId: number,
  levelCode: string,
  change: SeasonLevelChange,
): Promise<Result<repo.SeasonRow, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const before = findSeasonLevel(loaded.value.season, levelCode);
    if (!before) return err(appError("SEASON_LEVEL_UNKNOWN", 404, `Mùa đại hội không có cấp "${levelCode}"`));
    const after: SeasonLevel = {
      ...before,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.window !== undefined ? { window: change.window } : {}),
      ...(change.provinceDeadline !== undefined ? { provinceDeadline: change.provinceDeadline } : {}),
      ...(change.centralDeadline !== undefined ? { centralDeadline: change.centralDeadline } : {}),
      ...(change.term !== undefined ? { term: change.term } : {}),
    };
    const checked = seasonSchema.safeParse({
      ...loaded.value.season,
      levels: loaded.value.season.levels.map((l) => (l.code === levelCode ? after : l)),
    });
    if (!checked.success) {
      const i = checked.error.issues[0]!;
      return err(
        appError("SEASON_INVALID", 422, `Mùa đại hội không hợp lệ (${i.path.join(".")}): ${i.message}`),
      );
    }
    await repo.updateSeasonLevel(tx, seasonId, after);
    await rebuildRollup(tx, seasonId);
    await appendAudit(tx, actor, [
      {
        action: "season.level.update",
        entity: "season",
        entityId: `${seasonId}:${levelCode}`,
        orgId: loaded.value.rootOrgId,
        before,
        after,
      },
    ]);
    return ok((await repo.findSeason(tx, seasonId))!);
  });
}
