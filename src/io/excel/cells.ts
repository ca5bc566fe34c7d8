/** Reading spreadsheet cells the same way in every import. */
import ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
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

/** A cell as text: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
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
export async function loadWorkbook(data: Uint8Array): Promise<Result<ExcelJS.Workbook, FileIssue[]>> {
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
  ws: ExcelJS.Worksheet,
  columns: readonly { readonly field: F; readonly header: string }[],
  required: readonly F[],
): Result<Map<F, number>, FileIssue[]> {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
  const at = new Map<F, number>();
  header.forEach((h, i) => {
    const col = columns.find((c) => foldDiacritics(c.header) === foldDiacritics(h) || c.field === h);
    if (col) at.set(col.field, i);
  });
  const issues: FileIssue[] = [];
  for (const field of required) {
    if (!at.has(field)) {
      const col = columns.find((c) => c.field === field)!;
      issues.push({
        sheet: ws.name,
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
