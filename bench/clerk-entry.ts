/**
 * Clerk cost (issue 5): a scripted browser run enters the demo's 348 ballots for a 55-seat list (62
 * names, a cross-out ballot typed two digits a name) across three entry teams (kiemphieu,
 * kiemphieu2, kiemphieu3), each bundle of 50 entered by as many teams as the election requires (two:
 * the teams take turns in pairs; three: every team enters every bundle). Every keystroke the entry page receives is counted in
 * the page itself, and any mouse click on it too; the script asserts that a ballot costs no more
 * keystrokes than the digits of its struck-out numbers plus Enter, and no click at all. It then
 * accepts every bundle and checks the server's totals against the domain's own tally of the ballots.
 *
 *   node_modules/.bin/node bench/clerk-entry.ts
 *
 * Prints keystrokes per ballot and the elapsed time per team and overall.
 */
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { startTestServer } from "../e2e/helpers.ts";
import { createRandom } from "../src/demo/random.ts";
import { unwrap } from "../src/domain/basics/result.ts";
import { type CrossOutBallot, makeBallotSpec } from "../src/domain/election/ballot.ts";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS } from "../src/domain/election/rules.ts";
import { tallyBallots } from "../src/domain/election/tally.ts";
import { ballotKeys, minimalKeystrokes } from "../src/web/components/election/ballotEntry.ts";

const BALLOTS = 348;
const SEATS = 55;
const CANDIDATES = 62;
const BUNDLE = 50;
const TEAMS = [
  { username: "kiemphieu", password: "HomPhieu#2025" },
  { username: "kiemphieu2", password: "HomPhieu2#2025" },
  { username: "kiemphieu3", password: "HomPhieu3#2025" },
] as const;
const CSRF = { "x-requested-with": "daihoi" };

/** Each voter strikes 7–12 names, favouring some candidates; about 3% keep too many names. */
function makeBallots(count: number): CrossOutBallot[] {
  const rnd = createRandom(20_251_126);
  const weight = Array.from({ length: CANDIDATES }, () => 0.2 + rnd.next() ** 3 * 3);
  const out: CrossOutBallot[] = [];
  for (let b = 0; b < count; b++) {
    const k = rnd.next() < 0.03 ? rnd.int(0, 6) : rnd.int(7, 12);
    const picked = new Set<number>();
    while (picked.size < k) {
      let r = rnd.next() * weight.reduce((a, w) => a + w, 0);
      let p = 0;
      while (r > weight[p]! && p < CANDIDATES - 1) r -= weight[p++]!;
      picked.add(p + 1);
    }
    out.push({ kind: "cross-out", crossedOut: [...picked].sort((a, c) => a - c) });
  }
  return out;
}

interface TeamFigures {
  ballots: number;
  keys: number;
  minimal: number;
  clicks: number;
  ms: number;
}

/** Counts every key and click the page receives (capture phase, before React sees them). */
const COUNTERS = () => {
  const w = window as unknown as { __keys: number; __clicks: number };
  w.__keys = 0;
  w.__clicks = 0;
  document.addEventListener("keydown", () => w.__keys++, true);
  document.addEventListener("mousedown", () => w.__clicks++, true);
};

async function enterOne(
  page: Page,
  base: string,
  electionId: number,
  bundleNumber: number,
  ballots: readonly CrossOutBallot[],
  figures: TeamFigures,
): Promise<void> {
  await page.goto(`${base}/bau-cu/${electionId}?tab=tap-phieu`);
  await page.getByTestId(`enter-bundle-${bundleNumber}`).click();
  const input = page.getByTestId("ballot-input");
  await input.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "ballot-input");
  const before = await page.evaluate(() => {
    const w = window as unknown as { __keys: number; __clicks: number };
    return { keys: w.__keys, clicks: w.__clicks };
  });
  const t0 = performance.now();
  for (const ballot of ballots) {
    const keys = ballotKeys(ballot, CANDIDATES);
    for (const k of keys) await page.keyboard.press(k);
    await page.keyboard.press("Enter");
    figures.minimal += minimalKeystrokes(ballot, CANDIDATES);
  }
  await page.getByTestId("entry-complete").waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes("Đang gửi…"), undefined, {
    timeout: 60_000,
  });
  const after = await page.evaluate(() => {
    const w = window as unknown as { __keys: number; __clicks: number };
    return { keys: w.__keys, clicks: w.__clicks };
  });
  figures.ms += performance.now() - t0;
  figures.keys += after.keys - before.keys;
  figures.clicks += after.clicks - before.clicks;
  figures.ballots += ballots.length;
  process.stderr.write(
    `  ${bundleNumber}: ${ballots.length} ballots in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  // Enter on the empty line: the bundle is finished (one more key, counted apart from the ballots).
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?tab=tap-phieu/, { timeout: 30_000 });
}

async function main(): Promise<void> {
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const contexts: BrowserContext[] = [];
    const newContext = async () => {
      const c = await browser!.newContext({ locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
      contexts.push(c);
      return c;
    };

    // ---------------------------------------------------------------- the election, through the API
    const admin = await newContext();
    const api = admin.request;
    const login = await api.post(`${server.url}/api/auth/login`, {
      headers: CSRF,
      data: { username: "quantri", password: "BanToChuc#2025" },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()}`);
    // The demo's ready-to-count election: 62 names for 55 seats, 348 ballots in bundles of 50,
    // counted by kiemphieu, kiemphieu2 and kiemphieu3 (README "Tài khoản mẫu").
    const list = (await (await api.get(`${server.url}/api/elections`)).json()) as {
      id: number;
      seats: number;
      candidateCount: number;
      status: string;
    }[];
    const demo = list.find(
      (e) => e.seats === SEATS && e.candidateCount === CANDIDATES && e.status === "counting",
    );
    if (!demo) throw new Error("the demo's ready-to-count election (55 seats, 62 names) is not seeded");
    const election = (await (await api.get(`${server.url}/api/elections/${demo.id}`)).json()) as {
      id: number;
      entriesPerBundle: number;
      ballotsCollected: number;
    };
    if (election.ballotsCollected !== BALLOTS)
      throw new Error(`the demo collects ${election.ballotsCollected} ballots`);
    const ENTRIES = election.entriesPerBundle;
    const bundles = (await (await api.get(`${server.url}/api/elections/${election.id}/bundles`)).json()) as {
      id: number;
      number: number;
      expectedBallots: number;
    }[];
    bundles.sort((a, b) => a.number - b.number);

    const ballots = makeBallots(BALLOTS);
    const ofBundle = (n: number) => {
      const start = bundles.slice(0, n - 1).reduce((a, b) => a + b.expectedBallots, 0);
      return ballots.slice(start, start + bundles[n - 1]!.expectedBallots);
    };
    // Which teams enter which bundle: all three, or pairs in turn.
    const assignment = bundles.map((_bundle, i) =>
      ENTRIES === 3 ? [0, 1, 2] : [i % 3, (i + 1) % 3].sort((x, y) => x - y),
    );

    // ---------------------------------------------------------------- the three teams, in parallel
    const figures: TeamFigures[] = TEAMS.map(() => ({ ballots: 0, keys: 0, minimal: 0, clicks: 0, ms: 0 }));
    const t0 = performance.now();
    await Promise.all(
      TEAMS.map(async (team, t) => {
        const context = await newContext();
        await context.addInitScript(COUNTERS);
        const page = await context.newPage();
        await page.goto(`${server.url}/dang-nhap`);
        await page.getByTestId("login-username").fill(team.username);
        await page.getByTestId("login-password").fill(team.password);
        await page.getByTestId("login-submit").click();
        await page.getByTestId("header-user").waitFor({ timeout: 30_000 });
        for (const [i, b] of bundles.entries()) {
          if (!assignment[i]!.includes(t)) continue;
          await enterOne(page, server.url, election.id, b.number, ofBundle(b.number), figures[t]!);
        }
      }),
    );
    const elapsed = performance.now() - t0;

    // ---------------------------------------------------------------- accept, and check the totals
    // A bundle whose entries agree is accepted as its last entry is finished; accept any left.
    const after = (await (await api.get(`${server.url}/api/elections/${election.id}/bundles`)).json()) as {
      id: number;
      number: number;
      status: string;
    }[];
    for (const b of after.filter((x) => x.status !== "accepted")) {
      const r = await api.post(`${server.url}/api/elections/${election.id}/bundles/${b.id}/accept`, {
        headers: CSRF,
      });
      if (!r.ok()) throw new Error(`accept bundle ${b.number}: ${r.status()} ${await r.text()}`);
    }
    const result = (await (await api.get(`${server.url}/api/elections/${election.id}/result`)).json()) as {
      complete: boolean;
      runningVotes: number[];
      result: { ballots: { valid: number; invalid: number } } | null;
    };
    const expected = unwrap(
      tallyBallots(ballots, makeBallotSpec(CANDIDATES, SEATS, DEFAULT_EXTRA_INVALIDITY_GROUNDS)),
    );
    if (!result.complete) throw new Error("the totals do not stand after every bundle was accepted");
    if (JSON.stringify(result.runningVotes) !== JSON.stringify(expected.votes))
      throw new Error("the server's votes differ from the domain's tally of the typed ballots");
    if (result.result?.ballots.valid !== expected.valid) throw new Error("valid ballots differ");

    // ---------------------------------------------------------------- figures and the assertion
    const total = figures.reduce(
      (a, f) => ({
        ballots: a.ballots + f.ballots,
        keys: a.keys + f.keys,
        minimal: a.minimal + f.minimal,
        clicks: a.clicks + f.clicks,
        ms: Math.max(a.ms, f.ms),
      }),
      { ballots: 0, keys: 0, minimal: 0, clicks: 0, ms: 0 },
    );
    console.log(
      `clerk entry: ${BALLOTS} ballots × ${CANDIDATES} names for ${SEATS} seats, bundles of ${BUNDLE}, ${ENTRIES} entries per bundle, 3 teams`,
    );
    for (const [t, f] of figures.entries()) {
      console.log(
        `  ${TEAMS[t]!.username.padEnd(11)} ${String(f.ballots).padStart(4)} ballots, ${(f.keys / f.ballots).toFixed(2)} keystrokes/ballot (minimum ${(f.minimal / f.ballots).toFixed(2)}), ${f.clicks} clicks, ${(f.ms / 1000).toFixed(1)} s typing, ${(f.ms / f.ballots).toFixed(0)} ms/ballot`,
      );
    }
    console.log(
      `  all teams  ${total.ballots} ballots entered, ${(total.keys / total.ballots).toFixed(2)} keystrokes/ballot (digits of the struck numbers + Enter: ${(total.minimal / total.ballots).toFixed(2)}), ${total.clicks} clicks; elapsed ${(elapsed / 1000).toFixed(1)} s; totals match the domain tally (${expected.valid} valid, ${expected.invalid} invalid)`,
    );
    if (total.keys > total.minimal)
      throw new Error(`more keystrokes than the digits + Enter: ${total.keys} > ${total.minimal}`);
    if (total.clicks > 0) throw new Error(`${total.clicks} clicks on the entry page`);
    for (const c of contexts) await c.close();
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main();
