/** `npm start` builds the web app when dist/web is missing or older than its sources. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function webBuildIsStale(): boolean {
  const index = join(ROOT, "dist", "web", "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [
    join(ROOT, "src", "web"),
    // The web app imports the pure domain (formatting, ballot validity…).
    join(ROOT, "src", "domain"),
    join(ROOT, "vite.config.ts"),
  ];
  return sources.some((s) => existsSync(s) && newestMtime(s) > built);
}

export function buildWeb(): void {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    // A production build whoever calls it: under vitest NODE_ENV is "test", which made Vite bundle
    // React's and antd's development builds (twice the bytes, "css-dev-only" class names).
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("vite build failed");
}
