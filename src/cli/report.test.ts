/**
 * `daihoi report … --format json` as a user runs it: a separate process on a PGlite data
 * directory seeded with the demo province; the JSON parses with the documented schema and carries
 * every figure of the seed report.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_FIGURES } from "../../test/report-fixtures.ts";
import { formatNumber } from "../domain/format/number.ts";
import { reportSchema } from "../domain/report/model.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "daihoi-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function daihoi(...args: string[]) {
  const { DATABASE_URL: _shared, ...rest } = process.env;
  const r = spawnSync(
    join(ROOT, "node_modules", ".bin", "node"),
    [join(ROOT, "src", "cli", "main.ts"), ...args],
    {
      env: { ...rest, DAIHOI_DATA_DIR: join(dir, "data") },
      encoding: "utf8",
      timeout: 170_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("daihoi report", () => {
  it("prints every seed figure as JSON in the documented schema, and writes a .docx", () => {
    const seeded = daihoi("seed", "demo");
    expect(seeded.status, seeded.stderr).toBe(0);
    const r = daihoi(
      "report",
      "--season",
      "2020-2025",
      "--org",
      "QN",
      "--as-of",
      "31/07/2020",
      "--format",
      "json",
    );
    expect(r.status, r.stderr).toBe(0);
    const parsed = reportSchema.safeParse(JSON.parse(r.stdout));
    expect(parsed.success).toBe(true);
    const figures = parsed.data!.figures;
    const printed = Object.fromEntries(
      figures
        .filter((f) => f.id in SEED_FIGURES)
        .map((f) => [
          f.id,
          f.denominator === null
            ? formatNumber(f.numerator)
            : `${formatNumber(f.numerator)}/${formatNumber(f.denominator)} (${f.percent})`,
        ]),
    );
    expect(printed).toEqual(SEED_FIGURES);
    const out = join(dir, "bao-cao.docx");
    const docx = daihoi(
      "report",
      "--season",
      "2020-2025",
      "--org",
      "QN",
      "--as-of",
      "2020-07-31",
      "--format",
      "docx",
      "--out",
      out,
    );
    expect(docx.status, docx.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 180_000);

  it("refuses a bad date or organisation with a Vietnamese message and a non-zero exit", () => {
    const bad = daihoi("report", "--season", "2020-2025", "--org", "QN", "--as-of", "31/02/2020");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("không hợp lệ");
    const none = daihoi("report", "--season", "2020-2025", "--org", "KHONGCO", "--as-of", "2020-07-31");
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain("Lỗi");
  }, 60_000);
});
