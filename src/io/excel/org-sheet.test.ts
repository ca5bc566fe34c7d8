import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_HIERARCHY } from "../../../test/fixtures/hierarchy.ts";
import { ORG_SHEET, readOrgCsv, readOrgXlsx, writeOrgExport, writeOrgTemplate } from "./org-sheet.ts";

const row = (over: Partial<Record<string, string | null>> = {}) => ({
  code: "QN.HL.HONGGAI.KP1",
  name: "Chi bộ khu phố 1",
  level: "branch",
  kind: "village",
  sector: null,
  parentCode: "QN.HL.HONGGAI",
  villageCode: "V.HONGGAI.KP1",
  villageName: "Khu phố 1",
  villageKind: "khu phố",
  ...over,
});

describe("the organisation template", () => {
  it("reads back as rows that use codes, with the header in row 1", async () => {
    const data = await writeOrgTemplate(DEFAULT_HIERARCHY);
    const parsed = await readOrgXlsx(data, DEFAULT_HIERARCHY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.sheet).toBe(ORG_SHEET);
    expect(parsed.value.rows.map((r) => [r.rowNumber, r.row.code, r.row.level, r.row.kind])).toEqual([
      [2, "QN", "province", "province"],
      [3, "QN.HL", "district_level", "city"],
      [4, "QN.HL.HONGGAI", "grassroots_committee", "ward"],
      [5, "QN.HL.HONGGAI.KP1", "branch", "village"],
    ]);
    expect(parsed.value.columnOf.get("parentCode")).toBe("F (Mã đơn vị cấp trên)");
  });
});

describe("export → import", () => {
  it("round-trips Vietnamese names, villages and empty cells", async () => {
    const rows = [
      row({
        code: "QN",
        name: "Đảng bộ tỉnh Quảng Ninh",
        level: "province",
        kind: "province",
        parentCode: null,
        villageCode: null,
        villageName: null,
        villageKind: null,
      }),
      row(),
    ];
    const data = await writeOrgExport(rows as never, DEFAULT_HIERARCHY);
    const parsed = await readOrgXlsx(data, DEFAULT_HIERARCHY);
    expect(parsed.ok ? parsed.value.rows.map((r) => r.row) : parsed.error).toEqual([
      {
        code: "QN",
        name: "Đảng bộ tỉnh Quảng Ninh",
        level: "province",
        kind: "province",
        sector: undefined,
        parentCode: undefined,
        villageCode: undefined,
        villageName: undefined,
        villageKind: undefined,
      },
      {
        code: "QN.HL.HONGGAI.KP1",
        name: "Chi bộ khu phố 1",
        level: "branch",
        kind: "village",
        sector: undefined,
        parentCode: "QN.HL.HONGGAI",
        villageCode: "V.HONGGAI.KP1",
        villageName: "Khu phố 1",
        villageKind: "khu phố",
      },
    ]);
  });
});

describe("reading files", () => {
  it("finds columns by header in any order and accepts names or codes for level and kind", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["Tên đơn vị", "Mã đơn vị", "Loai hinh", "cấp", "Mã đơn vị cấp trên", "Ghi chú"]);
    ws.addRow(["Đảng bộ xã Cộng Hòa", "QN.CP.CONGHOA", "Xã", "Đảng bộ cơ sở", "QN.CP", "không đọc"]);
    ws.addRow([]);
    ws.addRow(["Chi bộ thôn 1", "QN.CP.CONGHOA.T1", "village", "branch", "QN.CP.CONGHOA", ""]);
    const parsed = await readOrgXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), DEFAULT_HIERARCHY);
    expect(
      parsed.ok
        ? parsed.value.rows.map((r) => [r.rowNumber, r.row.code, r.row.level, r.row.kind])
        : parsed.error,
    ).toEqual([
      [2, "QN.CP.CONGHOA", "grassroots_committee", "commune"],
      [4, "QN.CP.CONGHOA.T1", "branch", "village"],
    ]);
  });

  it("names a missing required column", async () => {
    const csv = new TextEncoder().encode("Mã đơn vị,Tên đơn vị,Cấp\nQN,Tỉnh,province\n");
    expect(readOrgCsv(csv, DEFAULT_HIERARCHY, "to-chuc.csv")).toEqual({
      ok: false,
      error: [
        {
          sheet: "to-chuc.csv",
          row: 1,
          column: null,
          field: "kind",
          rule: "missing_column",
          message: 'Thiếu cột bắt buộc "Loại hình" ở dòng tiêu đề',
        },
      ],
    });
  });

  it("reads UTF-8 CSV with a BOM, semicolons and quoted commas", () => {
    const csv = new TextEncoder().encode(
      '\uFEFFMã đơn vị;Tên đơn vị;Cấp;Loại hình;Mã đơn vị cấp trên\nQN;"Đảng bộ tỉnh Quảng Ninh";province;province;\nQN.X;"Đảng bộ Khối, ngành";district_level;bloc;QN\n',
    );
    const parsed = readOrgCsv(csv, DEFAULT_HIERARCHY);
    expect(
      parsed.ok ? parsed.value.rows.map((r) => [r.row.code, r.row.name, r.row.parentCode]) : parsed.error,
    ).toEqual([
      ["QN", "Đảng bộ tỉnh Quảng Ninh", undefined],
      ["QN.X", "Đảng bộ Khối, ngành", "QN"],
    ]);
  });

  it("says so when the file is not an xlsx", async () => {
    const r = await readOrgXlsx(new TextEncoder().encode("not a zip"), DEFAULT_HIERARCHY);
    expect(r.ok ? null : r.error[0]!.message).toBe(
      "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng",
    );
  });
});
