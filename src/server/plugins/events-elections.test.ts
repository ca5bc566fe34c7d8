/**
 * `event: election` on GET /api/events: a change to a count reaches the congress's counting member
 * (who has no subtree scope) and officers over the organisation, and nobody outside.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, seedTestUsers } from "../../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { committeeElectionBody, grantCounting, seedHeldCongress } from "../../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../test/factories.ts";
import { SYSTEM_ACTOR } from "../../db/audit.ts";
import { FULL_ACCESS } from "../../services/access.ts";
import { createElection, startCounting } from "../../services/elections/index.ts";
import { buildServer } from "../app.ts";

let t: TestDatabase;
let app: Awaited<ReturnType<typeof buildServer>>;
let electionId: number;
let congressId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const ids = await seedSmallProvince(t.database.db);
  const seasonId = await seedSmallSeason(t.database.db, ids);
  app = await buildServer({ database: t.database, webDir: null });
  await seedTestUsers(app);
  congressId = await seedHeldCongress(t.database.db, seasonId, ids.get("QN.HL")!, {
    convened: 40,
    present: 39,
  });
  await grantCounting(t.database.db, "kiemphieu", congressId, ids.get("QN")!);
  const admin = { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null };
  const e = await createElection(t.database.db, admin, {
    ...committeeElectionBody(congressId),
    ballotsCollected: 20,
  });
  if (!e.ok) throw new Error(e.error.message);
  electionId = e.value.id;
  await startCounting(t.database.db, admin, electionId);
  await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

async function framesOf(res: Response, ms: number): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !text.includes("event: election")) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe("election events", () => {
  it("reach the counting member and not an officer elsewhere", async () => {
    const port = (app.server.address() as { port: number }).port;
    const counting = await loginAs(app, "kiemphieu");
    const outside = await loginAs(app, "canbo.campha");
    const open = (cookie: string) => fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie } });
    const [inRes, outRes] = await Promise.all([open(counting.cookie), open(outside.cookie)]);
    const officer = await loginAs(app, "canbo.halong");
    const created = await app.inject({
      method: "POST",
      url: `/api/elections/${electionId}/bundles`,
      headers: officer,
      payload: { total: 20 },
    });
    expect(created.statusCode).toBe(201);
    const [seen, unseen] = await Promise.all([framesOf(inRes, 5000), framesOf(outRes, 1500)]);
    expect(seen).toContain("event: election");
    const data = JSON.parse(/event: election\ndata: (.*)/.exec(seen)![1]!);
    expect(data).toMatchObject({ electionId, congressId, kind: "bundle" });
    expect(data.path).toBeUndefined();
    expect(unseen).not.toContain("event: election");
  }, 30_000);
});
