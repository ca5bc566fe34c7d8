/**
 * The error catalogue: every expected failure has a stable code, an HTTP status and a Vietnamese
 * message that names the row, field or rule. Services return these as values; the server and the
 * CLI present them.
 */
/** How many problems of one file are sent back (the total is always given). */
export const MAX_REPORTED_ISSUES = 1000;

/** Every error code the API answers with: clients (and tests) may rely on these. */
export const ERROR_CODES = [
  "ATTACHMENT_TOO_LARGE",
  "ATTACHMENT_TYPE",
  "ATTACHMENT_UNREADABLE",
  "AUTH_REQUIRED",
  "BAD_REQUEST",
  "BALLOT_INVALID_ENTRY",
  "BALLOT_KEY_REUSED",
  "BUNDLE_ACCEPTED",
  "BUNDLE_COMPLETE",
  "BUNDLE_DIFFERS",
  "BUNDLE_EXISTS",
  "BUNDLE_FULL",
  "BUNDLE_NOT_READY",
  "CONGRESS_INVALID",
  "CONGRESS_LEVEL",
  "CONGRESS_OUTSIDE_SEASON",
  "CONGRESS_NOT_HELD",
  "CONGRESS_NOT_PLANNED",
  "CONGRESS_TRANSITION",
  "COUNT_INCOMPLETE",
  "CSRF_REJECTED",
  "ELECTION_FIGURES",
  "ELECTION_INVALID",
  "ELECTION_NOT_READY",
  "ELECTION_STATUS",
  "ELECTION_VERSION",
  "ENTRY_CLOSED",
  "ENTRY_COUNT",
  "FILE_TOO_LARGE",
  "FORBIDDEN",
  "GRANT_INVALID",
  "IMPORT_BUSY",
  "IMPORT_INVALID",
  "IMPORT_SERVER_BUSY",
  "IMPORT_TOO_LARGE",
  "IMPORT_UNREADABLE",
  "INDICATOR_CODE_TAKEN",
  "INDICATOR_DRILL_NEEDS_CHILD",
  "INDICATOR_INVALID",
  "INTERNAL",
  "INVALID_DEFINITION",
  "LAST_ADMIN",
  "LOGIN_FAILED",
  "LOGIN_LOCKED",
  "NEXT_ROUND_INVALID",
  "NOT_FOUND",
  "ORG_CODE_TAKEN",
  "ORG_DISSOLVED",
  "ORG_HAS_ACTIVE_CHILDREN",
  "ORG_RULE",
  "PASSWORD_CHANGE_REQUIRED",
  "PERSON_CODE_TAKEN",
  "PERSON_INVALID",
  "PERSON_NEEDS_POST",
  "PERSON_POSSIBLE_DUPLICATE",
  "PETITION_RECORD_ONLY",
  "PETITION_RULE",
  "POST_INVALID",
  "RATE_LIMITED",
  "SCAN_NOT_PENDING",
  "SCAN_OWN_TYPED_ENTRY",
  "REPORT_EDIT_INVALID",
  "SEASON_CODE_TAKEN",
  "SEASON_INVALID",
  "SEASON_LEVEL_UNKNOWN",
  "SEASON_REQUIRED",
  "TERM_REQUIRED",
  "UNDO_NOT_LAST",
  "USERNAME_TAKEN",
  "VALIDATION_FAILED",
  "VILLAGE_DAY_CODE_TAKEN",
  "VILLAGE_DAY_INVALID",
  "VILLAGE_HEAD_NEEDS_PERSON",
  "VILLAGE_INTERIM_INVALID",
  "VILLAGE_INTERIM_NOT_DUE",
  "VILLAGE_MEETING_INVALID",
  "VILLAGE_NO_DAY",
  "VILLAGE_RECOGNISED",
  "VILLAGE_RECOGNITION_NOT_DUE",
  "VILLAGE_ROUND_CLOSED",
  "VILLAGE_ROUND_ORDER",
  "VILLAGE_ROUND_RECORDED",
  "VILLAGE_STEP_INVALID",
  "WEAK_PASSWORD",
  "WRONG_CURRENT_PASSWORD",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  readonly status: number;
  readonly message: string;
  readonly details?: unknown;
}

/** The one constructor of an error value; `details` only when there are any. */
export function appError(code: ErrorCode, status: number, message: string, details?: unknown): AppError {
  return { code, status, message, ...(details !== undefined ? { details } : {}) };
}

export const errors = {
  /**
   * A code the user typed is named; an internal id (a number from a URL) means nothing to them and is
   * kept in `details` only.
   */
  notFound: (what: string, id: string | number): AppError =>
    typeof id === "number"
      ? {
          code: "NOT_FOUND",
          status: 404,
          message: `Không tìm thấy ${what} này (hoặc bạn không có quyền xem)`,
          details: { id },
        }
      : {
          code: "NOT_FOUND",
          status: 404,
          message: `Không tìm thấy ${what} "${id}" (hoặc bạn không có quyền xem)`,
        },
  orgCodeTaken: (code: string): AppError => ({
    code: "ORG_CODE_TAKEN",
    status: 409,
    message: `Mã đơn vị "${code}" đã được dùng cho một đơn vị khác`,
  }),
  orgRule: (rule: string, message: string): AppError => ({
    code: "ORG_RULE",
    status: 422,
    message,
    details: { rule },
  }),
  orgHasActiveChildren: (name: string, n: number): AppError => ({
    code: "ORG_HAS_ACTIVE_CHILDREN",
    status: 422,
    message: `Không thể giải thể "${name}": còn ${n} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể các đơn vị đó trước`,
  }),
  orgDissolved: (name: string): AppError => ({
    code: "ORG_DISSOLVED",
    status: 422,
    message: `Đơn vị "${name}" đã giải thể; không thể thay đổi`,
  }),
  /**
   * A file refused with its problems: the first MAX_REPORTED_ISSUES of them and the total. A file
   * over a size limit (an issue with rule "too_large") is a 413, alike on every import.
   */
  importInvalid: (issues: readonly unknown[], count: number): AppError => {
    const tooLarge = issues.find((i) => (i as { rule?: string }).rule === "too_large") as
      | { message: string }
      | undefined;
    if (tooLarge) return errors.importTooLarge(tooLarge.message);
    const shown = issues.slice(0, MAX_REPORTED_ISSUES);
    return {
      code: "IMPORT_INVALID",
      status: 422,
      message:
        count > shown.length
          ? `Tệp có ${count.toLocaleString("vi-VN")} lỗi; chưa ghi dữ liệu nào. Dưới đây là ${shown.length.toLocaleString("vi-VN")} lỗi đầu tiên; hãy sửa rồi nhập lại.`
          : `Tệp có ${count} lỗi; chưa ghi dữ liệu nào. Hãy sửa các lỗi dưới đây rồi nhập lại.`,
      details: { issues: shown, total: count },
    };
  },
  importTooLarge: (message: string): AppError => ({
    code: "IMPORT_TOO_LARGE",
    status: 413,
    message,
  }),
  importBusy: (): AppError => ({
    code: "IMPORT_BUSY",
    status: 429,
    message: "Bạn đang nhập một tệp khác; hãy chờ tệp đó xong rồi gửi tiếp.",
  }),
  importServerBusy: (): AppError => ({
    code: "IMPORT_SERVER_BUSY",
    status: 503,
    message: "Máy chủ đang đọc các tệp nhập khác; vui lòng thử lại sau ít phút.",
  }),
  importUnreadable: (message: string): AppError => ({
    code: "IMPORT_UNREADABLE",
    status: 400,
    message,
  }),
  loginFailed: (): AppError => ({
    code: "LOGIN_FAILED",
    status: 401,
    // The same words whether or not the username exists.
    message: "Tên đăng nhập hoặc mật khẩu không đúng",
  }),
  loginLocked: (minutes: number): AppError => ({
    code: "LOGIN_LOCKED",
    status: 429,
    message: `Đăng nhập sai quá nhiều lần; tạm khóa, vui lòng thử lại sau ${minutes} phút`,
    details: { retryAfterMinutes: minutes },
  }),
  authRequired: (): AppError => ({
    code: "AUTH_REQUIRED",
    status: 401,
    message: "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn; vui lòng đăng nhập lại",
  }),
  forbidden: (what: string): AppError => ({
    code: "FORBIDDEN",
    status: 403,
    message: `Bạn không có quyền ${what}`,
  }),
  passwordChangeRequired: (): AppError => ({
    code: "PASSWORD_CHANGE_REQUIRED",
    status: 403,
    message: "Bạn cần đổi mật khẩu trước khi tiếp tục",
  }),
  weakPassword: (problems: readonly string[]): AppError => ({
    code: "WEAK_PASSWORD",
    status: 422,
    message: `Mật khẩu chưa đủ mạnh: ${problems.join("; ")}`,
    details: { problems },
  }),
  wrongCurrentPassword: (): AppError => ({
    code: "WRONG_CURRENT_PASSWORD",
    status: 422,
    message: "Mật khẩu hiện tại không đúng",
  }),
  usernameTaken: (username: string): AppError => ({
    code: "USERNAME_TAKEN",
    status: 409,
    message: `Tên đăng nhập "${username}" đã có người dùng`,
  }),
  grantInvalid: (message: string): AppError => ({
    code: "GRANT_INVALID",
    status: 422,
    message,
  }),
  lastAdmin: (): AppError => ({
    code: "LAST_ADMIN",
    status: 422,
    message: "Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng đang hoạt động",
  }),
} as const;
