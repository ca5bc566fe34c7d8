/**
 * Benchmark: the whole indicator catalog (24 built in) evaluated through the database path for
 * the demo province (~6.300 organisations, 8.745 people, 13.961 posts, the 2020 season) and for
 * one commune; and one indicator with its drill-down. Prints p50/p95 of each, and how the time
 * of the province's catalog splits between loading (SQL, after any write) and counting (the pure engine).
 * Target (issue 6): the catalog for any node ≤ 200 ms, one indicator ≤ 50 ms.
 *
 *   node bench/indicators.ts            # PGlite in memory
 *   DATABASE_URL=postgres://… node bench/indicators.ts
 */
import { performance } from "node:perf_hooks";
import { findSeasonByCode, listCongressesInSubtree } from "../src/db/repositories/congresses.ts";
import { loadIndicatorOrgs, loadIndicatorVillages } from "../src/db/repositories/indicators.ts";
import { findOrgByCode } from "../src/db/repositories/organisations.ts";
import { loadPeopleAndPostsInSubtree } from "../src/db/repositories/people.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import { DEMO_PEOPLE_AS_OF } from "../src/demo/index.ts";
import { evaluateCatalog, INDICATOR_CATALOG, indexIndicatorData } from "../src/domain/indicators/index.ts";
import { seedDemoProvince } from "../src/services/demo.ts";
import { drillIndicator, evaluateIndicators } from "../src/services/indicators/evaluate.ts";
import { createTestDatabase } from "../test/db.ts";

const RUNS = Number(process.env.RUNS ?? 15);
const t = await createTestDatabase();
const db = t.database.db;
const seeded = performance.now();
await seedDemoProvince(db);
console.log(`demo province seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

async function measure(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${label.padEnd(58)} p50 ${at(0.5).toFixed(0).padStart(5)} ms   p95 ${at(0.95).toFixed(0).padStart(5)} ms`,
  );
}

const province = (await findOrgByCode(db, ALL_SCOPE, "QN"))!;
const commune = (await findOrgByCode(db, ALL_SCOPE, "QN.HL.HONGGAI"))!;
const season = (await findSeasonByCode(db, "2020-2025"))!;
const q = (orgId: number) => ({ orgId, asOf: DEMO_PEOPLE_AS_OF });

await measure("catalog, province (unchanged data: index reused)", () =>
  evaluateIndicators(db, ALL_SCOPE, q(province.id)),
);
await measure("catalog, commune Hồng Gai (unchanged data)", () =>
  evaluateIndicators(db, ALL_SCOPE, q(commune.id)),
);
await measure("one indicator + drill-down page, province (unchanged)", () =>
  drillIndicator(db, ALL_SCOPE, {
    ...q(province.id),
    code: "coal_branch_secretary_heads_unit",
    side: "numerator",
    limit: 50,
    offset: 0,
  }),
);

// Where the province's time goes.
let data: Parameters<typeof indexIndicatorData>[0] | null = null;
await measure("  of which: loading the province (SQL, 4 queries)", async () => {
  const [orgs, villages, pp, congresses] = [
    await loadIndicatorOrgs(db, province.path),
    await loadIndicatorVillages(db, province.path),
    await loadPeopleAndPostsInSubtree(db, province.path),
    await listCongressesInSubtree(db, season.id, season.season.code, province.path),
  ];
  data = { orgs, villages, people: pp.people, posts: pp.posts, congresses: congresses.map((c) => c.record) };
});
const options = {
  scopePath: province.path,
  asOf: DEMO_PEOPLE_AS_OF,
  term: "2020–2025",
  seasonCode: season.season.code,
  members: false,
};
await measure("  of which: counting the catalog (pure engine, index built)", async () => {
  evaluateCatalog(INDICATOR_CATALOG, indexIndicatorData(data!), options);
});

await t.cleanup();
