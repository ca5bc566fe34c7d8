/**
 * Benchmark: 10 concurrent hostile uploads against the real app (issue 20, item 4): 1.000.000-row
 * .xlsx files (~18 MB), 1 MB zip bombs (1 GB inflated) and zips lying about their size, sent at
 * once by two users to the organisation and people imports. Prints the process's peak memory above
 * its resting level (target < 300 MB), the answers and the time, then checks the server still works.
 *
 *   node bench/hostile-uploads.ts            # PGlite in memory (add DATABASE_URL=… for PostgreSQL)
 */
import { performance } from "node:perf_hooks";
import { buildTestApp, loginAs, multipartFile, seedTestUsers } from "../test/app.ts";
import { seedSmallProvince } from "../test/factories.ts";
import { manyRowsXlsx, zipBombXlsx } from "../test/hostile-files.ts";

const h = await buildTestApp();
await seedSmallProvince(h.t.database.db);
await seedTestUsers(h.app);
const users = [await loginAs(h.app, "quantri"), await loginAs(h.app, "thanhtra.tinh")];
const files = {
  "1.000.000 dòng": await manyRowsXlsx(1_000_000),
  "bom zip 1 GB": await zipBombXlsx(1024),
  "kích thước khai sai": await zipBombXlsx(200, true),
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
for (const [name, f] of Object.entries(files)) console.log(`${name}: ${mb(f.length)} trên đường truyền`);
global.gc?.();
const resting = process.memoryUsage().rss;
let peak = resting;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const kinds = Object.values(files);
const t0 = performance.now();
const replies = await Promise.all(
  Array.from({ length: 10 }, (_, i) => {
    const m = multipartFile("file", "tep.xlsx", kinds[i % 3]!);
    const url = i % 2 === 0 ? "/api/orgs/import?dryRun=true" : "/api/people/import?dryRun=true";
    return h.app.inject({
      method: "POST",
      url,
      headers: { ...users[i % 2]!, ...m.headers },
      payload: m.payload,
    });
  }),
);
const ms = performance.now() - t0;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const tally = new Map<number, number>();
for (const r of replies) tally.set(r.statusCode, (tally.get(r.statusCode) ?? 0) + 1);
console.log(
  `10 tải lên cùng lúc: ${[...tally].map(([c, n]) => `${n}× ${c}`).join(", ")} trong ${(ms / 1000).toFixed(1)} s`,
);
console.log(`bộ nhớ: nghỉ ${mb(resting)}, đỉnh ${mb(peak)}, tăng ${mb(peak - resting)} (mục tiêu < 300 MB)`);
const health = await h.app.inject({ method: "GET", url: "/api/health" });
console.log(`máy chủ sau đó: /api/health ${health.statusCode}`);
await h.close();
if (health.statusCode !== 200 || peak - resting >= 300 * 1024 * 1024) process.exitCode = 1;
