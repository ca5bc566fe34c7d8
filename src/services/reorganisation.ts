/**
 * Mergers and splits, each on an effective day: the organisations that end, the one(s) that
 * continue or are founded, the children that move, the successor links, the new dated versions and
 * the roll-up moved from that day on, in one transaction with its audit entries. Nothing before the
 * day changes.
 */

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Actor, type AuditEntryInput, appendAudit, canonicalJson } from "../db/audit.ts";
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
  orderReorgRows,
  type ReorgIssue,
  type ReorgOperation,
  type ReorgRow,
  searchKey,
  vietnamDay,
} from "../domain/organisation/index.ts";
import { readReorgFile } from "../io/excel/reorganisation-sheet.ts";
import { getProgress, listSeasons, syncVersionsInRollups } from "./congresses/index.ts";
import { type AppError, errors } from "./errors.ts";
import { createOrg, dissolveOrg, loadHierarchy, moveOrg, updateOrg } from "./organisations.ts";

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

// ---------------------------------------------------------------------------------------------
// A reorganisation plan (docs/reorganisation-format.md), applied as a whole

/** A figure a plan changes: held/total of a season level in an organisation's subtree, from a day. */
export interface PlanFigureChange {
  readonly orgCode: string;
  readonly orgName: string;
  readonly season: string;
  readonly level: string;
  readonly from: IsoDate;
  readonly before: { readonly held: number; readonly total: number };
  readonly after: { readonly held: number; readonly total: number };
}

export interface PlanSummary {
  readonly dryRun: boolean;
  /** False when the same plan was applied before (nothing written again). */
  readonly applied: boolean;
  readonly alreadyApplied: boolean;
  readonly rows: number;
  readonly operations: Readonly<Record<ReorgOperation, number>>;
  /** Organisations whose dated versions change (moved subtrees included), and the first day. */
  readonly organisationsChanged: number;
  readonly firstDay: IsoDate;
  readonly figures: readonly PlanFigureChange[];
}

class PlanFailure extends Error {
  readonly issue: ReorgIssue;
  constructor(issue: ReorgIssue) {
    super(issue.message);
    this.issue = issue;
  }
}

class DryRunDone extends Error {
  readonly summary: PlanSummary;
  constructor(summary: PlanSummary) {
    super("dry run");
    this.summary = summary;
  }
}

const previousDay = (d: IsoDate): IsoDate => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
};

/**
 * Applies a plan in one transaction, all or nothing: the rows in day order (orderReorgRows), each
 * through the same dated operation a form uses. The first rule an operation breaks is returned
 * with its sheet, row and rule and nothing is written. The same plan applied again changes nothing.
 * A dry run applies it, reads which figures it changes, and rolls everything back.
 */
export async function applyReorganisationPlan(
  db: Db,
  actor: Actor,
  sheet: string,
  rows: readonly ReorgRow[],
  options: { dryRun: boolean },
): Promise<Result<PlanSummary, ReorgIssue[]>> {
  const hash = createHash("sha256")
    .update(canonicalJson(rows.map(({ rowNumber: _r, ...x }) => x)))
    .digest("hex");
  const ordered = orderReorgRows(rows);
  const operations = Object.fromEntries(
    (["found", "rename", "move", "change_kind", "dissolve", "merge", "split"] as const).map((o) => [
      o,
      rows.filter((r) => r.operation === o).length,
    ]),
  ) as Record<ReorgOperation, number>;
  const firstDay = ordered[0]!.day;
  if (await histRepo.planApplied(db, hash))
    return ok({
      dryRun: options.dryRun,
      applied: false,
      alreadyApplied: true,
      rows: rows.length,
      operations,
      organisationsChanged: 0,
      firstDay,
      figures: [],
    });
  const scope: Scope = { kind: "all" };
  try {
    const summary = await db.transaction(async (tx) => {
      const fail = (row: ReorgRow, rule: string, message: string, field: string | null = null): never => {
        throw new PlanFailure({ sheet, row: row.rowNumber, column: null, field, rule, message });
      };
      const must = <T>(row: ReorgRow, r: Result<T, AppError>): T => {
        if (!r.ok) fail(row, r.error.code, r.error.message);
        return (r as { ok: true; value: T }).value;
      };
      const byCode = async (row: ReorgRow, code: string, field: string) =>
        (await repo.findOrgByCode(tx, scope, code)) ??
        fail(row, "unknown_code", `Không có đơn vị mã "${code}"`, field);

      // Figures before: every season level in the subtrees of the organisations' parents and the roots.
      const touchedParents = new Set<number>();
      for (const r of rows) {
        for (const c of [r.code, r.newParentCode, r.newCode]) {
          if (!c) continue;
          const o = await repo.findOrgByCode(tx, scope, c);
          if (o) for (const a of o.path.split(".").slice(0, -1)) touchedParents.add(Number(a));
        }
      }
      const seasons = await listSeasons(tx);
      const days = [...new Set(ordered.map((r) => r.day))];
      const read = async () => {
        const out = new Map<string, { held: number; total: number }>();
        for (const s of seasons)
          for (const l of s.season.levels)
            for (const id of touchedParents)
              for (const d of [previousDay(firstDay), ...days]) {
                const p = await getProgress(tx, scope, { seasonId: s.id, orgId: id, level: l.code, asOf: d });
                if (p.ok)
                  out.set(`${s.id}|${l.code}|${id}|${d}`, { held: p.value.held, total: p.value.total });
              }
        return out;
      };
      const before = await read();

      // Mergers into a new organisation: the successor is founded first, so moves can target it.
      const splitParts = new Map<string, ReorgRow>();
      for (const r of ordered) if (r.operation === "split") splitParts.set(r.newCode!, r);
      const changedIds = new Set<number>();
      const mergeGroups = new Map<string, ReorgRow[]>();
      const splitGroups = new Map<string, ReorgRow[]>();
      for (const r of ordered) {
        if (r.operation === "merge")
          mergeGroups.set(`${r.day}|${r.newCode}`, [...(mergeGroups.get(`${r.day}|${r.newCode}`) ?? []), r]);
        if (r.operation === "split")
          splitGroups.set(`${r.day}|${r.code}`, [...(splitGroups.get(`${r.day}|${r.code}`) ?? []), r]);
      }
      const moveToPart = new Map<string, ReorgRow[]>(); // part code → move rows
      for (const r of ordered)
        if (r.operation === "move" && splitParts.has(r.newParentCode!))
          moveToPart.set(r.newParentCode!, [...(moveToPart.get(r.newParentCode!) ?? []), r]);
      const doneGroups = new Set<string>();

      for (const r of ordered) {
        switch (r.operation) {
          case "found": {
            const parent = await byCode(r, r.newParentCode!, "newParentCode");
            const created = must(
              r,
              await createOrg(tx, actor, scope, {
                code: r.newCode!,
                name: r.newName!,
                level: r.level!,
                kind: r.kind!,
                parentId: parent.id,
                effectiveOn: r.day,
              }),
            );
            changedIds.add(created.id);
            break;
          }
          case "rename":
          case "change_kind": {
            const o = await byCode(r, r.code!, "code");
            if (r.operation === "change_kind" && r.level !== null && r.level !== o.level)
              fail(
                r,
                "level_change",
                "Chưa hỗ trợ đổi cấp tổ chức trong phương án; hãy thành lập đơn vị mới và hợp nhất",
                "level",
              );
            must(
              r,
              await updateOrg(tx, actor, scope, o.id, {
                ...(r.operation === "rename" ? { name: r.newName! } : { kind: r.kind! }),
                effectiveOn: r.day,
              }),
            );
            changedIds.add(o.id);
            break;
          }
          case "move": {
            if (splitParts.has(r.newParentCode!)) break; // assigned to a split's part, below
            const o = await byCode(r, r.code!, "code");
            const parent = await byCode(r, r.newParentCode!, "newParentCode");
            must(r, await moveOrg(tx, actor, scope, o.id, parent.id, r.day));
            for (const id of await repo.subtreeIds(tx, (await repo.findOrgById(tx, scope, o.id))!.path))
              changedIds.add(id);
            break;
          }
          case "merge": {
            const key = `${r.day}|${r.newCode}`;
            if (doneGroups.has(key)) break;
            doneGroups.add(key);
            const group = mergeGroups.get(key)!;
            const sources = [];
            for (const g of group) sources.push(await byCode(g, g.code!, "code"));
            const existing = await repo.findOrgByCode(tx, scope, r.newCode!);
            const spec = group.find((g) => g.newName !== null) ?? r;
            let target: MergeInput["target"];
            if (existing) target = { existingId: existing.id };
            else {
              if (!spec.newName || !spec.newParentCode)
                fail(
                  r,
                  "required",
                  `Đơn vị mới "${r.newCode}" cần "Tên mới" và "Mã cấp trên mới" ở ít nhất một dòng hợp nhất`,
                  "newName",
                );
              const parent = await byCode(spec, spec.newParentCode!, "newParentCode");
              target = {
                create: {
                  code: r.newCode!,
                  name: spec.newName!,
                  level: spec.level ?? sources[0]!.level,
                  kind: spec.kind ?? sources[0]!.kind,
                  parentId: parent.id,
                },
              };
            }
            const merged = must(
              r,
              await mergeOrgs(tx, actor, scope, {
                sourceIds: sources.map((s) => s.id),
                target,
                effectiveOn: r.day,
              }),
            );
            for (const s of sources) changedIds.add(s.id);
            for (const id of await repo.subtreeIds(tx, merged.successor.path)) changedIds.add(id);
            break;
          }
          case "split": {
            const key = `${r.day}|${r.code}`;
            if (doneGroups.has(key)) break;
            doneGroups.add(key);
            const source = await byCode(r, r.code!, "code");
            const parts = [];
            for (const g of splitGroups.get(key)!) {
              const childIds = [];
              for (const m of moveToPart.get(g.newCode!) ?? []) {
                if (m.day !== g.day)
                  fail(m, "split_day", "Chi bộ giao cho đơn vị mới phải chuyển cùng ngày chia tách", "day");
                childIds.push((await byCode(m, m.code!, "code")).id);
              }
              const parent = g.newParentCode
                ? await byCode(g, g.newParentCode, "newParentCode")
                : await repo.findOrgById(tx, scope, source.parentId!);
              parts.push({
                code: g.newCode!,
                name: g.newName ?? fail(g, "required", `Đơn vị mới "${g.newCode}" cần "Tên mới"`, "newName"),
                level: g.level ?? source.level,
                kind: g.kind ?? source.kind,
                parentId: parent!.id,
                childIds,
              });
            }
            const split = must(
              r,
              await splitOrg(tx, actor, scope, { sourceId: source.id, parts, effectiveOn: r.day }),
            );
            changedIds.add(source.id);
            for (const p of split.parts)
              for (const id of await repo.subtreeIds(tx, p.path)) changedIds.add(id);
            break;
          }
          case "dissolve": {
            const o = await byCode(r, r.code!, "code");
            must(
              r,
              await dissolveOrg(tx, actor, scope, o.id, {
                date: r.day,
                reason: r.reason ?? "Giải thể theo phương án sắp xếp",
              }),
            );
            changedIds.add(o.id);
            break;
          }
        }
      }

      // New parents count too; then what changed, from which day. Nothing before the first day may.
      for (const r of rows)
        for (const c of [r.newParentCode, r.newCode]) {
          const o = c ? await repo.findOrgByCode(tx, scope, c) : null;
          if (o) for (const a of o.path.split(".").slice(0, -1)) touchedParents.add(Number(a));
        }
      const after = await read();
      const figures: PlanFigureChange[] = [];
      const names = new Map<number, { code: string; name: string }>();
      for (const id of touchedParents) {
        const o = await repo.findOrgById(tx, scope, id);
        if (o) names.set(id, { code: o.code, name: o.name });
      }
      for (const s of seasons)
        for (const l of s.season.levels)
          for (const id of touchedParents)
            for (const d of [previousDay(firstDay), ...days]) {
              const k = `${s.id}|${l.code}|${id}|${d}`;
              const b = before.get(k) ?? { held: 0, total: 0 };
              const a = after.get(k) ?? { held: 0, total: 0 };
              if (b.held === a.held && b.total === a.total) continue;
              if (d < firstDay) throw new Error(`plan changed ${k} before its first day`); // a bug, never the user's
              figures.push({
                orgCode: names.get(id)?.code ?? String(id),
                orgName: names.get(id)?.name ?? String(id),
                season: s.season.code,
                level: l.code,
                from: d,
                before: b,
                after: a,
              });
            }
      await appendAudit(tx, actor, [
        {
          action: "org.reorganisation",
          entity: "reorganisation",
          entityId: hash,
          orgId: null,
          before: null,
          after: { rows: rows.length, operations, firstDay, organisationsChanged: changedIds.size },
        },
      ]);
      const result: PlanSummary = {
        dryRun: options.dryRun,
        applied: !options.dryRun,
        alreadyApplied: false,
        rows: rows.length,
        operations,
        organisationsChanged: changedIds.size,
        firstDay,
        figures,
      };
      if (options.dryRun) throw new DryRunDone(result);
      return result;
    });
    return ok(summary);
  } catch (e) {
    if (e instanceof DryRunDone) return ok(e.summary);
    if (e instanceof PlanFailure) return err([e.issue]);
    throw e;
  }
}

/** A plan file (.xlsx/.csv) checked and applied (or dry-run) as a whole; every problem named. */
export async function importReorganisationFile(
  db: Db,
  actor: Actor,
  file: { readonly name: string; readonly data: Uint8Array },
  options: { dryRun: boolean },
): Promise<Result<PlanSummary, AppError>> {
  const parsed = await readReorgFile(file, vietnamDay(new Date()));
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const applied = await applyReorganisationPlan(db, actor, parsed.value.sheet, parsed.value.rows, options);
  return applied.ok ? applied : err(errors.importInvalid(applied.error, applied.error.length));
}
