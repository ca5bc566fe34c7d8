/**
 * Benchmark: import a whole province's organisation tree (.xlsx, ~5.700 organisations and 1.544
 * villages: the demo province written through the export format) into a fresh database.
 * Target (issue 2): a 6.000-organisation province in under 10 s on PGlite.
 *
 *   node bench/import-orgs.ts            # PGlite in memory
 *   DATABASE_URL=postgres://… node bench/import-orgs.ts
 */
import { performance } from "node:perf_hooks";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { generateDemoProvince } from "../src/demo/index.ts";
import { writeOrgExport } from "../src/io/excel/org-sheet.ts";
import { importOrgFile } from "../src/services/org-files.ts";
import { loadHierarchy } from "../src/services/organisations/common.ts";
import { createTestDatabase } from "../test/db.ts";

const { orgRows } = generateDemoProvince();
const t = await createTestDatabase();
const hierarchy = await loadHierarchy(t.database.db);
const file = await writeOrgExport(
  orgRows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    sector: r.sector ?? null,
    parentCode: r.parentCode ?? null,
    villageCode: r.villageCode ?? null,
    villageName: r.villageName ?? null,
    villageKind: r.villageKind ?? null,
  })),
  hierarchy,
);

const t0 = performance.now();
const result = await importOrgFile(
  t.database.db,
  SYSTEM_ACTOR,
  { name: "tinh.xlsx", data: file },
  { dryRun: false },
);
const elapsed = performance.now() - t0;
if (!result.ok) throw new Error(result.error.message);

const t1 = performance.now();
const again = await importOrgFile(
  t.database.db,
  SYSTEM_ACTOR,
  { name: "tinh.xlsx", data: file },
  { dryRun: false },
);
const elapsedAgain = performance.now() - t1;

console.log(`engine: ${t.database.engine}`);
console.log(`file: ${(file.byteLength / 1024).toFixed(0)} KiB, ${orgRows.length} rows`);
console.log(
  `import (read + plan + write + audit): ${(elapsed / 1000).toFixed(2)} s — created ${result.value.created}, villages ${result.value.villages}`,
);
console.log(
  `re-import of the same file (no changes): ${(elapsedAgain / 1000).toFixed(2)} s — unchanged ${again.ok ? again.value.unchanged : "?"}`,
);
console.log(`target: < 10 s on PGlite → ${elapsed < 10_000 ? "met" : "NOT met"}`);
await t.cleanup();
