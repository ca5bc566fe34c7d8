/**
 * Report routes: authorise → validate (zod) → one service call → present. Reports are snapshots:
 * POST freezes the figures with the data version, PATCH edits the officer's words, regenerate
 * makes a new snapshot and lists the figures that changed.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RoundingSetting } from "../../../domain/report/model.ts";
import { reportToDocx } from "../../../io/docx/report.ts";
import { reportToXlsx } from "../../../io/excel/report-sheet.ts";
import { reportToPdf } from "../../../io/pdf/report.ts";
import { auditAnchorText } from "../../../services/audit-log.ts";
import { REPORT_TEMPLATES } from "../../../services/reports/build.ts";
import {
  createReportSnapshot,
  editReportSnapshot,
  getReportSnapshot,
  listReportSnapshots,
  type ReportSnapshot,
  regenerateReportSnapshot,
} from "../../../services/reports/snapshots.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { attachment, DOCX, PDF, XLSX } from "../../files.ts";
import {
  createReportBodySchema,
  editReportBodySchema,
  type ReportSnapshotDto,
  regenerateBodySchema,
  regeneratedSchema,
  reportIdParamsSchema,
  reportListQuerySchema,
  reportSnapshotListSchema,
  reportSnapshotSchema,
  reportTemplatesSchema,
} from "./schema.ts";

const tags = ["Báo cáo"];
const errorResponses = errorResponsesFor(400, 403, 404, 422);

function presentInfo(s: Omit<ReportSnapshot, "report">) {
  return {
    id: s.id,
    template: s.template,
    orgId: s.orgId,
    seasonId: s.seasonId,
    asOf: s.asOf,
    dataVersion: s.dataVersion,
    previousId: s.previousId,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function presentSnapshot(s: ReportSnapshot): ReportSnapshotDto {
  return { ...presentInfo(s), report: s.report as ReportSnapshotDto["report"] };
}

const fileName = (s: ReportSnapshot, ext: string) => `bao-cao-${s.report.org.code}-${s.asOf}-${s.id}.${ext}`;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/reports/templates",
    {
      config: { access: "read" },
      schema: { tags, summary: "Các mẫu báo cáo có sẵn", response: { 200: reportTemplatesSchema } },
    },
    async () => REPORT_TEMPLATES.map((t) => ({ ...t })),
  );

  app.get(
    "/api/reports",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các báo cáo đã tạo (mới nhất trước)",
        querystring: reportListQuerySchema,
        response: { 200: reportSnapshotListSchema },
      },
    },
    async (request) =>
      (await listReportSnapshots(db, callerOf(request).scope, request.query.orgId ?? null)).map(presentInfo),
  );

  app.post(
    "/api/reports",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Tạo báo cáo từ dữ liệu: số liệu được chốt cùng phiên bản dữ liệu",
        body: createReportBodySchema,
        response: { 201: reportSnapshotSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const b = request.body;
      const rounding: RoundingSetting =
        b.decimals === null || b.decimals === undefined
          ? { kind: "as_printed", mode: b.rounding }
          : { kind: "uniform", rule: { decimals: b.decimals, mode: b.rounding, trimZeros: false } };
      return sendResult(
        reply,
        await createReportSnapshot(db, caller.actor, caller.scope, {
          template: b.template,
          orgId: b.orgId,
          seasonId: b.seasonId,
          asOf: b.asOf,
          place: b.place,
          rounding,
        }),
        presentSnapshot,
        201,
      );
    },
  );

  app.get(
    "/api/reports/:id",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Một báo cáo đã tạo",
        params: reportIdParamsSchema,
        response: { 200: reportSnapshotSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getReportSnapshot(db, callerOf(request).scope, request.params.id),
        presentSnapshot,
      ),
  );

  app.patch(
    "/api/reports/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Sửa lời văn của cán bộ (đoạn văn, phần đầu, chữ ký, nơi nhận); số liệu không sửa được",
        params: reportIdParamsSchema,
        body: editReportBodySchema,
        response: { 200: reportSnapshotSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await editReportSnapshot(db, caller.actor, caller.scope, request.params.id, request.body),
        presentSnapshot,
      );
    },
  );

  app.post(
    "/api/reports/:id/regenerate",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Tạo lại báo cáo từ dữ liệu hiện tại; trả về các số liệu đã thay đổi",
        params: reportIdParamsSchema,
        body: regenerateBodySchema,
        response: { 201: regeneratedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await regenerateReportSnapshot(db, caller.actor, caller.scope, request.params.id, request.body?.asOf),
        (r) => ({
          snapshot: presentSnapshot(r.snapshot),
          previous: r.previous,
          changes: r.changes.map((c) => ({ ...c })),
        }),
        201,
      );
    },
  );

  const exportRoute = (ext: "docx" | "xlsx" | "json" | "pdf", summary: string) =>
    app.get(
      `/api/reports/:id/export.${ext}`,
      {
        config: { access: "read" },
        schema: { tags, summary, params: reportIdParamsSchema },
      },
      async (request, reply) => {
        const r = await getReportSnapshot(db, callerOf(request).scope, request.params.id);
        if (!r.ok) return sendError(reply, r.error);
        const s = r.value;
        // Printed documents carry the audit log's head (issue 20, item 6).
        const extras = ext === "docx" || ext === "pdf" ? { auditAnchor: await auditAnchorText(db) } : {};
        const [type, body] =
          ext === "docx"
            ? [DOCX, await reportToDocx(s.report, extras)]
            : ext === "xlsx"
              ? [XLSX, await reportToXlsx(s.report)]
              : ext === "pdf"
                ? [PDF, await reportToPdf(s.report, extras)]
                : ["application/json; charset=utf-8", `${JSON.stringify(s.report, null, 2)}\n`];
        return reply
          .header("content-type", type)
          .header("content-disposition", attachment(fileName(s, ext)))
          .send(body);
      },
    );
  exportRoute("docx", "Tải báo cáo .docx (thể thức văn bản của Đảng)");
  exportRoute("xlsx", "Tải mọi số liệu của báo cáo (.xlsx)");
  exportRoute("json", "Tải báo cáo dạng JSON (docs/report-format.md)");
  exportRoute("pdf", "Tải báo cáo PDF (Chromium in trang báo cáo theo thể thức văn bản của Đảng)");
};
