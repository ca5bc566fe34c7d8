/**
 * Live updates across server processes: a browser connected to server A sees a congress recorded
 * through server B, because B's transaction NOTIFYs and A LISTENs. On PostgreSQL the two servers
 * have separate pools and listening connections, as two processes would; on PGlite they share the
 * one embedded database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../test/factories.ts";
import { readEvents, startTwoServers, type TwoServers } from "../../../test/sse.ts";

let t: TestDatabase;
let servers: TwoServers;
let a: TwoServers["a"];
let b: TwoServers["b"];
let ids: Map<string, number>;
let seasonId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await seedSmallProvince(t.database.db);
  seasonId = await seedSmallSeason(t.database.db, ids);
  servers = await startTwoServers(t);
  ({ a, b } = servers);
});
afterAll(async () => {
  await servers.close();
  await t.cleanup();
});

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
    expect(events.map((e) => [e.event, JSON.parse(e.data).seasonId])).toEqual([["congress", seasonId]]);
    // Timed to the event's arrival, not to the end of the wait for the out-of-scope one (which never
    // comes): the whole wait made this fail at 2,6 s on a loaded CI machine.
    expect(events[0]!.at - started).toBeLessThan(2000);
    expect(JSON.parse(events[0]!.data).path.split(".").map(Number).at(-1)).toBe(orgId);
  });

  it("refuses an anonymous stream", async () => {
    const r = await a.inject({ method: "GET", url: "/api/events?once=1" });
    expect(r.statusCode).toBe(401);
  });
});
