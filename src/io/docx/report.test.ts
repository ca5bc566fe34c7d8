import { describe, expect, it } from "vitest";
import { paragraphsOf, readDocx, runPropertiesOf } from "../../../test/docx.ts";
import { buildCongressResultsReport } from "../../domain/report/congress-results.ts";
import { reportToHtml } from "../pdf/report.ts";
import { reportToDocx } from "./report.ts";

const level = (held: number, total: number) => ({
  held,
  total,
  lastHeldOn: "2020-07-25",
  completionPhrase: null,
  pilots: 0,
  resultsRecorded: held,
  directSecretary: held,
  contentsComplete: held,
  oneRoundFull: held,
  voteShareMin: null,
  voteShareMax: null,
});

/** A district-level report of a thị xã with a children table long enough to cross a page. */
const report = buildCongressResultsReport({
  org: { id: 7, code: "QN.DT", name: "Đảng bộ thị xã Đông Triều", isProvince: false },
  parentName: "Đảng bộ tỉnh Quảng Ninh",
  season: { code: "2020-2025", term: "2020-2025" },
  asOf: "2020-07-31",
  place: "Đông Triều",
  branch: level(300, 300),
  grassroots: level(60, 60),
  grassrootsCommittees: level(30, 30),
  communeLevel: level(21, 21),
  districtLevel: null,
  indicators: {},
  children: Array.from({ length: 40 }, (_, i) => ({
    name: `Đảng bộ xã Mẫu ${i + 1}`,
    branch: { held: 5, total: 5 },
    grassroots: { held: 1, total: 1 },
    districtLevel: null,
  })),
});

describe("reportToDocx in the Party layout (Hướng dẫn 36-HD/VPTW)", () => {
  it("writes the heading of a thị ủy with its symbol, the superior body at 14 pt", async () => {
    const d = await readDocx(await reportToDocx(report));
    expect(d.paragraphs.slice(0, 8)).toEqual(
      expect.arrayContaining(["ĐẢNG BỘ TỈNH QUẢNG NINH", "THỊ ỦY ĐÔNG TRIỀU", "Số     -BC/TU"]),
    );
    expect(d.paragraphs).toContain("Đông Triều, ngày 31 tháng 07 năm 2020");
    // 14 pt = 28 half-points, not bold.
    const sup = runPropertiesOf(d.document, "ĐẢNG BỘ TỈNH QUẢNG NINH")!;
    expect(sup).toContain('<w:sz w:val="28"/>');
    expect(sup).not.toContain("<w:b/>");
  });

  it("prints no instruction text for an untouched section", async () => {
    const d = await readDocx(await reportToDocx(report));
    const text = d.paragraphs.join("\n");
    expect(text).toContain("III. BÀI HỌC KINH NGHIỆM");
    expect(text).not.toContain("Cán bộ viết bài học kinh nghiệm");
    expect(reportToHtml(report)).not.toContain("Cán bộ viết bài học kinh nghiệm");
  });

  it("numbers the pages from page 2, centred at the top", async () => {
    const d = await readDocx(await reportToDocx(report));
    expect(d.document).toContain("<w:titlePg/>");
    const refs = [...d.document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    const rels = d.parts.get("word/_rels/document.xml.rels")!;
    const target = (type: string) => {
      const id = refs.find((r) => r[1] === type)![2]!;
      return `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1]}`;
    };
    const first = d.parts.get(target("first"))!;
    const other = d.parts.get(target("default"))!;
    expect(first).not.toContain("PAGE");
    expect(other).toContain("PAGE");
    expect(other).toContain('<w:jc w:val="center"/>');
    expect(paragraphsOf(first).join("")).toBe("");
    expect(reportToHtml(report)).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
  });

  it("repeats table header rows and keeps a table's start with its next rows", async () => {
    const d = await readDocx(await reportToDocx(report));
    const table = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?Đảng bộ xã Mẫu 1<[\s\S]*?<\/w:tbl>/.exec(d.document)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(41);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows.every((r) => r.includes("<w:cantSplit/>"))).toBe(true);
    expect(rows[0]).toContain("<w:keepNext/>");
    expect(rows[1]).toContain("<w:keepNext/>");
    expect(rows[2]).not.toContain("<w:keepNext/>");
    // The table's title stays with the table.
    const title = d.document.indexOf("Kết quả đại hội theo đảng bộ trực thuộc");
    const titleParagraph = d.document.slice(d.document.lastIndexOf("<w:p>", title), title);
    expect(titleParagraph).toContain("<w:keepNext/>");
  });
});
