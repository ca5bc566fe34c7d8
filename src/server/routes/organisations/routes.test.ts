import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, multipartFile, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { seedSmallProvince } from "../../../../test/factories.ts";
import { countOrgs } from "../../../db/repositories/organisations.ts";
import { vietnamDay } from "../../../domain/organisation/index.ts";

let h: TestApp;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  // Signed in as the province administrator (the authorisation matrix covers the other roles).
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
});
afterAll(async () => h.close());

let admin: Record<string, string> = {};
const get = (url: string) => h.app.inject({ method: "GET", url, headers: admin });

async function xlsx(rows: (string | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ToChuc");
  ws.addRow(["Mã đơn vị", "Tên đơn vị", "Cấp", "Loại hình", "Ngành", "Mã đơn vị cấp trên"]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("GET /api/health", () => {
  it("reports the engine and the newest migration", async () => {
    const r = await get("/api/health");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: "ok",
      engine: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    expect(r.json().migration).toMatch(/^\d{4}_/);
  });
});

describe("browsing", () => {
  it("lists the root with subtree counts, then its children by level and Vietnamese name order", async () => {
    const roots = (await get("/api/orgs/roots")).json();
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ code: "QN", childCount: 3, descendantCount: 13, parentId: null });
    const children = (await get(`/api/orgs/${id("QN")}/children`)).json();
    // Vietnamese order: "Than " sorts before "thành" (n + space before n + h).
    expect(children.map((c: { name: string }) => c.name)).toEqual([
      "Đảng bộ Than Quảng Ninh",
      "Đảng bộ thành phố Cẩm Phả",
      "Đảng bộ thành phố Hạ Long",
    ]);
  });

  it("shows an organisation's path, counts by level and the village a branch serves", async () => {
    const ward = (await get(`/api/orgs/${id("QN.HL.HONGGAI")}`)).json();
    expect(ward.ancestors.map((a: { code: string }) => a.code)).toEqual(["QN", "QN.HL"]);
    expect(ward.countsByLevel).toEqual(
      expect.arrayContaining([
        { level: "grassroots_committee", count: 1 },
        { level: "branch", count: 2 },
      ]),
    );
    expect(ward.villageCount).toBe(2);
    const branch = (await get(`/api/orgs/${id("QN.HL.HONGGAI.KP1")}`)).json();
    expect(branch.village).toMatchObject({ code: "V.HONGGAI.KP1", name: "Khu phố 1", kind: "khu phố" });
  });

  it("finds organisations without diacritics, with filters and paths", async () => {
    const r = (await get("/api/orgs/search?q=hong%20gai")).json();
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({
      code: "QN.HL.HONGGAI",
      pathNames: ["Đảng bộ tỉnh Quảng Ninh", "Đảng bộ thành phố Hạ Long"],
    });
    const coal = (await get("/api/orgs/search?sector=coal&level=branch")).json();
    expect(coal.items.map((i: { code: string }) => i.code)).toEqual(["QN.THAN.HATU.KT1"]);
    const within = (await get(`/api/orgs/search?q=khu%20pho&within=${id("QN.HL.HONGGAI")}`)).json();
    expect(within.total).toBe(2);
  });

  it("answers 404 with a Vietnamese message for an unknown organisation, 400 for a bad id", async () => {
    const r = await get("/api/orgs/999999");
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      code: "NOT_FOUND",
      message: "Không tìm thấy đơn vị này (hoặc bạn không có quyền xem)",
      details: { id: 999999 },
    });
    const bad = await get("/api/orgs/abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("VALIDATION_FAILED");
  });
});

describe("search ranking", () => {
  it("puts the closest name first: the ward before a school named after it", async () => {
    const school = await h.app.inject({
      method: "POST",
      url: "/api/orgs",
      headers: admin,
      payload: {
        code: "QN.HL.THCS-HONGGAI",
        name: "Chi bộ Trường THCS Hồng Gai",
        level: "grassroots_branch",
        kind: "public_service",
        parentId: id("QN.HL"),
      },
    });
    expect(school.statusCode).toBe(201);
    const r = (await get("/api/orgs/search?q=hong%20gai")).json();
    expect(r.items.map((i: { code: string }) => i.code)).toEqual(["QN.HL.HONGGAI", "QN.HL.THCS-HONGGAI"]);
  });

  it("matches words in any order and not adjacent, without diacritics, best first", async () => {
    for (const [code, name] of [
      ["QN.HL.HONGGAI.CA", "Chi bộ Công an phường Hồng Gai"],
      ["QN.HL.HONGGAI.YTE", "Chi bộ Trạm Y tế phường Hồng Gai"],
    ] as const) {
      const created = await h.app.inject({
        method: "POST",
        url: "/api/orgs",
        headers: admin,
        payload: { code, name, level: "branch", kind: "public_service", parentId: id("QN.HL.HONGGAI") },
      });
      expect(created.statusCode).toBe(201);
    }
    const codes = async (q: string) =>
      (await get(`/api/orgs/search?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { code: string }) => i.code);
    expect(await codes("cong an hong gai")).toEqual(["QN.HL.HONGGAI.CA"]);
    expect(await codes("tram y te hong gai")).toEqual(["QN.HL.HONGGAI.YTE"]);
    expect(await codes("Hồng Gai trạm")).toEqual(["QN.HL.HONGGAI.YTE"]);
    // The name as typed still comes first; then the names holding every word.
    expect((await codes("hong gai"))[0]).toBe("QN.HL.HONGGAI");
    expect(await codes("gai hong")).toEqual(
      expect.arrayContaining([
        "QN.HL.HONGGAI",
        "QN.HL.HONGGAI.CA",
        "QN.HL.HONGGAI.YTE",
        "QN.HL.THCS-HONGGAI",
      ]),
    );
  });
});

describe("changing the tree", () => {
  it("creates, renames, moves and dissolves through the API", async () => {
    const created = await h.app.inject({
      method: "POST",
      url: "/api/orgs",
      headers: admin,
      payload: {
        code: "QN.CP.CONGHOA.T2",
        name: "Chi bộ thôn 2",
        level: "branch",
        kind: "village",
        parentId: id("QN.CP.CONGHOA"),
        effectiveOn: "2025-01-01",
      },
    });
    expect(created.statusCode).toBe(201);
    const newId = created.json().id;
    const renamed = await h.app.inject({
      method: "PATCH",
      url: `/api/orgs/${newId}`,
      headers: admin,
      payload: { name: "Chi bộ thôn Hai", effectiveOn: "2025-03-01" },
    });
    expect(renamed.json()).toMatchObject({ name: "Chi bộ thôn Hai" });
    const moved = await h.app.inject({
      method: "POST",
      url: `/api/orgs/${newId}/move`,
      headers: admin,
      payload: { parentId: id("QN.HL.BACHDANG"), effectiveOn: "2025-05-01" },
    });
    expect(moved.json()).toMatchObject({ parentId: id("QN.HL.BACHDANG") });
    // History is written in day order: nothing may change before the latest change.
    const early = await h.app.inject({
      method: "POST",
      url: `/api/orgs/${newId}/dissolve`,
      headers: admin,
      payload: { date: "2025-04-01", reason: "Sáp nhập thôn" },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toContain("01/05/2025");
    const dissolved = await h.app.inject({
      method: "POST",
      url: `/api/orgs/${newId}/dissolve`,
      headers: admin,
      payload: { date: "2025-07-01", reason: "Sáp nhập thôn" },
    });
    expect(dissolved.json()).toMatchObject({ dissolvedOn: "2025-07-01" });
    const history = await h.app.inject({ method: "GET", url: `/api/orgs/${newId}`, headers: admin });
    expect(history.json().dissolvedReason).toBe("Sáp nhập thôn");
    // As of each day the tree shows that day's name and place; before its founding, nothing.
    const asOf = async (day: string) =>
      h.app.inject({ method: "GET", url: `/api/orgs/${newId}?asOf=${day}`, headers: admin });
    expect((await asOf("2024-12-31")).statusCode).toBe(404);
    expect((await asOf("2025-02-01")).json()).toMatchObject({
      name: "Chi bộ thôn 2",
      parentId: id("QN.CP.CONGHOA"),
    });
    expect((await asOf("2025-03-01")).json()).toMatchObject({
      name: "Chi bộ thôn Hai",
      parentId: id("QN.CP.CONGHOA"),
    });
    expect((await asOf("2025-06-30")).json()).toMatchObject({
      name: "Chi bộ thôn Hai",
      parentId: id("QN.HL.BACHDANG"),
    });
    expect((await asOf("2025-07-01")).statusCode).toBe(404);
    const children = async (code: string, day: string) =>
      (
        await h.app.inject({
          method: "GET",
          url: `/api/orgs/${id(code)}/children?asOf=${day}`,
          headers: admin,
        })
      )
        .json()
        .map((n: { id: number }) => n.id);
    expect(await children("QN.CP.CONGHOA", "2025-02-01")).toContain(newId);
    expect(await children("QN.CP.CONGHOA", "2025-06-01")).not.toContain(newId);
    expect(await children("QN.HL.BACHDANG", "2025-06-01")).toContain(newId);
    const search = await h.app.inject({
      method: "GET",
      url: "/api/orgs/search?q=thon%202&asOf=2025-02-01",
      headers: admin,
    });
    expect(search.json().items.map((n: { id: number }) => n.id)).toContain(newId);
  });

  it("answers 400 naming the field for a bad body", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/orgs",
      headers: admin,
      payload: { code: "mã sai", name: "", level: "branch", kind: "village", parentId: id("QN") },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain("code: Mã đơn vị chỉ gồm chữ không dấu, số và các ký tự . _ -");
    expect(r.json().message).toContain("name: Tên đơn vị không được để trống");
  });

  it("answers 422 naming the hierarchy rule", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/orgs",
      headers: admin,
      payload: {
        code: "QN.BAD",
        name: "Chi bộ sai",
        level: "branch",
        kind: "village",
        parentId: id("QN.CP.TRUONG"),
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: "ORG_RULE", details: { rule: "parent_wrong_level" } });
  });

  it("rejects a state-changing request without the CSRF header or from another origin", async () => {
    const payload = { name: "Đổi tên trái phép" };
    const bare = await h.app.inject({
      method: "PATCH",
      url: `/api/orgs/${id("QN.HL")}`,
      headers: { cookie: admin.cookie! },
      payload,
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe("CSRF_REJECTED");
    const foreign = await h.app.inject({
      method: "PATCH",
      url: `/api/orgs/${id("QN.HL")}`,
      headers: { ...admin, origin: "https://evil.example", host: "localhost:3000" },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    expect((await get(`/api/orgs/${id("QN.HL")}`)).json().name).toBe("Đảng bộ thành phố Hạ Long");
  });
});

describe("import and export", () => {
  it("offers the template", async () => {
    const r = await get("/api/orgs/import/template.xlsx");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toContain("mau-nhap-to-chuc.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["ToChuc", "DanhMuc"]);
  });

  it("refuses a file with bad rows, lists every issue with sheet, row and column, and writes nothing", async () => {
    const before = await countOrgs(h.t.database.db);
    const file = await xlsx([
      ["QN.MOI", "Đảng bộ huyện Mới", "district_level", "district", null, "QN"],
      ["QN.MOI", "Trùng mã", "district_level", "district", null, "QN"],
      ["QN.MOI.X", "", "grassroots_committee", "commune", null, "QN.MOI"],
      ["QN.MOI.Y", "Chi bộ lạc", "branch", "village", null, "QN.KHONGCO"],
    ]);
    const { payload, headers } = multipartFile("file", "to-chuc.xlsx", file);
    const r = await h.app.inject({
      method: "POST",
      url: "/api/orgs/import",
      headers: { ...headers, ...admin },
      payload,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe("IMPORT_INVALID");
    expect(r.json().details.issues).toEqual([
      {
        sheet: "ToChuc",
        row: 3,
        column: "A (Mã đơn vị)",
        field: "code",
        rule: "duplicate_code",
        message: 'Mã "QN.MOI" trùng với dòng 2',
      },
      {
        sheet: "ToChuc",
        row: 4,
        column: "B (Tên đơn vị)",
        field: "name",
        rule: "missing_name",
        message: "Tên đơn vị không được để trống",
      },
      {
        sheet: "ToChuc",
        row: 5,
        column: "F (Mã đơn vị cấp trên)",
        field: "parentCode",
        rule: "unknown_parent",
        message: 'Mã cấp trên "QN.KHONGCO" không có trong tệp và trong cơ sở dữ liệu',
      },
    ]);
    expect(await countOrgs(h.t.database.db)).toBe(before);
  });

  it("checks a good file with dryRun=true without writing, then writes it with dryRun=false", async () => {
    const before = await countOrgs(h.t.database.db);
    const file = await xlsx([
      ["QN.MOI", "Đảng bộ huyện Mới", "Đảng bộ trực thuộc Tỉnh ủy", "Huyện", null, "QN"],
      ["QN.MOI.X", "Đảng bộ xã Mới", "Đảng bộ cơ sở", "Xã", null, "QN.MOI"],
    ]);
    const send = (dryRun: string) => {
      const { payload, headers } = multipartFile("file", "to-chuc.xlsx", file);
      return h.app.inject({
        method: "POST",
        url: `/api/orgs/import?dryRun=${dryRun}`,
        headers: { ...headers, ...admin },
        payload,
      });
    };
    const dry = await send("true");
    const today = vietnamDay(new Date());
    expect(dry.json()).toEqual({
      dryRun: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      villages: 0,
      // Neither row has a founding day: both count from the import day, and the dry run says so.
      withoutFoundingDay: 2,
      foundingDay: today,
    });
    expect(await countOrgs(h.t.database.db)).toBe(before);
    const real = await send("false");
    expect(real.json()).toEqual({
      dryRun: false,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      villages: 0,
      withoutFoundingDay: 2,
      foundingDay: today,
    });
    expect(await countOrgs(h.t.database.db)).toBe(before + 2);
    // A retry of the same upload changes nothing.
    expect((await send("false")).json()).toMatchObject({ created: 0, unchanged: 2 });
  });

  it("exports a subtree in the import format", async () => {
    const r = await get(`/api/orgs/${id("QN.HL")}/export.xlsx`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet("ToChuc")!;
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.slice(0, 1)).toEqual(["QN.HL"]);
    expect(codes).toContain("QN.HL.HONGGAI.KP2");
    expect(codes).not.toContain("QN.CP");
  });

  it("refuses a file that is not xlsx or csv", async () => {
    const { payload, headers } = multipartFile("file", "to-chuc.pdf", new Uint8Array([1, 2, 3]));
    const r = await h.app.inject({
      method: "POST",
      url: "/api/orgs/import",
      headers: { ...headers, ...admin },
      payload,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toBe('Tệp "to-chuc.pdf" không phải .xlsx hoặc .csv');
  });
});

describe("OpenAPI", () => {
  it("documents the organisation routes", async () => {
    const r = await get("/api/docs/json");
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json().paths)).toEqual(
      expect.arrayContaining(["/api/orgs/{id}", "/api/orgs/import", "/api/health"]),
    );
  });
});
