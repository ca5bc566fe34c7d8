/**
 * The people import/export format (docs/people-import-format.md): sheet "NhanSu" (one row per
 * person) and sheet "ChucVu" (one row per post, naming its holder by "Mã người"), each with a
 * header row; columns are found by their header, in any order. Every cell problem is reported
 * with its sheet, row and column; nothing here looks at the database.
 */
import ExcelJS from "exceljs";
import type { ZodError } from "zod";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { isValidIsoDate, parseVietnameseDate } from "../../domain/format/date.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import {
  GENDER_LABELS,
  type Gender,
  type Hometown,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatus,
  type Person,
  POST_KIND_LABELS,
  type PostKind,
  personSchema,
  postSchema,
  THEORY_LEVEL_LABELS,
  type TheoryLevel,
} from "../../domain/people/types.ts";
import { cellText, columnLetter, fileIssue, loadWorkbook, readSheetTable } from "./cells.ts";
import type { FileIssue } from "./org-sheet.ts";

export const PEOPLE_SHEET = "NhanSu";
export const POSTS_SHEET = "ChucVu";

interface Column<F extends string> {
  readonly field: F;
  readonly header: string;
  readonly required: boolean;
  readonly width: number;
  readonly note: string;
}

type PersonField =
  | "code"
  | "fullName"
  | "gender"
  | "birthDate"
  | "ethnicity"
  | "provinceCode"
  | "provinceName"
  | "districtCode"
  | "districtName"
  | "communeCode"
  | "communeName"
  | "membership"
  | "joinedOn"
  | "officialOn"
  | "education"
  | "politicalTheory"
  | "differentPerson";

type PostField = "personCode" | "kind" | "orgCode" | "villageCode" | "term" | "title" | "start" | "end";

/** Stable headers: add columns, never rename them (other tools' files would break). */
export const PERSON_COLUMNS: readonly Column<PersonField>[] = [
  {
    field: "code",
    header: "Mã người",
    required: true,
    width: 14,
    note: "Duy nhất. Mã của người đã có trong phần mềm thì dòng này cập nhật người đó",
  },
  { field: "fullName", header: "Họ và tên", required: true, width: 28, note: "Ví dụ: Nguyễn Văn An" },
  { field: "gender", header: "Giới tính", required: true, width: 10, note: "Nam hoặc Nữ" },
  { field: "birthDate", header: "Ngày sinh", required: true, width: 12, note: "dd/mm/yyyy" },
  { field: "ethnicity", header: "Dân tộc", required: true, width: 12, note: "Ví dụ: Kinh, Tày, Dao" },
  {
    field: "provinceCode",
    header: "Mã tỉnh (quê quán)",
    required: true,
    width: 14,
    note: "Mã đơn vị hành chính; trong tỉnh dùng mã đơn vị trong phần mềm, ví dụ QN",
  },
  { field: "provinceName", header: "Tỉnh (quê quán)", required: true, width: 16, note: "Ví dụ: Quảng Ninh" },
  {
    field: "districtCode",
    header: "Mã huyện (quê quán)",
    required: false,
    width: 14,
    note: "Bỏ trống nếu chỉ ghi được tỉnh",
  },
  { field: "districtName", header: "Huyện (quê quán)", required: false, width: 18, note: "" },
  {
    field: "communeCode",
    header: "Mã xã (quê quán)",
    required: false,
    width: 18,
    note: "Bỏ trống nếu chỉ ghi được huyện",
  },
  { field: "communeName", header: "Xã (quê quán)", required: false, width: 18, note: "" },
  {
    field: "membership",
    header: "Đảng viên",
    required: false,
    width: 12,
    note: "Chính thức, Dự bị, hoặc bỏ trống nếu không là đảng viên",
  },
  { field: "joinedOn", header: "Ngày vào Đảng", required: false, width: 14, note: "dd/mm/yyyy" },
  { field: "officialOn", header: "Ngày chính thức", required: false, width: 14, note: "dd/mm/yyyy" },
  { field: "education", header: "Trình độ chuyên môn", required: false, width: 22, note: "" },
  {
    field: "politicalTheory",
    header: "Lý luận chính trị",
    required: false,
    width: 14,
    note: Object.values(THEORY_LEVEL_LABELS).join(", "),
  },
  {
    field: "differentPerson",
    header: "Khác người",
    required: false,
    width: 11,
    note: "Ghi x khi phần mềm báo có thể trùng người nhưng đây là người khác (trùng họ tên, ngày sinh, quê quán)",
  },
];

export const POST_COLUMNS: readonly Column<PostField>[] = [
  {
    field: "personCode",
    header: "Mã người",
    required: true,
    width: 14,
    note: "Mã người ở trang NhanSu hoặc của người đã có",
  },
  {
    field: "kind",
    header: "Chức vụ",
    required: true,
    width: 26,
    note: Object.values(POST_KIND_LABELS).join(", "),
  },
  {
    field: "orgCode",
    header: "Mã đơn vị",
    required: false,
    width: 22,
    note: "Tổ chức đảng, xã/huyện (Chủ tịch UBND, HĐND, Trưởng Công an), cơ quan/đơn vị đứng đầu",
  },
  {
    field: "villageCode",
    header: "Mã thôn/khu phố",
    required: false,
    width: 20,
    note: "Chỉ với Trưởng thôn",
  },
  { field: "term", header: "Nhiệm kỳ", required: false, width: 12, note: "Chức vụ đảng: ví dụ 2020–2025" },
  {
    field: "title",
    header: "Chức danh",
    required: false,
    width: 16,
    note: "Người đứng đầu: Giám đốc, Quản đốc, Trưởng phòng…",
  },
  { field: "start", header: "Từ ngày", required: true, width: 12, note: "dd/mm/yyyy" },
  {
    field: "end",
    header: "Đến ngày",
    required: false,
    width: 12,
    note: "Ngày thôi giữ chức vụ; bỏ trống nếu đương nhiệm",
  },
];

export interface PersonFileRow {
  readonly rowNumber: number;
  readonly code: string;
  /** The person as read (its id is the code). */
  readonly person: Person;
  /** "Khác người": the officer says this row is not the register's look-alike. */
  readonly differentPerson: boolean;
}

export interface PostFileRow {
  readonly rowNumber: number;
  readonly personCode: string;
  readonly kind: PostKind;
  readonly orgCode: string | null;
  readonly villageCode: string | null;
  readonly term: string | null;
  readonly title: string | null;
  readonly start: string;
  readonly end: string | null;
}

export interface ParsedPeopleFile {
  readonly people: PersonFileRow[];
  readonly posts: PostFileRow[];
  /** sheet → field → column label ("C (Giới tính)"). */
  readonly columnOf: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A label or a code ("Nữ", "female", "nu") → the code; null when unknown. */
function labelResolver<C extends string>(labels: Readonly<Record<C, string>>): (text: string) => C | null {
  const map = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    map.set(foldDiacritics(code), code);
    map.set(foldDiacritics(label), code);
  }
  return (text) => map.get(foldDiacritics(text)) ?? null;
}
const genderOf = labelResolver<Gender>(GENDER_LABELS);
const theoryOf = labelResolver<TheoryLevel>(THEORY_LEVEL_LABELS);
const kindOf = labelResolver<PostKind>(POST_KIND_LABELS);
const membershipOf = labelResolver<MembershipStatus>({
  ...MEMBERSHIP_STATUS_LABELS,
  official: "Chính thức",
  probationary: "Dự bị",
});

/** "29/02/2020" or "2020-02-29" (an Excel date cell) → ISO; null when not a real date. */
function parseDay(text: string): string | null {
  const t = text.trim();
  if (isValidIsoDate(t)) return t;
  return parseVietnameseDate(t);
}

interface Table {
  readonly sheet: string;
  readonly rows: { rowNumber: number; cells: Record<string, string> }[];
  readonly columnOf: Map<string, string>;
}

function readTable<F extends string>(
  ws: ExcelJS.Worksheet,
  columns: readonly Column<F>[],
  issues: FileIssue[],
): Table {
  const sheet = readSheetTable(ws);
  for (const i of sheet.issues) issues.push(i);
  const table: string[][] = [[...sheet.header]];
  for (const { rowNumber, values } of sheet.rows) table[rowNumber - 1] = values.map(cellText);
  const header = table[0] ?? [];
  const fieldAt = new Map<number, F>();
  const columnOf = new Map<string, string>();
  for (const [i, h] of header.entries()) {
    const col = columns.find((c) => foldDiacritics(c.header) === foldDiacritics(h ?? ""));
    if (col && !columnOf.has(col.field)) {
      fieldAt.set(i, col.field);
      columnOf.set(col.field, `${columnLetter(i)} (${col.header})`);
    }
  }
  for (const c of columns) {
    if (c.required && !columnOf.has(c.field)) {
      issues.push({
        sheet: ws.name,
        row: 1,
        column: null,
        field: c.field,
        rule: "missing_column",
        message: `Thiếu cột bắt buộc "${c.header}" ở dòng tiêu đề`,
      });
    }
  }
  const rows: Table["rows"] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => !c?.trim())) continue;
    const rec: Record<string, string> = {};
    for (const [i, f] of fieldAt) rec[f] = (cells[i] ?? "").trim();
    rows.push({ rowNumber: r + 1, cells: rec });
  }
  return { sheet: ws.name, rows, columnOf };
}

const PERSON_PATH_FIELD: Readonly<Record<string, PersonField>> = {
  fullName: "fullName",
  gender: "gender",
  birthDate: "birthDate",
  ethnicity: "ethnicity",
  "hometown.province.code": "provinceCode",
  "hometown.province.name": "provinceName",
  "hometown.district": "districtCode",
  "hometown.district.code": "districtCode",
  "hometown.district.name": "districtName",
  "hometown.commune.code": "communeCode",
  "hometown.commune.name": "communeName",
  "membership.status": "membership",
  "membership.joinedOn": "joinedOn",
  "membership.officialOn": "officialOn",
  education: "education",
  politicalTheory: "politicalTheory",
};

const POST_PATH_FIELD: Readonly<Record<string, PostField>> = {
  kind: "kind",
  orgId: "orgCode",
  villageCode: "villageCode",
  term: "term",
  title: "title",
  start: "start",
  end: "end",
};

/** Reads both sheets; every problem of every row is returned at once. */
export async function readPeopleXlsx(data: Uint8Array): Promise<Result<ParsedPeopleFile, FileIssue[]>> {
  const loaded = await loadWorkbook(data);
  if (!loaded.ok) return loaded;
  const wb = loaded.value;
  const peopleWs = wb.getWorksheet(PEOPLE_SHEET);
  if (!peopleWs)
    return err([
      fileIssue(
        "no_sheet",
        `Tệp không có trang tính "${PEOPLE_SHEET}" (tải mẫu nhập nhân sự để xem định dạng)`,
      ),
    ]);
  const issues: FileIssue[] = [];
  const peopleTable = readTable(peopleWs, PERSON_COLUMNS, issues);
  const postsWs = wb.getWorksheet(POSTS_SHEET);
  const postsTable = postsWs
    ? readTable(postsWs, POST_COLUMNS, issues)
    : { sheet: POSTS_SHEET, rows: [], columnOf: new Map<string, string>() };
  if (issues.length > 0) return err(issues);

  const issue = (t: Table, row: number, field: string | null, rule: string, message: string) =>
    issues.push({
      sheet: t.sheet,
      row,
      column: field ? (t.columnOf.get(field) ?? null) : null,
      field,
      rule,
      message,
    });

  const people: PersonFileRow[] = [];
  const seenCodes = new Map<string, number>();
  for (const { rowNumber, cells } of peopleTable.rows) {
    const t = peopleTable;
    let bad = false;
    const fail = (field: string, rule: string, message: string) => {
      bad = true;
      issue(t, rowNumber, field, rule, message);
    };
    const code = cells.code ?? "";
    if (!code) fail("code", "required", "Mã người không được để trống");
    else if (seenCodes.has(code))
      fail("code", "duplicate_code", `Mã người "${code}" đã có ở dòng ${seenCodes.get(code)}`);
    else seenCodes.set(code, rowNumber);
    const gender = cells.gender ? genderOf(cells.gender) : null;
    if (cells.gender && !gender) fail("gender", "invalid", `Giới tính "${cells.gender}" phải là Nam hoặc Nữ`);
    const day = (field: PersonField, what: string): string | null => {
      const text = cells[field] ?? "";
      if (!text) return null;
      const d = parseDay(text);
      if (!d) fail(field, "invalid_date", `${what} "${text}" không phải ngày hợp lệ (dd/mm/yyyy)`);
      return d;
    };
    const birthDate = day("birthDate", "Ngày sinh");
    const joinedOn = day("joinedOn", "Ngày vào Đảng");
    const officialOn = day("officialOn", "Ngày chính thức");
    const statusText = cells.membership ?? "";
    const status = statusText ? membershipOf(statusText) : null;
    if (statusText && !status) fail("membership", "invalid", `"${statusText}" phải là Chính thức hoặc Dự bị`);
    if (!statusText && (joinedOn || officialOn)) {
      fail("membership", "required", "Có ngày vào Đảng thì phải ghi Chính thức hoặc Dự bị");
    }
    if (status && !joinedOn && !cells.joinedOn)
      fail("joinedOn", "required", "Đảng viên phải có ngày vào Đảng");
    const theoryText = cells.politicalTheory ?? "";
    const theory = theoryText ? theoryOf(theoryText) : null;
    if (theoryText && !theory)
      fail(
        "politicalTheory",
        "invalid",
        `Lý luận chính trị "${theoryText}" phải là một trong: ${Object.values(THEORY_LEVEL_LABELS).join(", ")}`,
      );
    const place = (c: string | undefined, n: string | undefined) => (c ? { code: c, name: n || c } : null);
    const hometown: Hometown = {
      province: { code: cells.provinceCode ?? "", name: cells.provinceName ?? "" },
      district: place(cells.districtCode, cells.districtName),
      commune: place(cells.communeCode, cells.communeName),
    };
    const different = cells.differentPerson ?? "";
    const candidate = {
      id: code || `dòng ${rowNumber}`,
      fullName: cells.fullName ?? "",
      gender: gender ?? (cells.gender ? "male" : ""),
      // An unreadable birth date is reported above; a placeholder keeps the age rule quiet.
      birthDate: birthDate ?? (cells.birthDate ? "1900-01-01" : ""),
      ethnicity: cells.ethnicity ?? "",
      hometown,
      membership:
        status && (joinedOn || cells.joinedOn)
          ? { status, joinedOn: joinedOn ?? "1900-01-01", officialOn: officialOn }
          : null,
      education: cells.education || null,
      politicalTheory: theory,
    };
    const parsed = personSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const i of (parsed.error as ZodError).issues) {
        const path = i.path.map(String).join(".");
        const field = PERSON_PATH_FIELD[path] ?? null;
        // Cells already reported as unreadable are not reported twice.
        if (field && issues.some((x) => x.sheet === t.sheet && x.row === rowNumber && x.field === field))
          continue;
        bad = true;
        issue(t, rowNumber, field, "invalid", i.message);
      }
    }
    if (!bad && parsed.success) {
      people.push({
        rowNumber,
        code,
        person: parsed.data,
        differentPerson: ["x", "co", "có", "khac nguoi"].includes(foldDiacritics(different)),
      });
    }
  }

  const posts: PostFileRow[] = [];
  for (const { rowNumber, cells } of postsTable.rows) {
    const t = postsTable;
    let bad = false;
    const fail = (field: string, rule: string, message: string) => {
      bad = true;
      issue(t, rowNumber, field, rule, message);
    };
    const personCode = cells.personCode ?? "";
    if (!personCode) fail("personCode", "required", "Mã người không được để trống");
    const kindText = cells.kind ?? "";
    const kind = kindText ? kindOf(kindText) : null;
    if (!kindText) fail("kind", "required", "Chức vụ không được để trống");
    else if (!kind)
      fail("kind", "invalid", `Chức vụ "${kindText}" không có trong danh mục (xem ghi chú ở tiêu đề cột)`);
    const start = cells.start ? parseDay(cells.start) : null;
    if (!cells.start) fail("start", "required", "Từ ngày không được để trống");
    else if (!start)
      fail("start", "invalid_date", `Từ ngày "${cells.start}" không phải ngày hợp lệ (dd/mm/yyyy)`);
    const end = cells.end ? parseDay(cells.end) : null;
    if (cells.end && !end)
      fail("end", "invalid_date", `Đến ngày "${cells.end}" không phải ngày hợp lệ (dd/mm/yyyy)`);
    if (!kind || !start || bad) continue;
    const row: PostFileRow = {
      rowNumber,
      personCode,
      kind,
      orgCode: cells.orgCode || null,
      villageCode: cells.villageCode || null,
      term: cells.term || null,
      title: cells.title || null,
      start,
      end,
    };
    const parsed = postSchema.safeParse({ ...row, id: rowNumber, personId: personCode, orgId: row.orgCode });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        fail(POST_PATH_FIELD[i.path.map(String).join(".")] ?? "kind", "invalid", i.message);
      }
      continue;
    }
    posts.push(row);
  }
  if (issues.length > 0) return err(issues);
  if (people.length === 0 && posts.length === 0) {
    return err([
      {
        sheet: PEOPLE_SHEET,
        row: 2,
        column: null,
        field: null,
        rule: "empty_file",
        message: "Tệp không có dòng dữ liệu nào",
      },
    ]);
  }
  return ok({
    people,
    posts,
    columnOf: new Map([
      [peopleTable.sheet, peopleTable.columnOf],
      [postsTable.sheet, postsTable.columnOf],
    ]),
  });
}

export interface PeopleExportRow {
  readonly code: string;
  readonly person: Person;
}

export interface PostExportRow {
  readonly personCode: string;
  readonly kind: PostKind;
  readonly orgCode: string | null;
  readonly villageCode: string | null;
  readonly term: string | null;
  readonly title: string | null;
  readonly start: string;
  readonly end: string | null;
}

const dmy = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "";

function sheetOf<F extends string>(wb: ExcelJS.Workbook, name: string, columns: readonly Column<F>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
  for (const [i, c] of columns.entries())
    head.getCell(i + 1).note = `${c.required ? "Bắt buộc. " : ""}${c.note}`;
  // Dates and codes as text: Excel must not turn "01/02/1970" or "0012" into numbers.
  for (let i = 1; i <= columns.length; i++) ws.getColumn(i).numFmt = "@";
  return ws;
}

function personCells(r: PeopleExportRow): Record<PersonField, string> {
  const p = r.person;
  return {
    code: r.code,
    fullName: p.fullName,
    gender: GENDER_LABELS[p.gender],
    birthDate: dmy(p.birthDate),
    ethnicity: p.ethnicity,
    provinceCode: p.hometown.province.code,
    provinceName: p.hometown.province.name,
    districtCode: p.hometown.district?.code ?? "",
    districtName: p.hometown.district?.name ?? "",
    communeCode: p.hometown.commune?.code ?? "",
    communeName: p.hometown.commune?.name ?? "",
    membership: p.membership ? (p.membership.status === "official" ? "Chính thức" : "Dự bị") : "",
    joinedOn: dmy(p.membership?.joinedOn),
    officialOn: dmy(p.membership?.officialOn),
    education: p.education ?? "",
    politicalTheory: p.politicalTheory ? THEORY_LEVEL_LABELS[p.politicalTheory] : "",
    differentPerson: "",
  };
}

function postCells(r: PostExportRow): Record<PostField, string> {
  return {
    personCode: r.personCode,
    kind: POST_KIND_LABELS[r.kind],
    orgCode: r.orgCode ?? "",
    villageCode: r.villageCode ?? "",
    term: r.term ?? "",
    title: r.title ?? "",
    start: dmy(r.start),
    end: dmy(r.end),
  };
}

function addCatalog(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet("DanhMuc");
  ws.columns = [
    { header: "Chức vụ", key: "k", width: 34 },
    { header: "Ghi đơn vị", key: "o", width: 40 },
  ];
  const needs: Record<PostKind, string> = {
    committee_member: "Mã tổ chức đảng + Nhiệm kỳ",
    standing_committee_member: "Mã tổ chức đảng + Nhiệm kỳ",
    secretary: "Mã tổ chức đảng + Nhiệm kỳ",
    deputy_secretary: "Mã tổ chức đảng + Nhiệm kỳ",
    people_committee_chair: "Mã đảng bộ xã/huyện",
    people_council_chair: "Mã đảng bộ xã/huyện",
    commune_police_chief: "Mã đảng bộ xã",
    village_head: "Mã thôn/khu phố",
    unit_head: "Mã tổ chức đảng của cơ quan, đơn vị + Chức danh",
  };
  for (const [k, label] of Object.entries(POST_KIND_LABELS) as [PostKind, string][]) {
    ws.addRow({ k: label, o: needs[k] });
  }
  ws.getRow(1).font = { bold: true };
}

/** The template users download: both sheets with notes, an example person and posts, the catalogue. */
export async function writePeopleTemplate(): Promise<Uint8Array> {
  return writePeopleExport(
    [
      {
        code: "NS-MAU-1",
        person: {
          id: "NS-MAU-1",
          fullName: "Nguyễn Văn Mẫu",
          gender: "male",
          birthDate: "1975-03-12",
          ethnicity: "Kinh",
          hometown: {
            province: { code: "QN", name: "Quảng Ninh" },
            district: { code: "QN.HL", name: "Thành phố Hạ Long" },
            commune: { code: "QN.HL.HONGGAI", name: "Phường Hồng Gai" },
          },
          membership: { status: "official", joinedOn: "2000-05-19", officialOn: "2001-05-19" },
          education: "Đại học Luật",
          politicalTheory: "cao_cap",
        },
      },
    ],
    [
      {
        personCode: "NS-MAU-1",
        kind: "secretary",
        orgCode: "QN.HL.HONGGAI",
        villageCode: null,
        term: "2020–2025",
        title: null,
        start: "2020-05-20",
        end: null,
      },
      {
        personCode: "NS-MAU-1",
        kind: "people_council_chair",
        orgCode: "QN.HL.HONGGAI",
        villageCode: null,
        term: null,
        title: null,
        start: "2021-06-01",
        end: null,
      },
    ],
  );
}

export async function writePeopleExport(
  people: Iterable<PeopleExportRow>,
  posts: Iterable<PostExportRow>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "daihoi";
  const pw = sheetOf(wb, PEOPLE_SHEET, PERSON_COLUMNS);
  for (const r of people) pw.addRow(personCells(r));
  const cw = sheetOf(wb, POSTS_SHEET, POST_COLUMNS);
  for (const r of posts) cw.addRow(postCells(r));
  addCatalog(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
