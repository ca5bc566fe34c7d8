/**
 * The `daihoi` command exactly as README documents it: `npx daihoi <command>` and
 * `npm run daihoi -- <command>`, each in its own child process from the repository root, the way a
 * user types it after `npm ci`. (Under Node 24 `npx` finds the pinned Node first on PATH; the shim then
 * imports src/cli/main.ts, whose `import.meta.main` is false, and used to exit 0 having done nothing.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const COUNT = join(ROOT, "test", "fixtures", "counts", "branch-committee-ballots.json");
const scratch = mkdtempSync(join(tmpdir(), "daihoi-bin-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: readonly string[]) {
  // The embedded engine in a scratch directory: never touch ./data or a shared server.
  const { DATABASE_URL: _shared, ...rest } = process.env;
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...rest, DAIHOI_DATA_DIR: join(scratch, "data") },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("README's daihoi command forms", () => {
  it("npx daihoi --help lists the commands", () => {
    const r = run("npx", ["daihoi", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: daihoi");
    for (const c of [
      "start",
      "serve",
      "migrate",
      "seed",
      "import",
      "export",
      "report",
      "tally",
      "audit",
      "users",
    ]) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${c}\\b`));
    }
  });

  it("npx daihoi tally FILE.json prints the result", () => {
    const r = run("npx", ["daihoi", "tally", COUNT]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: "daihoi-count-result", seats: 5 });
  });

  it("npm run daihoi -- tally FILE.json prints the result", () => {
    const r = run("npm", ["run", "--silent", "daihoi", "--", "tally", COUNT]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: "daihoi-count-result", seats: 5 });
  });

  it("npx daihoi audit verify opens the database and answers in Vietnamese", () => {
    const r = run("npx", ["daihoi", "audit", "verify"]);
    expect(r.stderr).not.toMatch(/Lỗi/);
    expect(r.stdout).toMatch(/^Nhật ký toàn vẹn: \d+ mục\.$/m);
    expect(r.status).toBe(0);
  });

  it("npx daihoi with a missing file exits non-zero with a Vietnamese message", () => {
    const r = run("npx", ["daihoi", "tally", join(scratch, "khong-co.json")]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Lỗi|Không/);
  });
});
