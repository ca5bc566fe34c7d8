/**
 * The pieces of the Party document layout (Hướng dẫn 36-HD/VPTW) shared by every .docx we
 * write: Times New Roman, the run and paragraph styles, borderless layout tables, the heading
 * block (issuing body top left, "ĐẢNG CỘNG SẢN VIỆT NAM" with place and date top right) and
 * the page margins.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import { formatDocumentDate } from "../../domain/format/date.ts";

export const FONT = "Times New Roman";
/** Half-points. */
export const BODY = 28;
export const SMALL = 24;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? BODY,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });

export const centred = (...children: TextRun[]) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children });

/** A body paragraph: justified, first line indented. */
export const bodyParagraph = (...children: TextRun[]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 60, after: 60, line: 312 },
    children,
  });

function cell(
  text: string,
  o: { bold?: boolean; left?: boolean; size?: number; width?: number; keepNext?: boolean } = {},
) {
  return new TableCell({
    ...(o.width ? { width: { size: o.width, type: WidthType.PERCENTAGE } } : {}),
    children: [
      new Paragraph({
        alignment: o.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        ...(o.keepNext ? { keepNext: true } : {}),
        children: [run(text, { bold: o.bold ?? false, size: o.size ?? SMALL })],
      }),
    ],
  });
}

/**
 * A full-width data table: a bold header row, the columns in leftCols aligned left, the rest
 * centred. The header row repeats on every page; no row splits across pages; the header and the
 * first data row are kept with the next row, so a table never starts with a lone row at the foot
 * of a page (issue 17). Put `keepNext` on the paragraph before it (its title) as well.
 */
export function grid(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftCols: readonly number[],
  size = SMALL,
) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h) => cell(h, { bold: true, size, keepNext: rows.length > 0 })),
      }),
      ...rows.map(
        (r, rowIndex) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) =>
              cell(c, { left: leftCols.includes(i), size, keepNext: rowIndex === 0 && rows.length > 1 }),
            ),
          }),
      ),
    ],
  });
}

/** A full-width table with no borders, one row a list of cells (layout, not data). */
export const borderlessTable = (rows: readonly (readonly TableCell[])[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map((children) => new TableRow({ children: [...children] })),
  });

/**
 * The heading block: on the left (45%) the paragraphs naming the issuing body; on the right
 * (55%) "ĐẢNG CỘNG SẢN VIỆT NAM" bold and underlined, and the place and date in italics.
 */
export function partyHeading(left: readonly Paragraph[], place: string, isoDate: string): Table {
  return borderlessTable([
    [
      new TableCell({ width: { size: 45, type: WidthType.PERCENTAGE }, children: [...left] }),
      new TableCell({
        width: { size: 55, type: WidthType.PERCENTAGE },
        children: [
          centred(run("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 30 })),
          new Paragraph({ children: [] }),
          centred(run(`${place}, ${formatDocumentDate(isoDate)}`, { italics: true })),
        ],
      }),
    ],
  ]);
}

/**
 * The document: default run in the Party font, one section with the Party page margins. Page
 * numbers (36-HD/VPTW) sit centred at the top from page 2 on: the first page has its own, empty
 * header.
 */
export const partyDocument = (title: string, children: (Paragraph | Table)[]) =>
  new Document({
    creator: "daihoi",
    title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: FONT, size: BODY, children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
