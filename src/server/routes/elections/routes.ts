/**
 * Election routes (docs/elections.md): authorise → validate (zod) → one service call → present.
 * Most are "session" routes: who may do what on an election (officers, viewers, the congress's
 * counting committee, admins) is decided per election by services/elections.ts.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acceptBundle,
  appendBallot,
  closeCount,
  compareBundle,
  createBundles,
  createElection,
  createNextRound,
  exportCountFile,
  finishEntry,
  getBallotPrint,
  getElection,
  getEntry,
  getLog,
  getProjection,
  getResult,
  listBundles,
  listElections,
  minutesDocx,
  reenterBundle,
  release,
  reopenCount,
  startCounting,
  startEntry,
  undoBallot,
  updateElection,
  updateFigures,
} from "../../../services/elections/index.ts";
import { todayInVietnam } from "../../clock.ts";
import { principalOf } from "../../context.ts";
import { same, sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { DOCX, sendDownload } from "../../files.ts";
import {
  appendBallotBodySchema,
  appendBallotResultSchema,
  ballotPrintSchema,
  bundleComparisonSchema,
  bundleDtoSchema,
  bundleListSchema,
  bundleParamsSchema,
  createBundlesBodySchema,
  createElectionBodySchema,
  electionDtoSchema,
  electionListQuerySchema,
  electionListSchema,
  electionParamsSchema,
  electionResultSchema,
  entryDtoSchema,
  entryParamsSchema,
  figuresBodySchema,
  logListSchema,
  logQuerySchema,
  nextRoundBodySchema,
  projectionSchema,
  reenterBodySchema,
  reopenBodySchema,
  undoBallotBodySchema,
  undoBallotResultSchema,
  updateElectionBodySchema,
} from "./schema.ts";

const tags = ["Bầu cử"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

export const electionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/elections",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Các cuộc bầu cử người dùng được xem (lọc theo đại hội)",
        querystring: electionListQuerySchema,
        response: { 200: electionListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await listElections(db, principalOf(request), request.query.congressId), same),
  );

  app.post(
    "/api/elections",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Tạo cuộc bầu cử của một đại hội (đang chuẩn bị)",
        body: createElectionBodySchema,
        response: { 201: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await createElection(db, principalOf(request), request.body), same, 201),
  );

  app.get(
    "/api/elections/:id",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Một cuộc bầu cử: chuẩn bị, danh sách, cơ sở N, quyền của người dùng",
        params: electionParamsSchema,
        response: { 200: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await getElection(db, principalOf(request), request.params.id), same),
  );

  app.put(
    "/api/elections/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Sửa chuẩn bị bầu cử (khi đang chuẩn bị)",
        params: electionParamsSchema,
        body: updateElectionBodySchema,
        response: { 200: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await updateElection(db, principalOf(request), request.params.id, request.body),
        same,
      ),
  );

  app.put(
    "/api/elections/:id/figures",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Số có mặt, số phiếu phát ra, số phiếu thu vào",
        params: electionParamsSchema,
        body: figuresBodySchema,
        response: { 200: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await updateFigures(db, principalOf(request), request.params.id, request.body), same),
  );

  app.get(
    "/api/elections/:id/ballot",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Nội dung phiếu bầu để in",
        params: electionParamsSchema,
        response: { 200: ballotPrintSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await getBallotPrint(db, principalOf(request), request.params.id), same),
  );

  app.post(
    "/api/elections/:id/start",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Bắt đầu kiểm phiếu",
        params: electionParamsSchema,
        response: { 200: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await startCounting(db, principalOf(request), request.params.id), same),
  );

  app.get(
    "/api/elections/:id/bundles",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Các tập phiếu và lượt nhập",
        params: electionParamsSchema,
        response: { 200: bundleListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await listBundles(db, principalOf(request), request.params.id), same),
  );

  app.post(
    "/api/elections/:id/bundles",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Tạo một tập phiếu, hoặc chia toàn bộ phiếu thành các tập",
        params: electionParamsSchema,
        body: createBundlesBodySchema,
        response: { 201: bundleListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await createBundles(db, principalOf(request), request.params.id, request.body),
        same,
        201,
      ),
  );

  app.post(
    "/api/elections/:id/bundles/:bundleId/entries",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Bắt đầu (hoặc tiếp tục) lượt nhập của mình cho một tập phiếu",
        params: bundleParamsSchema,
        response: { 200: entryDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await startEntry(db, principalOf(request), request.params.id, request.params.bundleId),
        same,
      ),
  );

  app.get(
    "/api/elections/:id/entries/:entryId",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Một lượt nhập với các phiếu đã nhập",
        params: entryParamsSchema,
        response: { 200: entryDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getEntry(db, principalOf(request), request.params.id, request.params.entryId),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/entries/:entryId/ballots",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Nhập một phiếu (gửi lại cùng idempotencyKey không tạo phiếu mới)",
        params: entryParamsSchema,
        body: appendBallotBodySchema,
        response: { 200: appendBallotResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await appendBallot(db, principalOf(request), request.params.id, request.params.entryId, request.body),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/entries/:entryId/undo",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Hủy phiếu vừa nhập cuối cùng",
        params: entryParamsSchema,
        body: undoBallotBodySchema,
        response: { 200: undoBallotResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await undoBallot(
          db,
          principalOf(request),
          request.params.id,
          request.params.entryId,
          request.body.idempotencyKey,
        ),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/entries/:entryId/finish",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Hoàn thành lượt nhập (tập được chấp nhận ngay khi đủ lượt nhập và khớp nhau)",
        params: entryParamsSchema,
        response: { 200: entryDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await finishEntry(db, principalOf(request), request.params.id, request.params.entryId),
        same,
      ),
  );

  app.get(
    "/api/elections/:id/bundles/:bundleId/comparison",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "So sánh các lượt nhập của một tập: phiếu và ứng cử viên nhập khác nhau",
        params: bundleParamsSchema,
        response: { 200: bundleComparisonSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await compareBundle(db, principalOf(request), request.params.id, request.params.bundleId),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/bundles/:bundleId/accept",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Chấp nhận tập phiếu (chỉ khi mọi lượt nhập khớp nhau)",
        params: bundleParamsSchema,
        response: { 200: bundleComparisonSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await acceptBundle(db, principalOf(request), request.params.id, request.params.bundleId),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/bundles/:bundleId/reenter",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Yêu cầu nhập lại tập phiếu (hủy các lượt nhập)",
        params: bundleParamsSchema,
        body: reenterBodySchema,
        response: { 200: bundleDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await reenterBundle(
          db,
          principalOf(request),
          request.params.id,
          request.params.bundleId,
          request.body,
        ),
        same,
      ),
  );

  app.get(
    "/api/elections/:id/result",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Tổng hợp và kết quả bầu cử với lời giải thích từng người",
        params: electionParamsSchema,
        response: { 200: electionResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await getResult(db, principalOf(request), request.params.id), same),
  );

  app.get(
    "/api/elections/:id/log",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Nhật ký nhập phiếu",
        params: electionParamsSchema,
        querystring: logQuerySchema,
        response: { 200: logListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getLog(
          db,
          principalOf(request),
          request.params.id,
          request.query.after ?? 0,
          request.query.limit,
        ),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/release",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Công bố kết quả lên màn hình hội trường",
        params: electionParamsSchema,
        response: { 200: projectionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await release(db, principalOf(request), request.params.id), same),
  );

  app.get(
    "/api/elections/:id/projection",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Màn hình hội trường: chỉ kết quả đã công bố",
        params: electionParamsSchema,
        response: { 200: projectionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await getProjection(db, principalOf(request), request.params.id), same),
  );

  app.post(
    "/api/elections/:id/close",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Kết thúc kiểm phiếu: kết quả vào hồ sơ đại hội và danh sách cán bộ",
        params: electionParamsSchema,
        response: { 200: electionResultSchema.extend({ flowed: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await closeCount(db, principalOf(request), request.params.id, todayInVietnam()),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/reopen",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Mở lại kiểm phiếu đã kết thúc (quản trị; ghi nhật ký)",
        params: electionParamsSchema,
        body: reopenBodySchema,
        response: { 200: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await reopenCount(db, principalOf(request), request.params.id, request.body.reason),
        same,
      ),
  );

  app.post(
    "/api/elections/:id/next-round",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary:
          "Bầu tiếp theo quyết định của đại hội (bằng phiếu, hoặc chưa đủ số lượng): cuộc bầu cử lần sau",
        params: electionParamsSchema,
        body: nextRoundBodySchema,
        response: { 201: electionDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await createNextRound(db, principalOf(request), request.params.id, request.body.positions),
        same,
        201,
      ),
  );

  app.get(
    "/api/elections/:id/count-file.json",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Tệp kiểm phiếu (docs/count-format.md): daihoi tally tính lại được kết quả",
        params: electionParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const r = await exportCountFile(db, principalOf(request), request.params.id);
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(
        reply,
        r.value.fileName,
        "application/json; charset=utf-8",
        new TextEncoder().encode(`${JSON.stringify(r.value.file, null, 2)}\n`),
      );
    },
  );

  app.get(
    "/api/elections/:id/minutes.docx",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Biên bản kiểm phiếu (.docx) với nhật ký nhập phiếu làm phụ lục",
        params: electionParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const r = await minutesDocx(db, principalOf(request), request.params.id);
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(reply, r.value.fileName, DOCX, r.value.data);
    },
  );
};
