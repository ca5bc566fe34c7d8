/**
 * Benchmark (issue 15): a whole-country reorganisation mid-season on PostgreSQL. Builds the
 * 63-province country of `bench/progress.ts` (~358.000 organisations, the 2020 season's
 * congresses), then applies a plan shaped like the 2025 reform on REFORM_DAY (mid-season): in
 * every province, the commune-level committees of each territorial district merge three by three
 * into new units directly under the province (about 11.000 into about 3.700), the district's other
 * organisations move under the province, and the district committee ends — the district level of
 * localities is gone. Quảng Ninh's plan (one province) is applied and timed first, then the rest of
 * the country as one plan.
 *
 * Then congress progress (the service the route calls) for the country, a province and a commune,
 * as of a day before and a day after the reform, p50 / p95, next to the naive computation over the
 * dated rows, and whether both give the same figures.
 * Targets: national plan ≤ 60 s, Quảng Ninh's ≤ 5 s; progress p95 ≤ 50 ms, same figures.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/reorganisation-national.ts [provinces]
 *
 * KEEP_BENCH_DB=1 keeps the built database.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import type { ReorgRow } from "../src/domain/organisation/reorganisation.ts";
import { getProgress, getProgressNaive } from "../src/services/congresses/index.ts";
import { applyReorganisationPlan } from "../src/services/reorganisation/plan.ts";
import { buildCountry, openBenchDatabase } from "./national.ts";

const PROVINCES = Number(process.argv[2] ?? 63);
const REFORM_DAY = "2020-04-01";
const BEFORE = "2020-03-31";
const AFTER = "2020-06-30";
const RUNS = Number(process.env.RUNS ?? 40);
const COMMUNE_KINDS = new Set(["ward", "township", "commune"]);
const bench = await openBenchDatabase();
const { database, db } = bench;

type Row = { id: number; code: string; level: string; kind: string; parent: string };

/** The plan for the given provinces (codes "P07.QN"). */
async function planFor(provinceCodes: readonly string[]): Promise<ReorgRow[]> {
  const rows: ReorgRow[] = [];
  let n = 0;
  const row = (r: Omit<ReorgRow, "rowNumber" | "day">): void => {
    rows.push({ rowNumber: ++n + 1, day: REFORM_DAY, ...r });
  };
  const empty = { newCode: null, newParentCode: null, newName: null, level: null, kind: null, reason: null };
  for (const province of provinceCodes) {
    const orgs = (
      (await db.execute(sql`
        select o.id, o.code, o.level_code as level, o.kind_code as kind, p.code as parent
          from organisation o join organisation p on p.id = o.parent_id
         where p.parent_id = (select id from organisation where code = ${province})
            or p.code = ${province}`)) as unknown as { rows: Row[] }
    ).rows;
    const districts = orgs.filter(
      (o) => o.parent === province && orgs.some((c) => c.parent === o.code && COMMUNE_KINDS.has(c.kind)),
    );
    for (const d of districts) {
      const children = orgs.filter((c) => c.parent === d.code).sort((a, b) => (a.code < b.code ? -1 : 1));
      const communes = children.filter(
        (c) => c.level === "grassroots_committee" && COMMUNE_KINDS.has(c.kind),
      );
      for (let i = 0; i < communes.length; i += 3) {
        const group = communes.slice(i, i + 3);
        const newCode = `${group[0]!.code}-M`;
        for (const [j, c] of group.entries()) {
          row({
            ...empty,
            operation: "merge",
            code: c.code,
            newCode,
            ...(j === 0
              ? {
                  newParentCode: province,
                  newName: `Đảng bộ ${group[0]!.kind === "ward" ? "phường" : "xã"} mới ${newCode}`,
                  level: "grassroots_committee",
                  kind: group[0]!.kind,
                }
              : {}),
          });
        }
      }
      for (const c of children)
        if (!communes.includes(c))
          row({ ...empty, operation: "move", code: c.code, newParentCode: province });
      row({ ...empty, operation: "dissolve", code: d.code, reason: "Kết thúc hoạt động cấp huyện" });
    }
  }
  return rows;
}

async function apply(label: string, rows: readonly ReorgRow[]) {
  const t0 = performance.now();
  const r = await applyReorganisationPlan(db, SYSTEM_ACTOR, "Phương án", rows, { dryRun: false });
  const s = (performance.now() - t0) / 1000;
  if (!r.ok) throw new Error(r.error.map((e) => `dòng ${e.row}: ${e.message}`).join("; "));
  console.log(
    `${label.padEnd(58)} ${s.toFixed(1).padStart(7)} s  (${rows.length.toLocaleString("vi-VN")} rows, ${r.value.organisationsChanged.toLocaleString("vi-VN")} organisations)`,
  );
  return s;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p95: q(0.95) };
};

try {
  await migrateDb(database);
  const country = await buildCountry(db, { provinces: PROVINCES });
  const seasonId = country.seasonId;
  const sample = `P${String(Math.min(7, PROVINCES)).padStart(2, "0")}.QN`;
  const provinces = [...country.ids.keys()].filter((c) => /^P\d\d\.QN$/.test(c));
  const idOf = async (code: string) =>
    (
      (await db.execute(sql`select id from organisation where code = ${code}`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows[0]!.id;

  console.log(`\nReorganisation on ${REFORM_DAY} (mid-season):`);
  const quangNinh = await planFor([sample]);
  const qn = await apply(`Quảng Ninh (${sample}) alone`, quangNinh);
  const rest = await planFor(provinces.filter((p) => p !== sample));
  const national = await apply(`the other ${provinces.length - 1} provinces as one plan`, rest);
  const counts = (
    (await db.execute(sql`select
        (select count(*) from organisation where level_code = 'district_level' and dissolved_on = ${REFORM_DAY}::date)::int as districts,
        (select count(*) from organisation where code like '%-M')::int as merged,
        (select count(*) from organisation_succession)::int as links`)) as unknown as {
      rows: { districts: number; merged: number; links: number }[];
    }
  ).rows[0]!;
  console.log(
    `  ${counts.districts.toLocaleString("vi-VN")} district committees ended; ${counts.links.toLocaleString("vi-VN")} commune-level units merged into ${counts.merged.toLocaleString("vi-VN")}`,
  );
  console.log(
    `  whole country: ${(qn + national).toFixed(1)} s (target ≤ 60 s); Quảng Ninh: ${qn.toFixed(1)} s (target ≤ 5 s)`,
  );

  const nodes = [
    { label: "country", before: 1, after: 1 },
    { label: "province", before: await idOf(sample), after: await idOf(sample) },
    {
      label: "commune",
      before: await idOf(`${sample}.HL.HONGGAI`),
      // The unit Hồng Gai merged into.
      after: (
        (await db.execute(sql`select successor_id as id from organisation_succession
           where predecessor_id = (select id from organisation where code = ${`${sample}.HL.HONGGAI`})`)) as unknown as {
          rows: { id: number }[];
        }
      ).rows[0]!.id,
    },
  ];
  const level = "grassroots";
  console.log(`\nProgress, level "${level}" (ms):`);
  console.log("node       day          p50      p95   naive p50   same figures");
  for (const n of nodes) {
    for (const [asOf, orgId] of [
      [BEFORE, n.before],
      [AFTER, n.after],
    ] as const) {
      const req = { seasonId, orgId, level: n.label === "commune" ? "branch" : level, asOf };
      for (let i = 0; i < 5; i++) await getProgress(db, ALL_SCOPE, req);
      const fast: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = await getProgress(db, ALL_SCOPE, req);
        if (!r.ok) throw new Error(r.error.message);
        fast.push(performance.now() - t0);
      }
      const naive: number[] = [];
      let naiveResult = null;
      for (let i = 0; i < (n.label === "country" ? 2 : 5); i++) {
        const t0 = performance.now();
        naiveResult = await getProgressNaive(db, req);
        naive.push(performance.now() - t0);
      }
      const r = await getProgress(db, ALL_SCOPE, req);
      const same = r.ok && JSON.stringify(r.value) === JSON.stringify(naiveResult);
      const f = stats(fast);
      console.log(
        `${n.label.padEnd(10)} ${asOf}  ${f.p50.toFixed(1).padStart(7)}  ${f.p95.toFixed(1).padStart(7)}  ${stats(naive).p50.toFixed(1).padStart(10)}   ${same ? "yes" : "NO"}`,
      );
    }
  }
  console.log(
    "\nTarget: progress p95 ≤ 50 ms for the country, a province and a commune, the same figures as the naive computation.",
  );
} finally {
  await bench.close();
}
