/**
 * Reads a reorganisation plan (docs/reorganisation-format.md) from .xlsx (the first sheet, or the
 * one named "SapXep") or .csv (comma or semicolon; UTF-8, UTF-16 or Windows-1258, see csv.ts) into a table of cell
 * texts; the domain checks the rows.
 */
import type ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import {
  parseReorgTable,
  REORG_SHEET,
  type ReorgIssue,
  type ReorgRow,
} from "../../domain/organisation/index.ts";
import { cellText, loadSheet } from "./cells.ts";
import { readCsvTable } from "./csv.ts";

export async function readReorgFile(
  file: { readonly name: string; readonly data: Uint8Array },
  today: IsoDate,
): Promise<Result<{ sheet: string; rows: ReorgRow[] }, ReorgIssue[]>> {
  const lower = file.name.toLowerCase();
  let sheet: string;
  let table: string[][];
  if (lower.endsWith(".xlsx")) {
    const sheetOf = await loadSheet(file.data, REORG_SHEET, "Tệp không có trang tính nào");
    if (!sheetOf.ok) return sheetOf;
    const ws = sheetOf.value;
    sheet = ws.name;
    table = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      table[rowNumber - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
  } else if (lower.endsWith(".csv")) {
    sheet = file.name;
    const read = readCsvTable(file.data, sheet);
    if (!read.ok) return read;
    table = read.value;
  } else {
    return err([
      {
        sheet: file.name,
        row: 0,
        column: null,
        field: null,
        rule: "unreadable",
        message: `Tệp "${file.name}" không phải .xlsx hoặc .csv`,
      },
    ]);
  }
  const rows = parseReorgTable(sheet, table, today);
  return rows.ok ? ok({ sheet, rows: rows.value }) : rows;
}
