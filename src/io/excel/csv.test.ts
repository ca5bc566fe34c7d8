/** CSV encodings and parser errors (issue 20 items 8 and 9). */
import { describe, expect, it } from "vitest";
import { DEFAULT_HIERARCHY } from "../../../test/fixtures/hierarchy.ts";
import { decodeCsv, NOT_UTF8_MESSAGE } from "./csv.ts";
import { readOrgCsv } from "./org-sheet.ts";
import { readReorgFile } from "./reorganisation-sheet.ts";

/**
 * Windows-1258 as Excel writes it on a Vietnamese Windows: the letters the code page has, tone
 * marks as combining characters after them ("ộ" → "ô" + U+0323).
 */
const TONE_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
function encodeWindows1258(text: string): Uint8Array {
  const decoder = new TextDecoder("windows-1258");
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text) {
    const direct = byChar.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // The tone mark apart, the rest composed: "ộ" → "ô" + U+0323.
    const parts = [...ch.normalize("NFD")];
    const tones = parts.filter((m) => TONE_MARKS.includes(m));
    const base = byChar.get(
      parts
        .filter((m) => !TONE_MARKS.includes(m))
        .join("")
        .normalize("NFC"),
    );
    const marks = tones.map((m) => byChar.get(m));
    const done = base !== undefined && marks.every((m) => m !== undefined);
    if (done) out.push(base, ...(marks as number[]));
    if (!done) throw new Error(`not in Windows-1258: ${ch}`);
  }
  return Uint8Array.from(out);
}

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const units = [...(bom ? "\uFEFF" : ""), ...text].join("");
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === "le" ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === "le" ? 1 : 0)] = u >> 8;
  }
  return out;
}

const HEADERS = "Mã đơn vị,Tên đơn vị,Cấp,Loại hình,Mã đơn vị cấp trên";
const ROWS =
  "QN,Đảng bộ tỉnh Quảng Ninh,province,province,\nQN.HL,Đảng bộ thành phố Hạ Long,Đảng bộ trực thuộc Tỉnh ủy,city,QN\n";
const EXPECTED = [
  ["QN", "Đảng bộ tỉnh Quảng Ninh", "province"],
  ["QN.HL", "Đảng bộ thành phố Hạ Long", "district_level"],
];
const rowsOf = (data: Uint8Array) => {
  const parsed = readOrgCsv(data, DEFAULT_HIERARCHY, "to-chuc.csv");
  return parsed.ok ? parsed.value.rows.map((r) => [r.row.code, r.row.name, r.row.level]) : parsed.error;
};

describe("CSV encodings", () => {
  const text = `${HEADERS}\n${ROWS}`;
  const cases: [string, Uint8Array, string][] = [
    ["UTF-8", new TextEncoder().encode(text), "UTF-8"],
    ["UTF-8 with a BOM", new TextEncoder().encode(`\uFEFF${text}`), "UTF-8"],
    ["UTF-16LE with a BOM", utf16(text, "le", true), "UTF-16LE"],
    ["UTF-16BE with a BOM", utf16(text, "be", true), "UTF-16BE"],
    ["UTF-16LE without a BOM", utf16(text, "le", false), "UTF-16LE"],
    ["UTF-16BE without a BOM", utf16(text, "be", false), "UTF-16BE"],
    ["Windows-1258", encodeWindows1258(text), "Windows-1258"],
  ];
  for (const [name, data, encoding] of cases) {
    it(`reads ${name} with Vietnamese headers and names, in NFC`, () => {
      expect(rowsOf(data)).toEqual(EXPECTED);
      const decoded = decodeCsv(data);
      expect(decoded.ok && decoded.value.encoding).toBe(encoding);
      expect(decoded.ok && decoded.value.text === decoded.value.text.normalize("NFC")).toBe(true);
    });
  }

  it("reads Windows-1258 with unaccented headers without mangling the names", () => {
    const data = encodeWindows1258(`Ma don vi,Ten don vi,Cap,Loai hinh,Ma don vi cap tren\n${ROWS}`);
    // The test's encoder really writes combining tone marks (0xD2 is U+0323, the dot below).
    expect([...data]).toContain(0xd2);
    expect(rowsOf(data)).toEqual(EXPECTED);
  });

  it("normalises a decomposed UTF-8 file to NFC", () => {
    const data = new TextEncoder().encode(`${HEADERS}\n${ROWS}`.normalize("NFD"));
    expect(rowsOf(data)).toEqual(EXPECTED);
  });

  it("says plainly that a file in another encoding (TCVN3) is not UTF-8", () => {
    // "Đảng bộ" in TCVN3 (ABC): § ¶ n g   b é — bytes Windows-1258 reads as symbols.
    const data = Uint8Array.from([
      ...new TextEncoder().encode("Ma don vi,Ten don vi,Cap,Loai hinh\nQN,"),
      0xa7,
      0xb6,
      0x6e,
      0x67,
      0x20,
      0x62,
      0xe9,
      ...new TextEncoder().encode(",province,province\n"),
    ]);
    expect(rowsOf(data)).toEqual([
      {
        sheet: "to-chuc.csv",
        row: 0,
        column: null,
        field: null,
        rule: "encoding",
        message: NOT_UTF8_MESSAGE,
      },
    ]);
    expect(NOT_UTF8_MESSAGE).toContain("không ở bảng mã UTF-8");
  });

  it("applies to the reorganisation plan's CSV too", async () => {
    const data = encodeWindows1258(
      "Thao tác,Ngày hiệu lực,Mã đơn vị,Tên mới\nĐổi tên,01/12/2026,QN.HL,Đảng bộ thành phố Hạ Long mới\n",
    );
    const r = await readReorgFile({ name: "sap-xep.csv", data }, "2026-12-07");
    expect(r.ok ? r.value.rows.map((x) => [x.code, x.newName]) : r.error).toEqual([
      ["QN.HL", "Đảng bộ thành phố Hạ Long mới"],
    ]);
  });
});

describe("the reorganisation plan holds names to the form's limit (issue 20 item 8)", () => {
  it("refuses a new name over 300 characters, naming row and column", async () => {
    const data = new TextEncoder().encode(
      `Thao tác,Ngày hiệu lực,Mã đơn vị,Tên mới\nĐổi tên,01/12/2026,QN.HL,${"Đ".repeat(301)}\n`,
    );
    const r = await readReorgFile({ name: "sap-xep.csv", data }, "2026-12-07");
    expect(r.ok ? null : r.error.map((i) => [i.row, i.column, i.rule, i.message])).toEqual([
      [2, "D (Tên mới)", "too_long", "Tên mới dài 301 ký tự, tối đa 300 ký tự"],
    ]);
  });
});

describe("CSV parser errors in Vietnamese, naming the row", () => {
  const english = /Quote|Invalid|Closing|Opening|line \d|record/;
  it.each([
    [
      "an unclosed quote",
      `${HEADERS}\nQN,Tỉnh,province,province,\nQN.X,"Khối,district_level,bloc,QN\n`,
      3,
      "B",
    ],
    ["text after a closing quote", `${HEADERS}\nQN,"Tỉnh"x,province,province,\n`, 2, "B"],
    ["a quote inside a cell", `${HEADERS}\nQN,Tỉnh "Quảng Ninh",province,province,\n`, 2, "B"],
  ])("%s", async (_, text, row, column) => {
    const data = new TextEncoder().encode(text);
    for (const r of [
      readOrgCsv(data, DEFAULT_HIERARCHY, "to-chuc.csv"),
      await readReorgFile({ name: "to-chuc.csv", data }, "2026-12-07"),
    ]) {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toHaveLength(1);
      expect(r.error[0]).toMatchObject({ row, column, rule: "unreadable" });
      expect(r.error[0]!.message).toContain(`dòng ${row}`);
      expect(r.error[0]!.message).not.toMatch(english);
    }
  });
});

describe("spreadsheet text is NFC too", () => {
  it("reads a decomposed name typed with a combining-marks keyboard as NFC", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { readOrgXlsx } = await import("./org-sheet.ts");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ToChuc");
    ws.addRow(["Mã đơn vị", "Tên đơn vị", "Cấp", "Loại hình"]);
    ws.addRow(["QN", "Đảng bộ tỉnh Quảng Ninh".normalize("NFD"), "province", "province"]);
    const r = await readOrgXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), DEFAULT_HIERARCHY);
    expect(r.ok && r.value.rows[0]!.row.name).toBe("Đảng bộ tỉnh Quảng Ninh".normalize("NFC"));
  });
});
