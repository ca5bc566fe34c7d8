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
import pg from "pg";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { createDb } from "../src/db/client.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import { generateDemoProvince, generateDemoSeason2020 } from "../src/demo/index.ts";
import { buildServer } from "../src/server/app.ts";
import { FULL_ACCESS } from "../src/services/access.ts";
import { createUser, DEFAULT_AUTH_POLICY } from "../src/services/accounts.ts";
import {
  createSeason,
  getProgress,
  getProgressNaive,
  insertSeasonCongresses,
} from "../src/services/congresses.ts";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL (a PostgreSQL server) is required: this benchmark measures the server engine.");
  process.exit(1);
}
const PROVINCES = Number(process.argv[2] ?? 63);
const reuse = process.env.BENCH_DB;
const name = reuse ?? `daihoi_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
if (!reuse) await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await createDb({ kind: "postgres", url: url.toString() });
const db = database.db;
const t = (label: string, t0: number) =>
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

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
    console.log(`Building a country of ${PROVINCES} provinces…`);
    let t0 = performance.now();
    // Levels are data: a national root above the provinces is one row.
    await db.execute(
      sql`insert into org_level (code, name, rank, allowed_parents, is_grassroots) values ('country', 'Toàn quốc', -1, '{}', false)`,
    );
    await db.execute(sql`update org_level set allowed_parents = '{country}' where code = 'province'`);
    await db.execute(
      sql`insert into org_kind (code, name, family) values ('country', 'Quốc gia', 'territorial')`,
    );

    type Row = {
      id: number;
      code: string;
      name: string;
      searchName: string;
      level: string;
      kind: string;
      sector: string | null;
      parentId: number | null;
      path: string;
      depth: number;
    };
    const rows: Row[] = [
      {
        id: 1,
        code: "VN",
        name: "Toàn quốc",
        searchName: "toan quoc",
        level: "country",
        kind: "country",
        sector: null,
        parentId: null,
        path: "1",
        depth: 0,
      },
    ];
    const idOf = new Map<string, Row>([["VN", rows[0]!]]);
    const congressesByProvince: { prefix: string; season: ReturnType<typeof generateDemoSeason2020> }[] = [];
    for (let p = 1; p <= PROVINCES; p++) {
      const prefix = `P${String(p).padStart(2, "0")}`;
      const province = generateDemoProvince({ seed: p });
      for (const r of province.orgRows) {
        const parent = idOf.get(r.parentCode ? `${prefix}.${r.parentCode}` : "VN")!;
        const id = rows.length + 1;
        const row: Row = {
          id,
          code: `${prefix}.${r.code}`,
          name: r.level === "province" ? `${r.name} (${prefix})` : r.name,
          searchName: r.name.toLowerCase(),
          level: r.level,
          kind: r.kind,
          sector: r.sector ?? null,
          parentId: parent.id,
          path: `${parent.path}.${id}`,
          depth: parent.depth + 1,
        };
        rows.push(row);
        idOf.set(row.code, row);
      }
      congressesByProvince.push({ prefix, season: generateDemoSeason2020(province, { seed: p }) });
    }
    for (let i = 0; i < rows.length; i += 20_000) {
      await db.execute(sql`
      insert into organisation (id, code, name, search_name, level_code, kind_code, sector, parent_id, path, depth)
      select x.id, x.code, x.name, x."searchName", x.level, x.kind, x.sector, x."parentId", x.path::ltree, x.depth
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + 20_000))}::json)
        as x(id int, code text, name text, "searchName" text, level text, kind text, sector text, "parentId" int, path text, depth int)`);
    }
    await db.execute(sql`select setval(pg_get_serial_sequence('organisation', 'id'), ${rows.length})`);
    t(`${rows.length.toLocaleString("vi-VN")} organisations`, t0);

    t0 = performance.now();
    const demoSeason = congressesByProvince[0]!.season.season;
    const created = await createSeason(db, SYSTEM_ACTOR, { ...demoSeason, pilotOrgIds: [] }, 1);
    if (!created.ok) throw new Error(created.error.message);
    const records = congressesByProvince.flatMap(({ prefix, season }) =>
      season.congresses.map((c) => ({ ...c, orgId: idOf.get(`${prefix}.${c.orgId}`)!.id })),
    );
    await db.transaction((tx) => insertSeasonCongresses(tx, SYSTEM_ACTOR, created.value, records));
    t(`${records.length.toLocaleString("vi-VN")} congresses, their audit entries and the roll-up`, t0);
    // What autovacuum does after a bulk load: visibility map and statistics, so index-only scans stay index-only.
    await db.execute(sql`vacuum analyze`);
    for (const [code, row] of idOf) ids.set(code, row.id);
    return created.value;
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
  await database.close();
  if (process.env.KEEP_BENCH_DB || reuse) console.log(`kept database ${name}`);
  else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
