/**
 * What reaches the API from outside (issue 20, items 5 and 9): a NUL or other control character gave
 * a 500 on 9 routes including the unauthenticated login — now a 400 naming the field, before any
 * handler runs; and the validator's English ("username: Invalid input: expected string, received
 * number") is now Vietnamese naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp, WRITE_HEADERS } from "../../test/app.ts";
import { seedSmallProvince } from "../../test/factories.ts";

let h: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await buildTestApp();
  await seedSmallProvince(h.t.database.db);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
});
afterAll(async () => h.close());

/** English words the validator and Fastify use; none may reach a user. */
const ENGLISH = /\b(Invalid|expected|received|Required|must|string|number|object|Unexpected|Body|Too)\b/;

describe("control characters", () => {
  it("refuses a NUL in the login with a 400 naming the field, not a 500", async () => {
    for (const payload of [
      { username: "quan\u0000tri", password: "x" },
      { username: "quantri", password: "BanToChuc\u0000#2025" },
    ]) {
      const r = await h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: WRITE_HEADERS,
        payload,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe("CONTROL_CHARACTER");
      expect(r.json().message).toMatch(/trường "(username|password)" chứa ký tự điều khiển U\+0000/);
    }
  });

  it("refuses control characters in a query, a path parameter and a nested body, and writes nothing", async () => {
    const q = await h.app.inject({ method: "GET", url: "/api/orgs/search?q=h%00ong", headers: admin });
    expect(q.statusCode).toBe(400);
    expect(q.json().message).toMatch(/tham số truy vấn.*"q"/);
    const p = await h.app.inject({ method: "GET", url: "/api/orgs/1%00", headers: admin });
    expect(p.statusCode).toBe(400);
    const b = await h.app.inject({
      method: "POST",
      url: "/api/orgs",
      headers: admin,
      payload: { code: "QN.X", name: "Chi bộ\u001b[31m", level: "branch", kind: "village", parentId: 1 },
    });
    expect(b.statusCode).toBe(400);
    expect(b.json().message).toMatch(/"name" chứa ký tự điều khiển U\+001B/);
    const found = await h.app.inject({ method: "GET", url: "/api/orgs/search?q=QN.X", headers: admin });
    expect(found.json().total).toBe(0);
  });

  it("keeps tabs and line breaks in text", async () => {
    const r = await h.app.inject({ method: "GET", url: "/api/orgs/search?q=h%0Aong%09gai", headers: admin });
    expect(r.statusCode).toBe(200);
  });
});

describe("validation messages are Vietnamese and name the field", () => {
  it("for a wrong type, a missing field, an unknown value and malformed JSON", async () => {
    const wrongType = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: WRITE_HEADERS,
      payload: { username: 5, password: "x" },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toBe(
      "Dữ liệu gửi lên không hợp lệ (nội dung): username: Phải là văn bản, không phải số nguyên",
    );
    const missing = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: WRITE_HEADERS,
      payload: { password: "x" },
    });
    expect(missing.json().message).toMatch(/username: Thiếu trường bắt buộc/);
    const badQuery = await h.app.inject({ method: "GET", url: "/api/orgs/search?limit=abc", headers: admin });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().message).toMatch(/limit: /);
    const badJson = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { ...WRITE_HEADERS, "content-type": "application/json" },
      payload: '{"username": "quantri", ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().message).toBe("Nội dung gửi lên không phải JSON hợp lệ");
    for (const r of [wrongType, missing, badQuery, badJson]) expect(r.json().message).not.toMatch(ENGLISH);
  });
});
