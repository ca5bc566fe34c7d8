/**
 * The village-head election API: an officer records a meeting of a village in their scope and gets
 * the decision with its reason; another district's village is invisible; the dashboard lists the
 * failed village for re-election; the .xlsx export imports back unchanged; bad rows are named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  loginAs,
  multipartFile,
  seedTestUsers,
  type TestApp,
  WRITE_HEADERS,
} from "../../../../test/app.ts";
import { seedSmallProvince } from "../../../../test/factories.ts";
import { village } from "../../../db/schema.ts";
import { writeVillageSheet } from "../../../io/excel/village-sheet.ts";

let h: TestApp;
let ids: Map<string, number>;
let dayId: number;
const villageIds = new Map<string, number>();

const meeting = (votes: [number, number], attempt = 1) => ({
  attempt,
  heldOn: "2020-01-05",
  electorate: 120,
  present: 101,
  method: "secret-ballot",
  issued: 101,
  collected: 100,
  valid: 99,
  invalid: 1,
  candidates: [
    {
      fullName: "Hoàng Văn Sơn",
      nomination: "branch-committee",
      personId: null,
      gender: "male",
      birthDate: "1972-04-04",
      ethnicity: "Tày",
      votes: votes[0],
    },
    {
      fullName: "Bùi Thị Mai",
      nomination: "self",
      personId: null,
      gender: "female",
      birthDate: "1980-09-09",
      ethnicity: "Kinh",
      votes: votes[1],
    },
  ],
  team: ["Nguyễn Văn Tổ"],
});

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  await seedTestUsers(h.app);
  for (const v of await h.t.database.db.select({ id: village.id, code: village.code }).from(village))
    villageIds.set(v.code, v.id);
  const admin = await loginAs(h.app, "quantri");
  const r = await h.app.inject({
    method: "POST",
    url: "/api/village-elections",
    headers: admin,
    payload: {
      code: "2020",
      name: "Bầu trưởng thôn 05/01/2020",
      electionDate: "2020-01-05",
      termStart: 2020,
      termEnd: 2022,
      rootOrgId: ids.get("QN"),
    },
  });
  expect(r.statusCode).toBe(201);
  dayId = r.json().id;
});
afterAll(async () => {
  await h.close();
});

describe("village-head election routes", () => {
  it("lets a commune officer record a meeting and answers with the decision and its reason", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const r = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP1")}/rounds`,
      headers: officer,
      payload: {
        ...meeting([70, 29]),
        team: ["Nguyễn Văn Tổ", "Lê Thị Bầu", "Trần Văn Phiếu"],
        proceduralVotes: { method: 99, team: 95 },
      },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.result).toMatchObject({ status: "elected", headName: "Hoàng Văn Sơn", headPostId: null });
    // The procedural votes come back with the meeting (stored, issue 17).
    expect(body.rounds[0].proceduralVotes).toEqual({ method: 99, team: 95 });
    // Elected on Sunday 05/01/2020: the commune recognises by Friday 10/01 (5 working days); long past.
    expect(body.recognition).toEqual({
      kind: "pending",
      deadline: "2020-01-10",
      late: true,
      note: "Quá hạn công nhận: Ủy ban nhân dân cấp xã phải công nhận kết quả trong 5 ngày làm việc (đến 10/01/2020) mà chưa công nhận; trưởng thôn chưa nhận nhiệm vụ",
    });
    expect(body.result.explanation).toBe(
      "Hội nghị có 101/120 = 84,17% đại diện hộ gia đình tham dự, quá 1/2 tổng số đại diện hộ gia đình của khu phố; hội nghị hợp lệ. Hoàng Văn Sơn trúng cử trưởng khu phố",
    );
    expect(body.rounds[0].decision.candidates[0].explanation).toBe(
      "đạt 70/120 = 58,33% > 1/2 tổng số đại diện hộ gia đình của khu phố và cao nhất; trúng cử trưởng khu phố",
    );
  });

  it("names the field of a bad figure in Vietnamese", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const r = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP2")}/rounds`,
      headers: officer,
      payload: { ...meeting([70, 29]), present: 130 },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().details.issues).toContainEqual({
      path: "present",
      message: "Số có mặt (130) lớn hơn tổng số đại diện hộ gia đình (120)",
    });
  });

  it("refuses procedural votes without more than half of those present, naming the field", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const r = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP2")}/rounds`,
      headers: officer,
      payload: {
        ...meeting([70, 29]),
        team: ["Nguyễn Văn Tổ", "Lê Thị Bầu", "Trần Văn Phiếu"],
        proceduralVotes: { method: 50, team: 95 },
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().details.issues).toEqual([
      {
        path: "proceduralVotes.method",
        message:
          "Hình thức bầu chỉ được 50/101 người có mặt tán thành, cần quá 1/2 (từ 51 người): chưa được thông qua",
      },
    ]);
  });

  it("hides another district's villages from an officer (404) and refuses a viewer (403)", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const out = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.CONGHOA.T1")}/rounds`,
      headers: officer,
      payload: meeting([70, 29]),
    });
    expect(out.statusCode).toBe(404);
    const viewer = await loginAs(h.app, "xem.tinh");
    const denied = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP2")}/rounds`,
      headers: viewer,
      payload: meeting([70, 29]),
    });
    expect(denied.statusCode).toBe(403);
  });

  it("puts a village whose winner lacks more than half of all households on the re-election list", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const vid = villageIds.get("V.HONGGAI.KP2")!;
    const r = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${vid}/rounds`,
      headers: officer,
      payload: meeting([60, 39]),
    });
    expect(r.json().result.status).toBe("re-election-needed");
    expect(r.json().next).toEqual({ attempt: 2 });
    const d = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/${dayId}/dashboard`,
      headers: officer,
    });
    expect(d.statusCode).toBe(200);
    expect(d.json().dashboard.reElectionList.map((v: { villageId: number }) => v.villageId)).toEqual([vid]);
    expect(d.json().dashboard).toMatchObject({ total: 3, reported: 2, elected: 1, ethnicMinorityHeads: 1 });
  });

  it("exports recorded meetings in the import format; importing the export changes nothing", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const file = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/${dayId}/export.xlsx`,
      headers: officer,
    });
    expect(file.statusCode).toBe(200);
    const data = new Uint8Array(file.rawPayload);
    const { payload, headers } = multipartFile("file", "bau.xlsx", data);
    // Villages not yet reported come out with empty figures, and are left alone on import.
    const r = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/import`,
      headers: { ...officer, ...headers },
      payload,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ rows: 2, elected: 0, reElection: 0, unchanged: 2 });
  });

  it("refuses a candidate name longer than the register allows (120), in the import as in the form (issue 20 item 8)", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const long = `Nguyễn Văn ${"A".repeat(110)}`; // 121 characters
    expect(long).toHaveLength(121);
    const base = meeting([80, 19]);
    const row = {
      villageCode: "V.BACHDANG.KP1",
      villageName: "Khu phố 1",
      communeName: "Phường Bạch Đằng",
      meeting: {
        ...base,
        attempt: 1 as const,
        method: "secret-ballot" as const,
        candidates: base.candidates.map((c, i) => ({
          ...c,
          fullName: i === 0 ? long : c.fullName,
          personCode: null,
        })) as never,
      },
    };
    const m = multipartFile("file", "bau.xlsx", await writeVillageSheet([row]));
    const refused = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/import`,
      headers: { ...officer, ...m.headers },
      payload: m.payload,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: "S (Người ứng cử 1)",
        message: "Họ và tên người ứng cử dài quá 120 ký tự",
      }),
    ]);
    const form = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.BACHDANG.KP1")}/rounds`,
      headers: officer,
      payload: { ...base, candidates: [{ ...base.candidates[0], fullName: long }, base.candidates[1]] },
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.statusCode).toBeLessThan(500);
    expect(form.json().message).toContain("dài quá 120 ký tự");
    const v = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.BACHDANG.KP1")}`,
      headers: officer,
    });
    expect(v.json().rounds).toEqual([]);
  });

  it("imports a file all or nothing, naming the row and column of each problem", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const good = {
      villageCode: "V.BACHDANG.KP1",
      villageName: "Khu phố 1",
      communeName: "Phường Bạch Đằng",
      meeting: {
        ...meeting([80, 19]),
        attempt: 1 as const,
        method: "show-of-hands" as const,
        issued: null,
        collected: null,
        valid: null,
        invalid: null,
        candidates: meeting([80, 19]).candidates.map((c) => ({ ...c, personCode: null })) as never,
      },
    };
    const bad = { ...good, villageCode: "V.CONGHOA.T1" };
    const both = await writeVillageSheet([good, bad]);
    const m = multipartFile("file", "bau.xlsx", both);
    const refused = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/import`,
      headers: { ...officer, ...m.headers },
      payload: m.payload,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: "A (Mã thôn)",
        message: 'Không tìm thấy thôn, khu phố mã "V.CONGHOA.T1" trong phạm vi của bạn',
      }),
    ]);
    const v = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.BACHDANG.KP1")}`,
      headers: officer,
    });
    expect(v.json().rounds).toEqual([]);
    const one = multipartFile("file", "bau.xlsx", await writeVillageSheet([good]));
    const written = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/import`,
      headers: { ...officer, ...one.headers },
      payload: one.payload,
    });
    expect(written.statusCode).toBe(200);
    expect(written.json()).toEqual({ rows: 1, elected: 1, reElection: 0, unchanged: 0 });
  });

  it("records the commune's recognition: 422 naming the day when impossible, then the post from that day", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const url = `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP1")}/recognition`;
    const payload = {
      decisionNumber: "05/QĐ-UBND",
      recognisedOn: "2020-01-08",
      recognisedBy: "Chủ tịch UBND phường Hồng Gai",
    };
    const early = await h.app.inject({
      method: "POST",
      url,
      headers: officer,
      payload: { ...payload, recognisedOn: "2020-01-03" },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().details.issues).toEqual([
      { path: "recognisedOn", message: "Ngày công nhận (03/01/2020) trước ngày hội nghị bầu (05/01/2020)" },
    ]);
    const r = await h.app.inject({ method: "POST", url, headers: officer, payload });
    expect(r.statusCode).toBe(200);
    expect(r.json().result).toMatchObject({
      recognitionDecision: "05/QĐ-UBND",
      recognisedOn: "2020-01-08",
      recognisedBy: "Chủ tịch UBND phường Hồng Gai",
    });
    expect(r.json().result.headPostId).toEqual(expect.any(Number));
    expect(r.json().recognition).toMatchObject({ kind: "recognised", deadline: "2020-01-10", late: false });
    const different = await h.app.inject({
      method: "POST",
      url,
      headers: officer,
      payload: { ...payload, decisionNumber: "06/QĐ-UBND" },
    });
    expect(different.statusCode).toBe(409);
    const notDue = await h.app.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP2")}/recognition`,
      headers: officer,
      payload,
    });
    expect(notDue.statusCode).toBe(422);
  });

  it("shows a village branch whether its secretary is the village head", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const r = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/branches/${ids.get("QN.HL.HONGGAI.KP1")}`,
      headers: officer,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().village.code).toBe("V.HONGGAI.KP1");
    expect(r.json().link).toMatchObject({
      secretaryIsHead: false,
      heads: [{ name: "Hoàng Văn Sơn" }],
      secretaries: [],
    });
    const notVillage = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/branches/${ids.get("QN.HL.HONGGAI")}`,
      headers: officer,
    });
    expect(notVillage.statusCode).toBe(404);
  });

  it("shows the legal steps per commune", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const put = await h.app.inject({
      method: "PUT",
      url: `/api/village-elections/${dayId}/steps/${ids.get("QN.HL.HONGGAI")}`,
      headers: officer,
      payload: { decisionOn: "2019-12-12", teamOn: "2019-12-24", noticeOn: "2019-12-28" },
    });
    expect(put.statusCode).toBe(200);
    const c = await h.app.inject({
      method: "GET",
      url: `/api/village-elections/${dayId}/checklist?asOf=2020-01-05`,
      headers: officer,
    });
    const hg = c.json().communes.find((x: { communeId: number }) => x.communeId === ids.get("QN.HL.HONGGAI"));
    expect(hg.steps.map((s: { status: string }) => s.status)).toEqual(["done", "done", "done"]);
    const bd = c
      .json()
      .communes.find((x: { communeId: number }) => x.communeId === ids.get("QN.HL.BACHDANG"));
    expect(bd.steps.map((s: { status: string }) => s.status)).toEqual(["late", "late", "late"]);
  });
});

it("writes need the CSRF header", async () => {
  const officer = await loginAs(h.app, "canbo.halong");
  const r = await h.app.inject({
    method: "POST",
    url: `/api/village-elections/${dayId}/villages/${villageIds.get("V.HONGGAI.KP2")}/rounds`,
    headers: { cookie: officer.cookie },
    payload: meeting([70, 29], 2),
  });
  expect(r.statusCode).toBe(403);
  expect(WRITE_HEADERS["x-requested-with"]).toBe("daihoi");
});
