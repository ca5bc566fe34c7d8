/**
 * Exact comparisons of shares. A percentage typed from a report (44,5) becomes the fraction
 * 445/1000, so that "≥ 75%" and "+51,88 points" are decided on integers, never on floats that may
 * sit just below a boundary.
 */
import { formatPercent, type PercentRule } from "../format/number.ts";

export interface Fraction {
  readonly num: number;
  readonly den: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

export function reduce(f: Fraction): Fraction {
  const g = gcd(f.num, f.den);
  return { num: f.num / g, den: f.den / g };
}

/** A percentage with up to 6 decimals as the fraction of one it stands for: 44.5 → 89/200. */
export function percentToFraction(percent: number): Fraction {
  for (let k = 0; k <= 6; k++) {
    const scale = 10 ** k;
    const scaled = Math.round(percent * scale);
    if (Math.abs(percent * scale - scaled) < 1e-7) return reduce({ num: scaled, den: 100 * scale });
  }
  throw new Error(`percentage with more than 6 decimals: ${percent}`);
}

/** Sign of a − b, exactly. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a − b. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  const x = reduce(a);
  const y = reduce(b);
  const g = gcd(x.den, y.den);
  return reduce({ num: x.num * (y.den / g) - y.num * (x.den / g), den: (x.den / g) * y.den });
}

/** a / b; null when b is 0. */
export function divideFractions(a: Fraction, b: Fraction): Fraction | null {
  if (b.num === 0) return null;
  const x = reduce(a);
  const y = reduce(b);
  const g1 = gcd(x.num, y.num);
  const g2 = gcd(x.den, y.den);
  return reduce({ num: (x.num / g1) * (y.den / g2), den: (x.den / g2) * (y.num / g1) });
}

/** A change in percentage points with its sign: "+51,88 điểm %", "-0,50 điểm %", "0,00 điểm %". */
export function formatPoints(diff: Fraction, rule: PercentRule): string {
  const text = formatPercent(diff.num, diff.den, rule).replace(/%$/, " điểm %");
  return diff.num > 0 && !/^0(,0*)? /.test(text) ? `+${text}` : text;
}

/** A ratio of shares: "2,17 lần". */
export function formatTimes(ratio: Fraction, rule: PercentRule): string {
  // formatPercent gives num/den × 100; a hundredfold denominator leaves num/den itself.
  return formatPercent(ratio.num, ratio.den * 100, rule).replace(/%$/, " lần");
}
