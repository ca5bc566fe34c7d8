/**
 * A reorganisation plan (docs/reorganisation-format.md): one row per operation, read from a table
 * of cell texts. Every row is checked for its own form here (operation, day, which columns it
 * needs); the plan is then applied as a whole by the service, all or nothing.
 */
import { checkLength } from "../basics/limits.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate, parseVietnameseDate } from "../format/date.ts";
import { foldDiacritics } from "../format/text.ts";

export const REORG_SHEET = "SapXep";

export type ReorgOperation = "found" | "rename" | "move" | "change_kind" | "dissolve" | "merge" | "split";

/** The operation column accepts the Vietnamese word (with or without diacritics) or the code. */
export const REORG_OPERATIONS: readonly { readonly op: ReorgOperation; readonly label: string }[] = [
  { op: "found", label: "Thành lập" },
  { op: "rename", label: "Đổi tên" },
  { op: "move", label: "Chuyển" },
  { op: "change_kind", label: "Đổi loại hình" },
  { op: "dissolve", label: "Giải thể" },
  { op: "merge", label: "Hợp nhất" },
  { op: "split", label: "Chia tách" },
];

export type ReorgField =
  | "operation"
  | "day"
  | "code"
  | "newCode"
  | "newParentCode"
  | "newName"
  | "level"
  | "kind"
  | "reason";

export const REORG_COLUMNS: readonly { readonly field: ReorgField; readonly header: string }[] = [
  { field: "operation", header: "Thao tác" },
  { field: "day", header: "Ngày hiệu lực" },
  { field: "code", header: "Mã đơn vị" },
  { field: "newCode", header: "Mã mới" },
  { field: "newParentCode", header: "Mã cấp trên mới" },
  { field: "newName", header: "Tên mới" },
  { field: "level", header: "Cấp" },
  { field: "kind", header: "Loại hình" },
  { field: "reason", header: "Lý do" },
];

export interface ReorgRow {
  readonly rowNumber: number;
  readonly operation: ReorgOperation;
  readonly day: IsoDate;
  readonly code: string | null;
  readonly newCode: string | null;
  readonly newParentCode: string | null;
  readonly newName: string | null;
  readonly level: string | null;
  readonly kind: string | null;
  readonly reason: string | null;
}

export interface ReorgIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string | null;
  readonly field: string | null;
  readonly rule: string;
  readonly message: string;
}

/** Which columns each operation needs (besides the operation and the day). */
const NEEDS: Readonly<Record<ReorgOperation, readonly ReorgField[]>> = {
  found: ["newCode", "newParentCode", "newName", "level", "kind"],
  rename: ["code", "newName"],
  move: ["code", "newParentCode"],
  change_kind: ["code"],
  dissolve: ["code"],
  merge: ["code", "newCode"],
  split: ["code", "newCode"],
};

function columnLabel(index0: number, header: string): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s} (${header})`;
}

/**
 * Reads the plan's rows from a table of texts (row 1: headers). Every problem is reported with its
 * row, column and rule; no row is returned unless all are right.
 */
export function parseReorgTable(
  sheet: string,
  table: readonly (readonly string[])[],
  today: IsoDate,
): Result<ReorgRow[], ReorgIssue[]> {
  const header = (table[0] ?? []).map((h) => foldDiacritics(h.trim()));
  const at = new Map<ReorgField, number>();
  for (const c of REORG_COLUMNS) {
    const i = header.findIndex((h) => h === foldDiacritics(c.header) || h === c.field.toLowerCase());
    if (i >= 0) at.set(c.field, i);
  }
  const issues: ReorgIssue[] = [];
  for (const field of ["operation", "day", "code"] as const)
    if (!at.has(field))
      issues.push({
        sheet,
        row: 1,
        column: null,
        field,
        rule: "missing_column",
        message: `Thiếu cột bắt buộc "${REORG_COLUMNS.find((c) => c.field === field)!.header}" ở dòng tiêu đề`,
      });
  if (issues.length > 0) return err(issues);
  const label = (f: ReorgField) =>
    at.has(f) ? columnLabel(at.get(f)!, REORG_COLUMNS.find((c) => c.field === f)!.header) : null;
  const rows: ReorgRow[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    const get = (f: ReorgField) => {
      const i = at.get(f);
      const v = i === undefined ? "" : (cells[i] ?? "").trim().replace(/\s+/g, " ");
      return v === "" ? null : v;
    };
    if (REORG_COLUMNS.every((c) => get(c.field) === null)) continue; // blank row
    const rowNumber = r + 1;
    const bad = (field: ReorgField, rule: string, message: string) =>
      issues.push({ sheet, row: rowNumber, column: label(field), field, rule, message });
    const opText = get("operation");
    const op = opText
      ? REORG_OPERATIONS.find((o) => foldDiacritics(o.label) === foldDiacritics(opText) || o.op === opText)
          ?.op
      : undefined;
    if (!op) {
      bad(
        "operation",
        "unknown_operation",
        `Thao tác "${opText ?? ""}" không hợp lệ; dùng một trong: ${REORG_OPERATIONS.map((o) => o.label).join(", ")}`,
      );
      continue;
    }
    const dayText = get("day");
    const day = dayText === null ? null : isValidIsoDate(dayText) ? dayText : parseVietnameseDate(dayText);
    if (day === null) bad("day", "invalid_day", `Ngày hiệu lực "${dayText ?? ""}" không hợp lệ (dd/mm/yyyy)`);
    else if (day > today)
      bad(
        "day",
        "future_day",
        `Ngày hiệu lực ${formatDate(day)} sau ngày hôm nay: chỉ ghi nhận thay đổi đã có hiệu lực`,
      );
    let missing = false;
    for (const f of NEEDS[op])
      if (get(f) === null) {
        missing = true;
        bad(
          f,
          "required",
          `Thao tác "${REORG_OPERATIONS.find((o) => o.op === op)!.label}" cần cột "${REORG_COLUMNS.find((c) => c.field === f)!.header}"`,
        );
      }
    if (op === "change_kind" && get("level") === null && get("kind") === null) {
      missing = true;
      bad("kind", "required", `Thao tác "Đổi loại hình" cần cột "Cấp" hoặc "Loại hình"`);
    }
    for (const [field, what, limit] of [
      ["newName", "Tên mới", "orgName"],
      ["reason", "Lý do", "reason"],
    ] as const) {
      const long = checkLength(what, limit, get(field));
      if (long) {
        missing = true;
        bad(field, "too_long", long);
      }
    }
    if (day === null || day > today || missing) continue;
    rows.push({
      rowNumber,
      operation: op,
      day,
      code: get("code"),
      newCode: get("newCode"),
      newParentCode: get("newParentCode"),
      newName: get("newName"),
      level: get("level"),
      kind: get("kind"),
      reason: get("reason"),
    });
  }
  if (issues.length > 0) return err(issues);
  if (rows.length === 0)
    return err([
      { sheet, row: 2, column: null, field: null, rule: "empty", message: "Tệp không có dòng thao tác nào" },
    ]);
  return ok(rows);
}

/**
 * The order a plan is applied in: by day, then founding (a parent founded before its children),
 * renames and kind changes, moves, mergers and splits (which end the old organisations once their
 * children have moved), and dissolutions last.
 */
export function orderReorgRows(rows: readonly ReorgRow[]): ReorgRow[] {
  const phase: Record<ReorgOperation, number> = {
    found: 0,
    rename: 1,
    change_kind: 1,
    move: 2,
    merge: 3,
    split: 3,
    dissolve: 4,
  };
  return [...rows].sort(
    (a, b) =>
      (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
      phase[a.operation] - phase[b.operation] ||
      a.rowNumber - b.rowNumber,
  );
}
