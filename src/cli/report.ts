/**
 * `daihoi report --season S --org O --as-of DATE --format json|docx|xlsx [--out FILE]`: writes the
 * built-in "Báo cáo kết quả đại hội đảng bộ các cấp" from the data. JSON (docs/report-format.md)
 * goes to stdout unless --out is given; .docx and .xlsx need --out.
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { parseVietnameseDate } from "../domain/format/date.ts";
import type { RoundingSetting } from "../domain/report/model.ts";
import { reportToDocx } from "../io/docx/report.ts";
import { reportToXlsx } from "../io/excel/report-sheet.ts";
import { ALL_SCOPE } from "../services/access.ts";
import { auditAnchorText } from "../services/audit-log.ts";
import type { Database } from "../services/database.ts";
import { buildReport, resolveReportTarget } from "../services/reports/build.ts";

interface ReportOptions {
  readonly template: string;
  readonly season: string;
  readonly org: string;
  readonly asOf: string;
  readonly format: string;
  readonly out?: string;
  readonly decimals?: string;
  readonly rounding?: string;
}

function parseDay(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return parseVietnameseDate(text);
}

function roundingFrom(o: ReportOptions): RoundingSetting | string {
  const mode = o.rounding ?? "half-up";
  if (mode !== "half-up" && mode !== "half-even" && mode !== "truncate")
    return `Cách làm tròn "${mode}" không hợp lệ (half-up, half-even, truncate)`;
  if (o.decimals === undefined) return { kind: "as_printed", mode };
  const decimals = Number(o.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    return `Số chữ số thập phân "${o.decimals}" không hợp lệ (0–6)`;
  return { kind: "uniform", rule: { decimals, mode, trimZeros: false } };
}

export function registerReportCommand(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
): void {
  program
    .command("report")
    .description("Viết báo cáo kết quả đại hội từ dữ liệu (JSON, .docx, .xlsx)")
    .requiredOption("--season <mã>", "Mùa đại hội (mã, ví dụ 2020-2025, hoặc số)")
    .requiredOption("--org <mã>", "Tổ chức đảng (mã, ví dụ QN, hoặc số)")
    .requiredOption("--as-of <ngày>", "Số liệu tính đến ngày (2020-07-31 hoặc 31/07/2020)")
    .option(
      "--template <mẫu>",
      "congress_results (kết quả) | congress_progress (tiến độ)",
      "congress_results",
    )
    .option("--format <định dạng>", "json | docx | xlsx", "json")
    .option("--out <tệp>", "Ghi ra tệp (bắt buộc với docx, xlsx)")
    .option("--decimals <n>", "Làm tròn mọi tỷ lệ với n chữ số thập phân (mặc định: như báo cáo in)")
    .option("--rounding <cách>", "half-up | half-even | truncate", "half-up")
    .action(async (o: ReportOptions) => {
      const asOf = parseDay(o.asOf);
      if (!asOf) throw new Error(`Ngày "${o.asOf}" không hợp lệ`);
      if (o.template !== "congress_results" && o.template !== "congress_progress")
        throw new Error(`Mẫu báo cáo "${o.template}" không có (congress_results, congress_progress)`);
      const template = o.template;
      if (!["json", "docx", "xlsx"].includes(o.format))
        throw new Error(`Định dạng "${o.format}" không hợp lệ (json, docx, xlsx)`);
      if (o.format !== "json" && !o.out) throw new Error(`Định dạng ${o.format} cần --out <tệp>`);
      const rounding = roundingFrom(o);
      if (typeof rounding === "string") throw new Error(rounding);
      await withDatabase(async (d) => {
        const target = await resolveReportTarget(d.db, ALL_SCOPE, o.org, o.season);
        if (!target.ok) throw new Error(target.error.message);
        const r = await buildReport(d.db, ALL_SCOPE, { ...target.value, template, asOf, rounding });
        if (!r.ok) throw new Error(r.error.message);
        const content =
          o.format === "docx"
            ? await reportToDocx(r.value, { auditAnchor: await auditAnchorText(d.db) })
            : o.format === "xlsx"
              ? await reportToXlsx(r.value)
              : `${JSON.stringify(r.value, null, 2)}\n`;
        if (o.out) {
          await writeFile(o.out, content);
          console.error(`Đã ghi ${o.out}`);
        } else process.stdout.write(content);
      });
    });
}
