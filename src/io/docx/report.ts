/**
 * A report as a .docx in the Party layout (Hướng dẫn 36-HD/VPTW): Times New Roman 14 pt; top
 * left the superior body (upper case), the issuing body (bold upper case), a star and the number
 * and symbol; top right "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and the place and date in
 * italics; centred "BÁO CÁO" and the summary in bold; the body; the signature block; Nơi nhận.
 * A table of held/total per organisation is followed by its bar chart as an image.
 */
import {
  AlignmentType,
  type Document,
  ImageRun,
  Packer,
  Paragraph,
  type Table,
  TableCell,
  type TextRun,
  WidthType,
} from "docx";
import { auditAnchorLine } from "../../domain/audit/wording.ts";
import type { Block, Report } from "../../domain/report/model.ts";
import { barChartPng, barChartSvg, barsFromTable, CHART_WIDTH, chartHeight } from "./chart.ts";
import {
  bodyParagraph,
  borderlessTable,
  centred,
  grid,
  partyDocument,
  partyHeading,
  run,
  SMALL,
} from "./party.ts";

function headingTable(r: Report): Table {
  const h = r.heading;
  return partyHeading(
    [
      // The superior body at 14 pt like the issuing body (36-HD/VPTW), only not bold.
      centred(run(h.superiorBody)),
      centred(run(h.issuingBody, { bold: true })),
      centred(run("*")),
      centred(run(h.numberSymbol)),
    ],
    h.place,
    h.date,
  );
}

function body(text: string | TextRun[]): Paragraph {
  return bodyParagraph(...(typeof text === "string" ? [run(text)] : text));
}

function blockContent(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "text":
      // The placeholder is an instruction to the officer on the page, never printed (issue 17).
      return b.text.trim() === "" ? [] : b.text.split(/\n+/).map((p) => body(p));
    case "data":
      return [body(b.segments.map((s) => run(s.text, s.figureId ? { bold: false } : {})))];
    case "table":
      return [
        new Paragraph({
          spacing: { before: 120 },
          keepNext: true,
          children: [run(b.title, { bold: true, size: SMALL })],
        }),
        grid(b.columns, b.rows, [1]),
        ...tableChart(b),
      ];
  }
}

/** The table's bar chart (SVG with a PNG fallback), placed after the table. */
function tableChart(b: Extract<Block, { kind: "table" }>): Paragraph[] {
  const chart = barsFromTable(b.columns, b.rows);
  if (!chart) return [];
  const height = chartHeight(chart.bars);
  const size = { width: CHART_WIDTH, height };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: "svg",
          data: Buffer.from(barChartSvg(chart.title, chart.bars)),
          transformation: size,
          fallback: { type: "png", data: barChartPng(chart.bars) },
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
  ];
}

function signatureTable(r: Report): Table {
  const left = new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({ children: [run("Nơi nhận:", { bold: true, underline: true, size: SMALL })] }),
      ...r.recipients.map((x) => new Paragraph({ children: [run(`- ${x}`, { size: 22 })] })),
    ],
  });
  const right = new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: [
      centred(run(r.signature.onBehalfOf, { bold: true })),
      centred(run(r.signature.post, { bold: true })),
      new Paragraph({ children: [] }),
      new Paragraph({ children: [] }),
      new Paragraph({ children: [] }),
      centred(run(r.signature.name, { bold: true })),
    ],
  });
  return borderlessTable([[left, right]]);
}

/** What the document carries besides the report itself. */
export interface ReportPrintExtras {
  /** The audit log's head when the document was made ("Mã kiểm tra nhật ký: …"). */
  readonly auditAnchor?: string | undefined;
}

export function buildReportDocument(r: Report, extras: ReportPrintExtras = {}): Document {
  const children: (Paragraph | Table)[] = [
    headingTable(r),
    new Paragraph({ children: [] }),
    centred(run(r.heading.documentType, { bold: true, size: 32 })),
    centred(run(r.heading.summary, { bold: true })),
    centred(run("-----")),
  ];
  for (const s of r.sections) {
    children.push(
      new Paragraph({
        spacing: { before: 200, after: 80 },
        keepNext: true,
        children: [run(s.title, { bold: true })],
      }),
    );
    for (const b of s.blocks) children.push(...blockContent(b));
  }
  children.push(new Paragraph({ children: [] }), signatureTable(r));
  if (extras.auditAnchor)
    children.push(
      new Paragraph({ children: [] }),
      new Paragraph({ children: [run(auditAnchorLine(extras.auditAnchor), { italics: true, size: SMALL })] }),
    );
  return partyDocument(`${r.heading.documentType} ${r.heading.summary}`, children);
}

export async function reportToDocx(r: Report, extras: ReportPrintExtras = {}): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(r, extras));
}
