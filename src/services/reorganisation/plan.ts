/**
 * A reorganisation plan (docs/reorganisation-format.md), applied as a whole: every row through the
 * same dated operation a form uses, all or nothing; a dry run reads which figures change and rolls back.
 */

import { createHash } from "node:crypto";
import { type Actor, appendAudit, canonicalJson } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as histRepo from "../../db/repositories/org-history.ts";
import * as repo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import {
  orderReorgRows,
  type ReorgIssue,
  type ReorgOperation,
  type ReorgRow,
  vietnamDay,
} from "../../domain/organisation/index.ts";
import { readReorgFile } from "../../io/excel/reorganisation-sheet.ts";
import { getProgress, listSeasons } from "../congresses/index.ts";
import { type AppError, errors } from "../errors.ts";
import { createOrg, dissolveOrg, moveOrgsTogether, updateOrg } from "../organisations/change.ts";
import { type MergeInput, mergeOrgs } from "./merge.ts";
import { splitOrg } from "./split.ts";

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
      const known = await repo.findOrgsByCodes(
        tx,
        scope,
        rows.flatMap((r) => [r.code, r.newParentCode, r.newCode].filter((c): c is string => Boolean(c))),
      );
      for (const o of known.values())
        for (const a of o.path.split(".").slice(0, -1)) touchedParents.add(Number(a));
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
            // Every move of the day together (they are consecutive: moves come after the day's
            // foundings and renames, before its mergers), checked row by row.
            const key = `move|${r.day}`;
            if (doneGroups.has(key)) break;
            doneGroups.add(key);
            const group = ordered.filter(
              (m) => m.operation === "move" && m.day === r.day && !splitParts.has(m.newParentCode!),
            );
            const current = await repo.findOrgsByCodes(
              tx,
              scope,
              group.flatMap((m) => [m.code!, m.newParentCode!]),
            );
            const moves = group.map((m) => ({
              org: current.get(m.code!) ?? fail(m, "unknown_code", `Không có đơn vị mã "${m.code}"`, "code"),
              parent:
                current.get(m.newParentCode!) ??
                fail(m, "unknown_code", `Không có đơn vị mã "${m.newParentCode}"`, "newParentCode"),
            }));
            const moved = await moveOrgsTogether(tx, actor, moves, r.day);
            if (!moved.ok) fail(group[moved.error.index]!, moved.error.error.code, moved.error.error.message);
            else for (const id of moved.value.moved) changedIds.add(id);
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
