/**
 * Counting minutes (biên bản kiểm phiếu) as .docx in the Party layout (Hướng dẫn 36-HD/VPTW):
 * Times New Roman 14 pt; top left the organisation and "BAN KIỂM PHIẾU"; top right "ĐẢNG CỘNG SẢN
 * VIỆT NAM" with place and date; then every figure BRIEF §3 asks for — convened, present, absent,
 * issued, collected, valid, invalid with reasons, votes and % of N per candidate in ballot order,
 * the elected in descending order of votes with the explanations — the counting committee's
 * signatures, and the entry log (nhật ký nhập phiếu) as an annex.
 */
import { type Document, Packer, PageBreak, Paragraph, type Table, TableCell } from "docx";
import { auditAnchorLine } from "../../domain/audit/wording.ts";
import { formatNumber, formatPercent } from "../../domain/format/number.ts";
import {
  borderlessTable,
  centred,
  grid,
  bodyParagraph as para,
  partyDocument,
  partyHeading,
  run,
  SMALL,
} from "./party.ts";

export interface MinutesCandidate {
  readonly position: number;
  readonly name: string;
  readonly votes: number;
  readonly percentOfBase: string;
  readonly outcomeLabel: string;
  readonly explanation: string;
}

export interface MinutesInput {
  /** "Đảng bộ huyện Tiên Yên" */
  readonly organisation: string;
  /** Above "BAN KIỂM PHIẾU": "ĐẠI HỘI ĐẢNG BỘ HUYỆN TIÊN YÊN" (minutesSuperiorBody). */
  readonly superiorBody: string;
  /** "Số      -BB/BKP" */
  readonly numberSymbol: string;
  /** "đảng viên" at a members' congress, "đại biểu" at a delegates' one (attendeeWordOf). */
  readonly attendeeWord: string;
  /** The term of the congress's level: "2020–2022" for a branch in the 2020 season. */
  readonly term: string;
  readonly title: string;
  readonly officeLabel: string;
  readonly seats: number;
  readonly alternateSeats: number;
  readonly round: number;
  /** The dateline's place name (địa danh) of the organisation's locality, not the venue. */
  readonly place: string;
  /** ISO date of the count. */
  readonly date: string;
  readonly base: {
    readonly convened: number;
    readonly subtractions: readonly { readonly text: string; readonly count: number }[];
    readonly n: number;
    readonly threshold: number;
  };
  readonly present: number;
  readonly issued: number;
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: readonly { readonly label: string; readonly count: number }[];
  /** In ballot order. */
  readonly candidates: readonly MinutesCandidate[];
  /** In descending order of votes. */
  readonly elected: readonly {
    readonly name: string;
    readonly votes: number;
    readonly percentOfBase: string;
  }[];
  readonly alternates: readonly {
    readonly name: string;
    readonly votes: number;
    readonly percentOfBase: string;
  }[];
  /** Ties, open seats, next step: sentences to record. */
  readonly notes: readonly string[];
  readonly countingCommittee: readonly { readonly fullName: string; readonly role: string }[];
  readonly log: readonly { readonly at: string; readonly userLabel: string; readonly text: string }[];
  /** The audit log's head when the minutes were made (`daihoi audit verify --anchor`). */
  readonly auditAnchor?: string | undefined;
}

const TINY = 20;

const n = formatNumber;

function heading(m: MinutesInput): Table {
  return partyHeading(
    [
      centred(run(m.superiorBody)),
      centred(run("BAN KIỂM PHIẾU", { bold: true })),
      centred(run("*")),
      centred(run(m.numberSymbol)),
    ],
    m.place,
    m.date,
  );
}

function signatures(m: MinutesInput): Table {
  const members =
    m.countingCommittee.length > 0 ? m.countingCommittee : [{ fullName: "", role: "Trưởng ban" }];
  const cells = members.map(
    (x) =>
      new TableCell({
        children: [
          centred(run(x.role.toLocaleUpperCase("vi"), { bold: true, size: SMALL })),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [] }),
          centred(run(x.fullName, { bold: true, size: SMALL })),
        ],
      }),
  );
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 3) {
    const chunk = cells.slice(i, i + 3);
    while (chunk.length < 3) chunk.push(new TableCell({ children: [new Paragraph({ children: [] })] }));
    rows.push(chunk);
  }
  return borderlessTable(rows);
}

export function buildMinutesDocument(m: MinutesInput): Document {
  const absent = m.base.convened - m.present;
  const pct = (part: number, whole: number) => (whole > 0 ? formatPercent(part, whole) : "—");
  const children: (Paragraph | Table)[] = [
    heading(m),
    new Paragraph({ children: [] }),
    centred(run("BIÊN BẢN KIỂM PHIẾU", { bold: true, size: 32 })),
    centred(run(m.title, { bold: true })),
    centred(run(m.round > 1 ? `(Bầu lần ${m.round})` : "", { italics: true })),
    centred(run("-----")),
    para(
      run(
        `Ban kiểm phiếu ${m.organisation}, nhiệm kỳ ${m.term}, gồm các đồng chí có tên dưới đây, đã tiến hành kiểm phiếu bầu ${m.officeLabel}. Số lượng cần bầu: ${n(m.seats)}${m.alternateSeats > 0 ? `; đại biểu dự khuyết: ${n(m.alternateSeats)}` : ""}.`,
      ),
    ),
    ...m.countingCommittee.map((x, i) => para(run(`${i + 1}. Đồng chí ${x.fullName} — ${x.role}`))),
    new Paragraph({
      spacing: { before: 160 },
      children: [run(`I. SỐ ${m.attendeeWord.toLocaleUpperCase("vi")} VÀ SỐ PHIẾU`, { bold: true })],
    }),
    para(run(`- Tổng số ${m.attendeeWord} được triệu tập: ${n(m.base.convened)}`)),
    ...m.base.subtractions.map((s) => para(run(`  Trừ ${s.text}: ${n(s.count)}`))),
    para(
      run(
        `- Số dùng làm căn cứ tính kết quả (N): ${n(m.base.n)}; trúng cử phải đạt từ ${n(m.base.threshold)} phiếu trở lên (quá 1/2 của N)`,
      ),
    ),
    para(run(`- Số ${m.attendeeWord} có mặt: ${n(m.present)}; vắng mặt: ${n(absent)}`)),
    para(run(`- Số phiếu phát ra: ${n(m.issued)}`)),
    para(run(`- Số phiếu thu vào: ${n(m.collected)}`)),
    para(run(`- Số phiếu hợp lệ: ${n(m.valid)}`)),
    para(run(`- Số phiếu không hợp lệ: ${n(m.invalid)}`)),
    ...m.invalidByReason.map((r) => para(run(`  + ${r.label}: ${n(r.count)}`))),
    new Paragraph({
      spacing: { before: 160 },
      children: [run("II. SỐ PHIẾU BẦU CỦA TỪNG NGƯỜI (theo thứ tự trong danh sách bầu cử)", { bold: true })],
    }),
    grid(
      ["Số TT", "Họ và tên", "Số phiếu", "Tỷ lệ so với N", "Kết quả"],
      m.candidates.map((c) => [String(c.position), c.name, n(c.votes), c.percentOfBase, c.outcomeLabel]),
      [1],
    ),
    new Paragraph({
      spacing: { before: 160 },
      children: [
        run("III. NHỮNG ĐỒNG CHÍ TRÚNG CỬ (theo thứ tự số phiếu từ cao xuống thấp)", { bold: true }),
      ],
    }),
    ...(m.elected.length > 0
      ? [
          grid(
            ["Số TT", "Họ và tên", "Số phiếu", "Tỷ lệ so với N"],
            m.elected.map((e, i) => [String(i + 1), e.name, n(e.votes), e.percentOfBase]),
            [1],
          ),
        ]
      : [para(run("Không có đồng chí nào trúng cử."))]),
    ...(m.alternates.length > 0
      ? [
          para(run("Đại biểu dự khuyết (theo thứ tự thay thế):", { bold: true })),
          grid(
            ["Số TT", "Họ và tên", "Số phiếu", "Tỷ lệ so với N"],
            m.alternates.map((e, i) => [String(i + 1), e.name, n(e.votes), e.percentOfBase]),
            [1],
          ),
        ]
      : []),
    ...m.notes.map((t) => para(run(t, { italics: true }))),
    new Paragraph({
      spacing: { before: 160 },
      children: [run("IV. GIẢI THÍCH KẾT QUẢ TỪNG NGƯỜI", { bold: true })],
    }),
    ...m.candidates.map((c) => para(run(`${c.position}. ${c.name}: ${c.explanation}`))),
    para(
      run(
        `Tỷ lệ phiếu hợp lệ so với số phiếu thu vào: ${pct(m.valid, m.collected)}. Biên bản kèm theo phụ lục nhật ký nhập phiếu.`,
        { italics: true },
      ),
    ),
    centred(run("BAN KIỂM PHIẾU", { bold: true })),
    signatures(m),
    ...(m.auditAnchor ? [para(run(auditAnchorLine(m.auditAnchor), { italics: true, size: SMALL }))] : []),
    new Paragraph({ children: [new PageBreak()] }),
    centred(run("PHỤ LỤC: NHẬT KÝ NHẬP PHIẾU", { bold: true })),
    centred(run(`${m.title} — ${n(m.log.length)} thao tác`, { italics: true, size: SMALL })),
    grid(
      ["Số TT", "Thời gian", "Người thực hiện", "Thao tác"],
      m.log.map((l, i) => [String(i + 1), l.at, l.userLabel, l.text]),
      [3],
      TINY,
    ),
  ];
  return partyDocument(`Biên bản kiểm phiếu ${m.title}`, children);
}

export async function minutesToDocx(m: MinutesInput): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(m));
}
