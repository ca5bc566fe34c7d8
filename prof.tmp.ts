import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createDb } from "./src/db/client.ts";
import { migrateDb } from "./src/db/migrate.ts";
import { applyDemoReform2025, seedDemoProvince } from "./src/services/demo.ts";

const snap = "/tmp/timedemo/seeded.tar";
let database: Awaited<ReturnType<typeof createDb>>;
if (!existsSync(snap)) {
  database = await createDb({ kind: "pglite", dataDir: null });
  await migrateDb(database);
  const t0 = performance.now();
  await seedDemoProvince(database.db);
  console.log("seed", ((performance.now() - t0) / 1000).toFixed(1));
  writeFileSync(snap, new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer()));
} else {
  database = await createDb({ kind: "pglite", dataDir: null, loadDataDir: new Blob([readFileSync(snap)]) });
}
const stats = new Map<string, { n: number; ms: number }>();
for (const m of ["query", "exec"] as const) {
  const orig = (PGlite.prototype as any)[m];
  (PGlite.prototype as any)[m] = async function (this: unknown, q: string, ...rest: unknown[]) {
    const t = performance.now();
    try { return await orig.call(this, q, ...rest); } finally {
      const k = String(q).replace(/\s+/g, " ").trim().slice(0, 90);
      const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(k, s);
    }
  };
}
const origTx = (PGlite.prototype as any).transaction;
(PGlite.prototype as any).transaction = function (this: unknown, cb: (tx: any) => unknown) {
  return origTx.call(this, (tx: any) => {
    for (const m of ["query", "exec"]) {
      const o = tx[m].bind(tx);
      tx[m] = async (q: string, ...rest: unknown[]) => {
        const t = performance.now();
        try { return await o(q, ...rest); } finally {
          const k = String(q).replace(/\s+/g, " ").trim().slice(0, 100);
          const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(k, s);
        }
      };
    }
    return cb(tx);
  });
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await applyDemoReform2025(database.db);
const cpu = process.cpuUsage(cpu0); console.log("cpu s", ((cpu.user + cpu.system) / 1e6).toFixed(1));
console.log("apply", ((performance.now() - t0) / 1000).toFixed(2), "s", r.rows, r.organisationsChanged, r.figures.length);
const top = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
let total = 0, n = 0; for (const s of stats.values()) { total += s.ms; n += s.n; }
console.log("queries", n, "ms", total.toFixed(0));
for (const [k, s] of top) console.log(s.n, s.ms.toFixed(0), k);
