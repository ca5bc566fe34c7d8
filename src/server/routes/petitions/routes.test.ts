/**
 * The letters API end to end: a petitions-enabled officer registers a denunciation about a person
 * and settles it; a plain officer and a viewer get no content (403), only the counts on the
 * congress panel and the candidate flags; attachments are checked by their bytes.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, multipartFile, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { realJpeg } from "../../../../test/attachments.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";
import { SYSTEM_ACTOR } from "../../../db/audit.ts";
import { ALL_SCOPE } from "../../../db/repositories/scope.ts";
import { congress } from "../../../db/schema.ts";
import { changeCongress } from "../../../services/congresses/index.ts";
import { createPerson } from "../../../services/people.ts";

let h: TestApp;
let ids: Map<string, number>;
let congressId: number;
let seasonId: number;
let personId: number;
type Headers = Awaited<ReturnType<typeof loginAs>>;
let inspector: Headers;
let officer: Headers;
let viewer: Headers;
let admin: Headers;

beforeAll(async () => {
  h = await buildTestApp();
  const db = h.t.database.db;
  ids = await seedSmallProvince(db);
  seasonId = await seedSmallSeason(db, ids);
  await seedTestUsers(h.app);
  const plan = {
    type: "delegates" as const,
    pilot: false,
    plannedStart: "2099-07-20",
    plannedEnd: "2099-07-21",
    venue: null,
    contactName: null,
    contactPhone: null,
  };
  const c = await changeCongress(
    db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    seasonId,
    ids.get("QN.HL")!,
    { kind: "plan", plan },
    "2020-01-01",
  );
  if (!c.ok) throw new Error(c.error.message);
  congressId = (
    await db
      .select({ id: congress.id })
      .from(congress)
      .where(and(eq(congress.seasonId, seasonId), eq(congress.orgId, ids.get("QN.HL")!)))
  )[0]!.id;
  const p = await createPerson(db, SYSTEM_ACTOR, ALL_SCOPE, {
    fullName: "Phạm Văn Ứng Cử",
    gender: "male",
    birthDate: "1972-03-03",
    ethnicity: "Kinh",
    hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
    membership: null,
    posts: [
      {
        kind: "secretary",
        orgId: ids.get("QN.HL")!,
        villageCode: null,
        term: "2015–2020",
        title: null,
        start: "2015-06-01",
        end: null,
      },
    ],
  });
  if (!p.ok) throw new Error(p.error.message);
  personId = p.value.person.id;
  inspector = await loginAs(h.app, "thanhtra.tinh");
  officer = await loginAs(h.app, "canbo.halong");
  viewer = await loginAs(h.app, "xem.tinh");
  admin = await loginAs(h.app, "quantri");
});
afterAll(async () => h.close());

const flags = async (headers: Headers) =>
  (
    await h.app.inject({
      method: "GET",
      url: `/api/congresses/${congressId}/complaint-flags?personIds=${personId}`,
      headers,
    })
  ).json() as { flags: { flagged: boolean; openCases: number }[] };

/** Registers a letter as the petitions inspector. */
const register = (payload: Record<string, unknown>) =>
  h.app.inject({ method: "POST", url: "/api/petitions", headers: inspector, payload });

describe("letters API", () => {
  it("registers, flags, settles and clears; others see only counts", async () => {
    const reg = await register({
      orgId: ids.get("QN.HL"),
      receivedOn: "2020-01-10",
      channel: "post",
      senderType: "member",
      senderIdentity: "identified",
      senderName: "Hoàng Văn Gửi",
      kind: "denunciation",
      summary: "Tố cáo ứng cử viên vi phạm quy định đất đai",
      congressId,
      concernsPersonnel: true,
      personIds: [personId],
    });
    expect(reg.statusCode).toBe(201);
    const pid = reg.json().id as number;
    expect(reg.json()).toMatchObject({
      status: "received",
      statusLabel: "Mới tiếp nhận",
      kindLabel: "Tố cáo",
    });

    expect((await flags(officer)).flags[0]).toMatchObject({ flagged: true, openCases: 1 });
    // A plain officer and a viewer: no content anywhere.
    for (const headers of [officer, viewer]) {
      const one = await h.app.inject({ method: "GET", url: `/api/petitions/${pid}`, headers });
      expect(one.statusCode).toBe(403);
      expect(one.body).not.toContain("đất đai");
      const list = await h.app.inject({ method: "GET", url: "/api/petitions", headers });
      expect(list.statusCode).toBe(403);
      const panel = await h.app.inject({
        method: "GET",
        url: `/api/seasons/${seasonId}/congresses/${ids.get("QN.HL")}/petitions`,
        headers,
      });
      expect(panel.json()).toEqual({ congressId, openCount: 1, items: null });
      const audit = await h.app.inject({
        method: "GET",
        url: `/api/audit?orgId=${ids.get("QN.HL")}`,
        headers,
      });
      expect(audit.body).not.toContain("đất đai");
    }
    const panel = await h.app.inject({
      method: "GET",
      url: `/api/seasons/${seasonId}/congresses/${ids.get("QN.HL")}/petitions`,
      headers: inspector,
    });
    expect(panel.json().items.map((i: { id: number }) => i.id)).toEqual([pid]);

    const steps: [string, object][] = [
      ["triage", { competentBody: "inspection_commission", process: true }],
      ["assign", { assigneeName: "Đ/c Kiểm Tra" }],
      ["steps", { on: "2020-01-12", description: "Xác minh tại nơi cư trú" }],
      ["conclude", { conclusion: "unfounded", conclusionText: "Tố cáo sai", concludedOn: "2020-01-20" }],
    ];
    for (const [path, payload] of steps) {
      const r = await h.app.inject({
        method: "POST",
        url: `/api/petitions/${pid}/${path}`,
        headers: inspector,
        payload,
      });
      expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
    }
    expect((await flags(viewer)).flags[0]).toMatchObject({ flagged: false, openCases: 0 });
  });

  it("refuses a skipped step with a Vietnamese message naming the status", async () => {
    const reg = await register({
      orgId: ids.get("QN.HL"),
      receivedOn: "2020-01-10",
      channel: "mailbox",
      senderType: "citizen",
      senderIdentity: "anonymous",
      kind: "denunciation",
      summary: "Đơn nặc danh",
    });
    expect(reg.json().status).toBe("recorded_only");
    const r = await h.app.inject({
      method: "POST",
      url: `/api/petitions/${reg.json().id}/assign`,
      headers: inspector,
      payload: { assigneeName: "A" },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toBe('Không thể giao xử lý khi đơn đang ở trạng thái "Chỉ lưu, không xử lý"');
  });

  it("stores a scanned letter checked by its bytes and gives it back", async () => {
    const reg = await register({
      orgId: ids.get("QN.CP"),
      receivedOn: "2020-01-10",
      channel: "post",
      senderType: "citizen",
      senderIdentity: "identified",
      senderName: "Vũ Thị Gửi",
      kind: "report",
      summary: "Phản ánh",
    });
    const pid = reg.json().id as number;
    const bad = multipartFile("file", "scan.pdf", new TextEncoder().encode("<html>"), "application/pdf");
    const refused = await h.app.inject({
      method: "POST",
      url: `/api/petitions/${pid}/attachments`,
      headers: { ...inspector, ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(415);
    // Its header alone is refused: the file must decode (issue 20 item 11).
    const header = multipartFile("file", "Bản chụp.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const hollow = await h.app.inject({
      method: "POST",
      url: `/api/petitions/${pid}/attachments`,
      headers: { ...inspector, ...header.headers },
      payload: header.payload,
    });
    expect(hollow.statusCode).toBe(422);
    expect(hollow.json().message).toContain(
      'Tệp "Bản chụp.jpg" có phần đầu của ảnh JPEG nhưng không đọc được',
    );
    const jpeg = await realJpeg();
    const good = multipartFile("file", "Bản chụp.jpg", jpeg, "application/octet-stream");
    const up = await h.app.inject({
      method: "POST",
      url: `/api/petitions/${pid}/attachments`,
      headers: { ...inspector, ...good.headers },
      payload: good.payload,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({
      contentType: "image/jpeg",
      size: jpeg.length,
      fileName: "Bản chụp.jpg",
    });
    const down = await h.app.inject({
      method: "GET",
      url: `/api/petitions/${pid}/attachments/${up.json().id}`,
      headers: inspector,
    });
    expect(down.headers["content-type"]).toBe("image/jpeg");
    expect(new Uint8Array(down.rawPayload)).toEqual(jpeg);
    const denied = await h.app.inject({
      method: "GET",
      url: `/api/petitions/${pid}/attachments/${up.json().id}`,
      headers: officer,
    });
    expect(denied.statusCode).toBe(403);
  });

  it("lets administrators change the settings; petitions officers read them", async () => {
    const body = {
      recordOnlyUnidentifiedDenunciations: false,
      personnelLeadDays: 10,
      handlingDays: { report: 15, recommendation: 15, complaint: 30, denunciation: 60 },
    };
    const byInspector = await h.app.inject({
      method: "PUT",
      url: "/api/petitions/settings",
      headers: inspector,
      payload: body,
    });
    expect(byInspector.statusCode).toBe(403);
    const put = await h.app.inject({
      method: "PUT",
      url: "/api/petitions/settings",
      headers: admin,
      payload: body,
    });
    expect(put.statusCode).toBe(200);
    const get = await h.app.inject({ method: "GET", url: "/api/petitions/settings", headers: inspector });
    expect(get.json()).toEqual(body);
  });

  it("lets only a grant that has letters pass the right on", async () => {
    const grant = (username: string) => ({
      username,
      displayName: "Cán bộ mới",
      grants: [{ role: "officer", orgId: ids.get("QN.HL"), petitions: true }],
    });
    const byOfficer = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: officer,
      payload: grant("moi.mot"),
    });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().message).toBe("Bạn không có quyền cấp quyền giải quyết đơn thư");
    const viewerGrant = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: inspector,
      payload: {
        ...grant("moi.hai"),
        grants: [{ role: "viewer", orgId: ids.get("QN.HL"), petitions: true }],
      },
    });
    expect(viewerGrant.statusCode).toBe(422);
    const byInspector = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: inspector,
      payload: grant("moi.ba"),
    });
    expect(byInspector.statusCode).toBe(201);
    expect(byInspector.json().user.grants[0].petitions).toBe(true);
  });
});
