/**
 * Scan counting benchmark (issue 18). Generates ballots of the 55-of-62 provincial list with the
 * synthetic scanner/phone generator, reads them, and compares with the ground truth:
 *   - wrong readings accepted without adjudication (goal 0 on 10.000 ballots),
 *   - share of row decisions made without adjudication (goal ≥ 99,9%),
 *   - reading speed in ballots per second per core (CPU time of the reading only; goal ≥ 10),
 *   - a 348-ballot count from scan to result (goal ≤ 5 minutes): reading on all workers, plus the
 *     counting committee's adjudications at an assumed 10 s each, plus the tally.
 * Run: `node_modules/.bin/node bench/scan.ts [ballots=10000] [workers=2]`. Generation is not timed
 * (it stands for the scanner) but takes most of the run.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { unwrap } from "../src/domain/basics/result.ts";
import type { Ballot } from "../src/domain/election/ballot.ts";
import { makeBallotSpec } from "../src/domain/election/ballot.ts";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS } from "../src/domain/election/rules.ts";
import { tallyBallots } from "../src/domain/election/tally.ts";
import { DEFAULT_PERCENT_RULE, formatNumber, formatPercent } from "../src/domain/format/number.ts";
import { interpretScores } from "../src/domain/scan/interpret.ts";
import { layoutBallot } from "../src/domain/scan/layout.ts";
import { PROVINCE_55_OF_62 } from "../src/io/scan/fixtures.ts";
import { loadWorkingImage, readBallotPage } from "../src/io/scan/read.ts";
import { generateScan } from "../src/io/scan/synthetic.ts";

interface Outcome {
  readonly seed: number;
  readonly status: string;
  readonly readCpuMs: number;
  readonly readWallMs: number;
  readonly rows: number;
  readonly rowsCertain: number;
  /** Rows read with certainty and wrongly. */
  readonly rowsWrongCertain: number;
  readonly adjudication: number;
  /** The ballot went through with no adjudication and differs from the truth. */
  readonly wrongAccepted: boolean;
  readonly truth: Ballot;
  readonly device: string;
}

const layout = layoutBallot(PROVINCE_55_OF_62);

const sameCrossOut = (a: Ballot, b: Ballot) =>
  a.kind === "cross-out" &&
  b.kind === "cross-out" &&
  [...a.crossedOut].sort((x, y) => x - y).join() === [...b.crossedOut].sort((x, y) => x - y).join() &&
  Boolean(a.addedName) === Boolean(b.addedName) &&
  Boolean(a.identifyingMark) === Boolean(b.identifyingMark);

interface Generated {
  readonly seed: number;
  readonly file: string;
  readonly truth: Ballot;
  readonly device: string;
}

async function generateOne(seed: number, dir: string): Promise<Generated> {
  const scan = await generateScan(layout, { seed, seats: PROVINCE_55_OF_62.seats });
  const file = join(dir, `${seed}.jpg`);
  await writeFile(file, scan.jpeg);
  return { seed, file, truth: scan.truth.ballot, device: scan.device };
}

async function readOne(g: Generated): Promise<Outcome> {
  const { seed } = g;
  const scan = { jpeg: await readFile(g.file), truth: { ballot: g.truth }, device: g.device };
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  const read = await readBallotPage(await loadWorkingImage(scan.jpeg), (code) =>
    code === layout.code.payload ? layout : { refused: "another list" },
  );
  const reading = read.status === "read" ? interpretScores("cross-out", read.scores) : null;
  const cpu = process.threadCpuUsage(cpu0);
  const readCpuMs = (cpu.user + cpu.system) / 1000;
  const readWallMs = performance.now() - t0;
  const truth = scan.truth.ballot;
  if (!reading)
    return {
      seed,
      status: read.status,
      readCpuMs,
      readWallMs,
      rows: 62,
      rowsCertain: 0,
      rowsWrongCertain: 0,
      adjudication: 1,
      wrongAccepted: false,
      truth,
      device: scan.device,
    };
  const crossed = new Set(truth.kind === "cross-out" ? truth.crossedOut : []);
  let rowsWrongCertain = 0;
  for (const r of reading.rows)
    if (r.certain && (r.reading === "crossed-out") !== crossed.has(r.position)) rowsWrongCertain++;
  // A stray mark is proposed as nothing: the committee decides. Accepted = nothing to adjudicate.
  const accepted = reading.adjudication.length === 0;
  return {
    seed,
    status: "read",
    readCpuMs,
    readWallMs,
    rows: reading.rows.length,
    rowsCertain: reading.rows.filter((r) => r.certain).length,
    rowsWrongCertain,
    adjudication: reading.adjudication.length,
    wrongAccepted: accepted && !sameCrossOut(reading.proposed, truth),
    truth,
    device: scan.device,
  };
}

if (!isMainThread) {
  const { seeds, items, dir } = workerData as { seeds?: number[]; items?: Generated[]; dir: string };
  for (const seed of seeds ?? []) parentPort!.postMessage(await generateOne(seed, dir));
  for (const item of items ?? []) parentPort!.postMessage(await readOne(item));
  parentPort!.postMessage(null);
} else {
  const total = Number(process.argv[2] ?? 10_000);
  const workers = Math.min(Number(process.argv[3] ?? 2), availableParallelism());
  const dir = await mkdtemp(join(tmpdir(), "daihoi-scan-bench-"));
  const started = performance.now();
  /** Runs one phase on `workers` threads, each given its share of `work`. */
  async function phase<T, R>(work: readonly T[], key: "seeds" | "items", label: string): Promise<R[]> {
    const results: R[] = [];
    await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const share = work.filter((_, i) => i % workers === w);
        return new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { [key]: share, dir } });
          worker.on("message", (m: R | null) => {
            if (m === null) {
              void worker.terminate();
              resolve();
              return;
            }
            results.push(m);
            if (results.length % 250 === 0)
              console.error(
                `${label} ${results.length}/${work.length} (${Math.round((performance.now() - started) / 1000)} s)`,
              );
          });
          worker.on("error", reject);
        });
      }),
    );
    return results;
  }
  const generated = await phase<number, Generated>(
    Array.from({ length: total }, (_, i) => 100_000 + i),
    "seeds",
    "generated",
  );
  // Reading alone is timed, on the process's CPU clock (worker threads and libvips threads included).
  const cpuBefore = process.cpuUsage();
  const readStarted = performance.now();
  const outcomes = await phase<Generated, Outcome>(
    [...generated].sort((a, b) => a.seed - b.seed),
    "items",
    "read",
  );
  const cpuRead = process.cpuUsage(cpuBefore);
  const readWallSeconds = (performance.now() - readStarted) / 1000;
  outcomes.sort((a, b) => a.seed - b.seed);
  await rm(dir, { recursive: true, force: true });
  const rows = outcomes.reduce((s, o) => s + o.rows, 0);
  const certain = outcomes.reduce((s, o) => s + o.rowsCertain, 0);
  const wrongCertainRows = outcomes.reduce((s, o) => s + o.rowsWrongCertain, 0);
  const wrongAccepted = outcomes.filter((o) => o.wrongAccepted);
  const adjudicated = outcomes.filter((o) => o.adjudication > 0).length;
  const unread = outcomes.filter((o) => o.status !== "read");
  const cpu = (cpuRead.user + cpuRead.system) / 1e6;
  const perCore = outcomes.length / cpu;
  const sortedWall = outcomes.map((o) => o.readWallMs).sort((a, b) => a - b);

  // A 348-ballot count: reading spread over the workers, 10 s per adjudicated ballot, then the tally.
  const count = outcomes.slice(0, 348);
  // Scaled to 348 ballots when the run was shorter: CPU seconds and adjudications per ballot.
  const readSeconds = ((348 / outcomes.length) * cpu) / workers;
  const adjudications = Math.round((348 / count.length) * count.filter((o) => o.adjudication > 0).length);
  const spec = makeBallotSpec(62, 55, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
  const t = performance.now();
  unwrap(
    tallyBallots(
      count.map((o) => o.truth),
      spec,
    ),
  );
  const tallySeconds = (performance.now() - t) / 1000;
  const countSeconds = readSeconds + adjudications * 10 + tallySeconds;

  const pct = (n: number, d: number) => formatPercent(n, d, { ...DEFAULT_PERCENT_RULE, decimals: 3 });
  console.log(
    `Ballots: ${formatNumber(outcomes.length)} of a 55-of-62 list (${workers} workers), ${formatNumber(outcomes.filter((o) => o.device === "phone").length)} phone photos`,
  );
  console.log(
    `Wrong readings accepted without adjudication: ${formatNumber(wrongAccepted.length)} (goal 0)${
      wrongAccepted.length
        ? ` seeds ${wrongAccepted
            .slice(0, 10)
            .map((o) => o.seed)
            .join(", ")}`
        : ""
    }`,
  );
  console.log(`Row decisions read with certainty but wrong: ${formatNumber(wrongCertainRows)}`);
  console.log(
    `Row decisions made without adjudication: ${pct(certain, rows)} of ${formatNumber(rows)} (goal ≥ 99,9%)`,
  );
  console.log(
    `Ballots sent to adjudication: ${formatNumber(adjudicated)} (${pct(adjudicated, outcomes.length)}); unreadable: ${formatNumber(unread.length)}`,
  );
  console.log(
    `Reading speed: ${perCore.toFixed(1).replace(".", ",")} ballots/s per core (process CPU time over the reading phase, ${cpu.toFixed(0)} s; goal ≥ 10); reading phase wall ${readWallSeconds.toFixed(0)} s; per ballot wall p50 ${Math.round(sortedWall[Math.floor(sortedWall.length / 2)] ?? 0)} ms, p90 ${Math.round(sortedWall[Math.floor(sortedWall.length * 0.9)] ?? 0)} ms on a shared machine`,
  );
  console.log(
    `348-ballot count: reading ${readSeconds.toFixed(1).replace(".", ",")} s on ${workers} cores + ${formatNumber(adjudications)} adjudications × 10 s + tally ${(tallySeconds * 1000).toFixed(1).replace(".", ",")} ms = ${(countSeconds / 60).toFixed(1).replace(".", ",")} min (goal ≤ 5 min)`,
  );
  console.log(`Total run: ${Math.round((performance.now() - started) / 1000)} s`);
}
