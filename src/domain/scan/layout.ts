/**
 * The machine-readable ballot layout: where everything on a printed ballot is, in millimetres from
 * the top-left corner of the sheet. The print page, the scan generator and the reader all start
 * from this one value (`layoutBallot`), so what a reader looks for is exactly what was printed.
 *
 * The code printed on every ballot (`ballotCodePayload`) carries the election, the round, the
 * layout version and a fingerprint of the list. It is the same on every ballot of an election:
 * a ballot carries no serial and nothing that could tell one voter's ballot from another's.
 */
import type { BallotKind } from "../election/ballot.ts";
import { formatNumber } from "../format/number.ts";

/** Bumped whenever `layoutBallot` would place anything differently for the same input. */
export const LAYOUT_VERSION = 1;

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface BallotLayoutInput {
  readonly electionId: number;
  readonly round: number;
  readonly kind: BallotKind;
  /** Seats printed on the ballot (official + alternates). */
  readonly seats: number;
  readonly orgName: string;
  readonly congressName: string;
  readonly title: string;
  readonly instruction?: string | undefined;
  readonly candidates: readonly { readonly position: number; readonly name: string }[];
}

export interface RowLayout {
  readonly position: number;
  readonly name: string;
  readonly numberCell: Rect;
  readonly nameCell: Rect;
  /** The whole row across its column, number cell to the last box: ink here belongs to the row. */
  readonly band: Rect;
  /** Agree / disagree boxes (agree-disagree ballots only). */
  readonly boxes?: { readonly agree: Rect; readonly disagree: Rect } | undefined;
}

export interface TextLine {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly text: string;
  readonly sizePt: number;
  readonly anchor: "start" | "middle";
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly underline?: boolean | undefined;
  /** The voter's instruction (grouped on the page so it can be found). */
  readonly note?: boolean | undefined;
}

export interface BallotLayout {
  readonly version: typeof LAYOUT_VERSION;
  readonly kind: BallotKind;
  readonly page: { readonly name: "A5" | "A4"; readonly width: number; readonly height: number };
  /** Solid squares, one per corner, listed top-left, top-right, bottom-right, bottom-left. */
  readonly fiducials: readonly [Point, Point, Point, Point];
  readonly fiducialSize: number;
  readonly code: { readonly rect: Rect; readonly payload: string };
  readonly text: readonly TextLine[];
  /** Table header cells (rules and labels) per column. */
  readonly columns: readonly { readonly rect: Rect; readonly headerHeight: number }[];
  readonly rowHeight: number;
  readonly nameSizePt: number;
  readonly rows: readonly RowLayout[];
  /** The blank space below the list, where a voter would write an added name. */
  readonly writeIn: Rect;
}

const PAGES = {
  A5: { name: "A5", width: 148, height: 210 },
  A4: { name: "A4", width: 210, height: 297 },
} as const;

const MARGIN = 12;
const FIDUCIAL_SIZE = 6;
/** Centre of each fiducial from the sheet's edges: inside any printer's unprintable border. */
const FIDUCIAL_INSET = 8;
const CODE_SIZE = 18;
const MIN_ROW = 6.5;
const MAX_ROW = 9;
const NUMBER_WIDTH = 9;
const BOX_WIDTH = 16;
const COLUMN_GAP = 4;
const TABLE_TOP = 47;
const HEADER_ROW = 7;
const FOOT = CODE_SIZE + 10;

export type PageName = keyof typeof PAGES;

/** Corner squares of a sheet size: a reader can find them before it knows the list. */
export function fiducialsFor(page: PageName): [Point, Point, Point, Point] {
  const { width: W, height: H } = PAGES[page];
  const f = FIDUCIAL_INSET;
  return [
    { x: f, y: f },
    { x: W - f, y: f },
    { x: W - f, y: H - f },
    { x: f, y: H - f },
  ];
}

/** Where the code is printed on a sheet size (bottom-left, above the lower corner square). */
export function codeRectFor(page: PageName): Rect {
  return { x: MARGIN + 2, y: PAGES[page].height - MARGIN - 4 - CODE_SIZE, w: CODE_SIZE, h: CODE_SIZE };
}

/** Deterministic 32-bit FNV-1a of the list, printed in base 36: a ballot of another list is refused. */
export function listFingerprint(input: Pick<BallotLayoutInput, "kind" | "seats" | "candidates">): string {
  let h = 0x811c9dc5;
  const text = `${input.kind}|${input.seats}|${input.candidates.map((c) => `${c.position}.${c.name}`).join("|")}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(7, "0");
}

export interface BallotCode {
  readonly electionId: number;
  readonly round: number;
  readonly layoutVersion: number;
  readonly fingerprint: string;
}

/** Upper-case letters, digits and ':' only, so the code uses the QR alphanumeric mode (smallest). */
export function ballotCodePayload(code: BallotCode): string {
  return `DAIHOI:${code.electionId}:${code.round}:${code.layoutVersion}:${code.fingerprint}`;
}

export function parseBallotCode(text: string): BallotCode | null {
  const m = /^DAIHOI:(\d{1,9}):(\d{1,3}):(\d{1,3}):([0-9A-Z]{1,13})$/.exec(text.trim());
  if (!m) return null;
  return {
    electionId: Number(m[1]),
    round: Number(m[2]),
    layoutVersion: Number(m[3]),
    fingerprint: m[4]!,
  };
}

/** A rough width of a Times line (0,5 em per character): enough to wrap the note and fit names. */
export function estimateTextWidth(text: string, sizePt: number): number {
  return text.length * sizePt * 0.3528 * 0.5;
}

function wrap(text: string, widthMm: number, sizePt: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, sizePt) > widthMm) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function defaultInstruction(kind: BallotKind, seats: number): string {
  return kind === "cross-out"
    ? `Đồng ý bầu đồng chí nào thì giữ nguyên họ và tên; không đồng ý bầu đồng chí nào thì gạch ngang cả họ và tên đồng chí đó. Phiếu để lại nhiều hơn ${formatNumber(seats)} người, hoặc gạch tên tất cả, là phiếu không hợp lệ.`
    : "Đồng ý bầu đồng chí nào thì đánh dấu (X) vào ô “Đồng ý”; không đồng ý thì đánh dấu (X) vào ô “Không đồng ý”. Mỗi dòng chỉ đánh dấu một ô.";
}

/** Page and columns: the smallest sheet on which every row keeps at least `MIN_ROW` mm. */
function choosePage(count: number): { page: (typeof PAGES)["A5" | "A4"]; columns: number } {
  for (const [page, columns] of [
    [PAGES.A5, 1],
    [PAGES.A4, 1],
    [PAGES.A4, 2],
    [PAGES.A4, 3],
  ] as const) {
    const available = page.height - TABLE_TOP - HEADER_ROW - FOOT - MARGIN;
    if (Math.ceil(count / columns) * MIN_ROW <= available) return { page, columns };
  }
  throw new Error(`Danh sách ${count} người quá dài cho một tờ phiếu A4`);
}

export function layoutBallot(input: BallotLayoutInput): BallotLayout {
  const count = input.candidates.length;
  const { page, columns } = choosePage(Math.max(count, 1));
  const W = page.width;
  const H = page.height;
  const perColumn = Math.max(1, Math.ceil(count / columns));
  const available = H - TABLE_TOP - HEADER_ROW - FOOT - MARGIN;
  const rowHeight = Math.min(MAX_ROW, Math.floor((available / perColumn) * 10) / 10);
  const nameSizePt = Math.min(12, Math.round(rowHeight * 1.55 * 2) / 2);
  const tableWidth = W - 2 * MARGIN;
  const columnWidth = (tableWidth - (columns - 1) * COLUMN_GAP) / columns;
  const boxes = input.kind === "agree-disagree";

  const rows: RowLayout[] = input.candidates.map((c, i) => {
    const col = Math.floor(i / perColumn);
    const x = MARGIN + col * (columnWidth + COLUMN_GAP);
    const y = TABLE_TOP + HEADER_ROW + (i % perColumn) * rowHeight;
    const nameWidth = columnWidth - NUMBER_WIDTH - (boxes ? 2 * BOX_WIDTH : 0);
    const nameCell = { x: x + NUMBER_WIDTH, y, w: nameWidth, h: rowHeight };
    return {
      position: c.position,
      name: c.name,
      numberCell: { x, y, w: NUMBER_WIDTH, h: rowHeight },
      nameCell,
      band: { x, y, w: columnWidth, h: rowHeight },
      boxes: boxes
        ? {
            agree: { x: nameCell.x + nameWidth, y, w: BOX_WIDTH, h: rowHeight },
            disagree: { x: nameCell.x + nameWidth + BOX_WIDTH, y, w: BOX_WIDTH, h: rowHeight },
          }
        : undefined,
    };
  });
  const tableBottom = TABLE_TOP + HEADER_ROW + perColumn * rowHeight;

  const text: TextLine[] = [];
  const half = W / 2;
  let y = 17;
  text.push({ x: half / 2 + 4, y, text: input.orgName.toUpperCase(), sizePt: 10, anchor: "middle" });
  text.push({
    x: half + half / 2 - 4,
    y,
    text: "ĐẢNG CỘNG SẢN VIỆT NAM",
    sizePt: 10,
    anchor: "middle",
    bold: true,
    underline: true,
  });
  if (input.congressName) {
    y += 4.5;
    text.push({
      x: half / 2 + 4,
      y,
      text: input.congressName.toUpperCase(),
      sizePt: 8,
      anchor: "middle",
      bold: true,
    });
  }
  y += 4.5;
  text.push({ x: half / 2 + 4, y, text: "*", sizePt: 10, anchor: "middle" });
  y = 32;
  text.push({ x: half, y, text: "PHIẾU BẦU CỬ", sizePt: 15, anchor: "middle", bold: true });
  y += 6;
  text.push({
    x: half,
    y,
    text: `${input.title}${input.round > 1 ? ` (lần ${input.round})` : ""}`.toUpperCase(),
    sizePt: 10,
    anchor: "middle",
    bold: true,
  });
  y += 5;
  text.push({
    x: half,
    y,
    text: `Số lượng bầu: ${formatNumber(input.seats)} đồng chí; danh sách có ${formatNumber(count)} đồng chí`,
    sizePt: 10,
    anchor: "middle",
    italic: true,
  });

  const codeRect = codeRectFor(page.name);
  const noteX = codeRect.x + CODE_SIZE + 5;
  const noteWidth = W - MARGIN - 4 - noteX;
  const instruction = `Ghi chú: ${input.instruction ?? defaultInstruction(input.kind, input.seats)}`;
  const noteLines = wrap(instruction, noteWidth, 8.5);
  noteLines.forEach((line, i) => {
    text.push({
      x: noteX,
      y: codeRect.y + 3 + i * 3.6,
      text: line,
      sizePt: 8.5,
      anchor: "start",
      italic: true,
      note: true,
    });
  });

  return {
    version: LAYOUT_VERSION,
    kind: input.kind,
    page,
    fiducials: fiducialsFor(page.name),
    fiducialSize: FIDUCIAL_SIZE,
    code: {
      rect: codeRect,
      payload: ballotCodePayload({
        electionId: input.electionId,
        round: input.round,
        layoutVersion: LAYOUT_VERSION,
        fingerprint: listFingerprint(input),
      }),
    },
    text,
    columns: Array.from({ length: columns }, (_, col) => ({
      rect: {
        x: MARGIN + col * (columnWidth + COLUMN_GAP),
        y: TABLE_TOP,
        w: columnWidth,
        h: HEADER_ROW + Math.min(perColumn, count - col * perColumn) * rowHeight,
      },
      headerHeight: HEADER_ROW,
    })),
    rowHeight,
    nameSizePt,
    rows,
    writeIn: {
      x: MARGIN,
      y: tableBottom + 1.5,
      w: tableWidth,
      h: Math.max(0, codeRect.y - 2 - (tableBottom + 1.5)),
    },
  };
}
