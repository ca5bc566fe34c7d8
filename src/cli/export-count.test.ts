/**
 * `daihoi export count ID FILE` as a user runs it (a separate process) on a count entered through
 * the services; `daihoi tally FILE` then reproduces the product's result. PGlite data directory, or
 * PostgreSQL when DATABASE_URL is set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase } from "../../test/cli.ts";
import { committeeElectionBody, seedHeldCongress } from "../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../test/factories.ts";
import { createDb } from "../db/client.ts";
import { migrateDb } from "../db/migrate.ts";
import { insertUser } from "../db/repositories/users.ts";
import { FULL_ACCESS, type Principal } from "../services/access.ts";
import {
  appendBallot,
  createBundles,
  createElection,
  finishEntry,
  getResult,
  startCounting,
  startEntry,
} from "../services/elections/index.ts";

const cli = cliDatabase("daihoi-count-");
const dir = cli.dir;
const daihoi = cli.run;
let electionId = 0;
let votes: number[] = [];

beforeAll(async () => {
  const database = await createDb(await cli.setUp());
  await migrateDb(database);
  const db = database.db;
  const ids = await seedSmallProvince(db);
  const seasonId = await seedSmallSeason(db, ids);
  const congressId = await seedHeldCongress(db, seasonId, ids.get("QN.HL")!, { convened: 10, present: 9 });
  const clerks: Principal[] = [];
  for (const name of ["a", "b"]) {
    const u = await insertUser(db, {
      username: `thuky.${name}`,
      displayName: `Thư ký ${name}`,
      passwordHash: "x",
      mustChangePassword: false,
      now: new Date(),
    });
    clerks.push({ actor: { userId: u.id, label: u.username }, access: FULL_ACCESS, sessionId: null });
  }
  const admin = clerks[0]!;
  const e = await createElection(db, admin, {
    ...committeeElectionBody(congressId, { seats: 3, listSize: 4, convened: 10 }),
    present: 9,
    ballotsIssued: 9,
    ballotsCollected: 9,
  });
  if (!e.ok) throw new Error(e.error.message);
  electionId = e.value.id;
  await startCounting(db, admin, electionId);
  const b = await createBundles(db, admin, electionId, { total: 9 });
  if (!b.ok) throw new Error(b.error.message);
  for (const [k, clerk] of clerks.entries()) {
    const entry = await startEntry(db, clerk, electionId, b.value[0]!.id);
    if (!entry.ok) throw new Error(entry.error.message);
    for (let i = 0; i < 9; i++)
      await appendBallot(db, clerk, electionId, entry.value.id, {
        idempotencyKey: `cli-${k}-${i}-key`,
        ballot: { kind: "cross-out", crossedOut: [(i % 4) + 1] },
      });
    await finishEntry(db, clerk, electionId, entry.value.id);
  }
  const r = await getResult(db, admin, electionId);
  if (!r.ok || !r.value.result) throw new Error("no result");
  votes = r.value.result.candidates.map((c) => c.votes);
  await database.close();
}, 120_000);
afterAll(() => cli.tearDown());

describe("daihoi export count", () => {
  it("writes the count file that daihoi tally reproduces", () => {
    const file = join(dir, "count.json");
    const r = daihoi("export", "count", String(electionId), file);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Đã xuất tệp kiểm phiếu \(9 phiếu\)/);
    expect(JSON.parse(readFileSync(file, "utf8")).format).toBe("daihoi-count");
    const t = daihoi("tally", file);
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout).candidates.map((c: { votes: number }) => c.votes)).toEqual(votes);
    expect(votes).toEqual([6, 7, 7, 7]);
  }, 120_000);

  it("names a missing election in Vietnamese and exits non-zero", () => {
    const r = daihoi("export", "count", "999", join(dir, "x.json"));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Không tìm thấy cuộc bầu cử "999"/);
  }, 120_000);
});
