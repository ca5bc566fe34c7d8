/**
 * Live updates across two OS processes on one PostgreSQL: a `daihoi serve` child process streams
 * events to a browser; the congress is recorded through a server in this process. Only PostgreSQL
 * can be shared by two processes (an embedded PGlite directory belongs to one), so this file runs
 * in CI's PostgreSQL pass; events.test.ts covers both engines within one process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, seedTestUsers } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../test/factories.ts";
import { setAuditKey } from "../../db/audit.ts";
import { buildServer } from "../app.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
// Two processes writing one audit log share its key, as two real servers would (README): without
// it the child starts a keyed chain with a key of its own and this process, keyless, may not write.
const AUDIT_KEY = "5ea7c0de".repeat(8);

describe.runIf(Boolean(process.env.DATABASE_URL))("two server processes on one PostgreSQL", () => {
  let t: TestDatabase;
  let child: ChildProcess;
  let childUrl: string;
  let local: Awaited<ReturnType<typeof buildServer>>;
  let ids: Map<string, number>;
  let seasonId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    ids = await seedSmallProvince(t.database.db);
    seasonId = await seedSmallSeason(t.database.db, ids);
    setAuditKey({ secret: Buffer.from(AUDIT_KEY, "utf8"), source: "DAIHOI_AUDIT_KEY" });
    local = await buildServer({ database: t.database, webDir: null });
    await seedTestUsers(local);
    if (t.database.config.kind !== "postgres") throw new Error("needs PostgreSQL");
    child = spawn(
      join(ROOT, "node_modules", ".bin", "node"),
      [join(ROOT, "src", "cli", "main.ts"), "serve", "--no-build"],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.database.config.url,
          DAIHOI_AUDIT_KEY: AUDIT_KEY,
          HOST: "127.0.0.1",
          PORT: "0",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    childUrl = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`child did not start: ${out}`)), 60_000);
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on("exit", (code) => reject(new Error(`child exited ${code}: ${out}`)));
    });
  }, 120_000);

  afterAll(async () => {
    child?.kill("SIGTERM");
    await local?.close();
    await t?.cleanup();
    setAuditKey(null);
  });

  it("delivers a congress recorded in this process to a browser connected to the other, within a second", async () => {
    const login = await fetch(`${childUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "daihoi" },
      body: JSON.stringify({ username: "canbo.halong", password: "VinhHaLong#2025" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const stream = await fetch(`${childUrl}/api/events`, { headers: { cookie } });
    const reader = stream.body!.getReader();
    await reader.read(); // the opening frame

    const officer = await loginAs(local, "canbo.halong");
    const orgId = ids.get("QN.HL.BACHDANG.KP1")!;
    const started = Date.now();
    const write = await local.inject({
      method: "PUT",
      url: `/api/seasons/${seasonId}/congresses/${orgId}/plan`,
      headers: officer,
      payload: { type: "members", plannedStart: "2020-01-18", plannedEnd: "2020-01-18" },
    });
    expect(write.statusCode).toBe(200);

    let text = "";
    while (!text.includes("event: congress") && Date.now() - started < 3000) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), 3000)),
      ]);
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    expect(Date.now() - started).toBeLessThan(1000);
    const data = JSON.parse(/data: (.*)/.exec(text)![1]!);
    expect(data).toEqual({ seasonId, path: expect.stringMatching(new RegExp(`\\.${orgId}$`)) });
  });
});
