/**
 * Benchmark (issue 6): the structure indicators at national scale on PostgreSQL — 63 provinces
 * shaped like the demo province (~358.000 organisations, ~551.000 people holding ~880.000 posts)
 * and party members without posts up to ~5 million people. Measures through the service (what the
 * route calls) the whole catalog and one indicator for the country (read from the roll-up), a
 * province and a commune (loaded), p50 and p95; the first count of the roll-up; the country after
 * a write in one province (one province counted again); and checks that the country's figures are
 * the sum of its provinces'.
 * Target (issue 15): the whole catalog for the country, a province and a commune p95 ≤ 50 ms,
 * including the first request after a write and on a new database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/indicators-national.ts [provinces] [people]
 *
 * KEEP_BENCH_DB=1 keeps the built database; BENCH_DB=<name> measures an existing one again.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import type { IndicatorQuery } from "../src/services/indicators/context.ts";
import { evaluateIndicators, warmIndicatorRollups } from "../src/services/indicators/evaluate.ts";
import { endPost } from "../src/services/people.ts";
import { buildCountry, openBenchDatabase } from "./national.ts";

const PROVINCES = Number(process.argv[2] ?? 63);
const PEOPLE = Number(process.argv[3] ?? 5_000_000);
const RUNS = Number(process.env.RUNS ?? 20);
const bench = await openBenchDatabase();
const { database, db, reuse } = bench;
const asOf = "2020-07-31";
const one = ["coal_branch_secretary_heads_unit"];

const idOfCode = async (code: string) =>
  (
    (await db.execute(sql`select id from organisation where code = ${code}`)) as unknown as {
      rows: { id: number }[];
    }
  ).rows[0]!.id;

async function evaluate(q: IndicatorQuery) {
  const r = await evaluateIndicators(db, ALL_SCOPE, q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function measure(label: string, fn: (i: number) => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${label.padEnd(64)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`,
  );
}

async function once(label: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  console.log(`${label.padEnd(64)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
}

try {
  await migrateDb(database);
  if (!reuse) await buildCountry(db, { provinces: PROVINCES, people: true, totalPeople: PEOPLE });
  const counts = (
    (await db.execute(sql`select (select count(*) from organisation)::int as orgs,
      (select count(*) from person)::int as people, (select count(*) from post)::int as posts`)) as unknown as {
      rows: { orgs: number; people: number; posts: number }[];
    }
  ).rows[0]!;
  console.log(
    `\n${counts.orgs.toLocaleString("vi-VN")} organisations, ${counts.people.toLocaleString("vi-VN")} people, ${counts.posts.toLocaleString("vi-VN")} posts; as of ${asOf}\n`,
  );
  const country = 1;
  const sample = `P${String(Math.min(7, PROVINCES)).padStart(2, "0")}`;
  const province = await idOfCode(`${sample}.QN`);
  const commune = await idOfCode(`${sample}.QN.HL.HONGGAI`);

  // A new database: the roll-up is counted with the load (as after a bulk import), not by the first request.
  if (!reuse)
    await once("load: roll-up counted for every province (once, after the bulk load)", () =>
      warmIndicatorRollups(db),
    );
  await once("country: first request on the new database", () => evaluate({ orgId: country, asOf }));
  await measure("country: whole catalog", () => evaluate({ orgId: country, asOf }));
  const days = ["2019-06-01", "2020-01-19", "2020-05-31", "2021-03-15", "2023-12-31"];
  await measure("country: whole catalog, a different day each time", (i) =>
    evaluate({ orgId: country, asOf: days[i % days.length]! }),
  );
  await measure("country: one indicator", () => evaluate({ orgId: country, asOf, codes: one }));

  await once("province: first load of its data", () => evaluate({ orgId: province, asOf }));
  await measure("province: whole catalog (data loaded)", () => evaluate({ orgId: province, asOf }));
  await measure("province: one indicator", () => evaluate({ orgId: province, asOf, codes: one }));
  await once("commune: first load of its data", () => evaluate({ orgId: commune, asOf }));
  await measure("commune: whole catalog", () => evaluate({ orgId: commune, asOf }));
  await measure("commune: one indicator", () => evaluate({ orgId: commune, asOf, codes: one }));

  // A write in one province: the country counts that province again, and only it.
  const post = (
    (await db.execute(sql`select p.id from post p join organisation o on o.id = p.org_id
       where p.kind = 'secretary' and p.end_on is null and p.start_on < '2020-07-01' and o.path <@ (select path from organisation where id = ${province})
       limit 1`)) as unknown as { rows: { id: number }[] }
  ).rows[0]!;
  const ended = await endPost(db, SYSTEM_ACTOR, ALL_SCOPE, post.id, "2020-07-01");
  if (!ended.ok) throw new Error(ended.error.message);
  await once("country: first request after a write in one province (counted again)", () =>
    evaluate({ orgId: country, asOf }),
  );
  await once("province: first request after that write (loaded again)", () =>
    evaluate({ orgId: province, asOf }),
  );
  await once("commune: first request after that write (loaded again)", () =>
    evaluate({ orgId: commune, asOf }),
  );
  await measure("country: whole catalog", () => evaluate({ orgId: country, asOf }));

  // The country's figures are its provinces' (checked on a sample of provinces against the loaded path).
  const whole = await evaluate({ orgId: country, asOf });
  let same = true;
  for (const row of whole.rows) {
    if (!row.value) continue;
    const child = row.value.byChild.find((c) => c.orgId === province);
    const loaded = (await evaluate({ orgId: province, asOf, codes: [row.entry.def.code] })).rows[0]!.value!;
    const sum = row.value.byChild.reduce((s, c) => s + c.denominator, 0);
    if (
      sum !== row.value.denominator ||
      (child?.numerator ?? 0) !== loaded.numerator ||
      (child?.denominator ?? 0) !== loaded.denominator
    ) {
      same = false;
      console.log(`  differs: ${row.entry.def.code}`);
    }
  }
  const coal = whole.rows.find((r) => r.entry.def.code === one[0])!.value!;
  console.log(`\ncoal-sector branch secretaries heading their unit, country: ${coal.ratioText}`);
  console.log(`country = sum of provinces, ${sample} as loaded: ${same ? "yes" : "NO"}`);
  console.log(
    "Target (issue 15): the whole catalog for the country, a province and a commune p95 ≤ 50 ms, including the first request after a write and on a new database.",
  );
} finally {
  await bench.close();
}
