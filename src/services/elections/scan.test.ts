/**
 * A scanned bundle as one independent entry: upload a scanner PDF and a photo, pages of another
 * list, a page twice; adjudicate the doubted page; a clerk types the same ballots; the bundle is
 * accepted by the existing comparison and the result equals the typed count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/db.ts";
import { committeeElectionBody, grantCounting, seedHeldCongress } from "../../../test/elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../../test/factories.ts";
import { SYSTEM_ACTOR } from "../../db/audit.ts";
import { findUserByUsername, listGrants } from "../../db/repositories/users.ts";
import { layoutBallot } from "../../domain/scan/layout.ts";
import { BRANCH_4_OF_4 } from "../../io/scan/fixtures.ts";
import { generateScan, type SyntheticScan, scansToPdf } from "../../io/scan/synthetic.ts";
import { accessFromGrants, FULL_ACCESS, type Principal } from "../access.ts";
import { seedDemoUsers } from "../demo-users.ts";
import {
  adjudicateScanPage,
  appendBallot,
  ballotLayoutOf,
  createBundles,
  createElection,
  finishEntry,
  getLog,
  listBundles,
  listScanPages,
  scanBundle,
  scanPageImage,
  startCounting,
  startEntry,
} from "./index.ts";

let t: TestDatabase;
let ids: Map<string, number>;
let seasonId: number;
const admin: Principal = { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null };

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await seedSmallProvince(t.database.db);
  seasonId = await seedSmallSeason(t.database.db, ids);
  await seedDemoUsers(t.database.db, SYSTEM_ACTOR);
});
afterAll(async () => t.cleanup());

async function principalOf(username: string): Promise<Principal> {
  const u = (await findUserByUsername(t.database.db, username))!;
  const grants = await listGrants(t.database.db, [u.id]);
  return { actor: { userId: u.id, label: username }, access: accessFromGrants(grants), sessionId: null };
}

describe("scanBundle", () => {
  it("counts a scanned bundle as one entry that reconciles with a typed one", async () => {
    const db = t.database.db;
    const congressId = await seedHeldCongress(db, seasonId, ids.get("QN.CP")!, { convened: 12, present: 12 });
    for (const u of ["kiemphieu", "kiemphieu2"]) await grantCounting(db, u, congressId, ids.get("QN")!);
    const body = committeeElectionBody(congressId, { seats: 9, listSize: 10, convened: 12, bundleSize: 5 });
    const created = await createElection(db, admin, {
      ...body,
      present: 11,
      ballotsIssued: 5,
      ballotsCollected: 5,
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const started = await startCounting(db, admin, id);
    if (!started.ok) throw new Error(started.error.message);
    const made = await createBundles(db, admin, id, { total: 5 });
    if (!made.ok) throw new Error(made.error.message);

    const layout = await ballotLayoutOf(db, admin, id);
    if (!layout.ok) throw new Error(layout.error.message);
    const clean = { seats: 9, strayShare: 0, hardShare: 0, device: "scanner" as const, dpi: 150 };
    const scans: SyntheticScan[] = [];
    for (const seed of [31, 32, 33, 34]) scans.push(await generateScan(layout.value, { ...clean, seed }));
    // The fifth ballot carries writing below the list: the reader must ask the committee.
    let odd = await generateScan(layout.value, { ...clean, seed: 40, strayShare: 1 });
    for (let seed = 41; !odd.truth.ballot.addedName; seed++)
      odd = await generateScan(layout.value, { ...clean, seed, strayShare: 1 });
    const foreign = await generateScan(layoutBallot(BRANCH_4_OF_4), { seed: 3, seats: 4 });

    const scanner = await principalOf("kiemphieu");
    const first = await scanBundle(db, scanner, id, 1, [
      { name: "tap1.pdf", data: scansToPdf(scans.slice(0, 3)) },
      { name: "khac.jpg", data: foreign.jpeg },
      { name: "rac.txt", data: new TextEncoder().encode("not an image") },
    ]);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.pages.map((x) => [x.file, x.page, x.outcome, x.seq])).toEqual([
      ["khac.jpg", 1, "refused", undefined],
      ["rac.txt", 1, "unreadable", undefined],
      ["tap1.pdf", 1, "counted", 1],
      ["tap1.pdf", 2, "counted", 2],
      ["tap1.pdf", 3, "counted", 3],
    ]);
    expect(first.value.pages[0]!.message).toMatch(/cuộc bầu khác/);

    const second = await scanBundle(db, scanner, id, 1, [
      { name: "anh4.jpg", data: scans[3]!.jpeg },
      { name: "anh5.jpg", data: odd.jpeg },
      { name: "lai.pdf", data: scansToPdf([scans[0]!]) },
    ]);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.pages.map((x) => [x.file, x.outcome, x.seq])).toEqual([
      ["anh4.jpg", "counted", 4],
      ["anh5.jpg", "pending", 5],
      ["lai.pdf", "duplicate", undefined],
    ]);
    expect(second.value).toMatchObject({ counted: 4, pending: 1, expected: 5, entryFinished: false });

    const pending = await listScanPages(db, scanner, id, { status: "pending" });
    if (!pending.ok) throw new Error(pending.error.message);
    expect(pending.value).toHaveLength(1);
    const page = pending.value[0]!;
    expect(page.reasons).toEqual(["Có chữ viết dưới danh sách (có thể ghi thêm tên)"]);
    const image = await scanPageImage(db, scanner, id, page.id);
    expect(image.ok && image.value.subarray(1, 4)).toEqual(new TextEncoder().encode("PNG"));
    const decided = await adjudicateScanPage(db, scanner, id, page.id, odd.truth.ballot);
    expect(decided.ok && decided.value.status).toBe("adjudicated");
    expect((await adjudicateScanPage(db, scanner, id, page.id, odd.truth.ballot)).ok).toBe(false);

    // A clerk types the same five ballots: the entries agree and the bundle is accepted.
    const clerk = await principalOf("kiemphieu2");
    const bundleId = (await listBundles(db, clerk, id)).ok
      ? ((await listBundles(db, clerk, id)) as { ok: true; value: { id: number }[] }).value[0]!.id
      : 0;
    const entry = await startEntry(db, clerk, id, bundleId);
    if (!entry.ok) throw new Error(entry.error.message);
    for (const [i, s] of [...scans, odd].entries()) {
      const r = await appendBallot(db, clerk, id, entry.value.id, {
        idempotencyKey: `typed-${i}`,
        ballot: s.truth.ballot,
      });
      if (!r.ok) throw new Error(r.error.message);
    }
    expect((await finishEntry(db, clerk, id, entry.value.id)).ok).toBe(true);
    const bundles = await listBundles(db, clerk, id);
    expect(bundles.ok && bundles.value[0]!.status).toBe("accepted");

    const log = await getLog(db, admin, id, 0, 1000);
    if (!log.ok) throw new Error(log.error.message);
    const texts = JSON.stringify(log.value);
    expect(texts).toContain("máy đọc");
    // The committee saw the added name the machine could only suspect: a correction, logged as such.
    expect(texts).toContain("Ban kiểm phiếu sửa — máy đọc");
    expect(texts).toContain("Hoàn thành quét Tập 01 (5 phiếu)");
  });
});
