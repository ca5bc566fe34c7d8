/**
 * Ballot-entry API throughput (issue 5): the real server listening on loopback, C clerks signed in
 * with their own accounts, each entering two bundles of 50 ballots (every bundle entered by two
 * clerks) at the same time, ballot after ballot as a clerk does, over HTTP keep-alive. Prints
 * ballots/s and the p50/p95/max latency of one append, and checks every bundle ends accepted with
 * nothing lost or doubled. Runs on PGlite, then on PostgreSQL when DATABASE_URL is set.
 *
 *   node bench/ballot-entry.ts [clerks=12]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/ballot-entry.ts 12
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { buildServer } from "../src/server/app.ts";
import { FULL_ACCESS } from "../src/services/access.ts";
import { DEFAULT_AUTH_POLICY } from "../src/services/accounts.ts";
import {
  createBundles,
  createElection,
  listBundles,
  startCounting,
} from "../src/services/elections/index.ts";
import { createUser } from "../src/services/users.ts";
import { createTestDatabase } from "../test/db.ts";
import { committeeElectionBody, seedHeldCongress } from "../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../test/factories.ts";

const CLERKS = Number(process.argv[2] ?? 12);
const PER_BUNDLE = 50;
const SEATS = 55;
const LIST = 62;
const PASSWORD = "DoDemPhieu#2026";

async function run(engine: "pglite" | "postgres"): Promise<void> {
  const saved = process.env.DATABASE_URL;
  if (engine === "pglite") delete process.env.DATABASE_URL;
  const t = await createTestDatabase();
  if (saved) process.env.DATABASE_URL = saved;
  const db = t.database.db;
  const ids = await seedSmallProvince(db);
  const seasonId = await seedSmallSeason(db, ids);
  const bundles = CLERKS;
  const total = bundles * PER_BUNDLE;
  const congressId = await seedHeldCongress(db, seasonId, ids.get("QN.HL")!, {
    convened: total + 2,
    present: total,
  });
  const admin = { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null };
  const created = await createElection(db, admin, {
    ...committeeElectionBody(congressId, {
      seats: SEATS,
      listSize: LIST,
      convened: total + 2,
      bundleSize: PER_BUNDLE,
    }),
    present: total,
    ballotsIssued: total,
    ballotsCollected: total,
  });
  if (!created.ok) throw new Error(created.error.message);
  const electionId = created.value.id;
  const started = await startCounting(db, admin, electionId);
  if (!started.ok) throw new Error(started.error.message);
  const made = await createBundles(db, admin, electionId, { total });
  if (!made.ok) throw new Error(made.error.message);
  const bundleIds = made.value.map((b) => b.id);
  for (let i = 0; i < CLERKS; i++) {
    const r = await createUser(db, DEFAULT_AUTH_POLICY, admin, {
      username: `dodem${i}`,
      displayName: `Thư ký ${i}`,
      password: PASSWORD,
      mustChangePassword: false,
      grants: [{ role: "counting_member", orgId: ids.get("QN")!, congressRef: String(congressId) }],
    });
    if (!r.ok) throw new Error(r.error.message);
  }

  const app = await buildServer({ database: t.database, webDir: null, loginRateLimitPerMinute: 100_000 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (cookie: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "x-requested-with": "daihoi",
        cookie,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await r.json()) as Record<string, unknown>;
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };

  // Sign in every clerk; clerk i enters bundles i and i+1 (every bundle by two clerks).
  const cookies: string[] = [];
  for (let i = 0; i < CLERKS; i++) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "daihoi" },
      body: JSON.stringify({ username: `dodem${i}`, password: PASSWORD }),
    });
    const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    cookies.push(cookie);
  }
  const ballotFor = (bundle: number, i: number) => ({
    kind: "cross-out" as const,
    crossedOut: Array.from({ length: 7 }, (_, k) => ((bundle * 13 + i * 7 + k * 3) % LIST) + 1).filter(
      (v, k, a) => a.indexOf(v) === k,
    ),
  });
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    cookies.map(async (cookie, c) => {
      for (const b of [c, (c + 1) % bundles]) {
        const entry = await post(cookie, `/api/elections/${electionId}/bundles/${bundleIds[b]}/entries`);
        for (let i = 0; i < PER_BUNDLE; i++) {
          const s = performance.now();
          await post(cookie, `/api/elections/${electionId}/entries/${entry.id}/ballots`, {
            idempotencyKey: randomUUID(),
            ballot: ballotFor(b, i),
          });
          latencies.push(performance.now() - s);
        }
        await post(cookie, `/api/elections/${electionId}/entries/${entry.id}/finish`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const after = await listBundles(db, admin, electionId);
  if (!after.ok) throw new Error(after.error.message);
  const accepted = after.value.filter((b) => b.status === "accepted").length;
  const entered = after.value.reduce((s, b) => s + b.entries.reduce((x, e) => x + e.ballotCount, 0), 0);
  console.log(
    `${engine.padEnd(8)} ${CLERKS} clerks, ${latencies.length} appends in ${seconds.toFixed(2)} s: ` +
      `${(latencies.length / seconds).toFixed(0)} ballots/s; append p50 ${at(0.5).toFixed(1)} ms, ` +
      `p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; ` +
      `${accepted}/${bundles} bundles accepted, ${entered}/${2 * total} ballots stored`,
  );
  if (accepted !== bundles || entered !== 2 * total) process.exitCode = 1;
  await app.close();
  await t.cleanup();
}

await run("pglite");
if (process.env.DATABASE_URL) await run("postgres");
