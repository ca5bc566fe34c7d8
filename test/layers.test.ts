/**
 * The walls between the layers are kept by Biome's noRestrictedImports (biome.json). This lints a
 * file in each layer against the project's own biome.json: a forbidden import fails, an allowed one
 * passes, so a wall that is loosened or dropped fails here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const BIOME = join(ROOT, "node_modules", ".bin", "biome");

// [layer file, an import the wall forbids, an import it allows]
const CASES: readonly (readonly [string, string, string])[] = [
  ["src/domain/election/x.ts", "../../db/client.ts", "../format/number.ts"],
  ["src/demo/x.ts", "../services/demo.ts", "../domain/organisation/types.ts"],
  ["src/db/repositories/x.ts", "../../services/access.ts", "../../domain/basics/result.ts"],
  ["src/services/x.ts", "../server/app.ts", "../db/repositories/people.ts"],
  ["src/io/excel/x.ts", "../../db/repositories/people.ts", "../../domain/format/date.ts"],
  ["src/server/routes/people/x.ts", "../../../db/repositories/people.ts", "../../../services/people.ts"],
  ["src/cli/x.ts", "../db/repositories/organisations.ts", "../services/org-files.ts"],
  ["src/web/pages/x.ts", "../../services/people.ts", "../../domain/format/number.ts"],
];

const work = mkdtempSync(join(tmpdir(), "daihoi-layers-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lint(file: string, from: string): { code: number | null; output: string } {
  const dir = mkdtempSync(join(work, "case-"));
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
  mkdirSync(join(dir, dirname(file)), { recursive: true });
  writeFileSync(join(dir, file), `import { x } from "${from}";\n\nexport const y = x;\n`);
  const r = spawnSync(BIOME, ["lint", "--max-diagnostics=5", file], { cwd: dir, encoding: "utf8" });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("the layer walls", () => {
  for (const [file, forbidden, allowed] of CASES) {
    const layer = file.split("/")[1];
    it(`${layer}: refuses ${forbidden} and allows ${allowed}`, () => {
      const bad = lint(file, forbidden);
      expect(bad.output).toContain("noRestrictedImports");
      expect(bad.code).not.toBe(0);
      const good = lint(file, allowed);
      expect(good.output).not.toContain("noRestrictedImports");
      expect(good.code).toBe(0);
    });
  }
});
