/**
 * One central error handler: expected errors carry a catalogue code and a Vietnamese message;
 * request validation errors name each field; anything else becomes a generic 500, logged with
 * context and never leaked.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Result } from "../domain/basics/result.ts";
import type { AppError } from "../services/errors.ts";
import type { ErrorBody } from "./errors-schema.ts";

const PART_NAMES: Record<string, string> = {
  body: "nội dung",
  querystring: "tham số truy vấn",
  params: "tham số đường dẫn",
  headers: "tiêu đề",
};

const FASTIFY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "Nội dung gửi lên không phải JSON hợp lệ",
  FST_ERR_CTP_EMPTY_JSON_BODY:
    "Nội dung JSON không được để trống khi đã khai báo content-type application/json",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "Kiểu nội dung (content-type) không được hỗ trợ",
  FST_ERR_CTP_BODY_TOO_LARGE: "Nội dung gửi lên quá lớn",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "Độ dài nội dung (content-length) không khớp",
  FST_ERR_CTP_INVALID_TYPE: "Kiểu nội dung (content-type) không hợp lệ",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "Yêu cầu phải gửi tệp dạng multipart/form-data",
  FST_PARTS_LIMIT: "Gửi quá nhiều phần trong một yêu cầu",
  FST_FILES_LIMIT: "Chỉ gửi một tệp mỗi lần",
  FST_FIELDS_LIMIT: "Gửi quá nhiều trường trong một yêu cầu",
  FST_PROTO_VIOLATION: "Tên trường không hợp lệ",
  FST_ERR_BAD_URL: "Đường dẫn không hợp lệ",
};

export function sendError(reply: FastifyReply, e: AppError): FastifyReply {
  const body: ErrorBody = {
    code: e.code,
    message: e.message,
    ...(e.details !== undefined ? { details: e.details } : {}),
  };
  return reply.code(e.status).send(body);
}

/** Sends `present(value)` for Ok, the catalogue error for Err. */
/** The presenter of a service value that is already its response (sendResult(reply, r, same)). */
export const same = <T>(v: T): T => v;

export function sendResult<T, R>(
  reply: FastifyReply,
  result: Result<T, AppError>,
  present: (value: T) => R,
  status = 200,
): FastifyReply {
  if (!result.ok) return sendError(reply, result.error);
  return reply.code(status).send(present(result.value));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = PART_NAMES[error.validationContext ?? ""] ?? error.validationContext ?? "";
      const issues = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
        return { field: path || null, message: v.message ?? "không hợp lệ" };
      });
      const text = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join("; ");
      return reply.code(400).send({
        code: "VALIDATION_FAILED",
        message: `Dữ liệu gửi lên không hợp lệ (${part}): ${text}`,
        details: { issues },
      } satisfies ErrorBody);
    }
    if (error.statusCode === 429) {
      return reply
        .code(429)
        .send({ code: "RATE_LIMITED", message: "Quá nhiều yêu cầu; vui lòng thử lại sau ít phút" });
    }
    if (error.code === "FST_REQ_FILE_TOO_LARGE") {
      return reply.code(413).send({ code: "FILE_TOO_LARGE", message: "Tệp quá lớn (tối đa 50 MB)" });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own messages are English: say it in Vietnamese, by its code.
      const message = FASTIFY_MESSAGES[error.code] ?? "Yêu cầu không hợp lệ";
      return reply.code(error.statusCode).send({ code: "BAD_REQUEST", message });
    }
    request.log.error({ err: error, url: request.url, method: request.method }, "unhandled error");
    return reply
      .code(500)
      .send({ code: "INTERNAL", message: "Lỗi hệ thống; đã ghi nhật ký để kiểm tra. Vui lòng thử lại." });
  });
}

/**
 * Unknown /api paths are JSON 404s; other GETs get the web app's shell when it is served
 * (client-side routes such as /to-chuc/12).
 */
export function installNotFoundHandler(app: FastifyInstance, serveWebApp: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (serveWebApp && request.method === "GET" && !request.url.startsWith("/api/"))
      // The app's shell: revalidated on every visit so a new build is picked up at once.
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply
      .code(404)
      .send({ code: "NOT_FOUND", message: `Không có đường dẫn ${request.method} ${request.url}` });
  });
}
