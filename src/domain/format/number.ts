/**
 * Vietnamese number, percentage and date formatting. Vietnamese uses "." to group thousands
 * ("4.925") and "," as the decimal separator ("96,35%").
 *
 * Percentages are computed from counts with exact integer arithmetic so that the rounding rule
 * (a setting: published figures are sometimes truncated) is applied to the true value, not to a
 * binary float that may sit just below a half.
 */

export type RoundingMode = "half-up" | "half-even" | "truncate";

export interface PercentRule {
  /** Number of decimals shown. */
  readonly decimals: number;
  readonly mode: RoundingMode;
  /** Drop trailing zeros after the comma ("45,20%" → "45,2%"). */
  readonly trimZeros: boolean;
}

/** The report setting by default: two decimals, half-up (BRIEF §5). */
export const DEFAULT_PERCENT_RULE: PercentRule = { decimals: 2, mode: "half-up", trimZeros: false };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 4925 → "4.925"; 1234.5 → "1.234,5". */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const fixed = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const [intPart = "0", fracPart] = fixed.split(".");
  const body = groupThousands(intPart) + (fracPart ? `,${fracPart}` : "");
  return negative ? `-${body}` : body;
}

/**
 * Rounds numerator/denominator × 100 to `decimals` places with the given mode, exactly.
 * Returns the scaled integer (e.g. 9635 for 96,35% with 2 decimals) and its sign.
 */
export function roundRatio(numerator: number, denominator: number, rule: PercentRule): bigint {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    throw new Error(`roundRatio needs integer counts, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) throw new Error("roundRatio: denominator is 0");
  const scale = 10n ** BigInt(rule.decimals);
  let num = BigInt(numerator) * 100n * scale;
  let den = BigInt(denominator);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const absNum = negative ? -num : num;
  const q = absNum / den;
  const r = absNum % den;
  let rounded = q;
  switch (rule.mode) {
    case "truncate":
      break;
    case "half-up":
      if (r * 2n >= den) rounded = q + 1n;
      break;
    case "half-even":
      if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) rounded = q + 1n;
      break;
  }
  return negative ? -rounded : rounded;
}

function formatScaled(scaled: bigint, decimals: number, trimZeros: boolean): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const s = abs.toString().padStart(decimals + 1, "0");
  const intPart = s.slice(0, s.length - decimals);
  let frac = decimals > 0 ? s.slice(s.length - decimals) : "";
  if (trimZeros) frac = frac.replace(/0+$/, "");
  const body = groupThousands(intPart) + (frac ? `,${frac}` : "");
  return negative ? `-${body}` : body;
}

/**
 * A share rounded by the rule, except that it never reads 100% unless it is all, nor 0% unless it
 * is none (issue 17: 1.543/1.544 printed "(100%)"). In those two bands the share gets one more
 * decimal and is rounded towards the middle: down below 100 (99,9%), up above 0 (0,1%), so the
 * printed figure always sits strictly between 0 and 100. Returns the scaled integer and the
 * decimals it is scaled by. Applies only to shares (0 ≤ numerator ≤ denominator); a signed
 * difference or a ratio above one is rounded by the rule alone.
 */
export function roundShare(
  numerator: number,
  denominator: number,
  rule: PercentRule,
): { readonly scaled: bigint; readonly decimals: number } {
  const scaled = roundRatio(numerator, denominator, rule);
  const isShare = denominator > 0 && numerator >= 0 && numerator <= denominator;
  if (!isShare) return { scaled, decimals: rule.decimals };
  const hundred = 100n * 10n ** BigInt(rule.decimals);
  const decimals = rule.decimals + 1;
  if (scaled === hundred && numerator < denominator) {
    return { scaled: roundRatio(numerator, denominator, { ...rule, decimals, mode: "truncate" }), decimals };
  }
  if (scaled === 0n && numerator > 0) {
    // Rounded up: the exact value is above 0, so the ceiling at one more decimal is at least 1.
    const down = roundRatio(numerator, denominator, { ...rule, decimals, mode: "truncate" });
    const exact = down * BigInt(denominator) === BigInt(numerator) * 100n * 10n ** BigInt(decimals);
    return { scaled: exact ? down : down + 1n, decimals };
  }
  return { scaled, decimals: rule.decimals };
}

/**
 * 871/904 → "96,35%"; 1.543/1.544 with no decimals → "99,9%" (never "100%" unless all, see
 * roundShare). A zero denominator has no percentage: "–". The one rule for every printed share.
 */
export function formatPercent(
  numerator: number,
  denominator: number,
  rule: PercentRule = DEFAULT_PERCENT_RULE,
): string {
  if (denominator === 0) return "–";
  const { scaled, decimals } = roundShare(numerator, denominator, rule);
  return `${formatScaled(scaled, decimals, rule.trimZeros)}%`;
}

/**
 * A share as a spreadsheet cell: the exact fraction (0,9635…) with a percent number format
 * ("0.00%"), never text. Spreadsheets round half-up for display, so a share in the 0%/100% band
 * gets as many decimals as it needs for the cell never to show 100% (or 0%) unless it is all
 * (or none). A zero denominator has no share: null.
 */
export function percentCell(
  numerator: number,
  denominator: number,
  rule: PercentRule = DEFAULT_PERCENT_RULE,
): { readonly value: number | null; readonly numFmt: string } {
  const fmt = (d: number) => (d === 0 ? "0%" : `0.${"0".repeat(d)}%`);
  if (denominator === 0) return { value: null, numFmt: fmt(rule.decimals) };
  let decimals = rule.decimals;
  const isShare = numerator >= 0 && numerator <= denominator;
  const half: PercentRule = { decimals, mode: "half-up", trimZeros: false };
  while (isShare && decimals < rule.decimals + 8) {
    const scaled = roundRatio(numerator, denominator, { ...half, decimals });
    const hundred = 100n * 10n ** BigInt(decimals);
    if ((scaled === hundred && numerator < denominator) || (scaled === 0n && numerator > 0)) decimals++;
    else break;
  }
  return { value: numerator / denominator, numFmt: fmt(decimals) };
}

/** A percentage already held as a number (e.g. a baseline typed from an old report): 20.2 → "20,2%". */
export function formatPercentValue(value: number, rule: PercentRule = DEFAULT_PERCENT_RULE): string {
  // Scale to an integer first; values typed from reports carry few decimals, so this is exact enough.
  const scaledTimes1e6 = Math.round(value * 1e6);
  return formatPercent(scaledTimes1e6, 100 * 1e6, rule);
}

/** "4.925/4.925 (100%)": the form the reports use. */
export function formatRatio(
  numerator: number,
  denominator: number,
  rule: PercentRule = DEFAULT_PERCENT_RULE,
): string {
  return `${formatNumber(numerator)}/${formatNumber(denominator)} (${formatPercent(numerator, denominator, rule)})`;
}
