/** Reading the audit log for the history panels, the log page and the .xlsx export. */
import ExcelJS from "exceljs";
import { currentAuditAnchorText } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import {
  type AuditFilter,
  type AuditRecord,
  listAuditActors,
  searchAudit,
} from "../db/repositories/audit-log.ts";
import { findOrgById } from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { auditActionName, auditChangeText, auditEntityName } from "../domain/audit/wording.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { type AppError, errors } from "./errors.ts";

/** One audit entry as the services return it. */
export type AuditEntry = AuditRecord;

export interface AuditQuery {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  /** Entries of this organisation's subtree (with `subtree`) or of this organisation only. */
  readonly orgId?: number | undefined;
  readonly subtree?: boolean | undefined;
  readonly userId?: number | undefined;
  /** Dates (YYYY-MM-DD) in Vietnam's time zone, both inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Vietnam has no daylight saving: a calendar day starts at 00:00 +07:00. */
function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

async function toFilter(db: Db, scope: Scope, q: AuditQuery): Promise<Result<AuditFilter, AppError>> {
  let withinPath: string | undefined;
  let orgId: number | undefined;
  if (q.orgId !== undefined) {
    const org = await findOrgById(db, scope, q.orgId);
    if (!org) return err(errors.notFound("đơn vị", q.orgId));
    if (q.subtree) withinPath = org.path;
    else orgId = org.id;
  }
  return ok({
    entity: q.entity,
    entityId: q.entityId,
    orgId,
    withinPath,
    actorId: q.userId,
    from: q.from ? startOfDay(q.from) : undefined,
    to: q.to ? new Date(startOfDay(q.to).getTime() + 86_400_000) : undefined,
    limit: q.limit,
    offset: q.offset,
  });
}

export async function queryAudit(
  db: Db,
  scope: Scope,
  q: AuditQuery,
): Promise<
  Result<
    { total: number; items: AuditRecord[]; actors: { actorId: number | null; actorLabel: string }[] },
    AppError
  >
> {
  const filter = await toFilter(db, scope, q);
  if (!filter.ok) return filter;
  const { actorId: _ignored, ...withoutActor } = filter.value;
  const [page, actors] = await Promise.all([
    searchAudit(db, scope, filter.value),
    listAuditActors(db, scope, withoutActor),
  ]);
  return ok({ ...page, actors });
}

/** The action's Vietnamese name (src/domain/audit/wording.ts: one wording for every place). */
export function actionName(action: string): string {
  return auditActionName(action);
}

const EXPORT_LIMIT = 100_000;

/** The filtered log as .xlsx (newest first), for administrators. */
export async function exportAuditXlsx(
  db: Db,
  scope: Scope,
  q: Omit<AuditQuery, "limit" | "offset">,
): Promise<Result<Uint8Array, AppError>> {
  const filter = await toFilter(db, scope, { ...q, limit: EXPORT_LIMIT, offset: 0 });
  if (!filter.ok) return filter;
  const { items } = await searchAudit(db, scope, filter.value);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("NhatKy");
  ws.columns = [
    { header: "Số", key: "id", width: 8 },
    { header: "Thời điểm", key: "at", width: 22 },
    { header: "Người thực hiện", key: "actor", width: 20 },
    { header: "Thao tác", key: "action", width: 20 },
    { header: "Đối tượng", key: "entity", width: 14 },
    { header: "Mã đối tượng", key: "entityId", width: 12 },
    { header: "Đơn vị", key: "org", width: 36 },
    { header: "Trước", key: "before", width: 50 },
    { header: "Sau", key: "after", width: 50 },
  ];
  ws.getRow(1).font = { bold: true };
  const fmt = new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    dateStyle: "short",
    timeStyle: "medium",
  });
  for (const e of items) {
    ws.addRow({
      id: e.id,
      at: fmt.format(e.at),
      actor: e.actorLabel,
      action: actionName(e.action),
      entity: auditEntityName(e.entity),
      entityId: e.entityId,
      org: e.orgName ?? "",
      before: e.before === null ? "" : auditChangeText(null, e.before),
      after: e.after === null ? "" : auditChangeText(null, e.after),
    });
  }
  return ok(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The audit log's head as printed on documents ("Mã kiểm tra nhật ký: …"; README, "Nhật ký thay đổi"). */
export function auditAnchorText(db: Db): Promise<string> {
  return currentAuditAnchorText(db);
}
