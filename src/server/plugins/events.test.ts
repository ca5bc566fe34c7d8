/**
 * Live updates across server processes: a browser connected to server A sees a congress recorded
 * through server B, because B's transaction NOTIFYs and A LISTENs. On PostgreSQL the two servers
 * have separate pools and listening connections, as two processes would; on PGlite they share the
 * one embedded database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, seedTestUsers } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../test/factories.ts";
import { createDb, type Database } from "../../db/client.ts";
import { buildServer } from "../app.ts";

let t: TestDatabase;
let second: Database;
let a: Awaited<ReturnType<typeof buildServer>>;
let b: Awaited<ReturnType<typeof buildServer>>;
let ids: Map<string, number>;
let seasonId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await seedSmallProvince(t.database.db);
  seasonId = await seedSmallSeason(t.database.db, ids);
  // Server B: its own connections to the same database when it is a server.
  second = t.database.config.kind === "postgres" ? await createDb(t.database.config) : t.database;
  a = await buildServer({ database: t.database, webDir: null });
  b = await buildServer({ database: second, webDir: null });
  await seedTestUsers(a);
  await a.listen({ port: 0, host: "127.0.0.1" });
  await b.ready();
});
afterAll(async () => {
  await a.close();
  await b.close();
  if (second !== t.database) await second.close();
  await t.cleanup();
});

/** Reads SSE frames from a live response until `want` events arrived or the time is up. */
async function readEvents(
  res: Response,
  want: number,
  ms: number,
): Promise<{ event: string; data: string }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const events: { event: string; data: string }[] = [];
  const deadline = Date.now() + ms;
  while (events.length < want && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (chunk === null || chunk.done) break;
    buf += decoder.decode(chunk.value, { stream: true });
    let idx = buf.indexOf("\n\n");
    while (idx >= 0) {
      const frame = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data });
      idx = buf.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}

describe("GET /api/events", () => {
  it("delivers a congress recorded through another server to a browser in scope, within a second", async () => {
    const viewer = await loginAs(a, "canbo.halong");
    const port = (a.server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie: viewer.cookie } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");

    const officer = await loginAs(b, "canbo.halong");
    const orgId = ids.get("QN.HL.HONGGAI.KP2")!;
    const started = Date.now();
    const write = await b.inject({
      method: "PUT",
      url: `/api/seasons/${seasonId}/congresses/${orgId}/plan`,
      headers: officer,
      payload: { type: "members", plannedStart: "2020-01-18", plannedEnd: "2020-01-18" },
    });
    expect(write.statusCode).toBe(200);
    // Out of the officer's scope: recorded by an admin, never shown to the Hạ Long stream.
    const admin = await loginAs(b, "quantri");
    await b.inject({
      method: "PUT",
      url: `/api/seasons/${seasonId}/congresses/${ids.get("QN.CP.CONGHOA.T1")}/plan`,
      headers: admin,
      payload: { type: "members", plannedStart: "2020-01-19", plannedEnd: "2020-01-19" },
    });
    const events = await readEvents(res, 2, 1500);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(events.map((e) => [e.event, JSON.parse(e.data).seasonId])).toEqual([["congress", seasonId]]);
    expect(JSON.parse(events[0]!.data).path.split(".").map(Number).at(-1)).toBe(orgId);
  });

  it("refuses an anonymous stream", async () => {
    const r = await a.inject({ method: "GET", url: "/api/events?once=1" });
    expect(r.statusCode).toBe(401);
  });
});
