/**
 * The organisation tree in a real browser, against the real server (PGlite in a temporary
 * directory, demo province seeded, built web app): expand the tree, search without diacritics,
 * open an organisation, download the import template. Also checks that the page runs under the
 * server's Content-Security-Policy (no inline scripts).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

describe("organisation tree in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    // Tall enough for the province's 20 children to be rendered by the virtual list at once.
    browser = await launchBrowser({ viewport: { width: 1400, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("expands the province and shows the 20 organisations directly under it", async () => {
    // Signed out, the app sends you to the login page; the province administrator sees everything.
    await page.goto(server.url);
    await page.waitForURL(/\/dang-nhap/);
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
    await page.goto(server.url);
    await page.getByText("Đại Hội — Ban Tổ chức Tỉnh ủy").waitFor();
    const tree = page.getByTestId("org-tree");
    const root = tree.getByTestId("org-tree-node").first();
    await root.waitFor();
    expect(await root.getAttribute("data-parent-id")).toBe("");
    expect(await root.getByTestId("org-tree-node-name").textContent()).toMatch(/Quảng Ninh/);
    const rootId = await root.getAttribute("data-org-id");

    const rootItem = tree.getByRole("treeitem").filter({ has: page.locator(`[data-org-id="${rootId}"]`) });
    expect(await rootItem.getAttribute("aria-expanded")).toBe("false");
    await rootItem.locator(".ant-tree-switcher").click();
    const children = tree.locator(`[data-testid="org-tree-node"][data-parent-id="${rootId}"]`);
    await expect.poll(() => children.count(), { timeout: 15_000 }).toBe(20);
    await children.filter({ hasText: "Hạ Long" }).first().waitFor();
  });

  it("finds Phường Hồng Gai when typing without diacritics, and opens its page", async () => {
    await page.getByPlaceholder("Tìm đơn vị (gõ không dấu cũng được)").fill("hong gai");
    const result = page
      .getByTestId("org-search-result")
      .filter({ hasText: /phường Hồng Gai/i })
      .first();
    await result.waitFor({ timeout: 15_000 });

    const name = (await result.getByTestId("org-search-result-link").textContent()) ?? "";
    await result.getByTestId("org-search-result-link").click();
    await page.waitForURL(/\/to-chuc\/\d+$/);
    const title = page.getByTestId("org-title");
    await title.waitFor();
    expect(await title.textContent()).toBe(name);
    expect(name).toMatch(/phường Hồng Gai/i);
    // The path from the province is shown above the title.
    expect(await page.getByTestId("org-breadcrumb").textContent()).toMatch(/Quảng Ninh/);
  });

  it("downloads the import template from the import page", async () => {
    await page.getByRole("menuitem", { name: "Nhập dữ liệu" }).click();
    await page.waitForURL(/\/nhap-du-lieu$/);
    const link = page.getByRole("link", { name: "Tải tệp mẫu" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await download.failure()).toBeNull();
  });

  it("ran without script errors or Content-Security-Policy violations", () => {
    expect(pageErrors).toEqual([]);
  });
});
