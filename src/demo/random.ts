/**
 * A small seeded PRNG for the demo generator. `Math.random` is never used: the same seed must give
 * byte-identical demo data on every machine, so that tests, screenshots and bug reports agree.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: 32-bit state, good enough spread for synthetic data, and trivially portable. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/**
 * Splits `total` into one integer per weight, each at least `min` and at most `max`, summing to
 * exactly `total`. Weights are jittered by ±`jitter` so a seed changes the spread but never the
 * total: the demo's published counts (BRIEF §5) must hold for every seed.
 */
export function allocate(
  total: number,
  weights: readonly number[],
  random: Random,
  options: { readonly min?: number; readonly max?: number; readonly jitter?: number } = {},
): number[] {
  const min = options.min ?? 0;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const jitter = options.jitter ?? 0.3;
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new Error(`cannot allocate ${total} over no slots`);
    return [];
  }
  if (total < n * min || total > n * max)
    throw new Error(`cannot allocate ${total} over ${n} slots in [${min}, ${max}]`);
  const out = new Array<number>(n).fill(min);
  const jittered = weights.map((w) => w * (1 - jitter + 2 * jitter * random.next()));
  let rest = total - n * min;
  // Proportional shares, floored, then one at a time to the slots with the largest remainder.
  // Slots at `max` drop out and their share goes round again.
  while (rest > 0) {
    const open = out.map((_, i) => i).filter((i) => out[i]! < max);
    const sum = open.reduce((s, i) => s + jittered[i]!, 0);
    const exact = open.map((i) => ({ i, share: sum > 0 ? (rest * jittered[i]!) / sum : rest / open.length }));
    let given = 0;
    for (const { i, share } of exact) {
      const add = Math.min(Math.floor(share), max - out[i]!);
      out[i]! += add;
      given += add;
    }
    rest -= given;
    if (rest === 0) break;
    const byRemainder = exact
      .filter(({ i }) => out[i]! < max)
      .sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || a.i - b.i);
    for (const { i } of byRemainder) {
      if (rest === 0) break;
      out[i]! += 1;
      rest -= 1;
    }
  }
  return out;
}
