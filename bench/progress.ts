/**
 * Benchmark (issue 4): congress progress at national scale on PostgreSQL.
 *
 * Builds a country of 63 provinces shaped like the demo province (~358.000 organisations, one
 * congress each for the 2020 season), then measures the progress endpoint (HTTP through Fastify's
 * inject, logged in as an administrator) for the country, a province and a commune, p50 and p95,
 * next to the naive full scan (`computeProgress` over every row of the subtree) in the same run, and
 * checks that both give the same figures.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/progress.ts [provinces]
 *
 * KEEP_BENCH_DB=1 keeps the built database; BENCH_DB=<name> measures an existing one again (it is
 * migrated first, so a new migration such as an index applies) without the build.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import { buildServer } from "../src/server/app.ts";
import { FULL_ACCESS } from "../src/services/access.ts";
import { DEFAULT_AUTH_POLICY } from "../src/services/accounts.ts";
import { getProgress, getProgressNaive } from "../src/services/congresses/index.ts";
import { createUser } from "../src/services/users.ts";
import { buildCountry, openBenchDatabase } from "./national.ts";

const PROVINCES = Number(process.argv[2] ?? 63);
const bench = await openBenchDatabase();
const { database, db, reuse } = bench;

try {
  await migrateDb(database);
  let seasonId = 1;
  const ids = new Map<string, number>();
  if (!reuse) seasonId = await build();
  const idOfCode = async (code: string) =>
    ids.get(code) ??
    (
      (await db.execute(sql`select id from organisation where code = ${code}`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows[0]!.id;

  async function build(): Promise<number> {
    const country = await buildCountry(db, { provinces: PROVINCES });
    for (const [code, id] of country.ids) ids.set(code, id);
    return country.seasonId;
  }

  const app = await buildServer({ database, webDir: null });
  await app.ready();
  await db.execute(
    sql`delete from user_grant where user_id in (select id from app_user where username = 'bench.admin')`,
  );
  await db.execute(sql`delete from app_user where username = 'bench.admin'`);
  const u = await createUser(
    db,
    DEFAULT_AUTH_POLICY,
    { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null },
    {
      username: "bench.admin",
      displayName: "Quản trị đo hiệu năng",
      password: "DoHieuNang#2026",
      mustChangePassword: false,
      grants: [{ role: "admin", orgId: null }],
    },
  );
  if (!u.ok) throw new Error(u.error.message);
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "x-requested-with": "daihoi" },
    payload: { username: "bench.admin", password: "DoHieuNang#2026" },
  });
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;

  const nodes = [
    { label: "country", id: 1 },
    { label: "province", id: await idOfCode(`P${String(Math.min(7, PROVINCES)).padStart(2, "0")}.QN`) },
    {
      label: "commune",
      id: await idOfCode(`P${String(Math.min(7, PROVINCES)).padStart(2, "0")}.QN.HL.HONGGAI`),
    },
  ];
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
    return { p50: q(0.5), p95: q(0.95) };
  };
  const asOf = "2020-05-31";
  const level = "grassroots";
  console.log(`\nProgress, level "${level}", as of ${asOf} (ms):`);
  console.log("node       rollup p50  rollup p95   naive p50   naive p95   speed-up(p50)  same figures");
  for (const n of nodes) {
    // Warm-up: first requests pay for cold caches and JIT, not for the query design.
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: "GET",
        url: `/api/seasons/${seasonId}/progress?orgId=${n.id}&level=${level}&asOf=${asOf}`,
        headers: { cookie },
      });
    }
    const fast: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s0 = performance.now();
      const r = await app.inject({
        method: "GET",
        url: `/api/seasons/${seasonId}/progress?orgId=${n.id}&level=${level}&asOf=${asOf}`,
        headers: { cookie },
      });
      if (r.statusCode !== 200) throw new Error(r.body);
      fast.push(performance.now() - s0);
    }
    const naive: number[] = [];
    const runs = n.label === "country" ? 3 : 10;
    let naiveResult = null;
    for (let i = 0; i < runs; i++) {
      const s0 = performance.now();
      naiveResult = await getProgressNaive(db, { seasonId, orgId: n.id, level, asOf });
      naive.push(performance.now() - s0);
    }
    const viaService = await getProgress(db, ALL_SCOPE, { seasonId, orgId: n.id, level, asOf });
    const same = viaService.ok && JSON.stringify(viaService.value) === JSON.stringify(naiveResult);
    const f = stats(fast);
    const nv = stats(naive);
    console.log(
      `${n.label.padEnd(10)} ${f.p50.toFixed(1).padStart(10)} ${f.p95.toFixed(1).padStart(11)} ${nv.p50.toFixed(1).padStart(11)} ${nv.p95.toFixed(1).padStart(11)} ${`${(nv.p50 / f.p50).toFixed(0)}×`.padStart(14)}  ${same ? "yes" : "NO"}`,
    );
  }
  console.log("\nTarget: p95 ≤ 50 ms for any node, ≥ 10× faster than the naive scan at country level.");
  await app.close();
} finally {
  await bench.close();
}
