/**
 * People API through HTTP: search without diacritics, create with posts, edit, add and end posts,
 * possible duplicates, the .xlsx import's error report (every row, sheet and column), dry run,
 * duplicates resolved in the file, export; 400/403/404 and an officer's scope.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, multipartFile, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { seedSmallProvince } from "../../../../test/factories.ts";
import { PERSON_COLUMNS, POST_COLUMNS } from "../../../io/excel/people-sheet.ts";

let h: TestApp;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;
let admin: Record<string, string> = {};
let officerHL: Record<string, string> = {};
let viewer: Record<string, string> = {};

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
  officerHL = await loginAs(h.app, "canbo.halong");
  viewer = await loginAs(h.app, "xem.tinh");
});
afterAll(async () => h.close());

const QN = { code: "QN", name: "Quảng Ninh" };
const hometownHongGai = {
  province: QN,
  district: { code: "QN.HL", name: "Hạ Long" },
  commune: { code: "QN.HL.HONGGAI", name: "Hồng Gai" },
};
const secretaryOf = (orgCode: string) => ({
  kind: "secretary",
  orgId: id(orgCode),
  villageCode: null,
  term: "2020–2025",
  title: null,
  start: "2020-05-20",
  end: null,
});
const newPerson = (over: Record<string, unknown> = {}) => ({
  fullName: "Đặng Thị Hồng Nhung",
  gender: "female",
  birthDate: "1978-04-30",
  ethnicity: "Kinh",
  hometown: hometownHongGai,
  membership: { status: "official", joinedOn: "2000-01-01", officialOn: "2001-01-01" },
  education: "Đại học Luật",
  politicalTheory: "cao_cap",
  posts: [secretaryOf("QN.HL.HONGGAI")],
  ...over,
});

describe("people CRUD", () => {
  let personId = 0;

  it("creates a person with a post, found by name without diacritics", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: officerHL,
      payload: newPerson(),
    });
    expect(r.statusCode).toBe(201);
    personId = r.json().id;
    expect(r.json()).toMatchObject({
      code: expect.stringMatching(/^NS\d{6}$/),
      fullName: "Đặng Thị Hồng Nhung",
      posts: [{ kind: "secretary", kindLabel: "Bí thư", placeName: "Đảng bộ phường Hồng Gai", end: null }],
    });
    const found = await h.app.inject({ method: "GET", url: "/api/people?q=dang thi hong", headers: viewer });
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: personId }] });
  });

  it("refuses a possible duplicate unless confirmed as a different person", async () => {
    const dup = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: admin,
      payload: newPerson(),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "PERSON_POSSIBLE_DUPLICATE" });
    const ok = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: admin,
      payload: newPerson({ differentPerson: true, posts: [] }),
    });
    expect(ok.statusCode).toBe(201);
  });

  it("edits, adds a concurrent post and ends it", async () => {
    const put = await h.app.inject({
      method: "PUT",
      url: `/api/people/${personId}`,
      headers: officerHL,
      payload: { ...newPerson(), posts: undefined, ethnicity: "Tày" },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().ethnicity).toBe("Tày");
    const add = await h.app.inject({
      method: "POST",
      url: `/api/people/${personId}/posts`,
      headers: officerHL,
      payload: { ...secretaryOf("QN.HL.HONGGAI"), kind: "people_committee_chair", term: null },
    });
    expect(add.statusCode).toBe(201);
    const chair = add.json().posts.find((p: { kind: string }) => p.kind === "people_committee_chair");
    const end = await h.app.inject({
      method: "POST",
      url: `/api/posts/${chair.id}/end`,
      headers: officerHL,
      payload: { end: "2021-06-01" },
    });
    expect(end.statusCode).toBe(200);
    expect(end.json().posts.find((p: { id: number }) => p.id === chair.id).end).toBe("2021-06-01");
    const before = await h.app.inject({
      method: "POST",
      url: `/api/posts/${chair.id}/end`,
      headers: officerHL,
      payload: { end: "2019-01-01" },
    });
    expect(before.statusCode).toBe(422);
  });

  it("answers 400 for a malformed body, 422 for a post missing its term, 403 for a viewer, 404 outside the scope", async () => {
    const bad = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: admin,
      payload: { ...newPerson(), gender: "x", birthDate: "30/04/1978" },
    });
    expect(bad.statusCode).toBe(400);
    const noTerm = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: admin,
      payload: newPerson({
        fullName: "Lê Văn Khác",
        posts: [{ ...secretaryOf("QN.HL.HONGGAI"), term: null }],
      }),
    });
    expect(noTerm.statusCode).toBe(422);
    expect(noTerm.json().message).toContain("nhiệm kỳ");
    const viewerWrite = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: viewer,
      payload: newPerson({ fullName: "Lê Văn Xem" }),
    });
    expect(viewerWrite.statusCode).toBe(403);
    const outside = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: officerHL,
      payload: newPerson({ fullName: "Lê Văn Ngoài", posts: [secretaryOf("QN.CP.CONGHOA")] }),
    });
    expect(outside.statusCode).toBe(404);
    const cp = await h.app.inject({
      method: "POST",
      url: "/api/people",
      headers: admin,
      payload: newPerson({ fullName: "Phạm Văn Cẩm", posts: [secretaryOf("QN.CP.CONGHOA")] }),
    });
    const hidden = await h.app.inject({
      method: "GET",
      url: `/api/people/${cp.json().id}`,
      headers: officerHL,
    });
    expect(hidden.statusCode).toBe(404);
    expect(
      (await h.app.inject({ method: "GET", url: "/api/people/999999", headers: admin })).statusCode,
    ).toBe(404);
  });
});

async function peopleFile(people: string[][], posts: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("NhanSu");
  p.addRow(PERSON_COLUMNS.map((c) => c.header));
  for (const r of people) p.addRow(r);
  const c = wb.addWorksheet("ChucVu");
  c.addRow(POST_COLUMNS.map((x) => x.header));
  for (const r of posts) c.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const row = (code: string, name: string, birth: string, extra: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    code,
    fullName: name,
    gender: "Nam",
    birthDate: birth,
    ethnicity: "Kinh",
    provinceCode: "QN",
    provinceName: "Quảng Ninh",
    districtCode: "QN.CP",
    districtName: "Cẩm Phả",
    communeCode: "",
    communeName: "",
    membership: "Chính thức",
    joinedOn: "01/01/2000",
    officialOn: "01/01/2001",
    education: "",
    politicalTheory: "Trung cấp",
    differentPerson: "",
    ...extra,
  };
  return PERSON_COLUMNS.map((c) => base[c.field] ?? "");
};
const postRow = (code: string, kind: string, org: string, extra: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    personCode: code,
    kind,
    orgCode: org,
    villageCode: "",
    term: kind === "Bí thư" ? "2020–2025" : "",
    title: "",
    start: "15/06/2020",
    end: "",
    ...extra,
  };
  return POST_COLUMNS.map((c) => base[c.field] ?? "");
};

const upload = async (headers: Record<string, string>, data: Uint8Array, dryRun = false) => {
  const body = multipartFile("file", "nhan-su.xlsx", data);
  return h.app.inject({
    method: "POST",
    url: `/api/people/import?dryRun=${dryRun}`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
};

describe("people import", () => {
  it("lists every error with its sheet, row and column, and writes nothing", async () => {
    const data = await peopleFile(
      [
        row("A1", "Vũ Văn Một", "31/02/1970"),
        row("A2", "Vũ", "01/01/1970", { gender: "Không rõ" }),
        row("A1", "Vũ Văn Ba", "01/01/1971"),
      ],
      [
        postRow("A9", "Bí thư", "QN.CP.CONGHOA"),
        postRow("A1", "Giám đốc vũ trụ", "QN.CP.CONGHOA"),
        postRow("A1", "Bí thư", "QN.KHONGCO"),
        postRow("A1", "Chủ tịch UBND", "QN.CP.CONGHOA", { start: "" }),
      ],
    );
    const r = await upload(admin, data);
    expect(r.statusCode).toBe(422);
    const issues = r.json().details.issues as {
      sheet: string;
      row: number;
      column: string | null;
      message: string;
    }[];
    expect(issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ["NhanSu", 2, "D (Ngày sinh)"],
      ["NhanSu", 3, "C (Giới tính)"],
      ["NhanSu", 3, "B (Họ và tên)"],
      ["NhanSu", 4, "A (Mã người)"],
      ["ChucVu", 3, "B (Chức vụ)"],
      ["ChucVu", 5, "G (Từ ngày)"],
    ]);
    expect(issues[0]!.message).toContain("31/02/1970");
    const people = await h.app.inject({ method: "GET", url: "/api/people?q=vu van", headers: admin });
    expect(people.json().total).toBe(0);
  });

  it("reports unknown holders and organisations once the cells are readable", async () => {
    const r = await upload(
      admin,
      await peopleFile(
        [row("B1", "Hoàng Văn Bình", "02/02/1972")],
        [postRow("B9", "Bí thư", "QN.CP.CONGHOA"), postRow("B1", "Bí thư", "QN.KHONGCO")],
      ),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().details.issues.map((i: { rule: string; row: number }) => [i.rule, i.row])).toEqual([
      ["unknown_person", 2],
      ["unknown_org", 3],
    ]);
  });

  it("asks to resolve a possible duplicate, then accepts the file once resolved", async () => {
    const first = await peopleFile(
      [row("C1", "Ngô Văn Cường", "03/03/1973"), row("C2", "Ngô Thị Dung", "04/04/1974", { gender: "Nữ" })],
      [postRow("C1", "Bí thư", "QN.CP.CONGHOA"), postRow("C1", "Chủ tịch UBND", "QN.CP.CONGHOA")],
    );
    const dry = await upload(admin, first, true);
    expect(dry.json()).toEqual({
      dryRun: true,
      peopleCreated: 2,
      peopleUpdated: 0,
      postsCreated: 2,
      postsUpdated: 0,
    });
    expect((await upload(admin, first)).statusCode).toBe(200);

    // Same name, birth date and hometown under a new code: reported, never merged.
    const again = await peopleFile(
      [row("C9", "Ngô Văn Cường", "03/03/1973")],
      [postRow("C9", "Bí thư", "QN.CP.CONGHOA")],
    );
    const dup = await upload(admin, again);
    expect(dup.statusCode).toBe(422);
    expect(dup.json().details.issues).toEqual([
      expect.objectContaining({
        sheet: "NhanSu",
        row: 2,
        rule: "possible_duplicate",
        column: "A (Mã người)",
      }),
    ]);
    expect(dup.json().details.issues[0].message).toContain("mã C1");

    // Resolved as a different person: created.
    const different = await peopleFile(
      [row("C9", "Ngô Văn Cường", "03/03/1973", { differentPerson: "x" })],
      [postRow("C9", "Chủ tịch UBND", "QN.CP.CONGHOA", { start: "01/01/2021" })],
    );
    expect((await upload(admin, different)).json()).toMatchObject({ peopleCreated: 1 });

    // Resolved as the same person (the register's code): updated, its post ended.
    const same = await peopleFile(
      [row("C1", "Ngô Văn Cường", "03/03/1973", { ethnicity: "Sán Dìu" })],
      [postRow("C1", "Bí thư", "QN.CP.CONGHOA", { end: "01/01/2024" })],
    );
    expect((await upload(admin, same)).json()).toEqual({
      dryRun: false,
      peopleCreated: 0,
      peopleUpdated: 1,
      postsCreated: 0,
      postsUpdated: 1,
    });
  });

  it("keeps an officer's import inside their subtree", async () => {
    const r = await upload(
      officerHL,
      await peopleFile([row("D1", "Đỗ Văn Dũng", "05/05/1975")], [postRow("D1", "Bí thư", "QN.CP.CONGHOA")]),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().details.issues.map((i: { rule: string }) => i.rule)).toEqual(["out_of_scope"]);
  });

  it("exports the people of a subtree in the import format, and serves the template", async () => {
    const r = await h.app.inject({
      method: "GET",
      url: `/api/people/export.xlsx?orgId=${id("QN.CP")}`,
      headers: admin,
    });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const names = wb.getWorksheet("NhanSu")!.getColumn(2).values.slice(2);
    // People with a post in the subtree (Ngô Thị Dung has none).
    expect(names).toEqual(["Phạm Văn Cẩm", "Ngô Văn Cường", "Ngô Văn Cường"]);
    const t = await h.app.inject({ method: "GET", url: "/api/people/import/template.xlsx", headers: viewer });
    expect(t.statusCode).toBe(200);
    expect(t.headers["content-disposition"]).toContain("mau-nhap-nhan-su.xlsx");
  });
});
