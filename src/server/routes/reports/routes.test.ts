/**
 * Report API through HTTP on a small province: templates, generating a snapshot (frozen figures
 * and the data version), editing the officer's text, the exports, regenerating after a change
 * (the figures that changed), the PDF printed by Chromium, and 400/401/403/404/422.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp, WRITE_HEADERS } from "../../../../test/app.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";

let h: TestApp;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;
let seasonId = 0;
let admin: Record<string, string> = {};
let officerHL: Record<string, string> = {};
let viewer: Record<string, string> = {};

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  seasonId = await seedSmallSeason(h.t.database.db, ids);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
  officerHL = await loginAs(h.app, "canbo.halong");
  viewer = await loginAs(h.app, "xem.tinh");
});
afterAll(async () => h.close());

const create = (headers: Record<string, string>, orgCode: string, extra: object = {}) =>
  h.app.inject({
    method: "POST",
    url: "/api/reports",
    headers,
    payload: { orgId: id(orgCode), seasonId, asOf: "2020-07-25", ...extra },
  });

describe("report snapshots", () => {
  it("lists the built-in template", async () => {
    const r = await h.app.inject({ method: "GET", url: "/api/reports/templates", headers: viewer });
    expect(r.json().map((t: { code: string }) => t.code)).toEqual(["congress_results", "congress_progress"]);
  });

  it("generates, edits, exports and regenerates a report", async () => {
    const r = await create(admin, "QN");
    expect(r.statusCode, r.body).toBe(201);
    const snap = r.json();
    expect(snap).toMatchObject({ orgId: id("QN"), asOf: "2020-07-25", previousId: null });
    expect(snap.dataVersion).toBeGreaterThan(0);
    expect(snap.report.heading).toMatchObject({ issuingBody: "TỈNH ỦY", documentType: "BÁO CÁO" });
    expect(snap.report.figures.length).toBeGreaterThan(0);

    const edited = await h.app.inject({
      method: "PATCH",
      url: `/api/reports/${snap.id}`,
      headers: admin,
      payload: {
        texts: { lessons_text: "Đoàn kết thống nhất trong cấp ủy là yếu tố quyết định." },
        heading: { numberSymbol: "Số 12-BC/TU" },
        signature: { name: "Nguyễn Văn A" },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const read = (
      await h.app.inject({ method: "GET", url: `/api/reports/${snap.id}`, headers: viewer })
    ).json();
    expect(read.report.heading.numberSymbol).toBe("Số 12-BC/TU");
    const lessons = read.report.sections.flatMap((s: { blocks: { id: string }[] }) => s.blocks);
    expect(lessons.find((b: { id: string }) => b.id === "lessons_text").text).toContain("Đoàn kết");

    const docx = await h.app.inject({
      method: "GET",
      url: `/api/reports/${snap.id}/export.docx`,
      headers: viewer,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toContain(".docx");
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Số 12-BC/TU");
    expect(xml).toContain("Đoàn kết thống nhất");
    expect(xml).toMatch(/Mã kiểm tra nhật ký: \d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    const xlsx = await h.app.inject({
      method: "GET",
      url: `/api/reports/${snap.id}/export.xlsx`,
      headers: viewer,
    });
    expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, "PK"]);
    const pdf = await h.app.inject({
      method: "GET",
      url: `/api/reports/${snap.id}/export.pdf`,
      headers: viewer,
    });
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 4).toString()]).toEqual([200, "%PDF"]);
    const json = await h.app.inject({
      method: "GET",
      url: `/api/reports/${snap.id}/export.json`,
      headers: viewer,
    });
    expect(json.json()).toMatchObject({ schemaVersion: 1, template: "congress_results" });

    const regen = await h.app.inject({
      method: "POST",
      url: `/api/reports/${snap.id}/regenerate`,
      headers: admin,
      payload: { asOf: "2020-01-02" },
    });
    expect(regen.statusCode, regen.body).toBe(201);
    const body = regen.json();
    expect(body.previous).toEqual({ id: snap.id, dataVersion: snap.dataVersion });
    expect(body.snapshot.previousId).toBe(snap.id);
    expect(body.snapshot.report.heading.numberSymbol).toBe("Số 12-BC/TU");
    expect(Array.isArray(body.changes)).toBe(true);
    const list = await h.app.inject({ method: "GET", url: "/api/reports", headers: viewer });
    expect(list.json().map((s: { id: number }) => s.id)).toEqual([body.snapshot.id, snap.id]);
  });

  it("refuses what it must: 401, 403, 404 outside the scope, 400, 422", async () => {
    expect((await create({ ...WRITE_HEADERS }, "QN")).statusCode).toBe(401);
    expect((await create(viewer, "QN")).statusCode).toBe(403);
    expect((await create(officerHL, "QN.CP")).statusCode).toBe(404);
    expect((await create(officerHL, "QN.HL")).statusCode).toBe(201);
    expect((await create(admin, "QN", { asOf: "25/07/2020" })).statusCode).toBe(400);
    expect((await create(admin, "QN", { template: "khong_co" })).statusCode).toBe(400);
    const progress = await create(admin, "QN", { template: "congress_progress" });
    expect([progress.statusCode, progress.json().template]).toEqual([201, "congress_progress"]);
    const snap = (await create(admin, "QN")).json();
    const bad = await h.app.inject({
      method: "PATCH",
      url: `/api/reports/${snap.id}`,
      headers: admin,
      payload: { texts: { branch_results: "sửa số liệu" } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain("branch_results");
    expect(
      (await h.app.inject({ method: "GET", url: "/api/reports/999999", headers: admin })).statusCode,
    ).toBe(404);
  });
});
