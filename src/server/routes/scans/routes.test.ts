/**
 * Scan routes through HTTP: an officer uploads a phone photo of a bundle's ballot; anonymous gets
 * 401, a province viewer 403, another district's officer 404; a body that is no file gets 400 and
 * writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  loginAs,
  multipartFile,
  seedTestUsers,
  type TestApp,
  WRITE_HEADERS,
} from "../../../../test/app.ts";
import { committeeElectionBody, seedHeldCongress } from "../../../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../../test/factories.ts";
import { SYSTEM_ACTOR } from "../../../db/audit.ts";
import { generateScan } from "../../../io/scan/synthetic.ts";
import { FULL_ACCESS } from "../../../services/access.ts";
import {
  ballotLayoutOf,
  createBundles,
  createElection,
  startCounting,
} from "../../../services/elections/index.ts";

let h: TestApp;
let electionId: number;
let jpeg: Buffer;
const admin = { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null };

beforeAll(async () => {
  h = await buildTestApp();
  const db = h.t.database.db;
  const ids = await seedSmallProvince(db);
  const seasonId = await seedSmallSeason(db, ids);
  await seedTestUsers(h.app);
  const congressId = await seedHeldCongress(db, seasonId, ids.get("QN.HL")!, { convened: 40, present: 39 });
  const created = await createElection(db, admin, {
    ...committeeElectionBody(congressId),
    ballotsCollected: 10,
  });
  if (!created.ok) throw new Error(created.error.message);
  electionId = created.value.id;
  const started = await startCounting(db, admin, electionId);
  if (!started.ok) throw new Error(started.error.message);
  const bundles = await createBundles(db, admin, electionId, { total: 10 });
  if (!bundles.ok) throw new Error(bundles.error.message);
  const layout = await ballotLayoutOf(db, admin, electionId);
  if (!layout.ok) throw new Error(layout.error.message);
  jpeg = (
    await generateScan(layout.value, { seed: 7, seats: 5, device: "phone", strayShare: 0, hardShare: 0 })
  ).jpeg;
});
afterAll(async () => h.close());

const upload = (headers: Record<string, string>) => {
  const m = multipartFile("file", "anh.jpg", jpeg, "image/jpeg");
  return h.app.inject({
    method: "POST",
    url: `/api/elections/${electionId}/bundles/1/scans`,
    headers: { ...headers, ...m.headers, ...WRITE_HEADERS },
    payload: m.payload,
  });
};

describe("scan routes", () => {
  it("refuses before reading: 401 anonymous, 403 a viewer, 404 another district's officer", async () => {
    expect((await upload({})).statusCode).toBe(401);
    expect((await upload(await loginAs(h.app, "xem.tinh"))).statusCode).toBe(403);
    expect((await upload(await loginAs(h.app, "canbo.campha"))).statusCode).toBe(404);
  });

  it("answers 400 to a body that is no file, and reads a photo for the officer", async () => {
    const officer = await loginAs(h.app, "canbo.halong");
    const bad = await h.app.inject({
      method: "POST",
      url: `/api/elections/${electionId}/bundles/1/scans`,
      headers: { ...officer, ...WRITE_HEADERS },
      payload: { file: "x" },
    });
    expect(bad.statusCode).toBe(400);
    const r = await upload(officer);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      bundleNumber: 1,
      counted: 1,
      pending: 0,
      expected: 10,
      entryFinished: false,
    });
    expect(r.json().pages).toMatchObject([{ file: "anh.jpg", page: 1, outcome: "counted", seq: 1 }]);
    const again = await upload(officer);
    expect(again.json().pages).toMatchObject([{ outcome: "duplicate" }]);
    const list = await h.app.inject({
      method: "GET",
      url: `/api/elections/${electionId}/scans`,
      headers: officer,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
  });
});
