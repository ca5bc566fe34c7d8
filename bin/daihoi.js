#!/usr/bin/env node
// Entry for the `daihoi` command. The CLI is TypeScript run directly by Node 24's type stripping,
// so this shim only re-executes it with the pinned Node from node_modules when an older one called us.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const major = Number(process.versions.node.split(".")[0]);
const main = join(root, "src", "cli", "main.ts");
if (major >= 24) {
  // Imported, main.ts's `import.meta.main` is false, so it does not run itself: call it here.
  const { runCli } = await import(main);
  await runCli(process.argv);
} else {
  const node = join(root, "node_modules", ".bin", "node");
  const r = spawnSync(node, [main, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
