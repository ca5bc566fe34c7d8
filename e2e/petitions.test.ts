/**
 * Letters (đơn thư) in the browser: an officer with the complaints grant registers a denunciation
 * about a person from Cẩm Phả's congress page, the congress page shows it open and the person is
 * flagged, also where a candidate list for that congress is prepared; the letter is triaged,
 * assigned and concluded; the congress page shows none open and the flag clears. A plain officer sees only the count of Hạ Long's open letters, never their content.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, loginInBrowser, startTestServer } from "./helpers.ts";

describe("letters (đơn thư)", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let campha: number;
  let halong: number;
  let seasonId: number;
  let person: { id: number; fullName: string };
  let letterId: number;
  /** The person the letter names (the register may hold namesakes). */
  let subjectId: number;

  const json = async <T>(url: string): Promise<T> =>
    (await page.evaluate(`fetch(${JSON.stringify(url)}).then((r) => r.json())`)) as T;
  const panel = () =>
    json<{ congressId: number | null; openCount: number; items: unknown[] | null }>(
      `/api/seasons/${seasonId}/congresses/${campha}/petitions`,
    );
  const flagged = async () => {
    const p = await panel();
    const f = await json<{ flags: { flagged: boolean }[] }>(
      `/api/congresses/${p.congressId}/complaint-flags?personIds=${subjectId}`,
    );
    return f.flags[0]!.flagged;
  };

  /** The candidate-list form of a new election at Cẩm Phả's congress, with the person linked. */
  const prepareList = async () => {
    const p = await panel();
    await page.goto(`${server.url}/bau-cu?daiHoi=${p.congressId}`);
    await page.getByTestId("new-election").click();
    await page.getByTestId("candidates-text").fill(`${person.fullName} #${subjectId}\nNguyễn Văn Khác`);
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("registers a denunciation about a person from the congress page; the person is flagged", async () => {
    await loginInBrowser(page, server.url, "thanhtra.tinh", "DonThu#2025");
    const orgs = await json<{ items: { id: number; code: string }[] }>(
      "/api/orgs/search?q=thanh%20pho&limit=50",
    );
    campha = orgs.items.find((o) => o.code === "QN.CP")!.id;
    halong = orgs.items.find((o) => o.code === "QN.HL")!.id;
    seasonId = (await json<{ id: number }[]>("/api/seasons"))[0]!.id;
    const people = await json<{ items: { id: number; fullName: string }[] }>(
      `/api/people?within=${campha}&limit=5`,
    );
    person = people.items[0]!;

    await page.goto(`${server.url}/dai-hoi/${campha}/ghi-nhan?ky=${seasonId}`);
    await page.getByTestId("congress-petitions-none").waitFor({ timeout: 30_000 });
    await page.getByTestId("congress-new-petition").click();
    await page.getByTestId("petition-register-form").waitFor();
    await page.getByTestId("sender-name").fill("Trần Văn Gửi Đơn");
    await page.getByTestId("summary").fill("Tố cáo việc kê khai lý lịch không trung thực");
    await page.getByTestId("petition-people").click();
    await page.getByTestId("petition-people").locator("input").fill(person.fullName);
    await page.locator(".ant-select-item-option").filter({ hasText: person.fullName }).first().click();
    await page.keyboard.press("Escape");
    expect(await page.getByRole("checkbox", { name: /Liên quan nhân sự đại hội/ }).isChecked()).toBe(true);
    await page.getByTestId("register-submit").click();
    await page.waitForURL(/\/don-thu\/\d+$/, { timeout: 30_000 });
    letterId = Number(page.url().split("/").at(-1));
    await page.getByTestId("petition-status").filter({ hasText: "Mới tiếp nhận" }).waitFor();
    const letter = await json<{ subjects: { personId: number; personName: string }[] }>(
      `/api/petitions/${letterId}`,
    );
    expect(letter.subjects.map((s) => s.personName)).toEqual([person.fullName]);
    subjectId = letter.subjects[0]!.personId;

    await page.goto(`${server.url}/dai-hoi/${campha}/ghi-nhan?ky=${seasonId}`);
    await page
      .getByTestId("congress-petitions")
      .getByText("Tố cáo việc kê khai lý lịch không trung thực")
      .waitFor({ timeout: 30_000 });
    expect((await panel()).openCount).toBe(1);
    expect(await flagged()).toBe(true);
    // Preparing the congress's candidate list: the person, linked by "#id", is flagged.
    await prepareList();
    await page
      .getByTestId("candidate-complaint-flags")
      .filter({ hasText: `${person.fullName}: 1 đơn chưa giải quyết, 1 liên quan đến đại hội này` })
      .waitFor({ timeout: 30_000 });
  });

  it("settles the letter with a conclusion; the congress shows none open and the flag clears", async () => {
    await page.goto(`${server.url}/don-thu/${letterId}`);
    await page.getByTestId("triage-submit").click();
    await page.getByTestId("petition-status").filter({ hasText: "Đã phân loại" }).waitFor();
    await page.getByTestId("assignee").fill("Đ/c Kiểm Tra Viên");
    await page.getByTestId("assign-submit").click();
    await page.getByTestId("petition-status").filter({ hasText: "Đang giải quyết" }).waitFor();
    await page.getByTestId("conclude-form").locator("label").filter({ hasText: /^Sai$/ }).click();
    await page.getByTestId("conclusion-text").fill("Nội dung tố cáo không có cơ sở");
    await page.getByTestId("conclude-submit").click();
    await page.getByTestId("petition-status").filter({ hasText: "Đã kết luận" }).waitFor();
    await page.getByTestId("petition-conclusion").filter({ hasText: "Sai" }).waitFor();

    await page.goto(`${server.url}/dai-hoi/${campha}/ghi-nhan?ky=${seasonId}`);
    await page.getByTestId("congress-petitions-none").waitFor({ timeout: 30_000 });
    expect(await flagged()).toBe(false);
    const checked = page.waitForResponse((r) => r.url().includes("/complaint-flags"), { timeout: 30_000 });
    await prepareList();
    await checked;
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("candidate-complaint-flags").count()).toBe(0);
  });

  it("shows a plain officer only the count, and no content through the UI or the API", async () => {
    await page.getByTestId("logout-button").click();
    await page.waitForURL(/\/dang-nhap/);
    await loginInBrowser(page, server.url, "canbo.halong", "VinhHaLong#2025");
    // The demo's open denunciation about Hạ Long's secretary bears on Hạ Long's congress.
    await page.goto(`${server.url}/dai-hoi/${halong}/ghi-nhan?ky=${seasonId}`);
    await page.getByTestId("congress-petitions-count").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("congress-petitions").textContent()).not.toMatch(/kê khai|Tố cáo đồng chí/);
    // The section is out of reach for this role: the layout says why (issue 19), before any page loads.
    for (const url of [`${server.url}/don-thu`, `${server.url}/don-thu/${letterId}`]) {
      await page.goto(url);
      const blocked = page.getByTestId("section-blocked");
      await blocked.waitFor({ timeout: 30_000 });
      expect(await blocked.textContent()).toMatch(/đơn thư/);
      expect(await blocked.textContent()).not.toMatch(/kê khai|Tố cáo đồng chí/);
    }
    const status = await page.evaluate(`fetch("/api/petitions/${letterId}").then((r) => r.status)`);
    expect(status).toBe(403);
    const list = await page.evaluate(`fetch("/api/petitions").then((r) => r.status)`);
    expect(list).toBe(403);
  });
});
