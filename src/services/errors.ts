/**
 * The error catalogue: every expected failure has a stable code, an HTTP status and a Vietnamese
 * message that names the row, field or rule. Services return these as values; the server and the
 * CLI present them.
 */
export interface AppError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly details?: unknown;
}

export const errors = {
  notFound: (what: string, id: string | number): AppError => ({
    code: "NOT_FOUND",
    status: 404,
    message: `Không tìm thấy ${what} "${id}" (hoặc bạn không có quyền xem)`,
  }),
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
  importInvalid: (issues: unknown[], count: number): AppError => ({
    code: "IMPORT_INVALID",
    status: 422,
    message: `Tệp có ${count} lỗi; chưa ghi dữ liệu nào. Hãy sửa các lỗi dưới đây rồi nhập lại.`,
    details: { issues },
  }),
  importUnreadable: (message: string): AppError => ({
    code: "IMPORT_UNREADABLE",
    status: 400,
    message,
  }),
} as const;
