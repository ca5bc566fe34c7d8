/**
 * Browser-test plumbing: a real server on a free port with a fresh PGlite database holding the demo
 * province and the built web app, and Debian's Chromium driven by playwright-core.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { buildWeb, webBuildIsStale } from "../src/cli/web-build.ts";
import { createDb } from "../src/db/client.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { startServer } from "../src/server/main.ts";
import { seedDemoProvince } from "../src/services/demo.ts";

export async function startTestServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (webBuildIsStale()) buildWeb();
  const database = await createDb({ kind: "pglite", dataDir: null });
  await migrateDb(database);
  await seedDemoProvince(database.db);
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
