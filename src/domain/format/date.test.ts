import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, formatDocumentDate, isValidIsoDate, parseVietnameseDate } from "./date.ts";

describe("dates", () => {
  it("formats and parses Vietnamese dates, leap days included", () => {
    expect(formatDate("2020-02-29")).toBe("29/02/2020");
    expect(parseVietnameseDate("29/02/2020")).toBe("2020-02-29");
    expect(parseVietnameseDate("5/1/2020")).toBe("2020-01-05");
    expect(parseVietnameseDate("29/02/2021")).toBeNull();
    expect(parseVietnameseDate("2020-02-29")).toBeNull();
    expect(isValidIsoDate("2020-13-01")).toBe(false);
  });

  it("writes the Party document dateline", () => {
    expect(formatDocumentDate("2020-02-20")).toBe("ngày 20 tháng 02 năm 2020");
  });

  it("counts calendar days without time-zone drift", () => {
    // 31/5/2020 against the Central deadline 30/6/2020: 30 days early ("sớm 01 tháng").
    expect(daysBetween("2020-05-31", "2020-06-30")).toBe(30);
    expect(daysBetween("2020-02-28", "2020-03-01")).toBe(2);
    expect(daysBetween("2020-03-01", "2020-02-28")).toBe(-2);
  });
});
