/** API tests: the real app on a fresh test database, driven through app.inject. */
import type { FastifyInstance } from "fastify";
import { buildServer, type ServerDeps } from "../src/server/app.ts";
import { SESSION_COOKIE } from "../src/server/plugins/auth.ts";
import { DEMO_USERS, seedDemoUsers } from "../src/services/demo-users.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

export interface TestApp {
  readonly app: FastifyInstance;
  readonly t: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: Pick<ServerDeps, "authPolicy" | "loginRateLimitPerMinute"> = {},
): Promise<TestApp> {
  const t = await createTestDatabase();
  const app = await buildServer({
    database: t.database,
    webDir: null,
    // Tests log in many times from one address; the per-address limit has its own test.
    loginRateLimitPerMinute: 10_000,
    ...options,
  });
  await app.ready();
  return {
    app,
    t,
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}

/** Headers every state-changing request from the web app carries. */
export const WRITE_HEADERS = { "x-requested-with": "daihoi" } as const;

/** A multipart body with one file field, for import routes. */
export function multipartFile(
  field: string,
  fileName: string,
  data: Uint8Array,
  contentType = "application/octet-stream",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----daihoi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(data), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Logs in through the API; returns the headers of a signed-in browser (session cookie + CSRF header). */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = DEMO_USERS.find((u) => u.username === username)?.password ?? "",
): Promise<{ cookie: string; "x-requested-with": "daihoi" }> {
  const r = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: WRITE_HEADERS,
    payload: { username, password },
  });
  if (r.statusCode !== 200) throw new Error(`login as ${username}: ${r.statusCode} ${r.body}`);
  const token = r.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!token) throw new Error(`login as ${username}: no session cookie`);
  return { cookie: `${SESSION_COOKIE}=${token}`, ...WRITE_HEADERS };
}

/**
 * The demo accounts (README "Tài khoản mẫu") on a tree holding QN, QN.HL and QN.CP, e.g. after
 * seedSmallProvince: quantri (admin), canbo.halong, canbo.campha (officers), xem.tinh (viewer of
 * the province), kiemphieu (counting member).
 */
export async function seedTestUsers(app: FastifyInstance): Promise<void> {
  await seedDemoUsers(app.deps.database.db, { userId: null, label: "kiểm thử" });
}
