/**
 * Counting from scanned ballots (issue 18): upload a bundle's scans (one file per request: a
 * multi-page PDF or TIFF, or a JPEG/PNG photo), list the pages, see a doubted page's straightened
 * sheet and decide it. Session routes: the election decides who may (services/elections/access.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  adjudicateScanPage,
  authoriseScan,
  listScanPages,
  scanBundle,
  scanPageImage,
} from "../../../services/elections/index.ts";
import { errors } from "../../../services/errors.ts";
import { principalOf } from "../../context.ts";
import { same, sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import {
  adjudicateBodySchema,
  scanListQuerySchema,
  scanPageListSchema,
  scanPageParamsSchema,
  scanPageSchema,
  scanReportSchema,
  scanUploadParamsSchema,
} from "./schema.ts";

const tags = ["Bầu cử — quét phiếu"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

export const scanRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.post(
    "/api/elections/:id/bundles/:number/scans",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Tải lên ảnh quét/chụp của một tập phiếu (PDF nhiều trang, TIFF, JPEG, PNG)",
        description:
          "multipart/form-data với trường `file`. Mỗi trang được báo riêng: đã đếm, chờ Ban kiểm phiếu xem, trùng, sai cuộc bầu, không đọc được.",
        params: scanUploadParamsSchema,
        response: { 200: scanReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Authorise before reading a possibly large body (and so a refused caller never sees a 400).
      const allowed = await authoriseScan(db, principalOf(request), request.params.id);
      if (!allowed.ok) return sendError(reply, allowed.error);
      if (!request.isMultipart())
        return sendError(
          reply,
          errors.importUnreadable('Cần gửi tệp theo dạng multipart/form-data, trường "file"'),
        );
      const file = await request.file();
      if (!file)
        return sendError(reply, errors.importUnreadable('Không có tệp nào trong yêu cầu (trường "file")'));
      const data = new Uint8Array(await file.toBuffer());
      return sendResult(
        reply,
        await scanBundle(db, principalOf(request), request.params.id, request.params.number, [
          { name: file.filename, data },
        ]),
        same,
      );
    },
  );

  app.get(
    "/api/elections/:id/scans",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Các trang đã quét của cuộc bầu (lọc: chờ xem, đã đọc, đã xem)",
        params: scanPageParamsSchema.pick({ id: true }),
        querystring: scanListQuerySchema,
        response: { 200: scanPageListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await listScanPages(db, principalOf(request), request.params.id, request.query),
        same,
      ),
  );

  app.get(
    "/api/elections/:id/scans/:pageId/image",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Ảnh tờ phiếu đã nắn thẳng (PNG) của một trang chờ xem",
        params: scanPageParamsSchema,
      },
    },
    async (request, reply) => {
      const r = await scanPageImage(db, principalOf(request), request.params.id, request.params.pageId);
      if (!r.ok) return sendError(reply, r.error);
      return reply
        .header("content-type", "image/png")
        .header("cache-control", "private, max-age=3600")
        .send(Buffer.from(r.value));
    },
  );

  app.post(
    "/api/elections/:id/scans/:pageId/adjudicate",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Ban kiểm phiếu xác nhận hoặc sửa cách đọc một phiếu",
        params: scanPageParamsSchema,
        body: adjudicateBodySchema,
        response: { 200: scanPageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await adjudicateScanPage(
          db,
          principalOf(request),
          request.params.id,
          request.params.pageId,
          request.body.ballot,
        ),
        same,
      ),
  );
};
