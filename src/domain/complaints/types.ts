/**
 * Letters (đơn thư, `petition` in code) from members and citizens before the congresses (BRIEF §7):
 * their kinds, senders, channels, competent bodies, statuses and conclusions, with the Vietnamese
 * labels the UI and the exports show. Pure.
 */
import type { IsoDate } from "../format/date.ts";

export const PETITION_KINDS = ["report", "recommendation", "complaint", "denunciation"] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_KIND_LABELS: Readonly<Record<PetitionKind, string>> = {
  report: "Phản ánh",
  recommendation: "Kiến nghị",
  complaint: "Khiếu nại",
  denunciation: "Tố cáo",
};

export const SENDER_TYPES = ["member", "citizen"] as const;
export type SenderType = (typeof SENDER_TYPES)[number];
export const SENDER_TYPE_LABELS: Readonly<Record<SenderType, string>> = {
  member: "Đảng viên",
  citizen: "Công dân",
};

/** Whether the sender is who the letter says: named, unnamed, or named falsely (mạo danh). */
export const SENDER_IDENTITIES = ["identified", "anonymous", "false_name"] as const;
export type SenderIdentity = (typeof SENDER_IDENTITIES)[number];
export const SENDER_IDENTITY_LABELS: Readonly<Record<SenderIdentity, string>> = {
  identified: "Có họ tên, địa chỉ rõ ràng",
  anonymous: "Nặc danh",
  false_name: "Mạo danh",
};

export const CHANNELS = ["post", "in_person", "forwarded", "mailbox", "electronic"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  post: "Qua bưu điện",
  in_person: "Gửi trực tiếp",
  forwarded: "Cơ quan khác chuyển đến",
  mailbox: "Hòm thư góp ý",
  electronic: "Thư điện tử, cổng thông tin",
};

export const COMPETENT_BODIES = [
  "inspection_commission",
  "organisation_board",
  "standing_committee",
  "upper_committee",
  "other",
] as const;
export type CompetentBody = (typeof COMPETENT_BODIES)[number];
export const COMPETENT_BODY_LABELS: Readonly<Record<CompetentBody, string>> = {
  inspection_commission: "Ủy ban kiểm tra",
  organisation_board: "Ban tổ chức",
  standing_committee: "Ban thường vụ cấp ủy",
  upper_committee: "Cấp ủy cấp trên",
  other: "Cơ quan khác",
};

/**
 * received → triaged → in_handling → concluded → notified; a letter triaged as "recorded only"
 * (an anonymous or falsely named denunciation, with the setting on) ends as recorded_only.
 */
export const PETITION_STATUSES = [
  "received",
  "triaged",
  "in_handling",
  "concluded",
  "notified",
  "recorded_only",
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Readonly<Record<PetitionStatus, string>> = {
  received: "Mới tiếp nhận",
  triaged: "Đã phân loại",
  in_handling: "Đang giải quyết",
  concluded: "Đã kết luận",
  notified: "Đã thông báo",
  recorded_only: "Chỉ lưu, không xử lý",
};

export const CONCLUSIONS = ["founded", "partly_founded", "unfounded"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const CONCLUSION_LABELS: Readonly<Record<Conclusion, string>> = {
  founded: "Đúng",
  partly_founded: "Đúng một phần",
  unfounded: "Sai",
};

/** The rules an administrator may change (stored in the database, every change audited). */
export interface PetitionSettings {
  /** Anonymous and falsely named denunciations are recorded but not processed. */
  readonly recordOnlyUnidentifiedDenunciations: boolean;
  /** Letters about a congress's personnel must be settled this many days before it opens. */
  readonly personnelLeadDays: number;
  /** Otherwise, days from receipt to settle, per kind. */
  readonly handlingDays: Readonly<Record<PetitionKind, number>>;
}

export const DEFAULT_PETITION_SETTINGS: PetitionSettings = {
  recordOnlyUnidentifiedDenunciations: true,
  personnelLeadDays: 5,
  handlingDays: { report: 30, recommendation: 30, complaint: 30, denunciation: 60 },
};

/** What the rules below need to know about one letter. */
export interface PetitionFacts {
  readonly id: number;
  readonly kind: PetitionKind;
  readonly status: PetitionStatus;
  readonly receivedOn: IsoDate;
  readonly deadline: IsoDate | null;
  readonly orgId: number;
  /** The congress it bears on and the day that congress opens (planned or actual). */
  readonly congressId: number | null;
  readonly congressOpensOn: IsoDate | null;
  readonly concernsPersonnel: boolean;
}
