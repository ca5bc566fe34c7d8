/**
 * How fast the web app is for a user on a provincial network: Debian's Chromium with its network
 * emulation at 1,6 Mbit/s and 150 ms latency against the real server on the demo province.
 *
 *   node_modules/.bin/node bench/web-load.ts
 *
 * Prints (goals from issue 19, never loosened; a missed goal prints the real figure and "CHƯA ĐẠT"):
 *   - the JavaScript the login page downloads, compressed bytes on the wire (goal ≤ 250 KB);
 *   - /dai-hoi, signed in, cold cache, until usable (cards and the children table): throttled
 *     (goal ≤ 3 s) and on loopback (goal ≤ 1 s);
 *   - a repeat visit of /dai-hoi: assets downloaded again (goal 0; index.html may revalidate).
 */
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser, startTestServer } from "../e2e/helpers.ts";
import { DEMO_USERS } from "../src/services/demo-users.ts";

const KB = 1000;
const THROTTLE = { latency: 150, bitsPerSecond: 1_600_000 };

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  fromCache: boolean;
  status: number;
}

/** Records every response of the page through the DevTools protocol (bytes as sent on the wire). */
async function recordTransfers(cdp: CDPSession): Promise<Transfer[]> {
  const byId = new Map<string, Transfer>();
  const done: Transfer[] = [];
  cdp.on("Network.responseReceived", (e) => {
    byId.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      bytes: 0,
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
      status: e.response.status,
    });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const t = byId.get(e.requestId);
    if (t) t.fromCache = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const t = byId.get(e.requestId);
    if (!t) return;
    t.bytes = e.encodedDataLength;
    done.push(t);
  });
  await cdp.send("Network.enable");
  return done;
}

async function throttle(cdp: CDPSession, on: boolean): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: on ? THROTTLE.latency : 0,
    downloadThroughput: on ? THROTTLE.bitsPerSecond / 8 : -1,
    uploadThroughput: on ? THROTTLE.bitsPerSecond / 8 : -1,
  });
}

async function signIn(page: Page, url: string, username: string): Promise<void> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const r = await page.context().request.post(`${url}/api/auth/login`, {
    headers: { "x-requested-with": "daihoi" },
    data: { username: user.username, password: user.password },
  });
  if (r.status() !== 200) throw new Error(`login ${username}: ${r.status()}`);
}

async function untilDashboardUsable(page: Page): Promise<void> {
  await page.getByTestId("progress-cards").waitFor({ timeout: 120_000 });
  await page.getByTestId("child-ratio").first().waitFor({ timeout: 120_000 });
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "ĐẠT" : "CHƯA ĐẠT");

async function main(): Promise<void> {
  const server = await startTestServer();
  try {
    // 1. The login page, cold cache, throttled: JavaScript bytes on the wire.
    {
      const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      const transfers = await recordTransfers(cdp);
      await throttle(cdp, true);
      const t0 = performance.now();
      await page.goto(`${server.url}/dang-nhap`);
      await page.getByTestId("login-submit").waitFor({ timeout: 120_000 });
      const ms = performance.now() - t0;
      await page.waitForTimeout(500);
      const js = transfers.filter((t) => t.type === "Script");
      const bytes = js.reduce((s, t) => s + t.bytes, 0);
      console.log(
        `Trang đăng nhập: ${js.length} tệp JavaScript, ${fmt(bytes / KB, 1)} KB đã nén trên đường truyền (mục tiêu ≤ 250 KB: ${verdict(bytes <= 250 * KB)}); dùng được sau ${fmt(ms / 1000, 2)} s ở 1,6 Mbit/s + 150 ms`,
      );
      await browser.close();
    }

    // 2. /dai-hoi signed in, cold cache: throttled, then a repeat visit; 3. on loopback.
    for (const throttled of [true, false]) {
      const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
      const page = await browser.context.newPage();
      await signIn(page, server.url, "quantri");
      const cdp = await browser.context.newCDPSession(page);
      const transfers = await recordTransfers(cdp);
      await throttle(cdp, throttled);
      const t0 = performance.now();
      await page.goto(`${server.url}/dai-hoi`);
      await untilDashboardUsable(page);
      const ms = performance.now() - t0;
      const goal = throttled ? 3000 : 1000;
      const where = throttled ? "ở 1,6 Mbit/s + 150 ms" : "trên loopback";
      const js = transfers.filter((t) => t.type === "Script").reduce((s, t) => s + t.bytes, 0);
      console.log(
        `/dai-hoi lần đầu ${where}: dùng được sau ${fmt(ms / 1000, 2)} s (mục tiêu ≤ ${goal / 1000} s: ${verdict(ms <= goal)}); JavaScript ${fmt(js / KB, 1)} KB đã nén`,
      );
      if (throttled) {
        await page.waitForTimeout(1000);
        transfers.length = 0;
        const t1 = performance.now();
        await page.goto(`${server.url}/dai-hoi`);
        await untilDashboardUsable(page);
        const again = performance.now() - t1;
        await page.waitForTimeout(500);
        const assets = transfers.filter((t) => new URL(t.url).pathname.startsWith("/assets/"));
        // Served from the browser's cache: no bytes on the wire (memory-cache hits may not say so).
        const downloaded = assets.filter((t) => !t.fromCache && t.status === 200 && t.bytes > 0);
        console.log(
          `/dai-hoi lần sau ${where}: tải lại ${downloaded.length} tệp tĩnh (${fmt(downloaded.reduce((s, t) => s + t.bytes, 0) / KB, 1)} KB) trong ${assets.length} tệp dùng (mục tiêu 0: ${verdict(downloaded.length === 0)}); dùng được sau ${fmt(again / 1000, 2)} s`,
        );
        for (const d of downloaded) console.log(`  tải lại: ${new URL(d.url).pathname}`);
      }
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

await main();
