/**
 * Organisations through time in the browser (issue 15): the tree as of 31/07/2020 and as of today,
 * and a small reorganisation plan (docs/examples/reorganisation-example.csv: Cô Tô's communes into
 * "Đảng bộ đặc khu Cô Tô", the district ending on 01/07/2025) uploaded, previewed and applied.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

const PLAN = join(import.meta.dirname, "..", "docs", "examples", "reorganisation-example.csv");

describe("the tree through time, and a reorganisation through its preview", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1400 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The names directly under the province in the tree as shown (after choosing the day, if any). */
  async function provinceChildren(day: string | null): Promise<string[]> {
    await page.goto(`${server.url}/to-chuc`);
    if (day) {
      const picker = page.getByTestId("org-tree-as-of");
      await picker.click();
      await picker.fill(day);
      await picker.press("Enter");
      await page.getByTestId("org-tree-as-of-note").waitFor();
    }
    const tree = page.getByTestId("org-tree");
    const root = tree.getByTestId("org-tree-node").first();
    await root.waitFor();
    const rootId = await root.getAttribute("data-org-id");
    const item = tree.getByRole("treeitem").filter({ has: page.locator(`[data-org-id="${rootId}"]`) });
    if ((await item.getAttribute("aria-expanded")) === "false")
      await item.locator(".ant-tree-switcher").click();
    const children = tree.locator(`[data-testid="org-tree-node"][data-parent-id="${rootId}"]`);
    await expect.poll(() => children.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    return children.getByTestId("org-tree-node-name").allTextContents();
  }

  it("applies a small reorganisation through the preview: what changes, from which day", async () => {
    await page.goto(`${server.url}/nhap-du-lieu/sap-xep-to-chuc`);
    // The drop zone's hidden file input carries the test id.
    await page.getByTestId("reorg-upload").setInputFiles(PLAN);
    const preview = page.getByTestId("reorg-preview");
    await preview.waitFor({ timeout: 120_000 });
    expect(await preview.textContent()).toMatch(/01\/07\/2025/);
    expect(await page.getByTestId("reorg-operations").textContent()).toMatch(/Hợp nhất: 8/);
    await page.getByTestId("reorg-apply").click();
    await page.getByTestId("reorg-done").waitFor({ timeout: 120_000 });
  });

  it("shows today's tree with the đặc khu and without the district", async () => {
    const today = await provinceChildren(null);
    expect(today).toContain("Đảng bộ đặc khu Cô Tô");
    expect(today).not.toContain("Đảng bộ huyện Cô Tô");
  });

  it("shows the tree as of 31/07/2020 as it stood then", async () => {
    const then = await provinceChildren("31/07/2020");
    expect(then).toContain("Đảng bộ huyện Cô Tô");
    expect(then).not.toContain("Đảng bộ đặc khu Cô Tô");
    expect(then).toHaveLength(20);
  });
});
