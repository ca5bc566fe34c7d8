import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";

let h: TestApp;
let ids: Map<string, number>;
let seasonId: number;
let admin: Record<string, string>;
let officerHL: Record<string, string>;
const id = (code: string) => ids.get(code)!;
const url = (path: string) => `/api/seasons/${seasonId}${path}`;

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  seasonId = await seedSmallSeason(h.t.database.db, ids);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
  officerHL = await loginAs(h.app, "canbo.halong");
});
afterAll(async () => h.close());

const get = (path: string, headers = admin) => h.app.inject({ method: "GET", url: url(path), headers });
const send = (method: "PUT" | "POST", path: string, payload: unknown, headers = officerHL) =>
  h.app.inject({ method, url: url(path), headers, payload: payload as object });

describe("a branch congress through its lifecycle, by the district officer", () => {
  const kp1 = () => id("QN.HL.HONGGAI.KP1");

  it("plans, holds, records results and confirms; progress follows", async () => {
    const plan = await send("PUT", `/congresses/${kp1()}/plan`, {
      type: "members",
      plannedStart: "2020-01-18",
      plannedEnd: "2020-01-18",
      venue: "Nhà văn hóa khu phố 1",
      contactName: "Đồng chí Lê Thị Hoa",
      contactPhone: "0203 3 825 111",
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({
      seasonLevel: "branch",
      congress: { status: "planned", plannedStart: "2020-01-18" },
      contactName: "Đồng chí Lê Thị Hoa",
    });

    const held = await send("POST", `/congresses/${kp1()}/events`, {
      type: "hold",
      actualStart: "2020-01-18",
      actualEnd: "2020-01-18",
      contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
      committeeAppointed: false,
      convened: 42,
      present: 40,
    });
    expect(held.json()).toMatchObject({ congress: { status: "held", present: 40 } });

    const results = await send("POST", `/congresses/${kp1()}/events`, {
      type: "record_results",
      recordedOn: "2020-01-19",
      committeeSeatsDecided: 3,
      committeeSeatsElected: 3,
      electedInOneRoundFull: true,
      secretaryElectedDirectly: true,
      secretaryVotes: 38,
      secretaryVoteBase: 40,
    });
    expect(results.json()).toMatchObject({ congress: { status: "results_recorded" } });

    const confirmed = await send("POST", `/congresses/${kp1()}/events`, {
      type: "confirm",
      decisionNumber: "15-QĐ/ĐU",
      date: "2020-02-03",
    });
    expect(confirmed.json()).toMatchObject({
      congress: { status: "confirmed", confirmation: { decisionNumber: "15-QĐ/ĐU" } },
    });

    const p = (await get(`/progress?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`)).json();
    expect(p).toMatchObject({
      total: 3,
      held: 1,
      heldPercent: "33,33%",
      onTimeProvince: 1,
      resultsRecorded: 1,
      confirmed: 1,
      directSecretary: 1,
      oneRoundFull: 1,
    });
    expect(p.secretaryVoteShareMinText).toBe("95,00%");
    const before = (await get(`/progress?orgId=${id("QN.HL")}&level=branch&asOf=2020-01-17`)).json();
    expect(before.held).toBe(0);
  });

  it("refuses an event out of order with a Vietnamese message and the rule", async () => {
    const r = await send("POST", `/congresses/${kp1()}/events`, {
      type: "hold",
      actualStart: "2020-01-18",
      actualEnd: "2020-01-18",
      contents: [],
      committeeAppointed: false,
      convened: 1,
      present: 1,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: "CONGRESS_TRANSITION", details: { rule: "illegal_transition" } });
    expect(r.json().message).toBe(
      'Đại hội đã được ghi nhận tổ chức (trạng thái "đã chuẩn y") (ghi nhận đại hội đã tổ chức)',
    );
  });

  it("answers 400 naming the field for a malformed event, 404 outside the officer's district", async () => {
    const bad = await send("POST", `/congresses/${kp1()}/events`, {
      type: "confirm",
      decisionNumber: "",
      date: "03/02/2020",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("decisionNumber");
    const out = await send("PUT", `/congresses/${id("QN.CP.CONGHOA.T1")}/plan`, {
      type: "members",
      plannedStart: "2020-01-18",
      plannedEnd: "2020-01-18",
    });
    expect(out.statusCode).toBe(404);
  });
});

describe("correcting recorded results (issue 17)", () => {
  const kp1 = () => id("QN.HL.HONGGAI.KP1");
  const correction = {
    type: "correct_results",
    convened: 42,
    present: 40,
    committeeSeatsDecided: 3,
    committeeSeatsElected: 3,
    electedInOneRoundFull: true,
    secretaryElectedDirectly: true,
    secretaryVotes: 36,
    secretaryVoteBase: 40,
  };

  it("needs a reason, keeps the confirmed status, audits the reason and recomputes the roll-up", async () => {
    const noReason = await send("POST", `/congresses/${kp1()}/events`, { ...correction, reason: "sai" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain("reason");
    const r = await send("POST", `/congresses/${kp1()}/events`, {
      ...correction,
      reason: "Nhập nhầm số phiếu bầu bí thư: biên bản ghi 36",
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ congress: { status: "confirmed", secretaryVotes: 36 } });
    const p = (await get(`/progress?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`)).json();
    expect(p.secretaryVoteShareMinText).toBe("90,00%");
    const audit = (
      await h.app.inject({ method: "GET", url: "/api/audit?entity=congress&limit=500", headers: admin })
    ).json();
    const entries = audit.items as {
      action: string;
      after: { reason?: string; secretaryVotes?: number } | null;
    }[];
    const entry = entries.find((e) => e.action === "congress.correct_results");
    expect(entry?.after).toMatchObject({
      reason: "Nhập nhầm số phiếu bầu bí thư: biên bản ghi 36",
      secretaryVotes: 36,
    });
    const same = await send("POST", `/congresses/${kp1()}/events`, {
      ...correction,
      reason: "Nhập lại đúng như cũ để thử",
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().details).toMatchObject({ rule: "nothing_to_correct" });
  });

  it("refuses a congress whose results are not recorded", async () => {
    const r = await send("POST", `/congresses/${id("QN.HL.HONGGAI.KP2")}/events`, {
      ...correction,
      reason: "Nhập nhầm số phiếu bầu bí thư",
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: "CONGRESS_NOT_PLANNED" });
  });
});

describe("reading the season", () => {
  it("lists the season with its levels and deadlines", async () => {
    const seasons = (await h.app.inject({ method: "GET", url: "/api/seasons", headers: admin })).json();
    expect(seasons).toHaveLength(1);
    expect(
      seasons[0].levels.map((l: { code: string; provinceDeadline: string }) => [l.code, l.provinceDeadline]),
    ).toEqual([
      ["branch", "2020-02-29"],
      ["grassroots", "2020-05-31"],
      ["district_level", "2020-07-31"],
    ]);
  });

  it("gives the late list with the path, and the children table", async () => {
    const late = (await get(`/late?orgId=${id("QN.HL")}&asOf=2020-03-10&level=branch`)).json();
    expect(
      late.map((e: { name: string; pathNames: string[]; reasonText: string; daysOverdue: number }) => [
        e.pathNames.at(-1),
        e.name,
        e.reasonText,
        e.daysOverdue,
      ]),
    ).toEqual([
      ["Đảng bộ phường Hồng Gai", "Chi bộ khu phố 2", "Chưa có kế hoạch đại hội", 10],
      ["Đảng bộ phường Bạch Đằng", "Chi bộ khu phố 1", "Chưa có kế hoạch đại hội", 10],
    ]);
    const children = (
      await get(`/progress/children?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`)
    ).json();
    expect(
      children.map((c: { name: string; held: number; total: number; heldPercent: string }) => [
        c.name,
        c.held,
        c.total,
        c.heldPercent,
      ]),
    ).toEqual([
      ["Đảng bộ phường Bạch Đằng", 0, 1, "0,00%"],
      ["Đảng bộ phường Hồng Gai", 1, 2, "50,00%"],
    ]);
  });

  it("lets an administrator move a deadline, and on-time figures follow; an officer may not", async () => {
    const before = (await get(`/progress?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`)).json();
    expect(before.onTimeProvince).toBe(1);
    const denied = await h.app.inject({
      method: "PATCH",
      url: url("/levels/branch"),
      headers: officerHL,
      payload: { provinceDeadline: "2020-01-15" },
    });
    expect(denied.statusCode).toBe(403);
    const moved = await h.app.inject({
      method: "PATCH",
      url: url("/levels/branch"),
      headers: admin,
      payload: { provinceDeadline: "2020-01-15" },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().levels[0].provinceDeadline).toBe("2020-01-15");
    expect(
      (await get(`/progress?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`)).json().onTimeProvince,
    ).toBe(0);
    const later = await h.app.inject({
      method: "PATCH",
      url: url("/levels/grassroots"),
      headers: admin,
      payload: { provinceDeadline: "2020-07-31" },
    });
    expect(later.statusCode).toBe(422);
    expect(later.json().message).toContain("Thời hạn của tỉnh không được muộn hơn thời hạn của Trung ương");
    await h.app.inject({
      method: "PATCH",
      url: url("/levels/branch"),
      headers: admin,
      payload: { provinceDeadline: "2020-02-29" },
    });
  });

  it("creates a second season side by side, with the three-level hierarchy of 2025", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/seasons",
      headers: admin,
      payload: {
        code: "2025-2030",
        name: "Đại hội nhiệm kỳ 2025–2030",
        rootOrgId: id("QN"),
        term: { startYear: 2025, endYear: 2030 },
        plan: { number: "12-KH/TU", date: "2025-06-01", issuer: "Tỉnh ủy Quảng Ninh" },
        directive: { number: "45-CT/TW", date: "2025-04-14", issuer: "Bộ Chính trị" },
        levels: [
          {
            code: "branch",
            name: "Chi bộ trực thuộc",
            order: 1,
            orgLevels: ["branch"],
            term: { startYear: 2025, endYear: 2030 },
            window: { start: "2025-05-01", end: "2025-06-30" },
            provinceDeadline: "2025-06-30",
            centralDeadline: null,
          },
          {
            code: "grassroots",
            name: "Đảng bộ cấp xã",
            order: 2,
            orgLevels: ["grassroots_committee", "grassroots_branch"],
            term: { startYear: 2025, endYear: 2030 },
            window: { start: "2025-07-01", end: "2025-08-31" },
            provinceDeadline: "2025-08-31",
            centralDeadline: "2025-08-31",
          },
        ],
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      code: "2025-2030",
      levels: [{ code: "branch" }, { code: "grassroots" }],
    });
    const seasons = (await h.app.inject({ method: "GET", url: "/api/seasons", headers: admin })).json();
    expect(seasons.map((x: { code: string }) => x.code)).toEqual(["2020-2025", "2025-2030"]);
    const fresh = (
      await h.app.inject({
        method: "GET",
        url: `/api/seasons/${r.json().id}/progress?orgId=${id("QN")}&level=grassroots&asOf=2025-12-31`,
        headers: admin,
      })
    ).json();
    expect([fresh.held, fresh.total]).toEqual([0, 5]);
  });

  it("answers 404 for an unknown season", async () => {
    const r = await h.app.inject({
      method: "GET",
      url: `/api/seasons/9999/progress?orgId=${id("QN")}&level=branch&asOf=2020-02-29`,
      headers: admin,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toContain("mùa đại hội");
  });
});

describe("bulk congress records from .xlsx", () => {
  async function sheetFromTemplate(fill: (ws: import("exceljs").Worksheet) => void): Promise<Uint8Array> {
    const ExcelJS = (await import("exceljs")).default;
    const r = await get(`/congresses/import/template.xlsx?orgId=${id("QN.CP")}`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    fill(wb.getWorksheet("DaiHoi")!);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const upload = async (data: Uint8Array, dryRun: boolean) => {
    const { multipartFile } = await import("../../../../test/app.ts");
    const { payload, headers } = multipartFile("file", "dai-hoi.xlsx", data);
    return h.app.inject({
      method: "POST",
      url: url(`/congresses/import?dryRun=${dryRun}`),
      headers: { ...headers, ...admin },
      payload,
    });
  };
  /** Row of the sheet whose code is `code`. */
  const rowOf = (ws: import("exceljs").Worksheet, code: string) => {
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === code) found = n;
    });
    return ws.getRow(found);
  };

  it("offers a template with one row per organisation of the subtree", async () => {
    const codes: string[] = [];
    await sheetFromTemplate((ws) =>
      ws.eachRow((row, n) => n > 1 && codes.push(String(row.getCell(1).value))),
    );
    // Tree order: each organisation followed by those under it.
    expect(codes).toEqual(["QN.CP", "QN.CP.CONGHOA", "QN.CP.CONGHOA.T1", "QN.CP.TRUONG"]);
  });

  it("refuses bad rows naming row and column, writes nothing; then imports, and a retry changes nothing", async () => {
    const bad = await sheetFromTemplate((ws) => {
      const r = rowOf(ws, "QN.CP.CONGHOA.T1");
      r.getCell(3).value = "Đại hội đảng viên";
      r.getCell(5).value = "15/01/2020";
      r.getCell(8).value = "16/01/2020";
      r.getCell(9).value = "31/02/2020";
      r.getCell(12).value = 30;
      r.getCell(13).value = 35;
    });
    const refused = await upload(bad, false);
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json()
        .details.issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule]),
    ).toEqual([[4, "I (Ngày kết thúc)", "invalid_date"]]);

    const good = await sheetFromTemplate((ws) => {
      const r = rowOf(ws, "QN.CP.CONGHOA.T1");
      r.getCell(3).value = "Đại hội đảng viên";
      r.getCell(5).value = "15/01/2020";
      r.getCell(8).value = "16/01/2020";
      r.getCell(9).value = "16/01/2020";
      r.getCell(10).value = "đủ";
      r.getCell(12).value = 30;
      r.getCell(13).value = 35;
    });
    const over = await upload(good, true);
    expect(over.statusCode).toBe(422);
    expect(over.json().details.issues).toEqual([
      {
        sheet: "DaiHoi",
        row: 4,
        column: "M (Số có mặt)",
        field: "present",
        rule: "invalid_record",
        message: "Số có mặt (35) lớn hơn số triệu tập (30)",
      },
    ]);

    const fixed = await sheetFromTemplate((ws) => {
      const r = rowOf(ws, "QN.CP.CONGHOA.T1");
      r.getCell(3).value = "Đại hội đảng viên";
      r.getCell(5).value = "15/01/2020";
      r.getCell(8).value = "16/01/2020";
      r.getCell(9).value = "16/01/2020";
      r.getCell(10).value = "đủ";
      r.getCell(12).value = 30;
      r.getCell(13).value = 28;
      r.getCell(23).value = "Đồng chí Vũ Văn Nam";
    });
    // Rows left as the template gave them are not counted: only the filled one is.
    expect((await upload(fixed, true)).json()).toEqual({ dryRun: true, rows: 1, changed: 1, unchanged: 0 });
    expect((await get(`/progress?orgId=${id("QN.CP")}&level=branch&asOf=2020-02-29`)).json().held).toBe(0);
    expect((await upload(fixed, false)).json()).toEqual({ dryRun: false, rows: 1, changed: 1, unchanged: 0 });
    expect((await get(`/progress?orgId=${id("QN.CP")}&level=branch&asOf=2020-02-29`)).json()).toMatchObject({
      held: 1,
      total: 1,
      contentsComplete: 1,
    });
    expect((await upload(fixed, false)).json()).toEqual({ dryRun: false, rows: 1, changed: 0, unchanged: 1 });
  });

  it("holds venue and contact to the plan form's limits (issue 20 item 8)", async () => {
    const sheet = await sheetFromTemplate((ws) => {
      const r = rowOf(ws, "QN.CP.TRUONG");
      r.getCell(3).value = "Đại hội đảng viên";
      r.getCell(5).value = "15/06/2020";
      r.getCell(7).value = "x".repeat(100_000);
      r.getCell(23).value = "y".repeat(201);
      r.getCell(24).value = "0".repeat(51);
    });
    for (const dryRun of [true, false]) {
      const r = await upload(sheet, dryRun);
      expect(r.statusCode).toBe(422);
      expect(
        r
          .json()
          .details.issues.map((i: { row: number; column: string; message: string }) => [i.column, i.message]),
      ).toEqual([
        ["G (Địa điểm)", "Địa điểm dài 100.000 ký tự, tối đa 300 ký tự"],
        ["W (Người phụ trách)", "Người phụ trách dài 201 ký tự, tối đa 200 ký tự"],
        ["X (Điện thoại)", "Điện thoại dài 51 ký tự, tối đa 50 ký tự"],
      ]);
    }
    expect((await get(`/congresses/${id("QN.CP.TRUONG")}`)).json().congress).toBeNull();
    const form = await send(
      "PUT",
      `/congresses/${id("QN.CP.TRUONG")}/plan`,
      { type: "members", plannedStart: "2020-06-15", plannedEnd: "2020-06-15", venue: "x".repeat(301) },
      admin,
    );
    expect(form.statusCode).toBe(400);
  });

  it("refuses a row of another province's organisation, in a dry run and for real, writing nothing (issue 20 item 10)", async () => {
    // A second province beside Quảng Ninh: its city is at a level the season counts, but it is
    // outside the season's root (QN).
    const more = await seedSmallProvince(h.t.database.db, [
      { code: "HP", name: "Đảng bộ thành phố Hải Phòng", level: "province", kind: "province" },
      {
        code: "HP.TN",
        name: "Đảng bộ huyện Thủy Nguyên",
        level: "district_level",
        kind: "city",
        parentCode: "HP",
      },
    ]);
    const sheet = await sheetFromTemplate((ws) => {
      const r = ws.getRow(ws.rowCount + 1);
      r.getCell(1).value = "HP.TN";
      r.getCell(3).value = "Đại hội đại biểu";
      r.getCell(5).value = "15/06/2020";
    });
    const row = 6; // header, the four QN.CP rows, then the foreign one
    for (const dryRun of [true, false]) {
      const r = await upload(sheet, dryRun);
      expect(r.statusCode).toBe(422);
      const issues = r.json().details.issues;
      expect(
        issues.map((i: { row: number; column: string; rule: string }) => [i.row, i.column, i.rule]),
      ).toEqual([[row, "A (Mã đơn vị)", "outside_season"]]);
      expect(issues[0].message).toContain("không nằm trong Đảng bộ tỉnh Quảng Ninh");
    }
    expect((await get(`/congresses/${more.get("HP.TN")!}`)).json().congress).toBeNull();
    // The single-record route refuses it too.
    const plan = await send(
      "PUT",
      `/congresses/${more.get("HP.TN")!}/plan`,
      {
        type: "delegates",
        plannedStart: "2020-06-15",
        plannedEnd: "2020-06-16",
        venue: null,
        contactName: null,
        contactPhone: null,
      },
      admin,
    );
    expect(plan.statusCode).toBe(422);
    expect(plan.json().message).toContain("không nằm trong Đảng bộ tỉnh Quảng Ninh");
  });

  it("exports the dashboard's children table", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const r = await get(`/progress/children.xlsx?orgId=${id("QN.HL")}&level=branch&asOf=2020-02-29`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet("TienDo")!;
    // The rate is a number with a percent format, not text (issue 17).
    expect([3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(2, 6))).toEqual([
      ["Đảng bộ phường Bạch Đằng", 0, 1, 0],
      ["Đảng bộ phường Hồng Gai", 1, 2, 0.5],
    ]);
    expect(ws.getRow(4).getCell(5).numFmt).toBe("0.00%");
  });

  it("exports the late list", async () => {
    const r = await get(`/late.xlsx?orgId=${id("QN.HL")}&asOf=2020-03-10&level=branch`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toContain("cham-tien-do-QN.HL-2020-03-10.xlsx");
  });
});
