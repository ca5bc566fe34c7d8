/**
 * The count under concurrency: three clerks entering six entries at once, every ballot sent twice
 * at the same moment (a retry racing the original after a dropped connection) and once more
 * afterwards; nothing may be lost or entered twice, and every bundle must end accepted. Also the
 * demo's ready-to-count election.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { committeeElectionBody, grantCounting, seedHeldCongress } from "../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../test/factories.ts";
import { SYSTEM_ACTOR } from "../db/audit.ts";
import { findUserByUsername, listGrants } from "../db/repositories/users.ts";
import type { CrossOutBallot } from "../domain/election/index.ts";
import { accessFromGrants, FULL_ACCESS, type Principal } from "./access.ts";
import { seedDemoElection } from "./demo-elections.ts";
import { seedDemoUsers } from "./demo-users.ts";
import {
  appendBallot,
  createBundles,
  createElection,
  finishEntry,
  getEntry,
  getResult,
  listBundles,
  startCounting,
  startEntry,
} from "./elections/index.ts";

let t: TestDatabase;
let ids: Map<string, number>;
let seasonId: number;
const admin: Principal = { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null };

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await seedSmallProvince(t.database.db);
  seasonId = await seedSmallSeason(t.database.db, ids);
  await seedDemoUsers(t.database.db, SYSTEM_ACTOR);
});
afterAll(async () => t.cleanup());

async function principalOf(username: string): Promise<Principal> {
  const u = (await findUserByUsername(t.database.db, username))!;
  const grants = await listGrants(t.database.db, [u.id]);
  return { actor: { userId: u.id, label: username }, access: accessFromGrants(grants), sessionId: null };
}

/** Deterministic ballots: ballot i of bundle b crosses out one or two names. */
function ballotsFor(bundle: number, n: number, listSize: number): CrossOutBallot[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: "cross-out" as const,
    crossedOut:
      i % 7 === 0
        ? [((i + bundle) % listSize) + 1, ((i + bundle + 3) % listSize) + 1]
        : [((i * 5 + bundle) % listSize) + 1],
  }));
}

describe("three clerks entering at once, with retries", () => {
  it("loses nothing and enters nothing twice", async () => {
    const db = t.database.db;
    const congressId = await seedHeldCongress(db, seasonId, ids.get("QN.CP")!, {
      convened: 130,
      present: 125,
    });
    for (const u of ["kiemphieu", "kiemphieu2", "kiemphieu3"])
      await grantCounting(db, u, congressId, ids.get("QN")!);
    const body = committeeElectionBody(congressId, { seats: 9, listSize: 10, convened: 130, bundleSize: 40 });
    const created = await createElection(db, admin, {
      ...body,
      present: 125,
      ballotsIssued: 120,
      ballotsCollected: 120,
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    expect((await startCounting(db, admin, id)).ok).toBe(true);
    const bundles = await createBundles(db, admin, id, { total: 120 });
    if (!bundles.ok) throw new Error(bundles.error.message);
    const [b1, b2, b3] = bundles.value.map((b) => b.id) as [number, number, number];
    const clerks = await Promise.all(["kiemphieu", "kiemphieu2", "kiemphieu3"].map(principalOf));
    // Each bundle entered by two of the three clerks.
    const plan: [Principal, number, number][] = [
      [clerks[0]!, b1, 1],
      [clerks[1]!, b1, 1],
      [clerks[0]!, b2, 2],
      [clerks[2]!, b2, 2],
      [clerks[1]!, b3, 3],
      [clerks[2]!, b3, 3],
    ];
    let replays = 0;
    await Promise.all(
      plan.map(async ([clerk, bundleId, number], k) => {
        const entry = await startEntry(db, clerk, id, bundleId);
        if (!entry.ok) throw new Error(entry.error.message);
        const ballots = ballotsFor(number, 40, 10);
        for (let i = 0; i < ballots.length; i++) {
          const key = `conc-${k}-${i}-${entry.value.id}`;
          const send = () =>
            appendBallot(db, clerk, id, entry.value.id, { idempotencyKey: key, ballot: ballots[i]! });
          // The original and a retry racing it…
          const [a, b] = await Promise.all([send(), send()]);
          if (!a.ok || !b.ok)
            throw new Error(`${!a.ok ? a.error.message : ""} ${!b.ok ? b.error.message : ""}`);
          expect(a.value.ballot.position).toBe(i + 1);
          expect(b.value.ballot.position).toBe(i + 1);
          expect([a.value.replayed, b.value.replayed].sort()).toEqual([false, true]);
          // …and a late retry of an earlier ballot.
          if (i > 0 && i % 9 === 0) {
            const late = await appendBallot(db, clerk, id, entry.value.id, {
              idempotencyKey: `conc-${k}-${i - 1}-${entry.value.id}`,
              ballot: ballots[i - 1]!,
            });
            if (!late.ok) throw new Error(late.error.message);
            expect(late.value).toMatchObject({ replayed: true, ballotCount: i + 1 });
            expect(late.value.ballot.position).toBe(i);
          }
          replays++;
        }
        const got = await getEntry(db, clerk, id, entry.value.id);
        if (!got.ok) throw new Error(got.error.message);
        expect(got.value.ballots.map((b) => b.ballot)).toEqual(ballots);
        const fin = await finishEntry(db, clerk, id, entry.value.id);
        if (!fin.ok) throw new Error(fin.error.message);
      }),
    );
    expect(replays).toBe(240);
    const after = await listBundles(db, admin, id);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.map((b) => [b.status, b.entries.map((e) => e.ballotCount)])).toEqual([
      ["accepted", [40, 40]],
      ["accepted", [40, 40]],
      ["accepted", [40, 40]],
    ]);
    const result = await getResult(db, admin, id);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ complete: true, ballotsCounted: 120 });
    const expected = Array.from({ length: 10 }, () => 120);
    for (const n of [1, 2, 3])
      for (const b of ballotsFor(n, 40, 10)) for (const p of b.crossedOut) expected[p - 1]!--;
    expect(result.value.runningVotes).toEqual(expected);
  }, 120_000);
});

describe("the demo election", () => {
  it("is ready to count by three clerks", async () => {
    const db = t.database.db;
    await seedHeldCongress(db, seasonId, ids.get("QN.HL")!, { convened: 350, present: 348 });
    const id = await seedDemoElection(db, SYSTEM_ACTOR);
    expect(id).not.toBeNull();
    expect(await seedDemoElection(db, SYSTEM_ACTOR)).toBeNull();
    const clerk = await principalOf("kiemphieu2");
    const bundles = await listBundles(db, clerk, id!);
    if (!bundles.ok) throw new Error(bundles.error.message);
    expect(bundles.value.map((b) => b.expectedBallots)).toEqual([50, 50, 50, 50, 50, 50, 48]);
    const entry = await startEntry(db, clerk, id!, bundles.value[0]!.id);
    if (!entry.ok) throw new Error(entry.error.message);
    expect(entry.value).toMatchObject({ candidateCount: 62, ballotKind: "cross-out", expectedBallots: 50 });
  });
});
