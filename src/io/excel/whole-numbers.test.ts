/**
 * Counts are whole numbers in every import (issue 20, item 2). The village-election import read the
 * numeric cell 35.2 in "Số phiếu 1" as 352 (2.4 as 24: the dot taken for a thousands separator), and
 * the congress import read the text "27.6" as 276. Both must refuse the cell, naming row and column;
 * "4.925" typed as text is Vietnamese for four thousand nine hundred and twenty-five.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWholeNumber } from "./cells.ts";
import { CONGRESS_SHEET, readCongressXlsx } from "./congress-sheet.ts";
import { readVillageXlsx, VILLAGE_SHEET } from "./village-sheet.ts";

async function xlsx(sheet: string, rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const VILLAGE_HEADER = [
  "Mã thôn",
  "Lần bầu",
  "Ngày họp",
  "Tổng số đại diện hộ",
  "Số có mặt",
  "Hình thức bầu",
  "Người ứng cử 1",
  "Số phiếu 1",
];

function villageRow(votes: ExcelJS.CellValue, present: ExcelJS.CellValue = 40): ExcelJS.CellValue[] {
  return ["QN.HL.T1", 1, "05/01/2020", 50, present, "Bỏ phiếu kín", "Nguyễn Văn An", votes];
}

describe("readWholeNumber", () => {
  it("accepts whole numbers and Vietnamese thousands, refuses everything else", () => {
    expect(readWholeNumber(35)).toEqual({ ok: true, value: 35 });
    expect(readWholeNumber("35")).toEqual({ ok: true, value: 35 });
    expect(readWholeNumber("4.925")).toEqual({ ok: true, value: 4925 });
    expect(readWholeNumber("1.000.000")).toEqual({ ok: true, value: 1_000_000 });
    expect(readWholeNumber(null)).toEqual({ ok: true, value: null });
    expect(readWholeNumber("  ")).toEqual({ ok: true, value: null });
    for (const bad of [35.2, 2.4, -3, "35.2", "35,2", "2,5", "-3", "1e3", "12.34", "1.2345", "abc", "0x10"]) {
      const r = readWholeNumber(bad);
      expect(r.ok, String(bad)).toBe(false);
    }
    const r = readWholeNumber(35.2);
    expect(!r.ok && r.error).toMatch(/^"35,2" không phải số nguyên không âm/);
  });
});

describe("the village-election import", () => {
  it("refuses 35.2 and 2.4 in a count column with row and column instead of reading 352 and 24", async () => {
    const data = await xlsx(VILLAGE_SHEET, [VILLAGE_HEADER, villageRow(35.2), villageRow(30, 2.4)]);
    const r = await readVillageXlsx(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, "H (Số phiếu 1)", "invalid_number"],
      [3, "E (Số có mặt)", "invalid_number"],
    ]);
    expect(r.error[0]!.message).toMatch(/"35,2" không phải số nguyên/);
  });

  it("reads whole numbers and Vietnamese thousands", async () => {
    const data = await xlsx(VILLAGE_SHEET, [VILLAGE_HEADER, villageRow(35), villageRow("1.035", "1.040")]);
    const r = await readVillageXlsx(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows.map((x) => [x.meeting.present, x.meeting.candidates[0]!.votes])).toEqual([
      [40, 35],
      [1040, 1035],
    ]);
  });
});

describe("the congress import", () => {
  it("refuses the text 27.6 instead of reading 276, naming row and column", async () => {
    const data = await xlsx(CONGRESS_SHEET, [
      ["Mã đơn vị", "Loại đại hội", "Ngày dự kiến", "Số triệu tập", "Số có mặt"],
      ["QN.HL", "Đại hội đảng viên", "10/03/2020", "300", "27.6"],
      ["QN.CP", "Đại hội đảng viên", "10/03/2020", 300, 27.6],
    ]);
    const r = await readCongressXlsx(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const numberIssues = r.error.filter((i) => i.rule === "invalid_number");
    expect(numberIssues.map((i) => [i.row, i.column])).toEqual([
      [2, "E (Số có mặt)"],
      [3, "E (Số có mặt)"],
    ]);
  });
});
