/**
 * The organisation import/export format (docs/import-format.md): one sheet "ToChuc" (or a .csv
 * file) with a header row; columns are found by their header, in any order. Levels and kinds may
 * be written as codes ("branch") or as their Vietnamese names ("Chi bộ trực thuộc").
 */
import ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import {
  type Hierarchy,
  type ImportField,
  type NumberedOrgRow,
  VILLAGE_KINDS,
} from "../../domain/organisation/index.ts";
import { cellText, columnLetter, loadSheet, readSheetTable } from "./cells.ts";
import { readCsvTable } from "./csv.ts";

export const ORG_SHEET = "ToChuc";

export interface OrgColumn {
  readonly field: ImportField;
  readonly header: string;
  readonly required: boolean;
  readonly width: number;
  readonly note: string;
}

/** The stable column set. Changing a header breaks other tools' files: add, never rename. */
export const ORG_COLUMNS: readonly OrgColumn[] = [
  {
    field: "code",
    header: "Mã đơn vị",
    required: true,
    width: 26,
    note: "Duy nhất; chữ không dấu, số, . _ -",
  },
  { field: "name", header: "Tên đơn vị", required: true, width: 44, note: "Ví dụ: Đảng bộ phường Hồng Gai" },
  { field: "level", header: "Cấp", required: true, width: 26, note: "Tên hoặc mã cấp (xem trang DanhMuc)" },
  {
    field: "kind",
    header: "Loại hình",
    required: true,
    width: 22,
    note: "Tên hoặc mã loại hình (xem trang DanhMuc)",
  },
  {
    field: "sector",
    header: "Ngành",
    required: false,
    width: 12,
    note: "Mã ngành nếu cần theo dõi riêng, ví dụ: coal",
  },
  {
    field: "parentCode",
    header: "Mã đơn vị cấp trên",
    required: false,
    width: 26,
    note: "Bỏ trống với đơn vị cao nhất",
  },
  {
    field: "villageCode",
    header: "Mã thôn/khu phố",
    required: false,
    width: 22,
    note: "Chi bộ thôn, khu phố: mã địa bàn phụ trách",
  },
  { field: "villageName", header: "Tên thôn/khu phố", required: false, width: 24, note: "Ví dụ: Khu phố 5" },
  {
    field: "villageKind",
    header: "Loại thôn/khu phố",
    required: false,
    width: 18,
    note: VILLAGE_KINDS.join(", "),
  },
  {
    field: "foundedOn",
    header: "Ngày thành lập",
    required: false,
    width: 16,
    note: "dd/mm/yyyy; để trống: tính từ ngày nhập",
  },
  {
    field: "endedOn",
    header: "Ngày kết thúc",
    required: false,
    width: 16,
    note: "dd/mm/yyyy, khi nạp cây tổ chức của những năm trước; để trống: đang hoạt động",
  },
];

export interface FileIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string | null;
  readonly field: string | null;
  readonly rule: string;
  readonly message: string;
}

export interface ParsedOrgFile {
  readonly sheet: string;
  readonly rows: NumberedOrgRow[];
  /** field → column label as the user sees it ("C (Cấp)"), for error messages. */
  readonly columnOf: ReadonlyMap<string, string>;
}

/** Resolves a level or kind written as a code or a Vietnamese name to its code (unknown: as written). */
function resolver(entries: Iterable<{ code: string; name: string }>): (text: string) => string {
  const map = new Map<string, string>();
  for (const e of entries) {
    map.set(foldDiacritics(e.code), e.code);
    map.set(foldDiacritics(e.name), e.code);
  }
  return (text) => map.get(foldDiacritics(text)) ?? text.trim();
}

function rowsFromTable(
  sheet: string,
  table: readonly (readonly string[])[],
  hierarchy: Hierarchy,
): Result<ParsedOrgFile, FileIssue[]> {
  const header = table[0] ?? [];
  const fieldAt = new Map<number, ImportField>();
  const columnOf = new Map<string, string>();
  for (const [i, h] of header.entries()) {
    const col = ORG_COLUMNS.find(
      (c) => foldDiacritics(c.header) === foldDiacritics(h ?? "") || c.field === (h ?? "").trim(),
    );
    if (col) {
      fieldAt.set(i, col.field);
      columnOf.set(col.field, `${columnLetter(i)} (${col.header})`);
    }
  }
  const missing = ORG_COLUMNS.filter((c) => c.required && !columnOf.has(c.field));
  if (missing.length > 0) {
    return err(
      missing.map((c) => ({
        sheet,
        row: 1,
        column: null,
        field: c.field,
        rule: "missing_column",
        message: `Thiếu cột bắt buộc "${c.header}" ở dòng tiêu đề`,
      })),
    );
  }
  const level = resolver(hierarchy.levels.values());
  const kind = resolver(hierarchy.kinds.values());
  const rows: NumberedOrgRow[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => !c?.trim())) continue; // blank lines are not rows
    const rec: Record<string, string> = {};
    for (const [i, f] of fieldAt) rec[f] = (cells[i] ?? "").trim();
    rows.push({
      rowNumber: r + 1,
      row: {
        code: rec.code ?? "",
        name: rec.name ?? "",
        level: rec.level ? level(rec.level) : "",
        kind: rec.kind ? kind(rec.kind) : "",
        sector: rec.sector || undefined,
        parentCode: rec.parentCode || undefined,
        villageCode: rec.villageCode || undefined,
        villageName: rec.villageName || undefined,
        villageKind: rec.villageKind ? rec.villageKind.toLowerCase() : undefined,
        foundedOn: rec.foundedOn || undefined,
        endedOn: rec.endedOn || undefined,
      },
    });
  }
  if (rows.length === 0) {
    return err([
      {
        sheet,
        row: 2,
        column: null,
        field: null,
        rule: "empty_file",
        message: "Tệp không có dòng dữ liệu nào",
      },
    ]);
  }
  return ok({ sheet, rows, columnOf });
}

export async function readOrgXlsx(
  data: Uint8Array,
  hierarchy: Hierarchy,
): Promise<Result<ParsedOrgFile, FileIssue[]>> {
  const sheetOf = await loadSheet(data, ORG_SHEET);
  if (!sheetOf.ok) return sheetOf;
  const ws = sheetOf.value;
  const sheet = readSheetTable(ws);
  if (sheet.issues.length > 0) return err([...sheet.issues]);
  const table: string[][] = [[...sheet.header]];
  for (const { rowNumber, values } of sheet.rows) table[rowNumber - 1] = values.map(cellText);
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return rowsFromTable(ws.name, table, hierarchy);
}

export function readOrgCsv(
  data: Uint8Array,
  hierarchy: Hierarchy,
  fileName = "CSV",
): Result<ParsedOrgFile, FileIssue[]> {
  const table = readCsvTable(data, fileName);
  return table.ok ? rowsFromTable(fileName, table.value, hierarchy) : table;
}

export interface OrgExportRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector: string | null;
  readonly parentCode: string | null;
  readonly villageCode: string | null;
  readonly villageName: string | null;
  readonly villageKind: string | null;
}

function addCatalogSheet(wb: ExcelJS.Workbook, hierarchy: Hierarchy): void {
  const ws = wb.addWorksheet("DanhMuc");
  ws.columns = [
    { header: "Cấp (tên)", key: "ln", width: 30 },
    { header: "Mã cấp", key: "lc", width: 24 },
    { header: "Trực thuộc", key: "lp", width: 50 },
    { header: "", key: "gap", width: 4 },
    { header: "Loại hình (tên)", key: "kn", width: 24 },
    { header: "Mã loại hình", key: "kc", width: 18 },
  ];
  const levels = [...hierarchy.levels.values()].sort((a, b) => a.rank - b.rank);
  const kinds = [...hierarchy.kinds.values()];
  const n = Math.max(levels.length, kinds.length);
  for (let i = 0; i < n; i++) {
    const l = levels[i];
    const k = kinds[i];
    ws.addRow({
      ln: l?.name ?? "",
      lc: l?.code ?? "",
      lp: l ? l.allowedParents.map((p) => hierarchy.levels.get(p)?.name ?? p).join(", ") : "",
      kn: k?.name ?? "",
      kc: k?.code ?? "",
    });
  }
  ws.getRow(1).font = { bold: true };
}

function orgSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(ORG_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = ORG_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
  for (const [i, c] of ORG_COLUMNS.entries())
    head.getCell(i + 1).note = `${c.required ? "Bắt buộc. " : ""}${c.note}`;
  return ws;
}

/**
 * Drop-down lists for level, kind and village kind from the catalogue sheet. Applied after the
 * rows are written: a validated empty cell counts as a row for ExcelJS's addRow.
 */
function addDropDowns(ws: ExcelJS.Worksheet, hierarchy: Hierarchy, dropDownRows: number): void {
  // Drop-down lists for level and kind from the catalogue sheet.
  const levelCount = hierarchy.levels.size;
  const kindCount = hierarchy.kinds.size;
  for (let r = 2; r <= dropDownRows + 1; r++) {
    ws.getCell(r, 3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`DanhMuc!$A$2:$A$${levelCount + 1}`],
    };
    ws.getCell(r, 4).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`DanhMuc!$E$2:$E$${kindCount + 1}`],
    };
    ws.getCell(r, 9).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${VILLAGE_KINDS.join(",")}"`],
    };
  }
}

function exportCells(r: OrgExportRow, hierarchy: Hierarchy): Record<string, string> {
  return {
    code: r.code,
    name: r.name,
    level: hierarchy.levels.get(r.level)?.name ?? r.level,
    kind: hierarchy.kinds.get(r.kind)?.name ?? r.kind,
    sector: r.sector ?? "",
    parentCode: r.parentCode ?? "",
    villageCode: r.villageCode ?? "",
    villageName: r.villageName ?? "",
    villageKind: r.villageKind ?? "",
  };
}

/** The template users download: headers with notes, a few example rows, drop-downs, and the catalogue. */
export async function writeOrgTemplate(hierarchy: Hierarchy): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "daihoi";
  const examples: OrgExportRow[] = [
    {
      code: "QN",
      name: "Đảng bộ tỉnh Quảng Ninh",
      level: "province",
      kind: "province",
      sector: null,
      parentCode: null,
      villageCode: null,
      villageName: null,
      villageKind: null,
    },
    {
      code: "QN.HL",
      name: "Đảng bộ thành phố Hạ Long",
      level: "district_level",
      kind: "city",
      sector: null,
      parentCode: "QN",
      villageCode: null,
      villageName: null,
      villageKind: null,
    },
    {
      code: "QN.HL.HONGGAI",
      name: "Đảng bộ phường Hồng Gai",
      level: "grassroots_committee",
      kind: "ward",
      sector: null,
      parentCode: "QN.HL",
      villageCode: null,
      villageName: null,
      villageKind: null,
    },
    {
      code: "QN.HL.HONGGAI.KP1",
      name: "Chi bộ khu phố 1",
      level: "branch",
      kind: "village",
      sector: null,
      parentCode: "QN.HL.HONGGAI",
      villageCode: "T.HONGGAI.KP1",
      villageName: "Khu phố 1",
      villageKind: "khu phố",
    },
  ];
  const ws = orgSheet(wb);
  for (const r of examples) ws.addRow(exportCells(r, hierarchy));
  addDropDowns(ws, hierarchy, 1000);
  addCatalogSheet(wb, hierarchy);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A subtree in the import format, so an export can be edited and imported back. */
export async function writeOrgExport(
  rows: Iterable<OrgExportRow>,
  hierarchy: Hierarchy,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "daihoi";
  const list = [...rows];
  const ws = orgSheet(wb);
  for (const r of list) ws.addRow(exportCells(r, hierarchy));
  addCatalogSheet(wb, hierarchy);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
