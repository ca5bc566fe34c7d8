/**
 * The report page in a real browser on the seeded demo province: generate the seed report as of
 * 31/07/2020, see its figures, edit the lessons paragraph, download the .docx, and print the page
 * to PDF (the print stylesheet keeps only the document).
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

describe("reports in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("generates the seed report, edits a paragraph, downloads the .docx and prints a PDF", async () => {
    await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
    await page.getByRole("menuitem", { name: "Báo cáo" }).click();
    await page.getByTestId("report-page").waitFor();
    await page.goto(`${server.url}/bao-cao?ngay=2020-07-31`);
    await page.getByTestId("report-page").waitFor();
    const generate = page.getByTestId("generate-report");
    await expect.poll(() => generate.isEnabled(), { timeout: 15_000 }).toBe(true);
    await generate.click();
    const doc = page.getByTestId("report-document");
    await doc.waitFor({ timeout: 60_000 });
    const text = (await doc.textContent()) ?? "";
    expect(text).toContain("4.925/4.925");
    expect(text).toContain("871/904");
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("ngày 31 tháng 07 năm 2020");
    expect(await doc.locator("mark", { hasText: "871/904" }).count()).toBeGreaterThan(0);

    await page.getByTestId("edit-button-lessons_text").click();
    await page
      .getByTestId("edit-lessons_text")
      .locator("textarea")
      .fill("Đoàn kết thống nhất trong cấp ủy là yếu tố quyết định.");
    await page.getByTestId("save-lessons_text").click();
    await page.getByTestId("text-lessons_text").getByText("Đoàn kết thống nhất trong cấp ủy").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-docx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
    expect(xml).toContain("Đoàn kết thống nhất trong cấp ủy");
    expect(xml).toContain("871/904");

    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-pdf").click(),
    ]);
    expect(
      readFileSync(await pdfDownload.path())
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");

    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.emulateMedia({ media: "screen" });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
