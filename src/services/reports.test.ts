/**
 * The seed report regenerated from the demo province: every figure the seed prints, with the
 * seed's own rounding per figure, and the sentences that carry them.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { SEED_FIGURES, SEED_PHRASES } from "../../test/report-fixtures.ts";
import type { Db } from "../db/client.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { organisation } from "../db/schema.ts";
import { type Report, reportPlainText, reportSchema } from "../domain/report/model.ts";
import { reportToDocx } from "../io/docx/report.ts";
import { REPORT_FIGURES_SHEET, reportToXlsx } from "../io/excel/report-sheet.ts";
import { seedDemoProvince } from "./demo.ts";
import { buildCongressReport, buildReport, resolveReportTarget } from "./reports/build.ts";

let t: TestDatabase;
let db: Db;
let report: Report;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  await seedDemoProvince(db);
  const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
  if (!target.ok) throw new Error(target.error.message);
  const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
  if (!r.ok) throw new Error(r.error.message);
  report = r.value;
}, 300_000);
afterAll(async () => t.cleanup());

describe("buildCongressReport on the demo province as of 31/07/2020", () => {
  it("writes every seed figure with the seed's rounding", () => {
    const got = Object.fromEntries(
      report.figures
        .filter((f) => f.id in SEED_FIGURES)
        .map((f) => [
          f.id,
          f.denominator === null
            ? String(f.numerator)
            : `${f.numerator.toLocaleString("de-DE")}/${f.denominator.toLocaleString("de-DE")} (${f.percent})`,
        ]),
    );
    expect(got).toEqual(SEED_FIGURES);
  });

  it("writes the seed's sentences, a heading block and a valid JSON form", () => {
    const text = reportPlainText(report);
    for (const phrase of SEED_PHRASES) expect(text).toContain(phrase);
    expect(report.heading).toMatchObject({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "TỈNH ỦY",
      numberSymbol: expect.stringMatching(/^Số .*-BC\/TU$/),
      documentType: "BÁO CÁO",
    });
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(report.sections.find((s) => s.id === "results")!.blocks.some((b) => b.kind === "table")).toBe(
      true,
    );
    for (const f of report.figures) expect(f.definition.length).toBeGreaterThan(10);
  });

  it("writes the report for any organisation: a city and a ward", async () => {
    for (const [code, issuing, numberSymbol] of [
      ["QN.HL", "THÀNH ỦY HẠ LONG", /-BC\/ThU$/],
      ["QN.HL.HONGGAI", "ĐẢNG ỦY PHƯỜNG HỒNG GAI", /-BC\/ĐU$/],
    ] as const) {
      const target = await resolveReportTarget(db, ALL_SCOPE, code, "2020-2025");
      if (!target.ok) throw new Error(target.error.message);
      const r = await buildCongressReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.heading).toMatchObject({
        issuingBody: issuing,
        numberSymbol: expect.stringMatching(numberSymbol),
      });
      expect(reportSchema.safeParse(JSON.parse(JSON.stringify(r.value))).success).toBe(true);
      expect(r.value.figures.length).toBeGreaterThan(0);
    }
  });

  it("writes the progress report for the Central level: every level with its deadlines", async () => {
    const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
    if (!target.ok) throw new Error(target.error.message);
    const r = await buildReport(db, ALL_SCOPE, {
      ...target.value,
      template: "congress_progress",
      asOf: "2020-07-31",
    });
    if (!r.ok) throw new Error(r.error.message);
    const fig = (id: string) => r.value.figures.find((f) => f.id === id);
    expect([fig("branch_held")?.numerator, fig("branch_held")?.denominator]).toEqual([4925, 4925]);
    expect([fig("grassroots_held")?.numerator, fig("grassroots_held")?.percent]).toEqual([735, "100%"]);
    expect(fig("district_level_held")?.numerator).toBe(20);
    expect(reportPlainText(r.value)).toContain("hoàn thành trước hạn của Trung ương");
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(r.value))).success).toBe(true);
  });

  it("follows the rounding setting when it is uniform", async () => {
    const target = await resolveReportTarget(db, ALL_SCOPE, "QN", "2020-2025");
    if (!target.ok) throw new Error(target.error.message);
    const r = await buildCongressReport(db, ALL_SCOPE, {
      ...target.value,
      asOf: "2020-07-31",
      rounding: { kind: "uniform", rule: { decimals: 1, mode: "truncate", trimZeros: false } },
    });
    if (!r.ok) throw new Error(r.error.message);
    const pct = (id: string) => r.value.figures.find((f) => f.id === id)!.percent;
    expect([pct("coal_branch_secretary_heads_unit"), pct("commune_secretary_chairs_people_council")]).toEqual(
      ["96,3%", "9,0%"],
    );
  });
});

/** The paragraphs of word/document.xml, each the concatenation of its runs' text. */
async function docxParagraphs(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file("word/document.xml")!.async("string");
  const decodeXml = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(""),
  );
}

describe("the tables of subordinate organisations", () => {
  it("list them in Party order: thành phố, thị xã, huyện, then blocs, armed forces, enterprises", () => {
    const table = report.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === "table" && b.id === "children_table");
    if (table?.kind !== "table") throw new Error("no children table");
    const names = table.rows.map((r) => r[1]!);
    const group = (name: string) =>
      /^Đảng bộ thành phố/.test(name)
        ? 1
        : /^Đảng bộ thị xã/.test(name)
          ? 2
          : /^Đảng bộ huyện/.test(name)
            ? 3
            : /Khối/.test(name)
              ? 4
              : /Quân sự|Biên phòng|Công an/.test(name)
                ? 5
                : 6;
    const groups = names.map(group);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(names[0]).toMatch(/^Đảng bộ thành phố/);
    expect(new Set(groups).size).toBeGreaterThanOrEqual(5);
  });
});

describe("the dateline's place name (địa danh)", () => {
  it("comes from the organisation data: the province's seat for the province, the city for a city", async () => {
    expect(report.heading.place).toBe("Hạ Long");
    const [campha] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.name, "Đảng bộ thành phố Cẩm Phả"));
    const target = await resolveReportTarget(db, ALL_SCOPE, campha!.id, "2020-2025");
    if (!target.ok) throw new Error(target.error.message);
    const r = await buildReport(db, ALL_SCOPE, { ...target.value, asOf: "2020-07-31" });
    if (!r.ok) throw new Error(r.error.message);
    // It was the constant "Hạ Long" for every organisation (issue 17).
    expect(r.value.heading.place).toBe("Cẩm Phả");
    const progress = await buildReport(db, ALL_SCOPE, {
      ...target.value,
      template: "congress_progress",
      asOf: "2020-07-31",
    });
    expect(progress.ok && progress.value.heading.place).toBe("Cẩm Phả");
  }, 120_000);
});

describe("the report's exports", () => {
  it(".docx parses back with the heading block, the seed's sentences and the signature", async () => {
    const buf = await reportToDocx(report);
    const paragraphs = await docxParagraphs(buf);
    const text = paragraphs.join("\n");
    for (const line of [
      "ĐẢNG BỘ TỈNH QUẢNG NINH",
      "TỈNH ỦY",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Hạ Long, ngày 31 tháng 07 năm 2020",
      "BÁO CÁO",
      "T/M BAN THƯỜNG VỤ",
      "Nơi nhận:",
    ])
      expect(paragraphs).toContain(line);
    for (const phrase of SEED_PHRASES) expect(text).toContain(phrase);
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("Times New Roman");
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media.some((f) => f.endsWith(".svg")) && media.some((f) => f.endsWith(".png"))).toBe(true);
    const png = await zip.file(media.find((f) => f.endsWith(".png"))!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(xml).toContain('<w:u w:val="single"/>');
  });

  it(".xlsx lists every figure with numerator, denominator and percentage", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(REPORT_FIGURES_SHEET)!;
    const rows = new Map<string, unknown[]>();
    const formats = new Map<string, string>();
    ws.eachRow((row) => {
      const v = row.values as unknown[];
      if (typeof v[1] === "string") rows.set(v[1], v.slice(1));
      if (typeof v[1] === "string") formats.set(v[1], row.getCell(5).numFmt);
    });
    // The rate is a number with a percent format, not text (issue 17).
    expect(rows.get("coal_branch_secretary_heads_unit")?.slice(2, 6)).toEqual([
      871,
      904,
      871 / 904,
      "96,35%",
    ]);
    expect(formats.get("coal_branch_secretary_heads_unit")).toBe("0.00%");
    expect(rows.get("branch_congresses_held")?.slice(2, 6)).toEqual([4925, 4925, 1, "100%"]);
    expect([...rows.keys()].filter((k) => k in SEED_FIGURES)).toHaveLength(Object.keys(SEED_FIGURES).length);
  });
});
