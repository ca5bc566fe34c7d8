/**
 * A district officer sees only their district: canbo.halong's tree starts at Hạ Long, a direct URL
 * to a Cẩm Phả organisation shows "not found", and the API answers 404 for it too. Logout ends
 * the session.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

describe("a district officer's view of the province", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let campha: { id: number; name: string };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Cẩm Phả's id, as the province administrator sees it (through a separate API session).
    const api = browser.context.request;
    const login = await api.post(`${server.url}/api/auth/login`, {
      headers: { "x-requested-with": "daihoi" },
      data: { username: "xem.tinh", password: "ChiXem#2025" },
    });
    expect(login.status()).toBe(200);
    const found = await (await api.get(`${server.url}/api/orgs/search?q=cam%20pha`)).json();
    const item = found.items.find((i: { code: string }) => i.code.startsWith("QN.CP"))!;
    campha = { id: item.id, name: item.name };
    await api.post(`${server.url}/api/auth/logout`, { headers: { "x-requested-with": "daihoi" } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows only Hạ Long's subtree in the tree", async () => {
    await loginInBrowser(page, server.url, "canbo.halong", "VinhHaLong#2025");
    expect(await page.getByTestId("header-user").textContent()).toMatch(/canbo\.halong/);
    const roots = page.getByTestId("org-tree").locator('[data-testid="org-tree-node"]');
    await roots.first().waitFor();
    const names = await roots.allTextContents();
    expect(names.some((n) => /Hạ Long/.test(n))).toBe(true);
    expect(names.some((n) => /Cẩm Phả|Quảng Ninh/.test(n))).toBe(false);
    // Searching for Cẩm Phả finds nothing of it.
    await page.getByPlaceholder("Tìm đơn vị (gõ không dấu cũng được)").fill("cam pha");
    await page.waitForTimeout(1200);
    expect(
      await page
        .getByTestId("org-search-result")
        .filter({ hasText: /Cẩm Phả/ })
        .count(),
    ).toBe(0);
  });

  it("shows not-found for a direct URL to a Cẩm Phả organisation, and the API answers 404", async () => {
    await page.goto(`${server.url}/to-chuc/${campha.id}`);
    await page.getByText("Không tìm thấy đơn vị", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.getByText(campha.name).count()).toBe(0);
    const r = await page.evaluate(`fetch("/api/orgs/${campha.id}").then((r) => r.status)`);
    expect(r).toBe(404);
    const children = await page.evaluate(`fetch("/api/orgs/${campha.id}/children").then((r) => r.status)`);
    expect(children).toBe(404);
  });

  it("logs out: the server ends the session and the app shows the login page", async () => {
    await page.goto(server.url);
    await page.getByTestId("logout-button").click();
    await page.waitForURL(/\/dang-nhap/);
    const status = await page.evaluate(`fetch("/api/auth/me").then((r) => r.status)`);
    expect(status).toBe(401);
  });
});

describe("a viewer's view of an organisation", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("offers the export but no change buttons to a viewer, and all of them to an officer", async () => {
    await loginInBrowser(page, server.url, "xem.tinh", "ChiXem#2025");
    const found = await page.evaluate(`fetch("/api/orgs/search?q=hong%20gai").then((r) => r.json())`);
    const id = (found as { items: { id: number }[] }).items[0]!.id;
    await page.goto(`${server.url}/to-chuc/${id}`);
    await page.getByTestId("org-export-link").waitFor();
    expect(await page.getByTestId("org-actions").getByRole("button", { name: "Giải thể" }).count()).toBe(0);
    await page.getByTestId("logout-button").click();
    await page.waitForURL(/\/dang-nhap/);
    await loginInBrowser(page, server.url, "canbo.halong", "VinhHaLong#2025");
    await page.goto(`${server.url}/to-chuc/${id}`);
    await page.getByTestId("org-actions").getByRole("button", { name: "Giải thể" }).waitFor();
  });
});
