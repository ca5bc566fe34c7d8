/**
 * A report's figures in .xlsx: sheet "SoLieu" with one row per figure (numerator, denominator,
 * the percentage as a number and as printed, its definition), then one sheet per table.
 */
import ExcelJS from "exceljs";
import { formatDate } from "../../domain/format/date.ts";
import { percentCell } from "../../domain/format/number.ts";
import type { Report } from "../../domain/report/model.ts";

export const REPORT_FIGURES_SHEET = "SoLieu";

export async function reportToXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "daihoi";
  const ws = wb.addWorksheet(REPORT_FIGURES_SHEET);
  ws.addRow([`${r.heading.documentType} ${r.heading.summary}`]).font = { bold: true, size: 13 };
  ws.addRow([`${r.org.name} — số liệu tính đến ngày ${formatDate(r.asOf)}`]);
  ws.addRow([]);
  const header = ws.addRow([
    "Mã",
    "Số liệu",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ (%)",
    "Tỷ lệ in trong báo cáo",
    "Định nghĩa",
    "Nguồn",
  ]);
  header.font = { bold: true };
  for (const f of r.figures) {
    // The rate is a number with a percent format (0,9635 shown as 96.35%), never text, so it can be
    // summed and charted; the printed form stays beside it.
    const cell = f.denominator ? percentCell(f.numerator, f.denominator) : { value: null, numFmt: "0.00%" };
    const row = ws.addRow([
      f.id,
      f.label,
      f.numerator,
      f.denominator,
      cell.value,
      f.percent,
      f.definition,
      f.source,
    ]);
    row.getCell(5).numFmt = cell.numFmt;
  }
  ws.columns.forEach((c, i) => {
    c.width = [34, 50, 10, 10, 12, 14, 80, 36][i] ?? 12;
  });
  for (const s of r.sections) {
    for (const b of s.blocks) {
      if (b.kind !== "table") continue;
      const t = wb.addWorksheet(b.id.slice(0, 31));
      t.addRow([b.title]).font = { bold: true };
      t.addRow([...b.columns]).font = { bold: true };
      for (const row of b.rows) {
        const added = t.addRow(row.map(tableCellValue));
        row.forEach((text, i) => {
          const fmt = percentFormatOf(text);
          if (fmt) added.getCell(i + 1).numFmt = fmt;
        });
      }
      t.columns.forEach((c, i) => {
        c.width = i === 1 ? 45 : 20;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PRINTED_PERCENT = /^(\d{1,3}(?:\.\d{3})*)(?:,(\d+))?%$/;

/** "96,35%" → "0.00%": the format a printed share keeps in its cell (null when not a share). */
function percentFormatOf(text: string): string | null {
  const m = PRINTED_PERCENT.exec(text);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  return decimals === 0 ? "0%" : `0.${"0".repeat(decimals)}%`;
}

/** A table cell: a printed share becomes the number it shows (96,35% → 0,9635), the rest stays text. */
function tableCellValue(text: string): string | number {
  const m = PRINTED_PERCENT.exec(text);
  if (!m) return text;
  return Number(`${m[1]!.replace(/\./g, "")}.${m[2] ?? "0"}`) / 100;
}
