/** The largest file a user may upload (an import or an attachment), in bytes: one rule everywhere. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The longest text a field may hold, in characters, wherever it enters: the form (API schemas), the
 * .xlsx/.csv imports and the domain's own checks all read these, so a name refused by the form is
 * never accepted by an import (issue 20: a village import took a 100.001-character candidate name
 * while the register allows 120; the congress import stored 100k-character venues and contacts).
 */
export const TEXT_LIMITS = {
  /** Tên đơn vị: the form, the organisation import, the reorganisation plan's new names. */
  orgName: 300,
  /** Mã ngành. */
  sector: 64,
  /** Lý do (dissolution). */
  reason: 1000,
  /** Họ và tên: the register, election candidates, village-head candidates, counting committees. */
  personName: 120,
  ethnicity: 40,
  /** Địa điểm of a congress or an election. */
  venue: 300,
  contactName: 200,
  contactPhone: 50,
  /** Số quyết định chuẩn y. */
  decisionNumber: 100,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** "Địa điểm dài 100.001 ký tự, tối đa 300 ký tự": the one message for a text over its limit. */
export function tooLongMessage(what: string, field: TextField, length: number): string {
  return `${what} dài ${length.toLocaleString("vi-VN")} ký tự, tối đa ${TEXT_LIMITS[field].toLocaleString("vi-VN")} ký tự`;
}

/** Null when the text fits its field's limit, else the Vietnamese message. */
export function checkLength(what: string, field: TextField, text: string | null | undefined): string | null {
  return text != null && text.length > TEXT_LIMITS[field] ? tooLongMessage(what, field, text.length) : null;
}
