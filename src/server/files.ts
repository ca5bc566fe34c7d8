/** File downloads: content types and a Content-Disposition that keeps Vietnamese file names. */
import type { FastifyReply } from "fastify";

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
