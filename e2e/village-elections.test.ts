/**
 * "Bầu trưởng thôn" in a real browser against the real server (PGlite, the demo province with its
 * 05/01/2020 election day, plus one new residential area that has not voted yet): the Hạ Long
 * officer records the area's meeting, sees at once from the form that nobody has more than half of
 * all households, saves it, and the area appears on the dashboard's re-election list — in another
 * tab, without a reload. The re-election then elects the head. The demo's indicator shows 100% of
 * village branch secretaries as village heads.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb, webBuildIsStale } from "../src/cli/web-build.ts";
import { createDb } from "../src/db/client.ts";
import { migrateDb } from "../src/db/migrate.ts";
import { startServer } from "../src/server/main.ts";
import { seedDemoProvince } from "../src/services/demo.ts";
import { importOrgs } from "../src/services/organisations/import.ts";
import { launchBrowser, loginInBrowser } from "./helpers.ts";

const NEW_AREA = {
  code: "QN.HL.HONGGAI.KPMOI",
  name: "Chi bộ khu phố Mới",
  level: "branch",
  kind: "village",
  parentCode: "QN.HL.HONGGAI",
  villageCode: "QN.HL.HONGGAI.KPMOI",
  villageName: "Khu phố Mới",
  villageKind: "khu phố",
};

describe("village-head elections in the browser", () => {
  let server: { url: string; stop(): Promise<void> };
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let dashboard: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (webBuildIsStale()) buildWeb();
    const database = await createDb({ kind: "pglite", dataDir: null });
    await migrateDb(database);
    await seedDemoProvince(database.db);
    const added = await importOrgs(
      database.db,
      { userId: null, label: "kiểm thử" },
      [{ rowNumber: 2, row: NEW_AREA }],
      {
        dryRun: false,
      },
    );
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const started = await startServer({ port: 0, host: "127.0.0.1", database, logLevel: "warn" });
    server = { url: started.url, stop: () => started.close() };
    browser = await launchBrowser({ viewport: { width: 1400, height: 1100 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (e) => pageErrors.push(`pageerror: ${e.message}`));
    await loginInBrowser(page, server.url, "canbo.halong", "VinhHaLong#2025");
    dashboard = await browser.context.newPage();
    dashboard.on("pageerror", (e) => pageErrors.push(`pageerror: ${e.message}`));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the day's dashboard from the menu: every demo village of Hạ Long reported and elected", async () => {
    await page.getByRole("menuitem", { name: "Bầu trưởng thôn" }).click();
    await page.waitForURL(/\/bau-truong-thon$/);
    const reported = await page.getByTestId("village-reported-value").textContent();
    const [done, total] = reported!.split("/").map((x) => Number(x.replace(/\./g, "")));
    // The new area has not voted yet; all the others elected their heads on 05/01/2020.
    expect(total! - done!).toBe(1);
    expect(await page.getByTestId("village-reelection-value").textContent()).toBe("0");
  });

  it("lets the officer record a meeting and see at once that it must elect again, then the dashboard lists it", async () => {
    await dashboard.goto(`${server.url}/bau-truong-thon`);
    await dashboard.getByTestId("village-live").and(dashboard.locator('[data-status="live"]')).waitFor();

    await page.getByTestId("village-record-link").click();
    await page.waitForURL(/ghi-ket-qua/);
    await page.getByTestId("village-select").click();
    await page.keyboard.type("Khu phố Mới");
    await page.keyboard.press("Enter");
    await page.locator("#meeting_electorate").waitFor();
    await page.locator("#meeting_electorate").fill("180");
    await page.locator("#meeting_present").fill("150");
    await page.locator("#meeting_issued").fill("150");
    await page.locator("#meeting_collected").fill("150");
    await page.locator("#meeting_valid").fill("148");
    await page.locator("#meeting_invalid").fill("2");
    await page.locator("#meeting_team").fill("Nguyễn Văn Tổ; Trần Thị Bầu");
    await page.locator("#meeting_candidates_0_fullName").fill("Phạm Văn Mới");
    await page.locator("#meeting_candidates_0_birthDate").fill("1978-05-05");
    await page.locator("#meeting_candidates_0_votes").fill("85");
    await page.getByTestId("add-candidate").click();
    await page.locator("#meeting_candidates_1_fullName").fill("Lê Thị Thu");
    await page.locator("#meeting_candidates_1_votes").fill("63");

    // The decision is shown while typing, by the same rule set the server applies.
    const decision = page.getByTestId("meeting-decision");
    await decision.and(page.locator('[data-outcome="re-election-needed"]')).waitFor();
    const text = await decision.textContent();
    expect(text).toContain("Hội nghị có 150/180 = 83,33% đại diện hộ gia đình tham dự");
    expect(text).toContain("Ủy ban nhân dân cấp xã chỉ đạo tổ chức bầu lại");
    expect(text).toContain(
      "cao nhất nhưng không quá 1/2 tổng số đại diện hộ gia đình của khu phố (cần ít nhất 91 phiếu)",
    );

    await page.getByTestId("meeting-save").click();
    await page
      .getByTestId("village-status")
      .and(page.locator('[data-status="re-election-needed"]'))
      .waitFor();

    // The other tab's dashboard moves by itself (server-sent events).
    const list = dashboard.getByTestId("village-reelection-list");
    await list.getByText("Khu phố Mới").waitFor({ timeout: 10_000 });
    expect(await list.textContent()).toContain("Đảng bộ phường Hồng Gai");
    expect(await dashboard.getByTestId("village-reelection-value").textContent()).toBe("1");
  });

  it("records the re-election: the head is elected and the area leaves the re-election list", async () => {
    await page.locator("#meeting_heldOn").fill("2020-01-12");
    await page.locator("#meeting_present").fill("160");
    await page.locator("#meeting_issued").fill("160");
    await page.locator("#meeting_collected").fill("160");
    await page.locator("#meeting_valid").fill("160");
    await page.locator("#meeting_invalid").fill("0");
    await page.locator("#meeting_candidates_0_fullName").fill("Phạm Văn Mới");
    await page.locator("#meeting_candidates_0_birthDate").fill("1978-05-05");
    await page.locator("#meeting_candidates_0_votes").fill("121");
    // The procedural votes (Nghị định 59/2023): stored with the minutes and shown with the round.
    await page.locator("#meeting_team").fill("Nguyễn Văn Tổ; Trần Thị Bầu; Lê Văn Phiếu");
    await page.locator("#meeting_methodApprovals").fill("158");
    await page.locator("#meeting_teamApprovals").fill("150");
    const decision = page.getByTestId("meeting-decision");
    await decision.and(page.locator('[data-outcome="elected"]')).waitFor();
    expect(await decision.textContent()).toContain("Phạm Văn Mới trúng cử trưởng khu phố");
    await page.getByTestId("meeting-save").click();
    await page.getByTestId("village-status").and(page.locator('[data-status="elected"]')).waitFor();
    expect(await page.getByTestId("village-explanation").textContent()).toContain(
      "Phạm Văn Mới trúng cử trưởng khu phố",
    );
    await dashboard.getByTestId("village-reelection-value").getByText("0").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("procedural-votes").last().textContent()).toContain(
      "Biểu quyết hình thức bầu: 158/160 người có mặt tán thành (98,75%); biểu quyết tổ bầu cử: 150/160 (93,75%).",
    );
    expect(pageErrors).toEqual([]);
  });

  it("records the commune's recognition: the head takes office that day, late with a warning", async () => {
    // Re-elected on Sunday 12/01/2020: 5 working days end on Friday 17/01; today is long past it.
    const note = page.getByTestId("recognition-note");
    expect(await note.getAttribute("data-late")).toBe("true");
    expect(await note.textContent()).toContain("Quá hạn công nhận");
    await page.getByTestId("recognition-decision").fill("12/QĐ-UBND");
    await page.getByTestId("recognition-date").fill("2020-01-20");
    await page.getByTestId("recognition-save").click();
    await page.getByTestId("recognition").getByText("12/QĐ-UBND").waitFor();
    expect(await page.getByTestId("recognition-note").textContent()).toBe(
      "Ủy ban nhân dân cấp xã công nhận ngày 20/01/2020, quá thời hạn 5 ngày làm việc (đến 17/01/2020); trưởng thôn nhận nhiệm vụ từ ngày công nhận",
    );
    expect(pageErrors).toEqual([]);
  });

  it("shows on a village branch's congress page that its secretary is the village head", async () => {
    const api = browser.context.request;
    const found = (await (
      await api.get(`${server.url}/api/orgs/search?q=hong%20gai&level=grassroots_committee`)
    ).json()) as { items: { id: number; code: string }[] };
    const hongGai = found.items.find((i) => i.code === "QN.HL.HONGGAI")!.id;
    const days = (await (await api.get(`${server.url}/api/village-elections`)).json()) as { id: number }[];
    const list = (await (
      await api.get(`${server.url}/api/village-elections/${days[0]!.id}/villages?orgId=${hongGai}`)
    ).json()) as { villages: { code: string; branchId: number }[] };
    const demoVillage = list.villages.find((v) => v.code !== NEW_AREA.villageCode)!;
    await page.goto(`${server.url}/dai-hoi/${demoVillage.branchId}/ghi-nhan`);
    await page.getByTestId("branch-secretary-is-head").getByText("Có").waitFor();
    expect(await page.getByTestId("village-head-link").textContent()).toContain("Đã bầu được trưởng thôn");
    expect(pageErrors).toEqual([]);
  });
});
