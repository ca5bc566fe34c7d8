/**
 * The audit log and the history panels in Vietnamese words: the action's name, each changed field's
 * label, and its value formatted the way the rest of the product prints it (29/02/2020, 4.925,
 * Có/Không, the organisation's name, a level's or kind's name). Internal ids and tree paths are not
 * words a user reads: they are left out (an entry names its organisation in its own column).
 * One place, so the log page, the history panel and the .xlsx export say the same.
 */

import { ROLE_NAMES } from "../accounts/index.ts";
import {
  CHANNEL_LABELS,
  COMPETENT_BODY_LABELS,
  CONCLUSION_LABELS,
  PETITION_KIND_LABELS,
  PETITION_STATUS_LABELS,
  SENDER_IDENTITY_LABELS,
  SENDER_TYPE_LABELS,
} from "../complaints/types.ts";
import { CONGRESS_CONTENT_LABELS, CONGRESS_STATUS_LABELS, CONGRESS_TYPE_LABELS } from "../congress/record.ts";
import { OFFICE_LABELS } from "../election/rules.ts";
import { formatDate } from "../format/date.ts";
import { formatNumber } from "../format/number.ts";
import { SECTOR_NAMES } from "../organisation/kinds.ts";
import { GENDER_LABELS, POST_KIND_LABELS } from "../people/types.ts";
import { ROUND_OUTCOME_LABELS, VILLAGE_STATUS_LABELS, VOTING_METHOD_LABELS } from "../village/meeting.ts";

export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  "org.create": "Thêm đơn vị",
  "org.update": "Sửa đơn vị",
  "org.move": "Chuyển đơn vị",
  "org.dissolve": "Giải thể đơn vị",
  "org.import.create": "Nhập đơn vị (thêm)",
  "org.import.update": "Nhập đơn vị (sửa)",
  "village.import.upsert": "Nhập thôn, khu phố",
  "user.create": "Tạo người dùng",
  "user.update": "Sửa người dùng",
  "user.password_change": "Đổi mật khẩu",
  "user.password_reset": "Đặt lại mật khẩu",
  "grant.create": "Cấp quyền",
  "grant.delete": "Thu hồi quyền",
  "grant.counting_congress": "Giao ban kiểm phiếu",
  "congress.load": "Nạp dữ liệu đại hội",
  "congress.import": "Nhập đại hội từ tệp",
  "congress.amend_results": "Sửa kết quả đại hội",
  "season.create": "Tạo mùa đại hội",
  "season.level.update": "Sửa thời hạn của cấp",
  "election.create": "Lập cuộc bầu cử",
  "election.update": "Sửa cuộc bầu cử",
  "election.figures": "Ghi số liệu cuộc bầu cử",
  "election.start": "Bắt đầu kiểm phiếu",
  "election.bundle.accept": "Chấp nhận tập phiếu",
  "election.bundle.reenter": "Trả lại tập phiếu để nhập lại",
  "election.release": "Công bố kết quả bầu cử",
  "election.close": "Khóa kết quả bầu cử",
  "election.reopen": "Mở lại cuộc bầu cử",
  "election.next_round": "Bầu lần tiếp theo",
  "person.create": "Thêm người",
  "person.update": "Sửa thông tin người",
  "post.create": "Thêm chức vụ",
  "post.end": "Kết thúc chức vụ",
  "post.import": "Nhập chức vụ từ tệp",
  "indicator.create": "Định nghĩa chỉ tiêu",
  "indicator.update": "Sửa chỉ tiêu",
  "indicator.delete": "Xóa chỉ tiêu",
  "report.edit": "Sửa lời văn báo cáo",
  "village_election_day.create": "Lập ngày bầu trưởng thôn",
  "village_election.record": "Ghi kết quả bầu trưởng thôn",
  "village_election.interim": "Ghi trưởng thôn lâm thời",
  "village_election_step.set": "Ghi bước chuẩn bị bầu trưởng thôn",
  "petition.register": "Tiếp nhận đơn thư",
  "petition.triage": "Phân loại đơn thư",
  "petition.start": "Bắt đầu giải quyết đơn thư",
  "petition.step": "Ghi bước giải quyết đơn thư",
  "petition.conclude": "Kết luận đơn thư",
  "petition.notify": "Thông báo kết quả cho người gửi",
  "petition_settings.update": "Sửa thiết lập đơn thư",
  "audit.key_start": "Bắt đầu dùng khóa nhật ký",
};

/**
 * The line that carries the audit log's anchor outside the database, on counting minutes, reports
 * and count files (README, "Nhật ký thay đổi"; `daihoi audit verify --anchor`).
 */
export function auditAnchorLine(anchor: string): string {
  return `Mã kiểm tra nhật ký: ${anchor}`;
}

/** The action's Vietnamese name; an action without one is called a change, never by its code. */
export function auditActionName(action: string): string {
  return AUDIT_ACTION_NAMES[action] ?? "Thay đổi dữ liệu";
}

export const AUDIT_ENTITY_NAMES: Readonly<Record<string, string>> = {
  organisation: "Đơn vị",
  village: "Thôn, khu phố",
  user: "Người dùng",
  user_grant: "Quyền",
  congress: "Đại hội",
  season: "Mùa đại hội",
  election: "Cuộc bầu cử",
  person: "Người",
  post: "Chức vụ",
  indicator: "Chỉ tiêu",
  report: "Báo cáo",
  village_election_day: "Ngày bầu trưởng thôn",
  village_election_result: "Kết quả bầu trưởng thôn",
  village_election_step: "Bước chuẩn bị bầu trưởng thôn",
  petition: "Đơn thư",
  petition_step: "Bước giải quyết đơn thư",
  petition_settings: "Thiết lập đơn thư",
  audit_key: "Khóa nhật ký",
};

export function auditEntityName(entity: string): string {
  return AUDIT_ENTITY_NAMES[entity] ?? "Dữ liệu";
}

/** Field labels. A field not listed here is not shown (ids, paths, technical fields). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  fingerprint: "Mã nhận diện khóa",
  code: "Mã",
  name: "Tên",
  level: "Cấp",
  kind: "Loại",
  sector: "Ngành",
  dissolvedOn: "Ngày giải thể",
  dissolvedReason: "Lý do giải thể",
  orgCode: "Mã đơn vị",
  orgName: "Đơn vị",
  username: "Tên đăng nhập",
  displayName: "Họ tên",
  disabled: "Khóa tài khoản",
  mustChangePassword: "Phải đổi mật khẩu",
  role: "Vai trò",
  petitions: "Xử lý đơn thư",
  grants: "Số quyền",
  users: "Tài khoản",
  seasonCode: "Mùa đại hội",
  type: "Hình thức",
  pilot: "Đại hội điểm",
  plannedStart: "Dự kiến khai mạc",
  plannedEnd: "Dự kiến bế mạc",
  actualStart: "Khai mạc",
  actualEnd: "Bế mạc",
  resultsRecordedOn: "Ngày ghi kết quả",
  contents: "Nội dung",
  committeeAppointed: "Cấp ủy do cấp trên chỉ định",
  committeeSeatsDecided: "Số cấp ủy viên được quyết định",
  committeeSeatsElected: "Số cấp ủy viên đã bầu",
  electedInOneRoundFull: "Bầu đủ trong một lần",
  secretaryElectedDirectly: "Đại hội bầu trực tiếp bí thư",
  secretaryVotes: "Số phiếu bầu bí thư",
  secretaryVoteBase: "Trên tổng số",
  convened: "Số được triệu tập",
  present: "Số có mặt",
  confirmation: "Chuẩn y",
  decisionNumber: "Số quyết định",
  date: "Ngày",
  status: "Trạng thái",
  venue: "Địa điểm",
  contactName: "Người liên hệ",
  contactPhone: "Điện thoại",
  title: "Tiêu đề",
  number: "Số văn bản",
  issuer: "Cơ quan ban hành",
  plan: "Kế hoạch",
  directive: "Chỉ thị",
  term: "Nhiệm kỳ",
  startYear: "Năm đầu",
  endYear: "Năm cuối",
  termStart: "Nhiệm kỳ từ năm",
  termEnd: "Nhiệm kỳ đến năm",
  levels: "Các cấp",
  office: "Chức danh bầu",
  electingOrganisation: "Cơ quan bầu",
  seats: "Số lượng bầu",
  alternateSeats: "Số dự khuyết",
  bundleSize: "Số phiếu mỗi tập",
  entriesPerBundle: "Số lượt nhập mỗi tập",
  ballotsIssued: "Số phiếu phát ra",
  ballotsCollected: "Số phiếu thu vào",
  base: "Căn cứ tính tỷ lệ",
  candidates: "Danh sách",
  countingCommittee: "Ban kiểm phiếu",
  electionDate: "Ngày bầu",
  fullName: "Họ và tên",
  birthDate: "Ngày sinh",
  gender: "Giới tính",
  hometown: "Quê quán",
  posts: "Số chức vụ",
  startOn: "Từ ngày",
  endOn: "Đến ngày",
  heldOn: "Ngày bầu",
  attempt: "Lần bầu",
  electorate: "Số hộ trong danh sách",
  method: "Hình thức bầu",
  outcome: "Kết quả",
  meeting: "Hội nghị",
  head: "Trưởng thôn",
  team: "Tổ bầu cử",
  issued: "Số phiếu phát ra",
  collected: "Số phiếu thu vào",
  invalid: "Số phiếu không hợp lệ",
  votes: "Số phiếu",
  decisionOn: "Ngày ra quyết định, kế hoạch",
  teamOn: "Ngày lập tổ bầu cử",
  noticeOn: "Ngày niêm yết",
  noticeText: "Nội dung thông báo",
  receivedOn: "Ngày nhận",
  channel: "Hình thức nhận",
  senderType: "Người gửi là",
  senderIdentity: "Danh tính người gửi",
  senderName: "Người gửi",
  senderAddress: "Địa chỉ người gửi",
  summary: "Tóm tắt",
  subjects: "Người, đơn vị bị phản ánh",
  concernsPersonnel: "Liên quan nhân sự đại hội",
  congressOrgName: "Đại hội của",
  congressOpensOn: "Ngày khai mạc đại hội",
  competentBody: "Cơ quan có thẩm quyền",
  assigneeName: "Người được giao",
  deadline: "Hạn giải quyết",
  deadlineRule: "Căn cứ tính hạn",
  description: "Nội dung",
  on: "Ngày",
  conclusion: "Kết luận",
  conclusionText: "Nội dung kết luận",
  concludedOn: "Ngày kết luận",
};

/** Values of coded fields, by field. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: CONGRESS_TYPE_LABELS,
  contents: CONGRESS_CONTENT_LABELS,
  status: { ...CONGRESS_STATUS_LABELS, ...VILLAGE_STATUS_LABELS, ...PETITION_STATUS_LABELS },
  method: VOTING_METHOD_LABELS,
  outcome: ROUND_OUTCOME_LABELS,
  senderType: SENDER_TYPE_LABELS,
  senderIdentity: SENDER_IDENTITY_LABELS,
  channel: CHANNEL_LABELS,
  competentBody: COMPETENT_BODY_LABELS,
  conclusion: CONCLUSION_LABELS,
  office: OFFICE_LABELS,
  electingOrganisation: { committee: "Cấp ủy", congress: "Đại hội" },
  role: ROLE_NAMES,
  gender: GENDER_LABELS,
  sector: SECTOR_NAMES,
  kind: {
    ...POST_KIND_LABELS,
    ...PETITION_KIND_LABELS,
    "delegates-congress": "Đại hội đại biểu",
    "members-congress": "Đại hội đảng viên",
  },
};

/** Names the caller knows: the hierarchy's levels and kinds (data, not code). */
export interface AuditNames {
  readonly level?: (code: string) => string | undefined;
  readonly kind?: (code: string) => string | undefined;
}

export interface AuditChangeLine {
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return formatDate(value as Parameters<typeof formatDate>[0]);
    if (key === "level") return names.level?.(value) ?? value;
    if (key === "kind") return names.kind?.(value) ?? VALUE_LABELS.kind?.[value] ?? value;
    return VALUE_LABELS[key]?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    if (value.every((v) => typeof v === "string"))
      return value.map((v) => formatValue(key, v, names)).join(", ");
    // A list of records (candidates, a committee): its names if it has them, else how many.
    const named = value.map((v) =>
      v && typeof v === "object"
        ? ((v as Record<string, unknown>).fullName ?? (v as Record<string, unknown>).name)
        : null,
    );
    if (named.every((n) => typeof n === "string")) return named.join(", ");
    return `${formatNumber(value.length)} mục`;
  }
  if (typeof value === "object") {
    const parts = describeFields(value as Record<string, unknown>, names).map(
      (l) => `${l.label}: ${l.after}`,
    );
    return parts.length > 0 ? parts.join("; ") : "—";
  }
  return "—";
}

function describeFields(record: Record<string, unknown>, names: AuditNames): AuditChangeLine[] {
  const lines: AuditChangeLine[] = [];
  for (const [key, value] of Object.entries(record)) {
    const label = FIELD_LABELS[key];
    if (!label) continue;
    lines.push({ label, before: null, after: formatValue(key, value, names) });
  }
  return lines;
}

/**
 * What an entry changed, field by field, in words: for an edit only the fields whose value
 * differs (before → after); for a creation the fields it was created with.
 */
export function describeAuditChange(
  before: unknown,
  after: unknown,
  names: AuditNames = {},
): AuditChangeLine[] {
  const b =
    before && typeof before === "object" && !Array.isArray(before)
      ? (before as Record<string, unknown>)
      : null;
  const a =
    after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : null;
  if (!b && !a) return [];
  if (!b) return describeFields(a!, names);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a ?? {})])];
  const lines: AuditChangeLine[] = [];
  for (const key of keys) {
    const label = FIELD_LABELS[key];
    if (!label) continue;
    const was = formatValue(key, b[key], names);
    const now = a ? formatValue(key, a[key], names) : "—";
    if (was === now) continue;
    lines.push({ label, before: was, after: now });
  }
  return lines;
}

/** One line of text: "Tên: A → B; Cấp: Chi bộ". */
export function auditChangeText(before: unknown, after: unknown, names: AuditNames = {}): string {
  return describeAuditChange(before, after, names)
    .map((l) => (l.before === null ? `${l.label}: ${l.after}` : `${l.label}: ${l.before} → ${l.after}`))
    .join("; ");
}
