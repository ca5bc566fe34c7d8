/**
 * Issue 19, items 7–9: what a user meets in the first hour, at 1440×900 in Chromium — date fields
 * that do what is typed, and screens that fit and speak Vietnamese.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectionDto } from "../src/server/routes/elections/schema.ts";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

const CSRF = { "x-requested-with": "daihoi" };

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  await loginInBrowser(page, server.url, "quantri", "BanToChuc#2025");
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function orgId(q: string, code: string): Promise<number> {
  const r = await browser.context.request.get(
    `${server.url}/api/orgs/search?q=${encodeURIComponent(q)}&limit=50`,
  );
  const found = (await r.json()) as { items: { id: number; code: string }[] };
  return found.items.find((i) => i.code === code)!.id;
}

/** DD/MM/YYYY of today + days, in the browser's time zone (the test runs in Asia/Ho_Chi_Minh). */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
}

describe("date fields (item 7)", () => {
  let branchId: number;
  let seasonId: number;

  beforeAll(async () => {
    const api = browser.context.request;
    const seasons = (await (await api.get(`${server.url}/api/seasons`)).json()) as {
      id: number;
      code: string;
    }[];
    seasonId = seasons.find((s) => s.code === "2020-2025")!.id;
    const created = await api.post(`${server.url}/api/orgs`, {
      headers: CSRF,
      data: {
        effectiveOn: "2020-01-01",
        code: "QN.HL.HONGGAI.KPNGAY",
        name: "Chi bộ khu phố Ngày Mới",
        level: "branch",
        kind: "village",
        parentId: await orgId("hong gai", "QN.HL.HONGGAI"),
      },
    });
    expect(created.status()).toBe(201);
    branchId = ((await created.json()) as { id: number }).id;
  });

  it("Enter in the plan's date takes the date and goes on to the venue; it does not save the plan", async () => {
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      if (r.method() !== "GET" && r.url().includes("/congresses/")) posts.push(r.url());
    };
    page.on("request", onRequest);
    try {
      await page.goto(`${server.url}/dai-hoi/${branchId}/ghi-nhan?ky=${seasonId}`);
      const plan = page.getByTestId("congress-form-plan");
      await plan.waitFor({ timeout: 30_000 });
      const range = plan.locator(".ant-picker-range input");
      await range.nth(0).click();
      await page.keyboard.type(dayFromToday(30));
      await page.keyboard.press("Enter");
      await expect.poll(() => range.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(dayFromToday(31));
      await page.keyboard.press("Enter");
      // The next field has the keyboard; nothing was sent, the congress has no plan yet.
      await expect
        .poll(() => plan.getByLabel("Địa điểm").evaluate((el) => el === document.activeElement))
        .toBe(true);
      await page.waitForTimeout(500);
      expect(posts).toEqual([]);
      expect(await page.getByTestId("congress-status").first().getAttribute("data-status")).toBe("none");
      expect(await range.nth(0).inputValue()).toBe(dayFromToday(30));
      expect(await range.nth(1).inputValue()).toBe(dayFromToday(31));

      await page.keyboard.type("Nhà văn hóa khu phố");
      await plan.getByLabel("Người phụ trách (để liên hệ)").fill("Đồng chí Trần Văn Bình");
      await plan.getByLabel("Điện thoại").fill("0912 000 222");
      await page.getByTestId("congress-plan-submit").click();
      await page
        .locator('[data-testid="congress-status"][data-status="planned"]')
        .first()
        .waitFor({ timeout: 15_000 });
      expect(posts).toHaveLength(1);
    } finally {
      page.off("request", onRequest);
    }
  });

  it("does not fill the 'held' dates with planned dates still ahead", async () => {
    const hold = page.getByTestId("congress-form-hold");
    await hold.waitFor({ timeout: 15_000 });
    const range = hold.locator(".ant-picker-range input");
    expect(await range.nth(0).inputValue()).toBe("");
    expect(await range.nth(1).inputValue()).toBe("");
  });

  it("replaces a date by typing over it, without selecting its text first", async () => {
    await page.getByRole("tab", { name: "Kế hoạch / đổi lịch" }).click();
    const plan = page.getByTestId("congress-form-plan");
    const start = plan.locator(".ant-picker-range input").nth(0);
    await expect.poll(() => start.inputValue()).toBe(dayFromToday(30));
    await start.click();
    await page.keyboard.type(dayFromToday(20));
    // Enter takes the start and goes to the end, Enter again keeps the end as it was.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => plan.getByLabel("Địa điểm").evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await start.inputValue()).toBe(dayFromToday(20));
    expect(await plan.locator(".ant-picker-range input").nth(1).inputValue()).toBe(dayFromToday(31));
  });
});

describe("layout and wording (item 9)", () => {
  it("shows the letter register's status column at 1440 px", async () => {
    await page.goto(`${server.url}/don-thu`);
    const status = page.getByTestId("petition-status").first();
    await status.waitFor({ timeout: 30_000 });
    const box = (await status.boundingBox())!;
    const table = (await page.getByTestId("petitions-table").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(table.x);
    expect(box.x + box.width).toBeLessThanOrEqual(Math.min(1440, table.x + table.width));
  });

  it("keeps an election's 'seats / list' on one line", async () => {
    await page.goto(`${server.url}/bau-cu`);
    const seats = page.getByTestId("election-seats").first();
    await seats.waitFor({ timeout: 30_000 });
    expect(await seats.textContent()).toBe("55 / 62");
    const lineHeight = await seats.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 22);
    expect((await seats.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  });

  it("offers a new branch only the kinds a branch can have, and a Vietnamese sector example", async () => {
    await page.goto(`${server.url}/to-chuc/${await orgId("hong gai", "QN.HL.HONGGAI")}`);
    await page.getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();
    const modal = page.getByRole("dialog");
    await modal.waitFor({ timeout: 15_000 });
    await modal.locator(".ant-select").first().click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Chi bộ trực thuộc" }).click();
    await page.getByTestId("add-child-kind").click();
    const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    await options.first().waitFor();
    const kinds = await options.allTextContents();
    expect(kinds).toContain("Thôn, bản, khu phố");
    for (const wrong of ["Thành phố", "Xã", "Huyện", "Phường", "Tỉnh"]) expect(kinds).not.toContain(wrong);
    await page.keyboard.press("Escape");
    await modal.getByRole("button", { name: "Hủy" }).click();

    await page.goto(`${server.url}/to-chuc`);
    const sector = page.getByTestId("org-filter-sector");
    expect(await sector.getAttribute("placeholder")).toBe("Ngành (ví dụ: Than)");
    await sector.fill("than");
    await page.getByTestId("org-search-result").first().waitFor({ timeout: 15_000 });
  });

  it("titles an organisation's congress card by its season, without 'Đại hội' twice", async () => {
    await page.goto(`${server.url}/to-chuc/${await orgId("hong gai", "QN.HL.HONGGAI")}`);
    const card = page.getByTestId("org-congress-card");
    await card.waitFor({ timeout: 30_000 });
    // "Đại hội" alone until the seasons arrive, then the season's own name.
    await expect
      .poll(() => card.locator(".ant-card-head-title").textContent(), { timeout: 15_000 })
      .toBe("Đại hội nhiệm kỳ 2020–2025");
  });
});

describe("the hall's projection (item 9)", () => {
  const candidates = Array.from({ length: 62 }, (_, i) => ({
    position: i + 1,
    id: `c${i + 1}`,
    name: `Nguyễn Thị Thanh Hương ${i + 1}`,
    votes: 340 - i * 3,
    percentOfBase: `${(((340 - i * 3) * 100) / 348).toFixed(2).replace(".", ",")}%`,
    passed: i < 58,
    rank: i + 1,
    outcome: (i < 55 ? "elected" : i < 58 ? "passed-not-elected" : "below-threshold") as "elected",
    explanation: "",
  }));
  const projection: ProjectionDto = {
    electionId: 999_001,
    title: "Bầu Ban Chấp hành Đảng bộ thành phố",
    organisation: "Đảng bộ thành phố Hạ Long",
    released: true,
    releasedAt: "2020-07-20T09:00:00Z",
    result: {
      ruleSet: "party-190",
      office: "committee",
      officeLabel: "Ban Chấp hành",
      round: 1,
      seats: 55,
      alternateSeats: 0,
      base: { kind: "present", convened: 350, subtractions: [], n: 348, threshold: 175, description: "" },
      ballots: {
        present: 348,
        issued: 348,
        collected: 348,
        valid: 346,
        invalid: 2,
        invalidByReason: [],
        rowsForNobody: null,
      },
      candidates,
      elected: candidates
        .slice(0, 55)
        .map((c) => ({ position: c.position, id: c.id, name: c.name, votes: c.votes })),
      alternates: [],
      ties: [],
      openSeats: 0,
      openAlternateSeats: 0,
      nextStep: { kind: "complete" },
    },
  } as ProjectionDto;

  for (const [width, height] of [
    [1440, 900],
    [1920, 1080],
  ] as const) {
    it(`shows all 62 names without scrolling at ${width}×${height}`, async () => {
      const hall = await browser.context.newPage();
      try {
        await hall.setViewportSize({ width, height });
        await hall.route("**/api/elections/999001/projection", (route) =>
          route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(projection) }),
        );
        await hall.goto(`${server.url}/trinh-chieu/999001`);
        const rows = hall.getByTestId("projection-row");
        await rows.first().waitFor({ timeout: 30_000 });
        expect(await rows.count()).toBe(62);
        const fit = await hall.evaluate(() => ({
          scrollHeight: document.documentElement.scrollHeight,
          scrollWidth: document.documentElement.scrollWidth,
          innerHeight: window.innerHeight,
          innerWidth: window.innerWidth,
        }));
        expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight);
        expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
        // Every name inside the screen, in type the back of a hall can still read.
        const boxes = await rows.evaluateAll((trs) =>
          trs.map((tr) => {
            const r = tr.getBoundingClientRect();
            return {
              bottom: r.bottom,
              right: r.right,
              font: Number.parseFloat(getComputedStyle(tr).fontSize),
            };
          }),
        );
        for (const b of boxes) {
          expect(b.bottom).toBeLessThanOrEqual(height);
          expect(b.right).toBeLessThanOrEqual(width);
          expect(b.font).toBeGreaterThanOrEqual(14);
        }
      } finally {
        await hall.close();
      }
    });
  }
});

describe("the progress dashboard (item 8)", () => {
  interface SeasonLevel {
    code: string;
    window: { start: string; end: string };
  }
  let season: { id: number; rootOrgId: number; levels: SeasonLevel[] };

  beforeAll(async () => {
    const api = browser.context.request;
    const seasons = (await (await api.get(`${server.url}/api/seasons`)).json()) as (typeof season & {
      code: string;
    })[];
    season = seasons.find((s) => s.code === "2020-2025")!;
  });

  it("opens a finished season on its last day, shows a skeleton while the chart's code loads, then the chart", async () => {
    // The chart's code arrives late, as on a slow line.
    await page.route(/\/assets\/echarts-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    try {
      await page.goto(`${server.url}/dai-hoi?ky=${season.id}`);
      const lastDay = season.levels
        .map((l) => l.window.end)
        .sort()
        .at(-1)!;
      const [y, m, d] = lastDay.split("-");
      const asOf = page.getByTestId("as-of-picker").locator("input");
      await expect.poll(() => asOf.inputValue(), { timeout: 30_000 }).toBe(`${d}/${m}/${y}`);
      await page.getByTestId("progress-chart-loading").waitFor({ timeout: 30_000 });
      await page.getByTestId("progress-chart").locator("canvas").first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("progress-chart-loading").count()).toBe(0);
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
  });

  it("says 'Không có' for the pilots of a level without any, not 0/0", async () => {
    const api = browser.context.request;
    let level: string | undefined;
    const asOf = season.levels
      .map((l) => l.window.end)
      .sort()
      .at(-1)!;
    for (const l of season.levels) {
      const r = await api.get(
        `${server.url}/api/seasons/${season.id}/progress?orgId=${season.rootOrgId}&level=${l.code}&asOf=${asOf}`,
      );
      expect(r.status()).toBe(200);
      const p = (await r.json()) as { pilots: { total: number } };
      if (p.pilots.total === 0) level = l.code;
    }
    expect(level).toBeDefined();
    await page.goto(`${server.url}/dai-hoi?ky=${season.id}&cap=${level}`);
    const pilots = page.getByTestId("progress-pilots-value");
    await expect.poll(() => pilots.textContent(), { timeout: 30_000 }).toBe("Không có");
  });
});

describe("the whole visit", () => {
  it("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
