/**
 * The congress dashboard in a real browser against the real server (PGlite, demo province and its
 * 2020 season): the seed's calendar figures as of chosen dates, and the live update — a congress
 * recorded through the form in one tab moves the figures in another tab without a reload.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../src/domain/format/number.ts";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

const CSRF = { "x-requested-with": "daihoi" };

/** Types a date into an antd DatePicker / RangePicker input (DD/MM/YYYY) and confirms it. */
async function typeDate(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press("Enter");
}

describe("congress dashboard in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let seasonId: number;
  let hongGaiId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");

    // The context's request API shares the signed-in session's cookie.
    const api = browser.context.request;
    const seasons = (await (await api.get(`${server.url}/api/seasons`)).json()) as {
      id: number;
      code: string;
    }[];
    seasonId = seasons.find((s) => s.code === "2020-2025")!.id;
    const found = (await (
      await api.get(`${server.url}/api/orgs/search?q=hong%20gai&level=grassroots_committee`)
    ).json()) as {
      items: { id: number; code: string }[];
    };
    hongGaiId = found.items.find((i) => i.code === "QN.HL.HONGGAI")!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows 735/735 grassroots congresses by 31/05/2020, one month before the Central deadline", async () => {
    // Case-sensitive, so "Mùa đại hội" (the seasons page) does not match too.
    await page.getByRole("menuitem", { name: /Đại hội$/ }).click();
    await page.waitForURL(/\/dai-hoi$/);
    await page
      .getByTestId("congress-title")
      .filter({ hasText: /Quảng Ninh/ })
      .waitFor({ timeout: 30_000 });
    await typeDate(page.getByTestId("as-of-picker").locator("input"), "31/05/2020");
    await page.waitForURL(/ngay=2020-05-31/);
    await page.getByRole("tab", { name: "Tổ chức cơ sở đảng" }).click();
    await page.waitForURL(/cap=grassroots/);

    const held = page.getByTestId("progress-held-value");
    await expect.poll(() => held.textContent(), { timeout: 15_000 }).toMatch(/^735\/735/);
    expect(await held.textContent()).toContain("100,00%");
    await expect
      .poll(() => page.getByTestId("progress-on-time-central-note").textContent(), { timeout: 15_000 })
      .toContain("sớm 01 tháng so với quy định của Trung ương");
    // The chart and the child organisations' table are there.
    await page.getByTestId("progress-chart").locator("canvas").first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("children-progress").locator("tbody tr").count()).toBeGreaterThan(10);
  });

  it("shows 4.925/4.925 branch congresses by 29/02/2020", async () => {
    await typeDate(page.getByTestId("as-of-picker").locator("input"), "29/02/2020");
    await page.waitForURL(/ngay=2020-02-29/);
    await page.getByRole("tab", { name: "Chi bộ trực thuộc đảng ủy cơ sở" }).click();
    await page.waitForURL(/cap=branch/);
    const held = page.getByTestId("progress-held-value");
    await expect.poll(() => held.textContent(), { timeout: 15_000 }).toMatch(/^4\.925\/4\.925/);
  });

  it("moves the figures in another tab within seconds of a congress recorded through the form", async () => {
    // A branch created after the season was loaded (so after the figures above): its congress is
    // not held yet. It is founded on 01/01/2020: the tree is dated, so a branch founded today would
    // not be in the 31/12/2020 figures at all (issue 15).
    const created = await browser.context.request.post(`${server.url}/api/orgs`, {
      headers: CSRF,
      data: {
        effectiveOn: "2020-01-01",
        code: "QN.HL.HONGGAI.KPMOI",
        name: "Chi bộ khu phố Mới",
        level: "branch",
        kind: "village",
        parentId: hongGaiId,
      },
    });
    expect(created.status()).toBe(201);
    const newBranchId = ((await created.json()) as { id: number }).id;
    const query = `?ky=${seasonId}&ngay=2020-12-31&cap=branch`;
    await page.goto(`${server.url}/dai-hoi/${hongGaiId}${query}`);
    await page
      .getByTestId("congress-title")
      .filter({ hasText: /Hồng Gai/ })
      .waitFor({ timeout: 30_000 });
    const held = page.getByTestId("progress-held-value");
    await expect.poll(() => held.textContent(), { timeout: 15_000 }).toMatch(/^\d+\/\d+/);
    const before = /^([\d.]+)\/([\d.]+)/.exec((await held.textContent()) ?? "")!;
    const [heldBefore, total] = [
      Number(before[1]!.replace(/\./g, "")),
      Number(before[2]!.replace(/\./g, "")),
    ];
    expect(heldBefore).toBe(total - 1);
    await page.locator('[data-testid="live-indicator"][data-status="live"]').waitFor({ timeout: 15_000 });

    // Tab B, same browser (same session): plan the new branch's congress, then record it as held.
    const tabB = await browser.context.newPage();
    tabB.on("pageerror", (error) => pageErrors.push(`pageerror (tab B): ${error.message}`));
    await tabB.goto(`${server.url}/dai-hoi/${newBranchId}/ghi-nhan${query}`);
    const plan = tabB.getByTestId("congress-form-plan");
    await plan.waitFor({ timeout: 30_000 });
    await plan.getByLabel("Địa điểm").fill("Nhà văn hóa khu phố");
    await plan.getByLabel("Người phụ trách (để liên hệ)").fill("Đồng chí Trần Văn Bình");
    await plan.getByLabel("Điện thoại").fill("0912 000 111");
    // Enter in a date field takes the date and never submits (issue 19 item 7): the button does.
    const planRange = plan.locator(".ant-picker-range input");
    await typeDate(planRange.nth(0), "20/02/2020");
    await typeDate(planRange.nth(1), "20/02/2020");
    await tabB.getByTestId("congress-plan-submit").click();

    const hold = tabB.getByTestId("congress-form-hold");
    await hold.waitFor({ timeout: 15_000 });
    expect(await tabB.getByTestId("congress-status").first().getAttribute("data-status")).toBe("planned");
    await hold.locator("#convened").fill("31");
    await hold.locator("#present").fill("29");
    // The form starts from the planned dates: it was held as planned.
    const holdRange = hold.locator(".ant-picker-range input");
    expect(await holdRange.nth(0).inputValue()).toBe("20/02/2020");
    await tabB.getByTestId("congress-hold-submit").click();
    await tabB
      .locator('[data-testid="congress-status"][data-status="held"]')
      .first()
      .waitFor({ timeout: 15_000 });
    const recordedAt = Date.now();

    // Tab A was not touched: the server's event refreshes it.
    const expected = `${formatNumber(total)}/${formatNumber(total)}`;
    await expect
      .poll(() => held.textContent(), { timeout: 2_000, interval: 100 })
      .toMatch(new RegExp(`^${expected.replace(/\./g, "\\.")}`));
    expect(Date.now() - recordedAt).toBeLessThan(2_000);
    await tabB.close();
  });

  it("checks the prefilled bulk template of Hồng Gai (dry run): valid, nothing new to write", async () => {
    await page.goto(`${server.url}/dai-hoi/nhap-du-lieu?ky=${seasonId}&dv=${hongGaiId}`);
    const link = page.getByTestId("congress-import-template-link");
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    await page.locator('input[type="file"]').setInputFiles(file);
    const preview = page.getByTestId("congress-import-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toMatch(/Số dòng\s*[1-9]/);
    expect(await page.getByTestId("congress-import-commit").isDisabled()).toBe(true);
  });

  it("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
