/**
 * Indicator API through HTTP on a small province: values with target and status, breakdown by
 * child, drill-down to the people counted, user-defined indicators (201/422/403/404), and 400s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp } from "../../../../test/app.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";

let h: TestApp;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;
let admin: Record<string, string> = {};
let officerHL: Record<string, string> = {};
let viewer: Record<string, string> = {};

const QN = { code: "QN", name: "Quảng Ninh" };
const place = (code: string, name: string) => ({ code, name });

async function person(
  fullName: string,
  gender: "male" | "female",
  hometownCommune: string | null,
  posts: unknown[],
) {
  const r = await h.app.inject({
    method: "POST",
    url: "/api/people",
    headers: admin,
    payload: {
      fullName,
      gender,
      birthDate: "1976-06-15",
      ethnicity: "Kinh",
      hometown: {
        province: QN,
        district: hometownCommune ? place(hometownCommune.split(".").slice(0, 2).join("."), "Huyện") : null,
        commune: hometownCommune ? place(hometownCommune, "Xã") : null,
      },
      membership: null,
      posts,
    },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
}
const post = (kind: string, orgCode: string) => ({
  kind,
  orgId: id(orgCode),
  villageCode: null,
  term: ["secretary", "committee_member"].includes(kind) ? "2020–2025" : null,
  title: null,
  start: "2020-05-10",
  end: null,
});

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  await seedSmallSeason(h.t.database.db, ids);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
  officerHL = await loginAs(h.app, "canbo.halong");
  viewer = await loginAs(h.app, "xem.tinh");
  // Commune-level secretaries: Hồng Gai's also chairs the People's Committee; Cộng Hòa's is a woman.
  await person("Nguyễn Văn Hồng", "male", null, [
    post("secretary", "QN.HL.HONGGAI"),
    post("people_committee_chair", "QN.HL.HONGGAI"),
  ]);
  await person("Trần Văn Bạch", "male", null, [post("secretary", "QN.HL.BACHDANG")]);
  await person("Lê Thị Hòa", "female", null, [post("secretary", "QN.CP.CONGHOA")]);
});
afterAll(async () => h.close());

const values = (headers: Record<string, string>, orgCode: string, extra = "") =>
  h.app.inject({
    method: "GET",
    url: `/api/indicators?orgId=${id(orgCode)}&asOf=2020-07-25${extra}`,
    headers,
  });

describe("GET /api/indicators", () => {
  it("gives each catalog indicator's counts, percentage, target status and breakdown by child", async () => {
    const r = await values(viewer, "QN");
    expect(r.statusCode).toBe(200);
    const chairs = r
      .json()
      .indicators.find((i: { code: string }) => i.code === "commune_secretary_chairs_people_committee");
    expect(chairs).toMatchObject({
      numerator: 1,
      denominator: 3,
      percent: "33,33%",
      ratioText: "1/3 (33,33%)",
      target: { status: "not_yet_due", text: "≥ 75% trong nhiệm kỳ (hạn 30/06/2025)", due: "2025-06-30" },
      custom: null,
    });
    expect(
      chairs.byChild.map((c: { name: string; numerator: number; denominator: number }) => [
        c.name,
        c.numerator,
        c.denominator,
      ]),
    ).toEqual([
      ["Đảng bộ thành phố Hạ Long", 1, 2],
      ["Đảng bộ thành phố Cẩm Phả", 0, 1],
    ]);
    expect(r.json().season).toMatchObject({ code: "2020-2025" });
  });

  it("applies the report's rounding rule", async () => {
    const r = await values(viewer, "QN", "&decimals=1&rounding=truncate");
    const chairs = r
      .json()
      .indicators.find((i: { code: string }) => i.code === "commune_secretary_chairs_people_committee");
    expect(chairs.percent).toBe("33,3%");
  });

  it("gives only the indicators asked for by code", async () => {
    const r = await values(
      viewer,
      "QN",
      "&codes=commune_secretary_chairs_people_committee,commune_committee_women",
    );
    expect(r.statusCode).toBe(200);
    expect(
      r
        .json()
        .indicators.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual(["commune_committee_women", "commune_secretary_chairs_people_committee"]);
    expect((await values(viewer, "QN", "&codes=Bad%20Code")).statusCode).toBe(400);
  });

  it("answers 400 for a bad date, 404 outside the caller's scope", async () => {
    const bad = await h.app.inject({
      method: "GET",
      url: `/api/indicators?orgId=${id("QN")}&asOf=25/07/2020`,
      headers: viewer,
    });
    expect(bad.statusCode).toBe(400);
    expect((await values(officerHL, "QN.CP")).statusCode).toBe(404);
    expect((await values(officerHL, "QN.HL")).statusCode).toBe(200);
  });
});

describe("GET /api/indicators/:code/members", () => {
  it("lists the people in the numerator, the denominator and those not counted", async () => {
    const url = (side: string) =>
      `/api/indicators/commune_secretary_chairs_people_committee/members?orgId=${id("QN")}&asOf=2020-07-25&side=${side}`;
    const num = await h.app.inject({ method: "GET", url: url("numerator"), headers: viewer });
    expect(num.json()).toMatchObject({
      total: 1,
      ratioText: "1/3 (33,33%)",
      members: [{ personName: "Nguyễn Văn Hồng", orgName: "Đảng bộ phường Hồng Gai" }],
    });
    const not = await h.app.inject({ method: "GET", url: url("not_counted"), headers: viewer });
    expect(
      not
        .json()
        .members.map((m: { personName: string }) => m.personName)
        .sort(),
    ).toEqual(["Lê Thị Hòa", "Trần Văn Bạch"]);
    const unknown = await h.app.inject({
      method: "GET",
      url: `/api/indicators/khong_co/members?orgId=${id("QN")}&asOf=2020-07-25`,
      headers: viewer,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("user-defined indicators", () => {
  const definition = {
    code: "commune_secretary_women",
    name: "Bí thư cấp xã là nữ",
    description: "Bí thư đương nhiệm của đảng bộ xã, phường, thị trấn là nữ",
    population: {
      subject: "posts",
      postKinds: ["secretary"],
      org: { levels: ["grassroots_committee"], kinds: ["commune", "ward", "township"] },
      period: "in_office",
    },
    condition: { kind: "gender", gender: "female" },
    target: { comparison: ">=", unit: "percent", value: 30, due: null },
  };

  it("an officer defines one for their organisation; it is evaluated with the catalog", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/indicators/definitions",
      headers: admin,
      payload: { definition, orgId: null },
    });
    expect(r.statusCode).toBe(201);
    const v = (await values(viewer, "QN"))
      .json()
      .indicators.find((i: { code: string }) => i.code === definition.code);
    expect(v).toMatchObject({
      ratioText: "1/3 (33,33%)",
      target: { status: "met" },
      custom: { id: r.json().custom.id },
    });

    const mine = await h.app.inject({
      method: "POST",
      url: "/api/indicators/definitions",
      headers: officerHL,
      payload: { definition: { ...definition, code: "hl_secretary_women" }, orgId: id("QN.HL") },
    });
    expect(mine.statusCode).toBe(201);
    const provinceWide = await h.app.inject({
      method: "PUT",
      url: `/api/indicators/definitions/${r.json().custom.id}`,
      headers: officerHL,
      payload: { definition, orgId: null },
    });
    expect(provinceWide.statusCode).toBe(403);
    const del = await h.app.inject({
      method: "DELETE",
      url: `/api/indicators/definitions/${mine.json().custom.id}`,
      headers: officerHL,
    });
    expect(del.statusCode).toBe(200);
  });

  it("rejects an invalid definition naming the field (422), a body without one (400)", async () => {
    const r = await h.app.inject({
      method: "POST",
      url: "/api/indicators/definitions",
      headers: admin,
      payload: {
        definition: {
          ...definition,
          code: "Sai Mã",
          population: { ...definition.population, postKinds: [] },
        },
        orgId: null,
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().details.issues.map((i: { path: string }) => i.path)).toEqual([
      "code",
      "population.postKinds",
    ]);
    const noBody = await h.app.inject({
      method: "POST",
      url: "/api/indicators/definitions",
      headers: admin,
      payload: {},
    });
    expect(noBody.statusCode).toBe(400);
  });
});
