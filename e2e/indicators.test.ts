/**
 * The indicators page in a real browser on the seeded demo province: the seed report's figure
 * "871/904" is on the page with its baseline, and drilling into it lists the people counted.
 * Then the people register finds someone typed without diacritics.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

describe("indicators in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1500, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows 871/904 coal-sector branch secretaries heading their unit, and drills into them", async () => {
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
    await page.goto(`${server.url}/chi-tieu?ngay=2020-07-25`);
    await page.getByTestId("indicators-page").waitFor();
    const numerator = page.getByTestId("numerator-coal_branch_secretary_heads_unit");
    await numerator.waitFor({ timeout: 30_000 });
    const row = page.locator("tr", { has: numerator });
    await expect.poll(() => row.textContent()).toMatch(/871\s*\/\s*904/);
    expect(await row.textContent()).toContain("96,35%");
    expect(await row.textContent()).toContain("44,5%");
    expect(await page.getByTestId("status-commune_secretary_chairs_people_committee").textContent()).toBe(
      "Chưa đến hạn",
    );

    await numerator.click();
    const drawer = page.getByTestId("drill-drawer");
    await drawer.getByText("871/904 (96,35%)").first().waitFor();
    await drawer.getByText("871 mục").waitFor();
    expect(await drawer.locator("tbody tr").count()).toBe(50);
    expect(await drawer.locator("tbody tr").first().textContent()).toMatch(/Bí thư/);
    expect(pageErrors).toEqual([]);
  });

  it("finds a person typed without diacritics in the people register", async () => {
    await page.goto(`${server.url}/nhan-su`);
    await page.getByTestId("people-page").waitFor();
    await page.getByTestId("people-search").locator("input").fill("nguyen van");
    await expect
      .poll(() => page.locator("tbody tr").first().textContent(), { timeout: 15_000 })
      .toMatch(/Nguyễn Văn/);
    expect(pageErrors).toEqual([]);
  });
});
