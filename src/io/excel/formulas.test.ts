/**
 * Formula cells in every import (issue 20, item 3). A formula without a cached result was stored as
 * "[object Object]" (an organisation's name, a person's name, an elected village head); one with a
 * cached result stored that result silently (a HYPERLINK created a person named "Bấm vào đây").
 * Every import now refuses a formula cell, naming row and column.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_HIERARCHY } from "../../../test/fixtures/hierarchy.ts";
import { CONGRESS_SHEET, readCongressXlsx } from "./congress-sheet.ts";
import { ORG_SHEET, readOrgXlsx } from "./org-sheet.ts";
import { PEOPLE_SHEET, readPeopleXlsx } from "./people-sheet.ts";
import { readVillageXlsx, VILLAGE_SHEET } from "./village-sheet.ts";

const NO_RESULT: ExcelJS.CellValue = { formula: 'A2&" mới"', date1904: false } as ExcelJS.CellFormulaValue;
const HYPERLINK: ExcelJS.CellValue = {
  formula: 'HYPERLINK("http://example.invalid","Bấm vào đây")',
  result: "Bấm vào đây",
  date1904: false,
} as ExcelJS.CellFormulaValue;

async function xlsx(sheet: string, rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Issue = { row: number; column: string | null; rule: string; message: string };
const where = (issues: readonly Issue[]) =>
  issues.filter((i) => i.rule === "formula").map((i) => [i.row, i.column]);

describe("formula cells are refused with row and column", () => {
  it("in the organisation import", async () => {
    const data = await xlsx(ORG_SHEET, [
      ["Mã đơn vị", "Tên đơn vị", "Cấp", "Loại hình", "Mã đơn vị cấp trên"],
      ["QN", NO_RESULT, "province", "province", null],
      ["QN.HL", HYPERLINK, "district_level", "city", "QN"],
    ]);
    const r = await readOrgXlsx(data, DEFAULT_HIERARCHY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.error)).toEqual([
      [2, "B (Tên đơn vị)"],
      [3, "B (Tên đơn vị)"],
    ]);
    expect(r.error[1]!.message).toMatch(/^Ô chứa công thức \(=HYPERLINK\(/);
    expect(JSON.stringify(r.error)).not.toContain("[object Object]");
  });

  it("in the people import", async () => {
    const data = await xlsx(PEOPLE_SHEET, [
      ["Mã người", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tỉnh (quê quán)"],
      ["P1", HYPERLINK, "Nam", "01/01/1970", "Kinh", "Quảng Ninh"],
    ]);
    const r = await readPeopleXlsx(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.error)).toEqual([[2, "B (Họ và tên)"]]);
  });

  it("in the village-election import", async () => {
    const data = await xlsx(VILLAGE_SHEET, [
      [
        "Mã thôn",
        "Lần bầu",
        "Ngày họp",
        "Tổng số đại diện hộ",
        "Số có mặt",
        "Hình thức bầu",
        "Người ứng cử 1",
        "Số phiếu 1",
      ],
      ["QN.HL.T1", 1, "05/01/2020", 50, 40, "Bỏ phiếu kín", NO_RESULT, 35],
      ["QN.HL.T2", 1, "05/01/2020", 50, 40, "Bỏ phiếu kín", "Trần Văn Bình", { formula: "E3-5", result: 35 }],
    ]);
    const r = await readVillageXlsx(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.error)).toEqual([
      [2, "G (Người ứng cử 1)"],
      [3, "H (Số phiếu 1)"],
    ]);
  });

  it("in the congress import", async () => {
    const data = await xlsx(CONGRESS_SHEET, [
      ["Mã đơn vị", "Loại đại hội", "Ngày dự kiến", "Địa điểm"],
      ["QN.HL", "Đại hội đảng viên", "10/03/2020", HYPERLINK],
    ]);
    const r = await readCongressXlsx(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.error)).toEqual([[2, "D (Địa điểm)"]]);
  });
});
