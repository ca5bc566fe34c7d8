/**
 * Mergers and splits, each on an effective day: the organisations that end, the one(s) that
 * continue or are founded, the children that move, the successor links, the new dated versions and
 * the roll-up moved from that day on, in one transaction with its audit entries. Nothing before the
 * day changes.
 */
import { sql } from "drizzle-orm";
import { type Actor, type AuditEntryInput, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as histRepo from "../db/repositories/org-history.ts";
import * as repo from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import type { IsoDate } from "../domain/format/date.ts";
import {
  checkEffectiveDay,
  checkPlacement,
  describePlacementError,
  searchKey,
  vietnamDay,
} from "../domain/organisation/index.ts";
import { syncVersionsInRollups } from "./congresses/index.ts";
import { type AppError, errors } from "./errors.ts";
import { loadHierarchy } from "./organisations.ts";

/** A new organisation a merger or split founds. */
export interface NewOrgSpec {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | null | undefined;
  readonly parentId: number;
}

const idList = (ids: readonly number[]) => sql.raw(`'{${ids.join(",") || "0"}}'::int[]`);

/** Founds an organisation on `day` under an existing parent (placement and day checked). */
async function found(tx: Db, spec: NewOrgSpec, day: IsoDate): Promise<Result<repo.OrgRecord, AppError>> {
  const hierarchy = await loadHierarchy(tx);
  if (!hierarchy.kinds.has(spec.kind))
    return err(
      errors.orgRule(
        "unknown_kind",
        describePlacementError({ rule: "unknown_kind", kind: spec.kind }, hierarchy),
      ),
    );
  if (await repo.findOrgByCode(tx, { kind: "all" }, spec.code)) return err(errors.orgCodeTaken(spec.code));
  const parent = await repo.findOrgById(tx, { kind: "all" }, spec.parentId);
  if (!parent || !(await histRepo.findSegmentOn(tx, { kind: "all" }, parent.id, day)))
    return err(
      errors.orgRule("parent_not_existing", `Đơn vị cấp trên của ${spec.name} không có vào ngày hiệu lực`),
    );
  const placement = checkPlacement(hierarchy, spec.level, parent.level);
  if (!placement.ok)
    return err(errors.orgRule(placement.error.rule, describePlacementError(placement.error, hierarchy)));
  const [id] = await repo.reserveOrgIds(tx, 1);
  const name = spec.name.trim().replace(/\s+/g, " ");
  const [created] = await repo.insertOrgs(tx, [
    {
      id: id!,
      code: spec.code,
      name,
      searchName: searchKey(name),
      level: spec.level,
      kind: spec.kind,
      sector: spec.sector?.trim() || null,
      parentId: parent.id,
      path: `${parent.path}.${id}`,
      depth: parent.depth + 1,
      foundedOn: day,
    },
  ]);
  return ok(created!);
}

/**
 * Moves children (with their subtrees) to new parents and ends the given organisations, all on
 * `day`. The caller checked the day for the ending ones; the moved subtrees are checked here.
 */
async function moveChildrenAndEnd(
  tx: Db,
  moves: readonly { child: repo.OrgRecord; to: repo.OrgRecord }[],
  ending: readonly repo.OrgRecord[],
  /** Organisations founded by this change (already inserted): counted from the day on. */
  created: readonly repo.OrgRecord[],
  day: IsoDate,
  reason: string,
): Promise<Result<void, AppError>> {
  const moved = new Set<number>();
  for (const m of moves) for (const id of await repo.subtreeIds(tx, m.child.path)) moved.add(id);
  const latest = await histRepo.latestChangeDay(tx, sql`org_id = any(${idList([...moved])})`);
  if (latest !== null && latest > day)
    return err(
      errors.orgRule(
        "before_latest_change",
        `Một đơn vị trực thuộc đã có thay đổi từ ngày ${latest.split("-").reverse().join("/")}; thay đổi mới phải có hiệu lực từ ngày đó trở đi`,
      ),
    );
  const touched = [...new Set([...moved, ...ending.map((o) => o.id)])];
  const before = await histRepo.listSegments(tx, touched);
  for (const m of moves) {
    const child = (await repo.findOrgById(tx, { kind: "all" }, m.child.id))!;
    const to = (await repo.findOrgById(tx, { kind: "all" }, m.to.id))!;
    await repo.moveSubtree(tx, child, to);
  }
  if (moved.size > 0) await histRepo.snapshotVersions(tx, sql`o.id = any(${idList([...moved])})`, day);
  for (const o of ending) await repo.updateOrgFields(tx, o.id, { dissolvedOn: day, dissolvedReason: reason });
  await histRepo.endVersions(
    tx,
    ending.map((o) => o.id),
    day,
  );
  await syncVersionsInRollups(
    tx,
    before,
    await histRepo.listSegments(tx, [...touched, ...created.map((o) => o.id)]),
  );
  return ok(undefined);
}

async function checkDay(tx: Db, orgIds: readonly number[], day: IsoDate, name: string) {
  const latest = await histRepo.latestChangeDay(tx, sql`org_id = any(${idList(orgIds)})`);
  const checked = checkEffectiveDay(day, vietnamDay(new Date()), { day: latest, name });
  if (!checked.ok) return err(errors.orgRule(checked.error.rule, checked.error.message));
  if (latest !== null && day <= latest)
    return err(
      errors.orgRule("before_latest_change", `${name} phải kết thúc sau ngày thay đổi gần nhất của nó`),
    );
  return ok(undefined);
}

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
