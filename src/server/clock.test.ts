import { describe, expect, it } from "vitest";
import { todayInVietnam } from "./clock.ts";

describe("todayInVietnam", () => {
  it("turns the day at midnight in Việt Nam (UTC+7), not at the machine's midnight", () => {
    expect(todayInVietnam(new Date("2020-02-28T16:59:59Z"))).toBe("2020-02-28");
    expect(todayInVietnam(new Date("2020-02-28T17:00:00Z"))).toBe("2020-02-29");
  });
});
