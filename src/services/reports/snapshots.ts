/**
 * Snapshots: a generated report frozen with the data version it was read at; edited, listed and
 * regenerated (with the figures that changed).
 */

import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { latestAuditId } from "../../db/repositories/indicators.ts";
import * as repo from "../../db/repositories/reports.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { applyReportEdit, carryOverEdits, type ReportEdit } from "../../domain/report/edit.ts";
import { diffFigures, type FigureChange, type Report, reportSchema } from "../../domain/report/model.ts";
import { type AppError, errors } from "../errors.ts";
import { buildReport, type ReportRequest, type ReportTemplateCode } from "./build.ts";

/**
 * A stored report as the service returns it: the row without its author, the report parsed again.
 * `dataVersion` is the newest audit id when generated: every write appends one, so it versions all
 * the data.
 */
export interface ReportSnapshot extends Omit<repo.ReportSnapshotRecord, "report" | "createdBy"> {
  readonly report: Report;
}

function toSnapshot(r: repo.ReportSnapshotRecord): ReportSnapshot {
  const { report, createdBy: _c, ...rest } = r;
  // Stored by this service after validation: a row that no longer parses is a bug.
  return { ...rest, report: reportSchema.parse(report) };
}

async function insertSnapshot(
  db: Db,
  actor: Actor,
  report: Report,
  req: { orgId: number; seasonId: number; asOf: string },
  dataVersion: number,
  previousId: number | null,
): Promise<ReportSnapshot> {
  return db.transaction(async (tx) => {
    const id = await repo.insertReportSnapshot(tx, {
      template: report.template,
      orgId: req.orgId,
      seasonId: req.seasonId,
      asOf: req.asOf,
      dataVersion,
      report,
      previousId,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor, [
      {
        action: previousId === null ? "report.create" : "report.regenerate",
        entity: "report_snapshot",
        entityId: id,
        orgId: req.orgId,
        before: previousId === null ? null : { previousId },
        after: { template: report.template, asOf: req.asOf, dataVersion, figures: report.figures.length },
      },
    ]);
    const row = await repo.findReportSnapshot(tx, { kind: "all" }, id);
    return toSnapshot(row!);
  });
}

/** Generates the report and freezes it. */
export async function createReportSnapshot(
  db: Db,
  actor: Actor,
  scope: Scope,
  req: ReportRequest,
): Promise<Result<ReportSnapshot, AppError>> {
  const dataVersion = await latestAuditId(db);
  const built = await buildReport(db, scope, req);
  if (!built.ok) return built;
  return ok(await insertSnapshot(db, actor, built.value, req, dataVersion, null));
}

export async function getReportSnapshot(
  db: Db,
  scope: Scope,
  id: number,
): Promise<Result<ReportSnapshot, AppError>> {
  const row = await repo.findReportSnapshot(db, scope, id);
  return row ? ok(toSnapshot(row)) : err(errors.notFound("báo cáo", id));
}

export async function listReportSnapshots(
  db: Db,
  scope: Scope,
  orgId: number | null,
): Promise<Omit<ReportSnapshot, "report">[]> {
  const rows = await repo.listReportSnapshots(db, scope, orgId, 50);
  return rows.map(({ report: _r, createdBy: _c, ...rest }) => rest);
}

/** The officer's edits (heading, text blocks, signature, recipients); figures never change here. */
export async function editReportSnapshot(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  edit: ReportEdit,
): Promise<Result<ReportSnapshot, AppError>> {
  return db.transaction(async (tx) => {
    const row = await repo.findReportSnapshot(tx, scope, id);
    if (!row) return err(errors.notFound("báo cáo", id));
    const current = toSnapshot(row);
    const edited = applyReportEdit(current.report, edit);
    if (!edited.ok)
      return err({
        code: "REPORT_EDIT_INVALID",
        status: 422,
        message: edited.error.message,
      } satisfies AppError);
    await repo.updateReportSnapshotReport(tx, id, edited.value);
    await appendAudit(tx, actor, [
      {
        action: "report.edit",
        entity: "report_snapshot",
        entityId: id,
        orgId: row.orgId,
        before: null,
        after: edit,
      },
    ]);
    const after = await repo.findReportSnapshot(tx, scope, id);
    return ok(toSnapshot(after!));
  });
}

export interface Regenerated {
  readonly snapshot: ReportSnapshot;
  readonly previous: { readonly id: number; readonly dataVersion: number };
  /** Figures whose counts or percentages differ from the previous snapshot. */
  readonly changes: readonly FigureChange[];
}

/** A new snapshot from today's data, same organisation, season and day (or a new day), edits kept. */
export async function regenerateReportSnapshot(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  asOf?: string,
): Promise<Result<Regenerated, AppError>> {
  const old = await getReportSnapshot(db, scope, id);
  if (!old.ok) return old;
  const req = {
    template: old.value.template as ReportTemplateCode,
    orgId: old.value.orgId,
    seasonId: old.value.seasonId,
    asOf: asOf ?? old.value.asOf,
    rounding: old.value.report.rounding,
  };
  const dataVersion = await latestAuditId(db);
  const built = await buildReport(db, scope, req);
  if (!built.ok) return built;
  const report = carryOverEdits(old.value.report, built.value);
  const snapshot = await insertSnapshot(db, actor, report, req, dataVersion, old.value.id);
  return ok({
    snapshot,
    previous: { id: old.value.id, dataVersion: old.value.dataVersion },
    changes: diffFigures(old.value.report.figures, report.figures),
  });
}
