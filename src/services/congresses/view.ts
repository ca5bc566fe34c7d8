import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { type CongressRecord, checkCongressOrder, seasonLevelIndex } from "../../domain/congress/index.ts";
import { type AppError, errors } from "../errors.ts";
import { loadSeason } from "./access.ts";

export interface CongressView {
  readonly seasonId: number;
  readonly org: { id: number; code: string; name: string; level: string };
  readonly seasonLevel: string | null;
  readonly congress: CongressRecord | null;
  /** The congress row's id (elections refer to it), null while not planned. */
  readonly congressId: number | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly warnings: string[];
}

/** Ordering warnings for some organisations, checked among their parent's subtree (siblings, descendants). */
export async function orderingWarnings(
  db: Db,
  s: repo.SeasonRow,
  parentPath: string,
): Promise<Map<number, string[]>> {
  const levelIndex = seasonLevelIndex(s.season);
  const orgs = await repo.listOrgsForSeason(db, parentPath, [...levelIndex.keys()]);
  const congresses = (await repo.listCongressesInSubtree(db, s.id, s.season.code, parentPath)).map(
    (c) => c.record,
  );
  const out = new Map<number, string[]>();
  for (const w of checkCongressOrder(orgs, congresses, s.season)) {
    const id = Number(w.orgId);
    out.set(id, [...(out.get(id) ?? []), w.message]);
  }
  return out;
}

export async function getCongress(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
): Promise<Result<CongressView, AppError>> {
  const s = await loadSeason(db, seasonId, true);
  if (!s.ok) return s;
  const org = await orgRepo.findOrgById(db, scope, orgId);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const c = await repo.findCongress(db, scope, seasonId, orgId, s.value.season.code);
  const parentPath = org.path.includes(".") ? org.path.slice(0, org.path.lastIndexOf(".")) : org.path;
  const warnings = (await orderingWarnings(db, s.value, parentPath)).get(org.id) ?? [];
  return ok({
    seasonId,
    org: { id: org.id, code: org.code, name: org.name, level: org.level },
    seasonLevel: seasonLevelIndex(s.value.season).get(org.level)?.code ?? null,
    congress: c?.record ?? null,
    congressId: c?.id ?? null,
    contactName: c?.contactName ?? null,
    contactPhone: c?.contactPhone ?? null,
    warnings,
  });
}

/** The congresses of a parent's direct children: the table an officer updates one by one. */
export async function listChildCongresses(
  db: Db,
  scope: Scope,
  seasonId: number,
  parentId: number,
): Promise<Result<CongressView[], AppError>> {
  const s = await loadSeason(db, seasonId, true);
  if (!s.ok) return s;
  const parent = await orgRepo.findOrgById(db, scope, parentId);
  if (!parent) return err(errors.notFound("đơn vị", parentId));
  const levelIndex = seasonLevelIndex(s.value.season);
  const children = (await orgRepo.listChildren(db, scope, parent.id, false)).filter((c) =>
    levelIndex.has(c.level),
  );
  const congresses = new Map(
    (await repo.listCongressesInSubtree(db, seasonId, s.value.season.code, parent.path)).map((c) => [
      c.orgId,
      c,
    ]),
  );
  const warnings = await orderingWarnings(db, s.value, parent.path);
  return ok(
    children.map((child) => {
      const c = congresses.get(child.id);
      return {
        seasonId,
        org: { id: child.id, code: child.code, name: child.name, level: child.level },
        seasonLevel: levelIndex.get(child.level)?.code ?? null,
        congress: c?.record ?? null,
        congressId: c?.id ?? null,
        contactName: c?.contactName ?? null,
        contactPhone: c?.contactPhone ?? null,
        warnings: warnings.get(child.id) ?? [],
      };
    }),
  );
}
