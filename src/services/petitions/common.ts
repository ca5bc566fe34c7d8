/** What reading and handling letters share: the read models, the errors, the file check, the audit entry. */
import type { AuditEntryInput } from "../../db/audit.ts";
import type * as repo from "../../db/repositories/petitions.ts";
import { appError } from "../errors.ts";

export type Petition = repo.PetitionRecord;
export type PetitionSubject = repo.SubjectRecord;
export type PetitionAttachment = repo.AttachmentRecord;

export const petitionErrors = {
  rule: (message: string, field?: string) =>
    appError("PETITION_RULE", 422, message, field ? { field } : undefined),
  recordOnly: () =>
    appError(
      "PETITION_RECORD_ONLY",
      422,
      "Đơn tố cáo nặc danh hoặc mạo danh chỉ được lưu, không xem xét giải quyết (theo cài đặt Đơn thư)",
    ),
  attachmentTooLarge: (max: number) =>
    appError("ATTACHMENT_TOO_LARGE", 413, `Tệp đính kèm vượt quá ${Math.round(max / 1024 / 1024)} MB`),
  attachmentUnreadable: (message: string) => appError("ATTACHMENT_UNREADABLE", 422, message),
  attachmentType: (fileName: string) =>
    appError(
      "ATTACHMENT_TYPE",
      415,
      `Tệp "${fileName}" không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên)`,
    ),
};

/** Scanned letters: up to 10 MB each. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The file type from its first bytes (magic numbers), never from its name or declared type. */
export function sniffAttachmentType(data: Uint8Array): "application/pdf" | "image/jpeg" | "image/png" | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  return null;
}

export function auditView(p: repo.PetitionRecord, subjects?: readonly repo.SubjectRecord[]) {
  const { orgPath: _p, createdAt: _c, updatedAt: _u, ...rest } = p;
  return subjects
    ? { ...rest, subjects: subjects.map((s) => ({ personId: s.personId, orgId: s.orgId })) }
    : rest;
}

export const audit = (action: string, id: number, before: unknown, after: unknown): AuditEntryInput => ({
  action,
  entity: "petition",
  entityId: id,
  // No organisation: letters stay out of the organisation's history that plain officers read.
  orgId: null,
  before,
  after,
});

/**
 * Registers a letter. An anonymous or falsely named denunciation is recorded only (with the
 * setting on): it never enters processing.
 */
