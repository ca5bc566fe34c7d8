/**
 * Village-head results are live across server processes too: a meeting recorded through server B
 * reaches a browser connected to server A as the event "village" (NOTIFY channel daihoi_village),
 * only where the caller's scope covers the village's commune.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { seedSmallProvince } from "../../../test/factories.ts";
import { readEvents, startTwoServers, type TwoServers } from "../../../test/sse.ts";
import { SYSTEM_ACTOR } from "../../db/audit.ts";
import { village } from "../../db/schema.ts";
import { createElectionDay } from "../../services/village-elections/index.ts";

let t: TestDatabase;
let servers: TwoServers;
let a: TwoServers["a"];
let b: TwoServers["b"];
let dayId: number;
const villages = new Map<string, number>();

beforeAll(async () => {
  t = await createTestDatabase();
  const ids = await seedSmallProvince(t.database.db);
  const day = await createElectionDay(t.database.db, SYSTEM_ACTOR, {
    code: "2020",
    name: "Bầu trưởng thôn",
    electionDate: "2020-01-05",
    termStart: 2020,
    termEnd: 2022,
    rootOrgId: ids.get("QN")!,
    seasonId: null,
  });
  if (!day.ok) throw new Error(day.error.message);
  dayId = day.value.id;
  for (const v of await t.database.db.select({ id: village.id, code: village.code }).from(village))
    villages.set(v.code, v.id);
  servers = await startTwoServers(t);
  ({ a, b } = servers);
});
afterAll(async () => {
  await servers.close();
  await t.cleanup();
});

const meeting = {
  attempt: 1,
  heldOn: "2020-01-05",
  electorate: 100,
  present: 80,
  method: "show-of-hands",
  issued: null,
  collected: null,
  valid: null,
  invalid: null,
  candidates: [
    {
      fullName: "Đinh Văn Thôn",
      nomination: "branch-committee",
      personId: null,
      gender: "male",
      birthDate: "1970-01-01",
      ethnicity: "Kinh",
      votes: 70,
    },
  ],
  team: [],
};

describe("village events", () => {
  it("delivers a village result recorded through another server to a browser in scope", async () => {
    const viewer = await loginAs(a, "canbo.halong");
    const port = (a.server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie: viewer.cookie } });
    const admin = await loginAs(b, "quantri");
    const inScope = await b.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villages.get("V.HONGGAI.KP1")}/rounds`,
      headers: admin,
      payload: meeting,
    });
    expect(inScope.statusCode).toBe(200);
    // Cẩm Phả's village: never shown to the Hạ Long stream.
    await b.inject({
      method: "POST",
      url: `/api/village-elections/${dayId}/villages/${villages.get("V.CONGHOA.T1")}/rounds`,
      headers: admin,
      payload: meeting,
    });
    const events = await readEvents(res, 2, 1500);
    expect(events.map((e) => [e.event, JSON.parse(e.data).dayId, JSON.parse(e.data).villageId])).toEqual([
      ["village", dayId, villages.get("V.HONGGAI.KP1")],
    ]);
  });
});
