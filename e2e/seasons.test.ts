/**
 * The congress seasons page in a real browser against the real server (PGlite, demo province and
 * its 2020–2025 season), signed in as the administrator: the seeded season with its plan and
 * deadlines, the server's Vietnamese refusal of a province deadline later than the Central one,
 * and a 2025–2030 season created through the form from the three-level template.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

/** Types a date into an antd DatePicker / RangePicker input (DD/MM/YYYY) and confirms it. */
async function typeDate(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press("Enter");
}

describe("congress seasons in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const pageErrors: string[] = [];

  const seasonCard = (code: string) =>
    page.locator(`[data-testid="season-card"][data-season-code="${code}"]`);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists the 2020–2025 season with its plan and the grassroots level's Central deadline", async () => {
    await page.getByRole("menuitem", { name: "Mùa đại hội" }).click();
    await page.waitForURL(/\/mua-dai-hoi$/);
    const card = seasonCard("2020-2025");
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByTestId("season-plan").textContent()).toBe(
      "Kế hoạch số 308-KH/TU ngày 04/07/2019 của Tỉnh ủy Quảng Ninh",
    );
    expect(await card.getByTestId("season-directive").textContent()).toBe(
      "Chỉ thị số 35-CT/TW ngày 30/05/2019 của Bộ Chính trị",
    );
    const grassroots = card.locator('tr[data-level="grassroots"]');
    expect(await grassroots.getByTestId("level-central-deadline").textContent()).toBe("30/06/2020");
    expect(await grassroots.getByTestId("level-province-deadline").textContent()).toBe("31/05/2020");
    // Organisation levels by their names from the hierarchy, not their codes.
    expect(await grassroots.textContent()).toContain("Đảng bộ cơ sở");
    expect(await grassroots.textContent()).toContain("2020–2025");
  });

  it("shows the server's refusal of a province deadline later than the Central one", async () => {
    const card = seasonCard("2020-2025");
    await card.locator('tr[data-level="grassroots"]').getByTestId("season-level-edit").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "Sửa cấp đại hội" });
    await modal.waitFor({ timeout: 15_000 });
    await typeDate(modal.locator("#season-level_provinceDeadline"), "15/07/2020");
    await modal.getByRole("button", { name: "Lưu" }).click();
    await expect
      .poll(() => modal.getByRole("alert").textContent(), { timeout: 15_000 })
      .toContain("Thời hạn của tỉnh không được muộn hơn thời hạn của Trung ương");
    await modal.getByRole("button", { name: "Hủy" }).click();
    await modal.waitFor({ state: "hidden", timeout: 15_000 });
    // Nothing changed.
    expect(
      await card.locator('tr[data-level="grassroots"]').getByTestId("level-province-deadline").textContent(),
    ).toBe("31/05/2020");
  });

  it("creates a 2025–2030 season through the form with the three-level template", async () => {
    await page.getByTestId("season-create-button").click();
    const form = page.getByTestId("season-create-form");
    await form.waitFor({ timeout: 15_000 });
    await page.getByTestId("season-template-2025").click();
    await expect.poll(() => form.getByTestId("season-create-level").count()).toBe(3);
    expect(await page.locator("#season-create_code").inputValue()).toBe("2025-2030");
    expect(await page.locator("#season-create_directive_number").inputValue()).toBe("45-CT/TW");
    // The root organisation defaults to the province.
    await expect.poll(() => form.textContent()).toContain("Đảng bộ tỉnh Quảng Ninh");

    await page.locator("#season-create_plan_number").fill("12-KH/TU");
    await typeDate(page.locator("#season-create_plan_date"), "01/06/2025");
    await page.locator("#season-create_plan_issuer").fill("Tỉnh ủy Quảng Ninh");
    await page.getByTestId("season-create-modal").getByRole("button", { name: "Tạo mùa đại hội" }).click();

    const card = seasonCard("2025-2030");
    await card.waitFor({ timeout: 30_000 });
    await page.getByTestId("season-create-form").waitFor({ state: "hidden", timeout: 15_000 });
    expect(await card.getByTestId("season-plan").textContent()).toBe(
      "Kế hoạch số 12-KH/TU ngày 01/06/2025 của Tỉnh ủy Quảng Ninh",
    );
    expect(await card.locator("tbody tr[data-level]").count()).toBe(3);
    const grassroots = card.locator('tr[data-level="grassroots"]');
    expect(await grassroots.getByTestId("level-central-deadline").textContent()).toBe("31/08/2025");
    // Both seasons are listed, the new one first.
    const codes = await page
      .getByTestId("season-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-season-code")));
    expect(codes).toEqual(["2025-2030", "2020-2025"]);
  });

  it("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
