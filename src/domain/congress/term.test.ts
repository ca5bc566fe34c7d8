import { describe, expect, it } from "vitest";
import {
  formatTerm,
  formatTermPhrase,
  nextCongressDueYear,
  nextTerm,
  parseTerm,
  termCovers,
  termEndDate,
  termFromLength,
} from "./term.ts";

describe("term arithmetic", () => {
  it("builds terms from a start and a length, and labels them with an en dash", () => {
    expect(termFromLength(2020, 5)).toEqual({ startYear: 2020, endYear: 2025 });
    expect(formatTerm(termFromLength(2020, 2))).toBe("2020–2022");
    expect(formatTermPhrase({ startYear: 2025, endYear: 2030 })).toBe("nhiệm kỳ 2025–2030");
    expect(() => termFromLength(2020, 0)).toThrow();
  });

  it("parses the ways terms are typed", () => {
    expect(parseTerm("2020-2025")).toEqual({ ok: true, value: { startYear: 2020, endYear: 2025 } });
    expect(parseTerm(" 2020 – 2022 ")).toEqual({ ok: true, value: { startYear: 2020, endYear: 2022 } });
    expect(parseTerm("2025-2020").ok).toBe(false);
    expect(parseTerm("nhiệm kỳ").ok).toBe(false);
  });

  it("gives the next term and when the next congress is due", () => {
    expect(nextTerm({ startYear: 2020, endYear: 2022 }, 3)).toEqual({ startYear: 2022, endYear: 2025 });
    expect(nextTerm({ startYear: 2020, endYear: 2025 })).toEqual({ startYear: 2025, endYear: 2030 });
    expect(nextCongressDueYear({ startYear: 2020, endYear: 2022 })).toBe(2022);
    expect(termEndDate("2020-05-31", 5)).toBe("2025-05-31");
    expect(termEndDate("2020-02-29", 2)).toBe("2022-02-28");
    expect(termCovers({ startYear: 2020, endYear: 2025 }, 2025)).toBe(true);
    expect(termCovers({ startYear: 2020, endYear: 2025 }, 2026)).toBe(false);
  });
});
