/** Reading spreadsheet cells the same way in every import. */
import ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import { checkXlsxLimits } from "./limits.ts";
import type { FileIssue } from "./org-sheet.ts";

/** 0 → "A", 25 → "Z", 26 → "AA": the column as the user sees it in messages. */
export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A cell as text (NFC): rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.normalize("NFC");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .normalize("NFC");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** A cell as a plain value: what a reader may look at (no formulas, no rich-text objects). */
export type CellScalar = string | number | boolean | Date | null;

/**
 * A cell's value as the user typed it, or a refusal. A formula is refused whether or not the file
 * carries its last result: without one it would be stored as "[object Object]", with one a
 * HYPERLINK("…";"Bấm vào đây") would create a person named "Bấm vào đây". Excel error values
 * (#REF!, #N/A…) are refused too. Rich text is joined; a hyperlink cell gives its text.
 */
export function readCell(value: ExcelJS.CellValue): Result<CellScalar, string> {
  if (value === null || value === undefined) return ok(null);
  // Text typed with a "Unicode tổ hợp" keyboard setting is decomposed (NFD): one form for all.
  if (typeof value === "string") return ok(value.normalize("NFC"));
  if (typeof value === "number" || typeof value === "boolean") return ok(value);
  if (value instanceof Date) return ok(value);
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const f = "formula" in value && typeof value.formula === "string" ? value.formula : "";
      const shown = f.length > 60 ? `${f.slice(0, 60)}…` : f;
      return err(
        `Ô chứa công thức${shown ? ` (=${shown})` : ""}; phần mềm không nhận công thức — hãy chép rồi dán dạng giá trị (Dán đặc biệt → Giá trị) và nhập lại`,
      );
    }
    if ("error" in value)
      return err(`Ô chứa giá trị lỗi của Excel (${String(value.error)}); hãy sửa ô rồi nhập lại`);
    if ("richText" in value)
      return ok(
        value.richText
          .map((r) => r.text)
          .join("")
          .normalize("NFC"),
      );
    if ("text" in value)
      return ok((typeof value.text === "string" ? value.text : cellText(value.text)).normalize("NFC"));
  }
  return err("Ô có kiểu dữ liệu không đọc được; hãy nhập lại dưới dạng văn bản hoặc số");
}

export interface SheetTable {
  readonly sheet: string;
  /** Row 1 (the header) as text; column i of every row is header[i]. */
  readonly header: readonly string[];
  /** Every non-blank row after the header, 0-based columns. */
  readonly rows: readonly { readonly rowNumber: number; readonly values: readonly CellScalar[] }[];
  /** One issue per refused cell (formula, error value), with its row and column. */
  readonly issues: readonly FileIssue[];
}

/**
 * A worksheet as plain values, every cell through readCell: the one place where an import reads
 * cells. Header cells that are refused count as empty headers (and are reported).
 */
export function readSheetTable(ws: ExcelJS.Worksheet): SheetTable {
  const issues: FileIssue[] = [];
  let header: string[] = [];
  const rows: { rowNumber: number; values: CellScalar[] }[] = [];
  const label = (i: number) => (header[i] ? `${columnLetter(i)} (${header[i]})` : columnLetter(i));
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = (row.values as ExcelJS.CellValue[]).slice(1);
    const values: CellScalar[] = [];
    for (let i = 0; i < raw.length; i++) {
      const r = readCell(raw[i] ?? null);
      if (r.ok) values.push(typeof r.value === "string" && r.value.trim() === "" ? null : r.value);
      else {
        values.push(null);
        issues.push({
          sheet: ws.name,
          row: rowNumber,
          column: label(i),
          field: null,
          rule: "formula",
          message: r.error,
        });
      }
    }
    if (rowNumber === 1) header = values.map((v) => cellText(v).trim());
    else if (values.some((v) => v !== null)) rows.push({ rowNumber, values });
  });
  return { sheet: ws.name, header, rows, issues };
}

/**
 * A count (votes, people, ballots) from a cell: counts are whole numbers, so anything else is
 * refused rather than guessed. A number cell must be a whole number (35.2 is refused, never read as
 * 352); a text cell is digits, optionally grouped by dots in threes as Vietnamese writes thousands
 * ("4.925"). "35.2", "35,2", "2,5", "-3", "1e3" are refused. Every import reads counts through here.
 * Returns null for an empty cell; the message names the value as the user sees it.
 */
export function readWholeNumber(value: ExcelJS.CellValue): Result<number | null, string> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return ok(value);
    return err(notWhole(String(value).replace(".", ",")));
  }
  if (value instanceof Date) return err(notWhole(formatCellDate(value)));
  const t = cellText(value).trim();
  if (t === "") return ok(null);
  if (/^\d+$/.test(t) || /^\d{1,3}(\.\d{3})+$/.test(t)) {
    const n = Number(t.replace(/\./g, ""));
    if (Number.isSafeInteger(n)) return ok(n);
  }
  return err(notWhole(t));
}

function notWhole(shown: string): string {
  return `"${shown}" không phải số nguyên không âm (số lượng phải là số nguyên, ví dụ 35 hoặc 4.925)`;
}

function formatCellDate(d: Date): string {
  const iso = d.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Opens an uploaded .xlsx; a file exceljs cannot read is one "unreadable" issue. */
/** A problem with the file as a whole (row 0, no column). */
export function fileIssue(rule: string, message: string): FileIssue {
  return { sheet: "", row: 0, column: null, field: null, rule, message };
}

/** The named sheet of an .xlsx, or its first sheet when none has that name. */
export async function loadSheet(
  data: Uint8Array,
  name: string,
  missing = `Tệp không có trang tính "${name}"`,
): Promise<Result<ExcelJS.Worksheet, FileIssue[]>> {
  const loaded = await loadWorkbook(data);
  if (!loaded.ok) return loaded;
  const ws = loaded.value.getWorksheet(name) ?? loaded.value.worksheets[0];
  return ws ? ok(ws) : err([fileIssue("no_sheet", missing)]);
}

export async function loadWorkbook(data: Uint8Array): Promise<Result<ExcelJS.Workbook, FileIssue[]>> {
  // Sizes, rows and cells first: ExcelJS holds the whole workbook in memory (kilobytes per row).
  const limited = checkXlsxLimits(data);
  if (!limited.ok)
    return err([{ sheet: "", row: 0, column: null, field: null, rule: "too_large", message: limited.error }]);
  const wb = new ExcelJS.Workbook();
  try {
    // biome-ignore lint/suspicious/noExplicitAny: exceljs's Buffer typing predates Uint8Array-compatible Buffers.
    await wb.xlsx.load(data as any);
  } catch {
    return err([
      {
        sheet: "",
        row: 0,
        column: null,
        field: null,
        rule: "unreadable",
        message: "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng",
      },
    ]);
  }
  return ok(wb);
}

/**
 * Where each known column stands (0-based) in the first row: found by its header, diacritics and
 * case aside, or by its field name. A required column that is missing is an issue on row 1.
 */
export function locateColumns<F extends string>(
  table: { readonly sheet: string; readonly header: readonly string[] },
  columns: readonly { readonly field: F; readonly header: string }[],
  required: readonly F[],
): Result<Map<F, number>, FileIssue[]> {
  const at = new Map<F, number>();
  table.header.forEach((h, i) => {
    const col = columns.find((c) => foldDiacritics(c.header) === foldDiacritics(h) || c.field === h.trim());
    if (col && !at.has(col.field)) at.set(col.field, i);
  });
  const issues: FileIssue[] = [];
  for (const field of required) {
    if (!at.has(field)) {
      const col = columns.find((c) => c.field === field)!;
      issues.push({
        sheet: table.sheet,
        row: 1,
        column: null,
        field,
        rule: "missing_column",
        message: `Thiếu cột bắt buộc "${col.header}" ở dòng tiêu đề`,
      });
    }
  }
  return issues.length > 0 ? err(issues) : ok(at);
}
