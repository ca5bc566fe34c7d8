/**
 * Village-head election results in .xlsx (docs/village-elections.md): one row per village meeting
 * (the election, or the re-election as "Lần bầu" 2), with up to MAX_CANDIDATES candidates in
 * column groups. Columns are found by header text; the export writes the same layout.
 */
import ExcelJS from "exceljs";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { formatDate, parseVietnameseDate } from "../../domain/format/date.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import type { RecognitionInput, VillageMeetingInput } from "../../domain/village/index.ts";
import {
  type CellScalar,
  cellText,
  columnLetter,
  loadSheet,
  locateColumns,
  readSheetTable,
  readWholeNumber,
} from "./cells.ts";
import type { FileIssue } from "./org-sheet.ts";

export const VILLAGE_SHEET = "BauTruongThon";
export const MAX_CANDIDATES = 3;

interface Column {
  readonly field: string;
  readonly header: string;
  readonly width: number;
}

const BASE: readonly Column[] = [
  { field: "villageCode", header: "Mã thôn", width: 22 },
  { field: "villageName", header: "Tên thôn, khu phố", width: 22 },
  { field: "communeName", header: "Xã, phường, thị trấn", width: 26 },
  { field: "attempt", header: "Lần bầu", width: 8 },
  { field: "heldOn", header: "Ngày họp", width: 12 },
  { field: "electorate", header: "Tổng số đại diện hộ", width: 12 },
  { field: "present", header: "Số có mặt", width: 10 },
  { field: "method", header: "Hình thức bầu", width: 14 },
  { field: "issued", header: "Phiếu phát ra", width: 10 },
  { field: "collected", header: "Phiếu thu vào", width: 10 },
  { field: "valid", header: "Phiếu hợp lệ", width: 10 },
  { field: "invalid", header: "Phiếu không hợp lệ", width: 10 },
  { field: "team", header: "Tổ bầu cử", width: 30 },
  // The procedural votes (Nghị định 59/2023): approvals among those present, each > 1/2.
  { field: "methodApprovals", header: "Tán thành hình thức bầu", width: 12 },
  { field: "teamApprovals", header: "Tán thành tổ bầu cử", width: 12 },
  // The commune People's Committee's recognition of the elected head (optional).
  { field: "recognitionDecision", header: "Số quyết định công nhận", width: 16 },
  { field: "recognisedOn", header: "Ngày công nhận", width: 12 },
  { field: "recognisedBy", header: "Người ký công nhận", width: 24 },
];

const CANDIDATE_FIELDS = [
  { key: "fullName", header: "Người ứng cử", width: 24 },
  { key: "gender", header: "Giới tính", width: 8 },
  { key: "birthDate", header: "Ngày sinh", width: 12 },
  { key: "ethnicity", header: "Dân tộc", width: 10 },
  { key: "nomination", header: "Giới thiệu", width: 14 },
  { key: "personCode", header: "Mã người", width: 12 },
  { key: "votes", header: "Số phiếu", width: 9 },
] as const;

export const VILLAGE_COLUMNS: readonly Column[] = [
  ...BASE,
  ...Array.from({ length: MAX_CANDIDATES }, (_, k) =>
    CANDIDATE_FIELDS.map((f) => ({
      field: `${f.key}${k + 1}`,
      header: `${f.header} ${k + 1}`,
      width: f.width,
    })),
  ).flat(),
];

const METHOD_TEXT = { "show-of-hands": "Giơ tay", "secret-ballot": "Bỏ phiếu kín" } as const;
const NOMINATION_TEXT = {
  "branch-committee": "Chi ủy",
  households: "Hộ gia đình giới thiệu",
  self: "Tự ứng cử",
} as const;

/** A meeting read from a row: person codes still to be resolved by the service. */
export interface VillageSheetRow {
  readonly rowNumber: number;
  readonly villageCode: string;
  /** The commune's recognition of the head this meeting elected, when the row gives it. */
  readonly recognition: RecognitionInput | null;
  readonly meeting: Omit<VillageMeetingInput, "candidates"> & {
    readonly candidates: readonly (Omit<VillageMeetingInput["candidates"][number], "personId"> & {
      readonly personCode: string | null;
    })[];
  };
}

export interface ParsedVillageFile {
  readonly rows: VillageSheetRow[];
  readonly columnOf: (field: string) => string | null;
}

export async function readVillageXlsx(data: Uint8Array): Promise<Result<ParsedVillageFile, FileIssue[]>> {
  const sheetOf = await loadSheet(data, VILLAGE_SHEET);
  if (!sheetOf.ok) return sheetOf;
  const ws = sheetOf.value;
  const table = readSheetTable(ws);
  const located = locateColumns(table, VILLAGE_COLUMNS, [
    "villageCode",
    "attempt",
    "heldOn",
    "electorate",
    "present",
    "method",
    "fullName1",
    "votes1",
  ]);
  if (!located.ok) return located;
  const at = located.value;
  const issues: FileIssue[] = [...table.issues];
  const columnOf = (field: string) => {
    const base = field.replace(/^candidates\.(\d+)\.(\w+)$/, (_, i, f) => `${f}${Number(i) + 1}`);
    const i = at.get(base);
    return i === undefined
      ? null
      : `${columnLetter(i)} (${VILLAGE_COLUMNS.find((c) => c.field === base)!.header})`;
  };
  const rows: VillageSheetRow[] = [];
  for (const { rowNumber, values } of table.rows) {
    const raw = (f: string): CellScalar => {
      const i = at.get(f);
      return i === undefined ? null : (values[i] ?? null);
    };
    const text = (f: string) => {
      const v = raw(f);
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v).trim();
      return s === "" ? null : s;
    };
    // A template row with only the village filled in says nothing yet: leave that village alone.
    const informative = VILLAGE_COLUMNS.filter(
      (c) => c.field !== "villageCode" && c.field !== "villageName" && c.field !== "communeName",
    ).some((c) => text(c.field) !== null);
    if (!informative) continue;
    const bad = (f: string, rule: string, message: string) =>
      issues.push({ sheet: ws.name, row: rowNumber, column: columnOf(f), field: f, rule, message });
    const int = (f: string, required: boolean): number | null => {
      const t = text(f);
      if (t === null) {
        if (required) bad(f, "required", `Thiếu ${VILLAGE_COLUMNS.find((c) => c.field === f)!.header}`);
        return null;
      }
      const n = readWholeNumber(raw(f));
      if (!n.ok) {
        bad(f, "invalid_number", n.error);
        return null;
      }
      return n.value;
    };
    const date = (f: string, required: boolean): string | null => {
      const v = raw(f);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      const t = text(f);
      if (t === null) {
        if (required) bad(f, "required", `Thiếu ${VILLAGE_COLUMNS.find((c) => c.field === f)!.header}`);
        return null;
      }
      const d = parseVietnameseDate(t) ?? (/^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null);
      if (d === null) bad(f, "invalid_date", `"${t}" không phải ngày hợp lệ (dd/mm/yyyy)`);
      return d;
    };
    const code = text("villageCode");
    if (code === null) bad("villageCode", "required", "Thiếu mã thôn");
    const attempt = int("attempt", true);
    if (attempt !== null && attempt !== 1 && attempt !== 2)
      bad("attempt", "invalid_attempt", "Lần bầu phải là 1 hoặc 2 (bầu lại)");
    const methodText = text("method");
    const method =
      methodText === null
        ? null
        : foldDiacritics(methodText).includes("kin")
          ? ("secret-ballot" as const)
          : foldDiacritics(methodText).includes("gio tay")
            ? ("show-of-hands" as const)
            : null;
    if (method === null)
      bad("method", "invalid_method", `Hình thức bầu phải là "Giơ tay" hoặc "Bỏ phiếu kín"`);
    const candidates: VillageSheetRow["meeting"]["candidates"][number][] = [];
    for (let k = 1; k <= MAX_CANDIDATES; k++) {
      const name = text(`fullName${k}`);
      if (name === null) continue;
      const g = text(`gender${k}`);
      const gender =
        g === null
          ? "male"
          : foldDiacritics(g) === "nu"
            ? "female"
            : foldDiacritics(g) === "nam"
              ? "male"
              : null;
      if (gender === null) bad(`gender${k}`, "invalid_gender", `Giới tính phải là "Nam" hoặc "Nữ"`);
      const n = text(`nomination${k}`);
      const folded = n === null ? "" : foldDiacritics(n);
      const nomination = folded.includes("tu ung cu")
        ? ("self" as const)
        : folded.includes("ho gia dinh")
          ? ("households" as const)
          : ("branch-committee" as const);
      candidates.push({
        fullName: name,
        gender: gender ?? "male",
        birthDate: date(`birthDate${k}`, false),
        ethnicity: text(`ethnicity${k}`) ?? "Kinh",
        nomination,
        personCode: text(`personCode${k}`),
        votes: int(`votes${k}`, true) ?? 0,
      });
    }
    if (candidates.length === 0) bad("fullName1", "required", "Phải có ít nhất một người ứng cử");
    const team = (text("team") ?? "")
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const methodApprovals = int("methodApprovals", false);
    const teamApprovals = int("teamApprovals", false);
    if ((methodApprovals === null) !== (teamApprovals === null))
      bad(
        methodApprovals === null ? "methodApprovals" : "teamApprovals",
        "required",
        "Ghi cả số tán thành hình thức bầu và số tán thành tổ bầu cử (hoặc để trống cả hai)",
      );
    const recognitionDecision = text("recognitionDecision");
    const recognisedOn = date("recognisedOn", recognitionDecision !== null);
    const recognisedBy = text("recognisedBy");
    if (recognitionDecision === null && (recognisedOn !== null || recognisedBy !== null))
      bad("recognitionDecision", "required", "Thiếu số quyết định công nhận");
    if (recognitionDecision !== null && recognisedBy === null)
      bad("recognisedBy", "required", "Thiếu người ký quyết định công nhận");
    rows.push({
      rowNumber,
      villageCode: code ?? "",
      recognition:
        recognitionDecision !== null && recognisedOn !== null && recognisedBy !== null
          ? { decisionNumber: recognitionDecision, recognisedOn, recognisedBy }
          : null,
      meeting: {
        attempt: (attempt === 2 ? 2 : 1) as 1 | 2,
        heldOn: date("heldOn", true) ?? "",
        electorate: int("electorate", true) ?? 0,
        present: int("present", true) ?? 0,
        method: method ?? "secret-ballot",
        issued: int("issued", false),
        collected: int("collected", false),
        valid: int("valid", false),
        invalid: int("invalid", false),
        candidates,
        team,
        proceduralVotes:
          methodApprovals !== null && teamApprovals !== null
            ? { method: methodApprovals, team: teamApprovals }
            : null,
      },
    });
  }
  if (issues.length > 0) return err(issues.sort((a, b) => a.row - b.row));
  return ok({ rows, columnOf });
}

export interface VillageExportRow {
  readonly villageCode: string;
  readonly villageName: string;
  readonly communeName: string;
  readonly meeting: VillageSheetRow["meeting"] | null;
  readonly recognition?: RecognitionInput | null | undefined;
}

/** The template (no rows but the villages given) or the export of recorded meetings. */
export async function writeVillageSheet(rows: Iterable<VillageExportRow>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(VILLAGE_SHEET);
  ws.columns = VILLAGE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 2 }];
  for (const r of rows) {
    const m = r.meeting;
    const values: Record<string, string | number | null> = {
      villageCode: r.villageCode,
      villageName: r.villageName,
      communeName: r.communeName,
    };
    if (m) {
      Object.assign(values, {
        attempt: m.attempt,
        heldOn: formatDate(m.heldOn),
        electorate: m.electorate,
        present: m.present,
        method: METHOD_TEXT[m.method],
        issued: m.issued,
        collected: m.collected,
        valid: m.valid,
        invalid: m.invalid,
        team: m.team.join("; "),
        methodApprovals: m.proceduralVotes?.method ?? null,
        teamApprovals: m.proceduralVotes?.team ?? null,
        recognitionDecision: r.recognition?.decisionNumber ?? null,
        recognisedOn: r.recognition ? formatDate(r.recognition.recognisedOn) : null,
        recognisedBy: r.recognition?.recognisedBy ?? null,
      });
      m.candidates.slice(0, MAX_CANDIDATES).forEach((c, i) => {
        const k = i + 1;
        values[`fullName${k}`] = c.fullName;
        values[`gender${k}`] = c.gender === "female" ? "Nữ" : "Nam";
        values[`birthDate${k}`] = c.birthDate ? formatDate(c.birthDate) : null;
        values[`ethnicity${k}`] = c.ethnicity;
        values[`nomination${k}`] = NOMINATION_TEXT[c.nomination];
        values[`personCode${k}`] = c.personCode;
        values[`votes${k}`] = c.votes;
      });
    }
    ws.addRow(values);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
