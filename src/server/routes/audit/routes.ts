/** The audit log: scoped search, an organisation's history, and the .xlsx export for administrators. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AuditEntry } from "../../../services/audit-log.ts";
import { actionName, exportAuditXlsx, queryAudit } from "../../../services/audit-log.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { sendDownload, XLSX } from "../../files.ts";
import { orgIdParamsSchema } from "../organisations/schema.ts";
import { type AuditEntryDto, auditPageSchema, auditQuerySchema, orgHistoryQuerySchema } from "./schema.ts";

const tags = ["Nhật ký"];
const errorResponses = errorResponsesFor(400, 401, 403, 404);

function presentEntry(e: AuditEntry): AuditEntryDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    actionName: actionName(e.action),
    entity: e.entity,
    entityId: e.entityId,
    orgId: e.orgId,
    orgName: e.orgName,
    before: e.before,
    after: e.after,
  };
}

function presentPage(p: {
  total: number;
  items: AuditEntry[];
  actors: { actorId: number | null; actorLabel: string }[];
}) {
  return { total: p.total, items: p.items.map(presentEntry), actors: p.actors };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/audit",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Nhật ký thay đổi trong phạm vi được xem (mới nhất trước)",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await queryAudit(db, callerOf(request).scope, { ...q, subtree: true });
      return sendResult(reply, result, presentPage);
    },
  );

  app.get(
    "/api/audit/export.xlsx",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Xuất nhật ký ra .xlsx (quản trị)",
        querystring: auditQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const result = await exportAuditXlsx(db, callerOf(request).scope, { ...request.query, subtree: true });
      if (!result.ok) return sendError(reply, result.error);
      return sendDownload(reply, "nhat-ky.xlsx", XLSX, result.value);
    },
  );

  app.get(
    "/api/orgs/:id/history",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Lịch sử thay đổi của một đơn vị",
        params: orgIdParamsSchema,
        querystring: orgHistoryQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await queryAudit(db, callerOf(request).scope, {
        ...request.query,
        orgId: request.params.id,
      });
      return sendResult(reply, result, presentPage);
    },
  );
};
