/**
 * Bulk congress records in .xlsx (docs/import-format.md, "Đại hội"): one row per organisation with
 * the state of its congress as the officer knows it. Columns are found by header text.
 */
import ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  CONGRESS_CONTENTS,
  CONGRESS_TYPE_LABELS,
  type CongressContent,
  type CongressRecord,
  type CongressStatus,
  type CongressType,
} from "../../domain/congress/index.ts";
import { formatDate, parseVietnameseDate } from "../../domain/format/date.ts";
import { percentCell } from "../../domain/format/number.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import {
  type CellScalar,
  columnLetter,
  loadSheet,
  locateColumns,
  readSheetTable,
  readWholeNumber,
} from "./cells.ts";
import type { FileIssue } from "./org-sheet.ts";

export const CONGRESS_SHEET = "DaiHoi";

type Field =
  | "code"
  | "name"
  | "type"
  | "pilot"
  | "plannedStart"
  | "plannedEnd"
  | "venue"
  | "actualStart"
  | "actualEnd"
  | "contents"
  | "committeeAppointed"
  | "convened"
  | "present"
  | "resultsRecordedOn"
  | "committeeSeatsDecided"
  | "committeeSeatsElected"
  | "electedInOneRoundFull"
  | "secretaryElectedDirectly"
  | "secretaryVotes"
  | "secretaryVoteBase"
  | "confirmationNumber"
  | "confirmationDate"
  | "contactName"
  | "contactPhone";

interface Column {
  readonly field: Field;
  readonly header: string;
  readonly width: number;
}

/** The stable column set: add, never rename. */
export const CONGRESS_COLUMNS: readonly Column[] = [
  { field: "code", header: "Mã đơn vị", width: 24 },
  { field: "name", header: "Tên đơn vị", width: 40 },
  { field: "type", header: "Loại đại hội", width: 20 },
  { field: "pilot", header: "Đại hội điểm", width: 10 },
  { field: "plannedStart", header: "Ngày dự kiến", width: 13 },
  { field: "plannedEnd", header: "Đến ngày (dự kiến)", width: 13 },
  { field: "venue", header: "Địa điểm", width: 24 },
  { field: "actualStart", header: "Ngày tổ chức", width: 13 },
  { field: "actualEnd", header: "Ngày kết thúc", width: 13 },
  { field: "contents", header: "Nội dung", width: 12 },
  { field: "committeeAppointed", header: "Cấp ủy chỉ định", width: 10 },
  { field: "convened", header: "Số triệu tập", width: 10 },
  { field: "present", header: "Số có mặt", width: 10 },
  { field: "resultsRecordedOn", header: "Ngày nhập kết quả", width: 13 },
  { field: "committeeSeatsDecided", header: "Số cấp ủy theo đề án", width: 10 },
  { field: "committeeSeatsElected", header: "Số cấp ủy trúng cử", width: 10 },
  { field: "electedInOneRoundFull", header: "Bầu một lần đủ số lượng", width: 10 },
  { field: "secretaryElectedDirectly", header: "Bầu bí thư tại đại hội", width: 10 },
  { field: "secretaryVotes", header: "Số phiếu bí thư", width: 10 },
  { field: "secretaryVoteBase", header: "Cơ số tính tỷ lệ (N)", width: 10 },
  { field: "confirmationNumber", header: "Số quyết định chuẩn y", width: 16 },
  { field: "confirmationDate", header: "Ngày chuẩn y", width: 13 },
  { field: "contactName", header: "Người phụ trách", width: 22 },
  { field: "contactPhone", header: "Điện thoại", width: 14 },
];

export interface CongressRow {
  readonly rowNumber: number;
  readonly code: string;
  /** The record without orgId/seasonCode (filled by the service). */
  readonly record: Omit<CongressRecord, "orgId" | "seasonCode">;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

function cellValue(v: CellScalar): string | Date | number | null {
  if (v === null) return null;
  if (v instanceof Date || typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  return v ? "x" : null;
}

export interface ParsedCongressFile {
  readonly sheet: string;
  readonly rows: CongressRow[];
  /** Field → column as the user sees it ("M (Số có mặt)"), for messages about a row. */
  readonly columnOf: (field: string) => string | null;
}

export async function readCongressXlsx(data: Uint8Array): Promise<Result<ParsedCongressFile, FileIssue[]>> {
  const sheetOf = await loadSheet(data, CONGRESS_SHEET);
  if (!sheetOf.ok) return sheetOf;
  const ws = sheetOf.value;
  const table = readSheetTable(ws);
  const located = locateColumns(table, CONGRESS_COLUMNS, ["code", "type", "plannedStart"]);
  if (!located.ok) return located;
  const at = located.value;
  const issues: FileIssue[] = [...table.issues];
  const label = (f: Field | string) => {
    const i = at.get(f as Field);
    return i === undefined
      ? null
      : `${columnLetter(i)} (${CONGRESS_COLUMNS.find((c) => c.field === f)!.header})`;
  };
  const rows: CongressRow[] = [];
  for (const { rowNumber, values: cells } of table.rows) {
    const values = cells.map(cellValue);
    // A template row with only the organisation filled in says nothing: leave that congress alone.
    const informative = [...at.entries()]
      .filter(([f]) => f !== "code" && f !== "name")
      .some(([, i]) => (values[i] ?? null) !== null);
    if (!informative) continue;
    const raw = (f: Field) => {
      const i = at.get(f);
      return i === undefined ? null : (values[i] ?? null);
    };
    const bad = (f: Field, rule: string, message: string) =>
      issues.push({ sheet: ws.name, row: rowNumber, column: label(f), field: f, rule, message });
    const text = (f: Field) => {
      const v = raw(f);
      return v === null ? null : v instanceof Date ? formatDate(v.toISOString().slice(0, 10)) : String(v);
    };
    const date = (f: Field) => {
      const v = raw(f);
      if (v === null) return null;
      // Excel dates arrive as Date at UTC midnight; typed text as dd/mm/yyyy.
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      const d = parseVietnameseDate(String(v));
      if (d === null) bad(f, "invalid_date", `"${v}" không phải ngày hợp lệ (dd/mm/yyyy)`);
      return d;
    };
    const int = (f: Field) => {
      const v = raw(f);
      if (v === null) return null;
      const n = readWholeNumber(v);
      if (!n.ok) {
        bad(f, "invalid_number", n.error);
        return null;
      }
      return n.value;
    };
    const flag = (f: Field): boolean | null => {
      const v = raw(f);
      if (v === null) return null;
      const s = foldDiacritics(String(v));
      if (["x", "co", "1", "true", "dung"].includes(s)) return true;
      if (["khong", "0", "false", "-"].includes(s)) return false;
      bad(f, "invalid_flag", `"${v}" phải là "x" (có) hoặc "không"`);
      return null;
    };
    const code = text("code") ?? "";
    if (!code) bad("code", "missing_code", "Mã đơn vị không được để trống");
    const typeText = foldDiacritics(text("type") ?? "");
    let type: CongressType = "members";
    if (typeText === "members" || typeText.includes("dang vien")) type = "members";
    else if (typeText === "delegates" || typeText.includes("dai bieu")) type = "delegates";
    else
      bad(
        "type",
        "invalid_type",
        `Loại đại hội phải là "${CONGRESS_TYPE_LABELS.members}" hoặc "${CONGRESS_TYPE_LABELS.delegates}"`,
      );
    const plannedStart = date("plannedStart");
    if (raw("plannedStart") === null)
      bad("plannedStart", "missing_planned_date", "Ngày dự kiến không được để trống");
    const contentsText = text("contents");
    let contents: CongressContent[] = [];
    if (contentsText !== null) {
      const folded = foldDiacritics(contentsText);
      if (folded === "4" || folded.startsWith("du") || folded.startsWith("4 noi dung"))
        contents = [...CONGRESS_CONTENTS];
      else {
        const nums = folded
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map(Number);
        if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 4)) {
          bad(
            "contents",
            "invalid_contents",
            `Nội dung ghi "đủ" (4 nội dung) hoặc các số 1–4 cách nhau dấu phẩy, không phải "${contentsText}"`,
          );
        } else contents = [...new Set(nums)].sort().map((n) => CONGRESS_CONTENTS[n - 1]!);
      }
    }
    const actualStart = date("actualStart");
    const actualEnd = date("actualEnd") ?? actualStart;
    const resultsRecordedOn = date("resultsRecordedOn");
    const confirmationDate = date("confirmationDate");
    const confirmationNumber = text("confirmationNumber");
    const status: CongressStatus =
      confirmationDate && confirmationNumber
        ? "confirmed"
        : resultsRecordedOn
          ? "results_recorded"
          : actualEnd
            ? "held"
            : "planned";
    const recorded = status === "results_recorded" || status === "confirmed";
    // Every count cell is checked, whatever the row's status: a wrong figure is never kept silently.
    const counts = {
      convened: int("convened"),
      present: int("present"),
      committeeSeatsDecided: int("committeeSeatsDecided"),
      committeeSeatsElected: int("committeeSeatsElected"),
      secretaryVotes: int("secretaryVotes"),
      secretaryVoteBase: int("secretaryVoteBase"),
    };
    rows.push({
      rowNumber,
      code,
      contactName: text("contactName"),
      contactPhone: text("contactPhone"),
      record: {
        type,
        pilot: flag("pilot") ?? false,
        status,
        plannedStart: plannedStart ?? "1900-01-01",
        plannedEnd: date("plannedEnd") ?? plannedStart ?? "1900-01-01",
        venue: text("venue"),
        actualStart: status === "planned" ? null : actualStart,
        actualEnd: status === "planned" ? null : actualEnd,
        contents: status === "planned" ? [] : contents,
        committeeAppointed: flag("committeeAppointed") ?? false,
        convened: status === "planned" ? null : counts.convened,
        present: status === "planned" ? null : counts.present,
        resultsRecordedOn: recorded ? resultsRecordedOn : null,
        committeeSeatsDecided: recorded ? counts.committeeSeatsDecided : null,
        committeeSeatsElected: recorded ? counts.committeeSeatsElected : null,
        electedInOneRoundFull: recorded ? flag("electedInOneRoundFull") : null,
        secretaryElectedDirectly: recorded ? (flag("secretaryElectedDirectly") ?? false) : null,
        secretaryVotes: recorded ? counts.secretaryVotes : null,
        secretaryVoteBase: recorded ? counts.secretaryVoteBase : null,
        confirmation:
          status === "confirmed" ? { decisionNumber: confirmationNumber!, date: confirmationDate! } : null,
      },
    });
  }
  if (issues.length > 0) return err(issues.sort((a, b) => a.row - b.row));
  return ok({ sheet: ws.name, rows, columnOf: label });
}

export interface CongressExportRow {
  readonly code: string;
  readonly name: string;
  readonly record: CongressRecord | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

/** The template (or the current state of a subtree): one row per organisation, filled where known. */
export async function writeCongressSheet(rows: Iterable<CongressExportRow>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "daihoi";
  const ws = wb.addWorksheet(CONGRESS_SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  ws.columns = CONGRESS_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: "middle" };
  const d = (x: string | null | undefined) => (x ? formatDate(x) : "");
  const f = (x: boolean | null | undefined) => (x === true ? "x" : x === false ? "không" : "");
  for (const r of rows) {
    const c = r.record;
    ws.addRow({
      code: r.code,
      name: r.name,
      type: c ? CONGRESS_TYPE_LABELS[c.type] : "",
      pilot: c?.pilot ? "x" : "",
      plannedStart: d(c?.plannedStart),
      plannedEnd: d(c?.plannedEnd),
      venue: c?.venue ?? "",
      actualStart: d(c?.actualStart),
      actualEnd: d(c?.actualEnd),
      contents:
        c && c.contents.length > 0
          ? c.contents.length === 4
            ? "đủ"
            : c.contents.map((x) => CONGRESS_CONTENTS.indexOf(x) + 1).join(",")
          : "",
      committeeAppointed: c?.committeeAppointed ? "x" : "",
      convened: c?.convened ?? "",
      present: c?.present ?? "",
      resultsRecordedOn: d(c?.resultsRecordedOn),
      committeeSeatsDecided: c?.committeeSeatsDecided ?? "",
      committeeSeatsElected: c?.committeeSeatsElected ?? "",
      electedInOneRoundFull: f(c?.electedInOneRoundFull),
      secretaryElectedDirectly: f(c?.secretaryElectedDirectly),
      secretaryVotes: c?.secretaryVotes ?? "",
      secretaryVoteBase: c?.secretaryVoteBase ?? "",
      confirmationNumber: c?.confirmation?.decisionNumber ?? "",
      confirmationDate: d(c?.confirmation?.date),
      contactName: r.contactName ?? "",
      contactPhone: r.contactPhone ?? "",
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The late list as a spreadsheet an officer calls from. */
export async function writeLateSheet(
  rows: Iterable<{
    name: string;
    pathNames: readonly string[];
    reasonText: string;
    deadline: string;
    daysOverdue: number;
    contactName: string | null;
    contactPhone: string | null;
  }>,
  title: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ChamTienDo", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([
    "STT",
    "Đơn vị",
    "Thuộc",
    "Lý do",
    "Thời hạn",
    "Số ngày chậm",
    "Người phụ trách",
    "Điện thoại",
  ]).font = { bold: true };
  ws.columns = [
    { width: 6 },
    { width: 36 },
    { width: 48 },
    { width: 28 },
    { width: 12 },
    { width: 12 },
    { width: 24 },
    { width: 16 },
  ];
  let i = 0;
  for (const r of rows) {
    ws.addRow([
      ++i,
      r.name,
      r.pathNames.join(" › "),
      r.reasonText,
      formatDate(r.deadline),
      r.daysOverdue,
      r.contactName ?? "",
      r.contactPhone ?? "",
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The dashboard's table of child organisations (X/Y and %) as a spreadsheet. */
export async function writeChildrenProgressSheet(
  rows: Iterable<{
    name: string;
    held: number;
    total: number;
    heldPercent: string;
    resultsRecorded: number;
    onTimeProvince: number | null;
  }>,
  title: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("TienDo", { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([
    "STT",
    "Đơn vị trực thuộc",
    "Đã tổ chức",
    "Tổng số",
    "Tỷ lệ",
    "Đã nhập kết quả",
    "Đúng hạn Tỉnh ủy",
  ]).font = { bold: true };
  ws.columns = [
    { width: 6 },
    { width: 44 },
    { width: 12 },
    { width: 10 },
    { width: 10 },
    { width: 16 },
    { width: 16 },
  ];
  let i = 0;
  for (const r of rows) {
    // The rate as a number with a percent format, not the printed text (issue 17).
    const share = percentCell(r.held, r.total);
    const row = ws.addRow([
      ++i,
      r.name,
      r.held,
      r.total,
      share.value,
      r.resultsRecorded,
      r.onTimeProvince ?? "—",
    ]);
    row.getCell(5).numFmt = share.numFmt;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
