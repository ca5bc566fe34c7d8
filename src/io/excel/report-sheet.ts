/**
 * A report's figures in .xlsx: sheet "SoLieu" with one row per figure (numerator, denominator,
 * the percentage as a number and as printed, its definition), then one sheet per table.
 */
import ExcelJS from "exceljs";
import { formatDate } from "../../domain/format/date.ts";
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
    ws.addRow([
      f.id,
      f.label,
      f.numerator,
      f.denominator,
      f.percentValue === null ? null : Math.round(f.percentValue * 10_000) / 10_000,
      f.percent,
      f.definition,
      f.source,
    ]);
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
      for (const row of b.rows) t.addRow([...row]);
      t.columns.forEach((c, i) => {
        c.width = i === 1 ? 45 : 20;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
