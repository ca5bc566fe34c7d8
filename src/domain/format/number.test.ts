import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatNumber,
  formatPercent,
  formatPercentValue,
  formatRatio,
  percentCell,
  roundRatio,
} from "./number.ts";

describe("formatNumber", () => {
  it("groups thousands with dots and uses a decimal comma", () => {
    expect(formatNumber(4925)).toBe("4.925");
    expect(formatNumber(2291)).toBe("2.291");
    expect(formatNumber(5_300_000)).toBe("5.300.000");
    expect(formatNumber(177)).toBe("177");
    expect(formatNumber(1234.5, 2)).toBe("1.234,50");
    expect(formatNumber(-1021)).toBe("-1.021");
  });
});

describe("formatPercent", () => {
  it("writes the seed's figures", () => {
    expect(formatPercent(871, 904)).toBe("96,35%");
    expect(formatPercent(671, 2291, { decimals: 1, mode: "half-up", trimZeros: false })).toBe("29,3%");
    expect(formatPercent(80, 177, { decimals: 1, mode: "half-up", trimZeros: false })).toBe("45,2%");
    expect(formatPercent(4925, 4925, { decimals: 2, mode: "half-up", trimZeros: true })).toBe("100%");
    expect(formatPercent(454, 1021, { decimals: 1, mode: "half-up", trimZeros: false })).toBe("44,5%");
  });

  it("applies the rounding rule to the exact value", () => {
    // 16/177 = 9,039…%: the seed prints 9%.
    expect(formatPercent(16, 177, { decimals: 0, mode: "half-up", trimZeros: false })).toBe("9%");
    // 145/177 = 81,92…%: the seed prints 82% (rounded), truncation would give 81%.
    expect(formatPercent(145, 177, { decimals: 0, mode: "half-up", trimZeros: false })).toBe("82%");
    expect(formatPercent(145, 177, { decimals: 0, mode: "truncate", trimZeros: false })).toBe("81%");
    // Exactly half: 1/8 = 12,5%.
    expect(formatPercent(1, 8, { decimals: 0, mode: "half-up", trimZeros: false })).toBe("13%");
    expect(formatPercent(1, 8, { decimals: 0, mode: "half-even", trimZeros: false })).toBe("12%");
    expect(formatPercent(3, 8, { decimals: 0, mode: "half-even", trimZeros: false })).toBe("38%");
  });

  it("has no percentage for an empty population", () => {
    expect(formatPercent(0, 0)).toBe("–");
  });

  it("never differs from the true ratio by more than the last place", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const scaled = Number(roundRatio(n, d, { decimals: 2, mode: "half-up", trimZeros: false }));
        expect(Math.abs(scaled - (n * 10000) / d)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });
});

describe("formatPercentValue and formatRatio", () => {
  it("formats typed baselines and the report's ratio form", () => {
    expect(formatPercentValue(20.2, { decimals: 1, mode: "half-up", trimZeros: false })).toBe("20,2%");
    expect(formatPercentValue(68.2, { decimals: 2, mode: "half-up", trimZeros: true })).toBe("68,2%");
    expect(formatRatio(4925, 4925, { decimals: 0, mode: "half-up", trimZeros: false })).toBe(
      "4.925/4.925 (100%)",
    );
  });
});

describe("a share is never 100% unless all, nor 0% unless none (issue 17)", () => {
  const whole = { decimals: 0, mode: "half-up", trimZeros: false } as const;
  it("prints one more decimal, rounded towards the middle, in the 0%/100% bands", () => {
    expect(formatPercent(1543, 1544, whole)).toBe("99,9%");
    expect(formatPercent(4924, 4926, whole)).toBe("99,9%");
    expect(formatPercent(4924, 4926)).toBe("99,96%");
    expect(formatRatio(1543, 1544, whole)).toBe("1.543/1.544 (99,9%)");
    expect(formatPercent(1, 100_000, whole)).toBe("0,1%");
    expect(formatPercent(1, 1_000_000)).toBe("0,001%");
    expect(formatPercent(999_999, 1_000_000)).toBe("99,999%");
  });

  it("keeps 100% and 0% for all and none, and every other figure as the rule gives it", () => {
    expect(formatPercent(4925, 4925, whole)).toBe("100%");
    expect(formatPercent(0, 177, whole)).toBe("0%");
    expect(formatPercent(871, 904)).toBe("96,35%");
    expect(formatPercent(145, 177, whole)).toBe("82%");
    expect(formatPercent(16, 177, whole)).toBe("9%");
  });

  it("holds for every share and rule (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("half-up", "half-even", "truncate" as const),
        fc.boolean(),
        (d, n0, decimals, mode, trimZeros) => {
          const n = n0 % (d + 1);
          const text = formatPercent(n, d, { decimals, mode: mode as "half-up", trimZeros });
          const value = Number(text.replace(/\./g, "").replace(",", ".").replace("%", ""));
          if (n === d) expect(value).toBe(100);
          else expect(value).toBeLessThan(100);
          if (n === 0) expect(value).toBe(0);
          else expect(value).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("gives a spreadsheet cell the exact share and a percent format that never shows 100%", () => {
    expect(percentCell(871, 904)).toEqual({ value: 871 / 904, numFmt: "0.00%" });
    expect(percentCell(4924, 4926, { decimals: 0, mode: "half-up", trimZeros: false })).toEqual({
      value: 4924 / 4926,
      numFmt: "0.00%",
    });
    expect(percentCell(4925, 4925).numFmt).toBe("0.00%");
    expect(percentCell(0, 0).value).toBeNull();
  });
});
