/** The shipped example plan is what the demo seed applies (src/demo/reform-2025.ts), byte for byte. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDemoProvince } from "../demo/province.ts";
import { generateDemoReform2025, REFORM_2025_FILE } from "../demo/reform-2025.ts";

describe("docs/examples/quang-ninh-2025.csv", () => {
  it("is the plan the demo seed applies, byte for byte", () => {
    const shipped = join(import.meta.dirname, "..", "..", "docs", "examples", REFORM_2025_FILE);
    expect(readFileSync(shipped, "utf8")).toBe(generateDemoReform2025(generateDemoProvince()));
  });
});
