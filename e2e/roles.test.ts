/**
 * Every demo role's first hour: sign in, open every menu item offered, and find on each page no
 * error (no failed API call, no error box, no "not found"), no raw id (a quoted number, an ltree
 * path) and no English identifier (snake_case, dotted action names, camelCase fields). The menu
 * offers exactly the sections the role can use.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/services/demo-users.ts";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  // The first browser test after a server-side change builds the web app and seeds the demo once.
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const USERNAMES = DEMO_USERS.map((u) => u.username);

/** What on a page's text a user should never meet. */
function textProblems(text: string): string[] {
  const problems: string[] = [];
  let clean = text;
  for (const u of USERNAMES) clean = clean.split(u).join("");
  const find = (re: RegExp, what: string) => {
    for (const m of clean.matchAll(re)) problems.push(`${what}: ${m[0]}`);
  };
  find(/Không tìm thấy[^\n]*/g, "not found");
  find(/Đại hội(?: —| trong) Đại hội/g, "doubled wording");
  find(/(?<![\d.,])0\/0(?![\d.,])/g, "nothing over nothing");
  find(/"\d+"/g, "quoted id");
  // Word edges by Unicode letters: "…HảiQuảng" (two table cells) is not camelCase.
  find(/(?<![\p{L}\d])[a-z]+(?:_[a-z]+)+(?![\p{L}\d])/gu, "snake_case identifier");
  find(/(?<![\p{L}\d])[a-z_]+\.[a-z_]+(?![\p{L}\d])/gu, "dotted identifier");
  find(/(?<![\p{L}\d])[a-z]+[A-Z][A-Za-z]*(?![\p{L}\d])/gu, "camelCase identifier");
  // An ltree path (1.2.22.5683); thousands groups (4.925, 1.234.567) have three digits each.
  for (const m of clean.matchAll(/\b\d+(?:\.\d+){2,}\b/g))
    if (m[0].split(".").some((g, i) => i > 0 && g.length !== 3)) problems.push(`path: ${m[0]}`);
  return problems;
}

async function settle(page: Page): Promise<void> {
  const busy = page.locator("[data-testid=page] .ant-skeleton, [data-testid=page] .ant-spin-spinning");
  const deadline = Date.now() + 30_000;
  await page.waitForTimeout(300);
  while (Date.now() < deadline && (await busy.count()) > 0) await page.waitForTimeout(200);
  await page.waitForTimeout(500);
}

async function visitEveryMenuItem(username: string): Promise<{ labels: string[]; problems: string[] }> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const page = await browser.context.newPage();
  const failed: string[] = [];
  page.on("pageerror", (e) => failed.push(`script error: ${e.message}`));
  page.on("response", (r) => {
    if (r.url().includes("/api/") && r.status() >= 400)
      failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  try {
    await browser.context.clearCookies();
    await loginInBrowser(page, server.url, user.username, user.password);
    const items = page.locator('nav[aria-label="Điều hướng chính"] .ant-menu-item');
    const labels = (await items.allTextContents()).map((t) => t.trim());
    const problems: string[] = [];
    for (const label of labels) {
      failed.length = 0;
      await items.filter({ hasText: label }).first().click();
      await settle(page);
      const main = page.getByTestId("page");
      // innerText, not textContent: the line breaks between cells keep words apart.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user reads
      for (const p of textProblems(await main.innerText())) problems.push(`${label}: ${p}`);
      const errorBoxes = await main
        .locator(".ant-alert-error, .ant-result-error, .ant-result-403, .ant-result-404")
        .count();
      if (errorBoxes > 0)
        problems.push(
          `${label}: ${errorBoxes} error box(es): ${await main.locator(".ant-alert-error, .ant-result").first().textContent()}`,
        );
      for (const f of failed) problems.push(`${label}: API ${f}`);
    }
    return { labels, problems };
  } finally {
    await page.close();
  }
}

describe("every demo role opens every menu item it is offered", () => {
  it("textProblems finds ids and identifiers but not Vietnamese numbers or dates", () => {
    expect(textProblems("4.925/4.925 ngày 29/02/2020, 1.234.567 người, Hồng HảiQuảng Ninh")).toEqual([]);
    expect(
      textProblems(
        'village_election.record; path: 1.2.22.5683; mustChangePassword; đơn vị "1"; Đại hội — Đại hội nhiệm kỳ; 0/0',
      ),
    ).toEqual([
      "doubled wording: Đại hội — Đại hội",
      "nothing over nothing: 0/0",
      'quoted id: "1"',
      "snake_case identifier: village_election",
      "dotted identifier: village_election.record",
      "camelCase identifier: mustChangePassword",
      "path: 1.2.22.5683",
    ]);
  });

  it("province administrator (quantri)", async () => {
    const r = await visitEveryMenuItem("quantri");
    expect(r.labels).toHaveLength(12);
    expect(r.problems).toEqual([]);
  });

  it("district officer (canbo.halong): pages open on Hạ Long", async () => {
    const r = await visitEveryMenuItem("canbo.halong");
    expect(r.labels).not.toContain("Nhập dữ liệu");
    expect(r.labels).not.toContain("Đơn thư");
    expect(r.problems).toEqual([]);
  });

  it("counting clerk (kiemphieu): only the elections", async () => {
    const r = await visitEveryMenuItem("kiemphieu");
    expect(r.labels).toEqual(["Bầu cử"]);
    expect(r.problems).toEqual([]);
  });

  it("viewer (xem.tinh)", async () => {
    const r = await visitEveryMenuItem("xem.tinh");
    expect(r.labels).not.toContain("Người dùng");
    expect(r.labels).not.toContain("Đơn thư");
    expect(r.problems).toEqual([]);
  });

  it("complaints inspector (thanhtra.tinh)", async () => {
    const r = await visitEveryMenuItem("thanhtra.tinh");
    expect(r.labels).toContain("Đơn thư");
    expect(r.problems).toEqual([]);
  });

  it("names a letter by its register code in the breadcrumb, and a season's congress by the season", async () => {
    const page = await browser.context.newPage();
    try {
      await browser.context.clearCookies();
      await loginInBrowser(page, server.url, "thanhtra.tinh", "DonThu#2025");
      await page.goto(`${server.url}/don-thu`);
      const link = page.getByTestId("petition-link").first();
      const code = (await link.textContent())?.trim() ?? "";
      expect(code).toMatch(/^DT\d{6}$/);
      await link.click();
      await page.locator(".ant-breadcrumb").getByText(`Đơn ${code}`).waitFor({ timeout: 30_000 });
      expect(await page.locator(".ant-breadcrumb").textContent()).not.toMatch(/#\d/);
    } finally {
      await page.close();
    }
  });
});
