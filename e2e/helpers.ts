/**
 * Browser-test plumbing: a real server on a free port with a fresh PGlite database holding the demo
 * province and the built web app, and Debian's Chromium driven by playwright-core.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { buildWeb, webBuildIsStale } from "../src/cli/web-build.ts";
import { createDb } from "../src/db/client.ts";
import { MIGRATIONS_DIR, migrateDb } from "../src/db/migrate.ts";
import { startServer } from "../src/server/main.ts";
import { seedDemoProvince } from "../src/services/demo.ts";

const ROOT = join(import.meta.dirname, "..");

function hashTree(h: ReturnType<typeof createHash>, dir: string, skip: (path: string) => boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) hashTree(h, path, skip);
    else h.update(relative(ROOT, path)).update(readFileSync(path));
  }
}

/**
 * Seeding the demo province costs ~25 s; loading a dump of the seeded database ~2 s. The dump is keyed
 * by everything seeding reads (migrations and the sources below the HTTP layer: demo generator,
 * services, repositories, domain, io) and by the day (the demo's letters and deadlines are relative to it), so any
 * change to them seeds afresh, once, and every browser test file of the run then starts from a copy.
 */
function demoSnapshotPath(): string {
  const h = createHash("sha256");
  hashTree(h, MIGRATIONS_DIR, () => false);
  // Not the web app, the HTTP layer or the command line: seeding never runs them.
  const unused = ["web", "server", "cli"].map((d) => join(ROOT, "src", d));
  hashTree(h, join(ROOT, "src"), (p) => unused.some((u) => p.startsWith(u)) || p.endsWith(".test.ts"));
  h.update(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" }));
  return join(tmpdir(), `daihoi-e2e-demo-${h.digest("hex").slice(0, 16)}.tar`);
}

async function seededDemoDatabase() {
  const snapshot = demoSnapshotPath();
  if (existsSync(snapshot)) {
    return createDb({ kind: "pglite", dataDir: null, loadDataDir: new Blob([readFileSync(snapshot)]) });
  }
  const database = await createDb({ kind: "pglite", dataDir: null });
  await migrateDb(database);
  await seedDemoProvince(database.db);
  const dump = await database.dumpDataDir!();
  // Write then rename: a concurrent run never reads half a file.
  const tmp = `${snapshot}.${process.pid}.tmp`;
  writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
  renameSync(tmp, snapshot);
  // Older dumps (other sources, other days) are ~300 MB each: keep only this one.
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (/^daihoi-e2e-demo-[0-9a-f]{16}\.tar$/.test(name) && path !== snapshot) rmSync(path, { force: true });
  }
  return database;
}

export async function startTestServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (webBuildIsStale()) buildWeb();
  const database = await seededDemoDatabase();
  const server = await startServer({ port: 0, host: "127.0.0.1", database, logLevel: "warn" });
  return { url: server.url, stop: () => server.close() };
}

export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "daihoi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    locale: "vi-VN",
    ...(options.viewport ? { viewport: options.viewport } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page (README "Tài khoản mẫu") and waits for the organisation tree. */
export async function loginInBrowser(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("header-user").waitFor({ timeout: 30_000 });
}
