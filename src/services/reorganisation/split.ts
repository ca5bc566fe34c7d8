/**
 * One organisation into several new ones on an effective day: every child goes to exactly one part,
 * the source ends, each part is linked to it as successor. Nothing before the day changes.
 */

import { type Actor, appendAudit } from "../../db/audit.ts";
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

export interface SplitInput {
  readonly sourceId: number;
  /** The new organisations, each with the children (by id) it takes over. */
  readonly parts: readonly (NewOrgSpec & { readonly childIds: readonly number[] })[];
  readonly effectiveOn: IsoDate;
}

/**
 * One organisation into several new ones from `effectiveOn`: every active child is assigned to
 * exactly one part, the source ends, and each part is linked to it as successor.
 */
export async function splitOrg(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: SplitInput,
): Promise<Result<{ parts: repo.OrgRecord[]; moved: number }, AppError>> {
  return db.transaction(async (tx) => {
    const day = input.effectiveOn;
    const source = await repo.findOrgById(tx, scope, input.sourceId);
    if (!source) return err(errors.notFound("đơn vị", input.sourceId));
    if (source.dissolvedOn) return err(errors.orgDissolved(source.name));
    if (input.parts.length < 2)
      return err(errors.orgRule("split_needs_parts", "Chia tách cần ít nhất hai đơn vị mới"));
    const dayOk = await checkDay(tx, [source.id], day, source.name);
    if (!dayOk.ok) return dayOk;
    const children = await repo.listChildren(tx, { kind: "all" }, source.id, false);
    const assigned = new Map<number, number>();
    for (const [i, p] of input.parts.entries())
      for (const c of p.childIds) {
        if (!children.some((x) => x.id === c))
          return err(errors.orgRule("split_child_unknown", `Đơn vị ${c} không trực thuộc ${source.name}`));
        if (assigned.has(c))
          return err(
            errors.orgRule("split_child_twice", `Một đơn vị trực thuộc được giao cho hai đơn vị mới`),
          );
        assigned.set(c, i);
      }
    const left = children.filter((c) => !assigned.has(c.id));
    if (left.length > 0)
      return err(
        errors.orgRule(
          "split_child_unassigned",
          `Chưa giao ${left.length} đơn vị trực thuộc cho đơn vị mới nào: ${left
            .slice(0, 5)
            .map((c) => c.name)
            .join(", ")}`,
        ),
      );
    const parts: repo.OrgRecord[] = [];
    for (const p of input.parts) {
      const created = await found(tx, p, day);
      if (!created.ok) return created;
      parts.push(created.value);
    }
    const hierarchy = await loadHierarchy(tx);
    const moves: { child: repo.OrgRecord; to: repo.OrgRecord }[] = [];
    for (const c of children) {
      const to = parts[assigned.get(c.id)!]!;
      const placement = checkPlacement(hierarchy, c.level, to.level);
      if (!placement.ok)
        return err(
          errors.orgRule(
            placement.error.rule,
            `${c.name}: ${describePlacementError(placement.error, hierarchy)}`,
          ),
        );
      moves.push({ child: c, to });
    }
    const done = await moveChildrenAndEnd(
      tx,
      moves,
      [source],
      parts,
      day,
      `Chia tách thành ${parts.map((p) => p.name).join(", ")}`,
    );
    if (!done.ok) return done;
    await histRepo.insertSuccessions(
      tx,
      parts.map((p) => ({ predecessorId: source.id, successorId: p.id, day, operation: "split" as const })),
    );
    await appendAudit(tx, actor, [
      {
        action: "org.split",
        entity: "organisation",
        entityId: source.id,
        orgId: source.id,
        before: { id: source.id, code: source.code, name: source.name, path: source.path },
        after: {
          parts: parts.map((p) => ({ id: p.id, code: p.code, name: p.name })),
          effectiveOn: day,
          assignments: moves.map((m) => [m.child.code, m.to.code]),
        },
      },
    ]);
    return ok({ parts, moved: moves.length });
  });
}
