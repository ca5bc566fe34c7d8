/**
 * Several organisations into one on an effective day: the children move, the sources end, each is
 * linked to the successor, in one transaction with its audit entries. Nothing before the day changes.
 */

import { type Actor, type AuditEntryInput, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { checkPlacement, describePlacementError } from "../../domain/organisation/index.ts";
import { type AppError, errors } from "../errors.ts";
import { loadHierarchy } from "../organisations/common.ts";
import { checkDay, found, moveChildrenAndEnd, type NewOrgSpec } from "./common.ts";

export interface MergeInput {
  readonly sourceIds: readonly number[];
  /** An existing organisation that continues, or a new one founded on the day. */
  readonly target: { readonly existingId: number } | { readonly create: NewOrgSpec };
  readonly effectiveOn: IsoDate;
}

/**
 * Several organisations into one (new or existing) from `effectiveOn`: their active children move
 * under it, they end on that day, and each is linked to it as predecessor.
 */
export async function mergeOrgs(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: MergeInput,
): Promise<Result<{ successor: repo.OrgRecord; ended: number; moved: number }, AppError>> {
  return db.transaction(async (tx) => {
    const day = input.effectiveOn;
    const sources: repo.OrgRecord[] = [];
    for (const id of input.sourceIds) {
      const o = await repo.findOrgById(tx, scope, id);
      if (!o) return err(errors.notFound("đơn vị", id));
      if (o.dissolvedOn) return err(errors.orgDissolved(o.name));
      sources.push(o);
    }
    if (sources.length === 0) return err(errors.orgRule("merge_needs_sources", "Chưa chọn đơn vị hợp nhất"));
    const dayOk = await checkDay(
      tx,
      sources.map((s) => s.id),
      day,
      sources.map((s) => s.name).join(", "),
    );
    if (!dayOk.ok) return dayOk;
    let successor: repo.OrgRecord;
    if ("existingId" in input.target) {
      const t = await repo.findOrgById(tx, scope, input.target.existingId);
      if (!t) return err(errors.notFound("đơn vị tiếp nhận", input.target.existingId));
      if (t.dissolvedOn) return err(errors.orgDissolved(t.name));
      if (sources.some((s) => s.id === t.id || t.path.startsWith(`${s.path}.`)))
        return err(
          errors.orgRule(
            "merge_into_itself",
            `${t.name} không thể hợp nhất vào chính nó hoặc đơn vị cấp dưới`,
          ),
        );
      successor = t;
    } else {
      const created = await found(tx, input.target.create, day);
      if (!created.ok) return created;
      successor = created.value;
    }
    const hierarchy = await loadHierarchy(tx);
    const moves: { child: repo.OrgRecord; to: repo.OrgRecord }[] = [];
    for (const s of sources) {
      for (const c of await repo.listChildren(tx, { kind: "all" }, s.id, false)) {
        const placement = checkPlacement(hierarchy, c.level, successor.level);
        if (!placement.ok)
          return err(
            errors.orgRule(
              placement.error.rule,
              `${c.name}: ${describePlacementError(placement.error, hierarchy)}`,
            ),
          );
        moves.push({ child: c, to: successor });
      }
    }
    const done = await moveChildrenAndEnd(
      tx,
      moves,
      sources,
      "create" in input.target ? [successor] : [],
      day,
      `Hợp nhất vào ${successor.name}`,
    );
    if (!done.ok) return done;
    await histRepo.insertSuccessions(
      tx,
      sources.map((s) => ({
        predecessorId: s.id,
        successorId: successor.id,
        day,
        operation: "merge" as const,
      })),
    );
    const audit: AuditEntryInput[] = [
      {
        action: "org.merge",
        entity: "organisation",
        entityId: successor.id,
        orgId: successor.id,
        before: { sources: sources.map((s) => ({ id: s.id, code: s.code, name: s.name, path: s.path })) },
        after: {
          successor: { id: successor.id, code: successor.code, name: successor.name },
          created: "create" in input.target,
          effectiveOn: day,
          movedChildren: moves.map((m) => m.child.code),
        },
      },
    ];
    await appendAudit(tx, actor, audit);
    return ok({ successor, ended: sources.length, moved: moves.length });
  });
}
