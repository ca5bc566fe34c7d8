/**
 * Tally speed: 400 ballots × 60 candidates (a large congress) and 100.000 ballots × 60 candidates
 * (target ≤ 100 ms, issue 5). Run with `node_modules/.bin/node bench/tally.ts`; prints p50 and
 * p90 over several runs after a warm-up, excluding the time to build the ballots.
 */
import { unwrap } from "../src/domain/basics/result.ts";
import { type CrossOutBallot, makeBallotSpec } from "../src/domain/election/ballot.ts";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS } from "../src/domain/election/rules.ts";
import { tallyBallots } from "../src/domain/election/tally.ts";

const CANDIDATES = 60;
const SEATS = 46; // surplus 14 ≤ 30%

/** Deterministic pseudo-random ballots: each crosses out 14–20 names; about 1% are spoilt. */
function makeBallots(count: number, seed: number): CrossOutBallot[] {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const positions = Array.from({ length: CANDIDATES }, (_, i) => i + 1);
  const out: CrossOutBallot[] = [];
  for (let b = 0; b < count; b++) {
    const k = 14 + Math.floor(next() * 7);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(next() * (CANDIDATES - i));
      [positions[i], positions[j]] = [positions[j]!, positions[i]!];
    }
    const spoilt = next() < 0.01;
    out.push({ kind: "cross-out", crossedOut: positions.slice(0, k), identifyingMark: spoilt || undefined });
  }
  return out;
}

function measure(label: string, count: number, runs: number): void {
  const ballots = makeBallots(count, count);
  const spec = makeBallotSpec(CANDIDATES, SEATS, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
  for (let i = 0; i < 3; i++) unwrap(tallyBallots(ballots, spec));
  const times: number[] = [];
  let valid = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    valid = unwrap(tallyBallots(ballots, spec)).valid;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${label}: p50 ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms over ${runs} runs (${valid} valid)`,
  );
}

measure("tallyBallots   400 ballots × 60 candidates", 400, 200);
measure("tallyBallots 100.000 ballots × 60 candidates", 100_000, 21);
