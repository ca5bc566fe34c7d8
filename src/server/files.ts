/** File downloads: content types and a Content-Disposition that keeps Vietnamese file names. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { MAX_UPLOAD_BYTES } from "../domain/basics/limits.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { type AppError, errors } from "../services/errors.ts";
import { callerOf } from "./context.ts";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF = "application/pdf";

/** An ASCII fallback name for old clients and the exact UTF-8 name (RFC 6266) for the rest. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendDownload(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  data: Uint8Array,
): FastifyReply {
  return reply
    .header("content-type", contentType)
    .header("content-disposition", attachment(fileName))
    .send(Buffer.from(data));
}

/** The one way a route reads an uploaded file (the `file` field of a multipart request). */
export async function readUpload(
  request: FastifyRequest,
): Promise<Result<{ readonly name: string; readonly data: Uint8Array }, AppError>> {
  if (!request.isMultipart())
    return err(errors.importUnreadable('Cần gửi tệp theo dạng multipart/form-data, trường "file"'));
  let file: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 } });
    if (!file) return err(errors.importUnreadable('Không có tệp nào trong yêu cầu (trường "file")'));
    // toBuffer stops at fileSize: a larger upload is never held whole.
    const data = new Uint8Array(await file.toBuffer());
    return ok({ name: file.filename, data });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") return err(errors.importTooLarge(uploadTooLargeMessage()));
    if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT")
      return err(errors.importUnreadable('Chỉ gửi một tệp mỗi lần (trường "file")'));
    return err(
      errors.importUnreadable("Không đọc được tệp gửi lên (yêu cầu bị ngắt hoặc sai định dạng multipart)"),
    );
  }
}

export function uploadTooLargeMessage(): string {
  return `Tệp quá lớn (tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB). Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`;
}

/** At most this many files are read at once by one server process (each may take ~100 MB). */
export const MAX_CONCURRENT_IMPORTS = 2;
const importing = new WeakMap<object, { users: Set<string>; running: number }>();

/**
 * Runs an import holding a slot: one import at a time per user, and at most MAX_CONCURRENT_IMPORTS
 * in the process — a crowd of uploads waits its turn in the client, not in the server's memory.
 */
export async function withImportSlot<T>(
  request: FastifyRequest,
  fn: () => Promise<Result<T, AppError>>,
): Promise<Result<T, AppError>> {
  let state = importing.get(request.server);
  if (!state) {
    state = { users: new Set(), running: 0 };
    importing.set(request.server, state);
  }
  const actor = callerOf(request).actor;
  const user = actor.userId === null ? `ip:${request.ip}` : `u:${actor.userId}`;
  if (state.users.has(user)) return err(errors.importBusy());
  if (state.running >= MAX_CONCURRENT_IMPORTS) return err(errors.importServerBusy());
  state.users.add(user);
  state.running++;
  try {
    return await fn();
  } finally {
    state.users.delete(user);
    state.running--;
  }
}
