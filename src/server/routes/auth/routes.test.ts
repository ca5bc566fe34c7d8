/**
 * Login, sessions and passwords through HTTP: lockout, idle and absolute expiry (with an injected
 * clock), logout, cross-site request rejection, forced password change and reset ending sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp, WRITE_HEADERS } from "../../../../test/app.ts";
import { seedSmallProvince } from "../../../../test/factories.ts";
import { countUserSessions, findUserByUsername } from "../../../db/repositories/users.ts";
import { DEFAULT_AUTH_POLICY } from "../../../services/accounts.ts";
import { todayInVietnam } from "../../clock.ts";

let h: TestApp;
let now = new Date("2026-11-20T08:00:00+07:00");
const MIN = 60_000;
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

beforeAll(async () => {
  h = await buildTestApp({
    authPolicy: {
      ...DEFAULT_AUTH_POLICY,
      idleMs: 30 * MIN,
      absoluteMs: 8 * 60 * MIN,
      maxFailures: 3,
      lockoutMs: 15 * MIN,
      now: () => now,
    },
  });
  await seedSmallProvince(h.t.database.db);
  await seedTestUsers(h.app);
});
afterAll(async () => h.close());

const login = (username: string, password: string, headers: Record<string, string> = WRITE_HEADERS) =>
  h.app.inject({ method: "POST", url: "/api/auth/login", headers, payload: { username, password } });
const me = (headers: Record<string, string>) => h.app.inject({ method: "GET", url: "/api/auth/me", headers });

describe("login", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and answers who is signed in", async () => {
    const r = await login("CanBo.HaLong", "VinhHaLong#2025");
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === "daihoi_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.json()).toMatchObject({
      user: { username: "canbo.halong", displayName: "Cán bộ tổ chức Hạ Long" },
      grants: [{ role: "officer", orgCode: "QN.HL", roleName: "Cán bộ tổ chức" }],
      mustChangePassword: false,
      isAdmin: false,
      canWrite: true,
    });
  });

  it("names each user's home organisation: where their pages open", async () => {
    const home = async (username: string, password: string) => {
      const r = await login(username, password);
      expect(r.statusCode).toBe(200);
      const cookie = r.cookies.find((c) => c.name === "daihoi_session")!;
      const m = await me({ cookie: `daihoi_session=${cookie.value}` });
      expect(m.json().homeOrg).toEqual(r.json().homeOrg);
      return r.json().homeOrg;
    };
    expect(await home("canbo.halong", "VinhHaLong#2025")).toMatchObject({
      code: "QN.HL",
      name: expect.stringMatching(/Hạ Long/),
    });
    expect(await home("xem.tinh", "ChiXem#2025")).toMatchObject({ code: "QN" });
    expect(await home("quantri", "BanToChuc#2025")).toMatchObject({ code: "QN" });
    // A counting clerk reads only their congress's count: no organisation to open.
    expect(await home("kiemphieu", "HomPhieu#2025")).toBeNull();
  });

  it("tells the web today's Vietnamese day, its forms' default date", async () => {
    const r = await login("canbo.halong", "VinhHaLong#2025");
    const cookie = r.cookies.find((c) => c.name === "daihoi_session")!;
    const before = todayInVietnam();
    const today = (await me({ cookie: `daihoi_session=${cookie.value}` })).json().today;
    expect([before, todayInVietnam()]).toContain(today);
    expect(r.json().today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("gives the same Vietnamese message for an unknown user and a wrong password", async () => {
    const unknown = await login("khongco", "Sai#mat-khau-1");
    const wrong = await login("xem.tinh", "Sai#mat-khau-1");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual({
      code: "LOGIN_FAILED",
      message: "Tên đăng nhập hoặc mật khẩu không đúng",
    });
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("locks an account temporarily after repeated failures, even for the right password, then lets it in", async () => {
    for (let i = 0; i < 3; i++)
      expect((await login("canbo.campha", `Sai#mat-khau-${i}`)).statusCode).toBe(401);
    const locked = await login("canbo.campha", "VungThan#2025");
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: "LOGIN_LOCKED" });
    expect(locked.json().message).toMatch(/thử lại sau 15 phút/);
    // An unknown username locks the same way: the lockout does not reveal which names exist.
    for (let i = 0; i < 3; i++) await login("khong.ton.tai", `Sai#mat-khau-${i}`);
    expect((await login("khong.ton.tai", "x")).statusCode).toBe(429);
    advance(16 * MIN);
    expect((await login("canbo.campha", "VungThan#2025")).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("ends after the idle timeout", async () => {
    const headers = await loginAs(h.app, "xem.tinh");
    advance(29 * MIN);
    expect((await me(headers)).statusCode).toBe(200);
    advance(29 * MIN); // used 29 minutes ago: still alive
    expect((await me(headers)).statusCode).toBe(200);
    advance(31 * MIN);
    const r = await me(headers);
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe("AUTH_REQUIRED");
  });

  it("ends at the absolute expiry however busy it is", async () => {
    const headers = await loginAs(h.app, "xem.tinh");
    for (let i = 0; i < 16; i++) {
      advance(29 * MIN); // 16 × 29 = 464 minutes, never idle for 30
      expect((await me(headers)).statusCode).toBe(200);
    }
    advance(20 * MIN); // 484 minutes after login: past the 8 hours
    expect((await me(headers)).statusCode).toBe(401);
  });

  it("logout ends the session on the server, not just in the browser", async () => {
    const headers = await loginAs(h.app, "xem.tinh");
    const out = await h.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(out.statusCode).toBe(204);
    // The old cookie value, replayed, no longer works.
    expect((await me(headers)).statusCode).toBe(401);
  });

  it("stores only the hash of the cookie token", async () => {
    const headers = await loginAs(h.app, "xem.tinh");
    const token = headers.cookie.split("=")[1]!;
    const user = await findUserByUsername(h.t.database.db, "xem.tinh");
    expect(await countUserSessions(h.t.database.db, user!.id)).toBeGreaterThan(0);
    const rows = (await h.t.database.db.execute(
      // biome-ignore lint/suspicious/noExplicitAny: a raw check of what is stored
      "select id from user_session" as any,
    )) as unknown as { rows: { id: string }[] };
    expect(rows.rows.some((r) => r.id === token)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });
});

describe("cross-site requests", () => {
  it("refuses a state-changing request without x-requested-with or from a foreign Origin", async () => {
    const headers = await loginAs(h.app, "quantri");
    const body = { username: "moi.nguoi", displayName: "Người mới", grants: [] };
    const noHeader = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: headers.cookie },
      payload: body,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe("CSRF_REJECTED");
    const foreign = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { ...headers, origin: "https://evil.example" },
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe("CSRF_REJECTED");
    const loginNoHeader = await login("quantri", "BanToChuc#2025", {});
    expect(loginNoHeader.statusCode).toBe(403);
  });
});

describe("passwords", () => {
  it("a new user must change the one-time password before anything else; weak passwords are refused", async () => {
    const admin = await loginAs(h.app, "quantri");
    const created = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "moi.halong",
        displayName: "Cán bộ mới",
        grants: [{ role: "viewer", orgId: null }],
      },
    });
    expect(created.statusCode).toBe(422);
    const orgs = (await h.app.inject({ method: "GET", url: "/api/orgs/roots", headers: admin })).json();
    const ok = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin,
      payload: {
        username: "moi.halong",
        displayName: "Cán bộ mới",
        grants: [{ role: "viewer", orgId: orgs[0].id }],
      },
    });
    expect(ok.statusCode).toBe(201);
    const { password } = ok.json();
    const user = await loginAs(h.app, "moi.halong", password);
    expect((await me(user)).json().mustChangePassword).toBe(true);
    const blocked = await h.app.inject({ method: "GET", url: "/api/orgs/roots", headers: user });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("PASSWORD_CHANGE_REQUIRED");

    const change = (newPassword: string, currentPassword = password) =>
      h.app.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: user,
        payload: { currentPassword, newPassword },
      });
    const weak = await change("moi.halong1");
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({
      code: "WEAK_PASSWORD",
      details: { problems: ["Mật khẩu không được chứa tên đăng nhập"] },
    });
    expect((await change("MotMatKhauMoi9", "sai-mat-khau")).json().code).toBe("WRONG_CURRENT_PASSWORD");
    const done = await change("MotMatKhauMoi9");
    expect(done.statusCode).toBe(200);
    expect(done.json().mustChangePassword).toBe(false);
    expect((await h.app.inject({ method: "GET", url: "/api/orgs/roots", headers: user })).statusCode).toBe(
      200,
    );
  });

  it("an administrator's reset forces a change and ends the user's sessions", async () => {
    const a = await loginAs(h.app, "canbo.campha");
    const b = await loginAs(h.app, "canbo.campha");
    const admin = await loginAs(h.app, "quantri");
    const target = await findUserByUsername(h.t.database.db, "canbo.campha");
    const r = await h.app.inject({
      method: "POST",
      url: `/api/users/${target!.id}/reset-password`,
      headers: admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().user.mustChangePassword).toBe(true);
    expect(r.json().password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(200);
    expect((await login("canbo.campha", "VungThan#2025")).statusCode).toBe(401);
    const fresh = await loginAs(h.app, "canbo.campha", r.json().password);
    expect((await me(fresh)).json().mustChangePassword).toBe(true);
  });

  it("audits user changes without any password or hash", async () => {
    const admin = await loginAs(h.app, "quantri");
    const r = await h.app.inject({ method: "GET", url: "/api/audit?entity=user&limit=500", headers: admin });
    expect(r.statusCode).toBe(200);
    const actions = r.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.create", "user.password_change", "user.password_reset"]),
    );
    expect(r.body).not.toMatch(/argon2|password"\s*:\s*"|MotMatKhauMoi9/);
  });
});
