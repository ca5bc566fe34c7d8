/**
 * The election routes' entries of the authorisation matrix (src/server/authz-matrix.test.ts), kept apart so
 * the matrix file only gains one line per hook. Targets: an election of Hạ Long's congress ("in":
 * officer canbo.halong's subtree, and the congress kiemphieu counts) and one of Cẩm Phả's ("out").
 *
 * Most election routes are "session" routes decided per election by services/elections.ts:
 * read — admin, officers and viewers over the organisation, the congress's counting members;
 * manage/enter — admin, officers over it, its counting members (a viewer gets 403 where it can read);
 * an entry's ballots — only the clerk who owns the entry (here the administrator).
 */

import { insertScanPage } from "../src/db/repositories/scans.ts";
import { findUserByUsername } from "../src/db/repositories/users.ts";
import { FULL_ACCESS } from "../src/services/access.ts";
import {
  appendBallot,
  createBundles,
  createElection,
  startCounting,
  startEntry,
} from "../src/services/elections/index.ts";
import { loginAs, type TestApp } from "./app.ts";
import { committeeElectionBody, grantCounting, seedHeldCongress } from "./elections.ts";

type Where = "in" | "out";
type SignedIn = "admin" | "officerHL" | "viewerProvince" | "viewerHL" | "counting";
type Outcome = "allowed" | 401 | 403 | 404;
interface Req {
  readonly method: string;
  readonly url: string;
  readonly payload?: unknown;
}
interface ElectionSpec {
  readonly targeted: boolean;
  readonly build: (where: Where) => Promise<Req> | Req;
  readonly expect?: (role: SignedIn, where: Where) => Outcome;
}

interface Target {
  congressId: number;
  /** In setup. */
  setupId: number;
  /** Counting, with two bundles and the administrator's entry of the first. */
  countingId: number;
  bundleId: number;
  spareBundleId: number;
  entryId: number;
  /** A scanned page waiting for adjudication (inserted directly: no image pipeline needed here). */
  scanPageId: number;
}
const targets: Partial<Record<Where, Target>> = {};
const t = (w: Where) => targets[w]!;
let seq = 0;

export async function seedElectionTargets(
  h: TestApp,
  ids: Map<string, number>,
  seasonId: number,
): Promise<void> {
  const db = h.t.database.db;
  const admin = await findUserByUsername(db, "quantri");
  const p = { actor: { userId: admin!.id, label: "quantri" }, access: FULL_ACCESS, sessionId: null };
  for (const [w, code] of [
    ["in", "QN.HL"],
    ["out", "QN.CP"],
  ] as const) {
    const congressId = await seedHeldCongress(db, seasonId, ids.get(code)!, { convened: 40, present: 39 });
    const setup = await createElection(db, p, committeeElectionBody(congressId));
    const counting = await createElection(db, p, {
      ...committeeElectionBody(congressId),
      ballotsCollected: 20,
    });
    if (!setup.ok || !counting.ok) throw new Error("election targets");
    await startCounting(db, p, counting.value.id);
    const bundles = await createBundles(db, p, counting.value.id, { total: 20 });
    if (!bundles.ok) throw new Error(bundles.error.message);
    const entry = await startEntry(db, p, counting.value.id, bundles.value[0]!.id);
    if (!entry.ok) throw new Error(entry.error.message);
    await appendBallot(db, p, counting.value.id, entry.value.id, {
      idempotencyKey: `matrix-${w}-seed`,
      ballot: { kind: "cross-out", crossedOut: [6] },
    });
    const scanPageId = await insertScanPage(db, {
      electionId: counting.value.id,
      bundleId: bundles.value[0]!.id,
      entryId: entry.value.id,
      seq: 99,
      hash: `matrix-${w}`,
      fileName: "quet.pdf",
      page: 1,
      status: "pending",
      proposed: { kind: "cross-out", crossedOut: [] },
      reading: { rows: [], adjudication: [{ kind: "uncertain-row", position: 1 }] },
      image: Buffer.from("\x89PNG fake").toString("base64"),
    });
    targets[w] = {
      scanPageId,
      congressId,
      setupId: setup.value.id,
      countingId: counting.value.id,
      bundleId: bundles.value[0]!.id,
      spareBundleId: bundles.value[1]!.id,
      entryId: entry.value.id,
    };
  }
  await grantCounting(db, "kiemphieu", t("in").congressId, ids.get("QN")!);
  // Sessions are resolved per request, but log in once to be sure the grant is seen.
  await loginAs(h.app, "kiemphieu");
}

const read = (role: SignedIn, w: Where): Outcome =>
  role === "admin" || role === "viewerProvince" || w === "in" ? "allowed" : 404;

const manage = (role: SignedIn, w: Where): Outcome => {
  if (role === "admin") return "allowed";
  if (role === "viewerProvince") return 403;
  if (w === "out") return 404;
  return role === "viewerHL" ? 403 : "allowed";
};

/** Only the entry's clerk (the administrator) may add to it; others who can see it get 403. */
const ownEntry = (role: SignedIn, w: Where): Outcome => {
  if (role === "admin") return "allowed";
  if (role === "viewerProvince") return 403;
  return w === "out" ? 404 : 403;
};

const e = (w: Where, path = "") => `/api/elections/${t(w).countingId}${path}`;

export const ELECTION_SPECS: Record<string, ElectionSpec> = {
  "GET /api/elections": {
    targeted: false,
    build: () => ({ method: "GET", url: `/api/elections?congressId=${t("in").congressId}` }),
  },
  "POST /api/elections": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/elections",
      payload: committeeElectionBody(t(w).congressId),
    }),
  },
  "GET /api/elections/:id": { targeted: true, expect: read, build: (w) => ({ method: "GET", url: e(w) }) },
  "PUT /api/elections/:id": {
    targeted: true,
    // A stale version: passes authorisation, changes nothing (409).
    build: (w) => ({
      method: "PUT",
      url: `/api/elections/${t(w).setupId}`,
      payload: { version: 9999, seats: 4 },
    }),
  },
  "PUT /api/elections/:id/figures": {
    targeted: true,
    build: (w) => ({
      method: "PUT",
      url: `/api/elections/${t(w).setupId}/figures`,
      payload: { present: 39 },
    }),
  },
  "GET /api/elections/:id/ballot": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/ballot") }),
  },
  "POST /api/elections/:id/start": {
    targeted: true,
    // Already counting: 409 for whoever may start it.
    build: (w) => ({ method: "POST", url: e(w, "/start") }),
  },
  "GET /api/elections/:id/bundles": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/bundles") }),
  },
  "POST /api/elections/:id/bundles": {
    targeted: true,
    expect: manage,
    build: (w) => ({
      method: "POST",
      url: e(w, "/bundles"),
      payload: { expectedBallots: 1, number: 100 + ++seq },
    }),
  },
  "POST /api/elections/:id/bundles/:bundleId/entries": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "POST", url: e(w, `/bundles/${t(w).bundleId}/entries`) }),
  },
  "GET /api/elections/:id/entries/:entryId": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, `/entries/${t(w).entryId}`) }),
  },
  "POST /api/elections/:id/entries/:entryId/ballots": {
    targeted: true,
    expect: ownEntry,
    build: (w) => ({
      method: "POST",
      url: e(w, `/entries/${t(w).entryId}/ballots`),
      payload: { idempotencyKey: `matrix-${w}-${++seq}`, ballot: { kind: "cross-out", crossedOut: [6] } },
    }),
  },
  "POST /api/elections/:id/entries/:entryId/undo": {
    targeted: true,
    expect: ownEntry,
    build: (w) => ({
      method: "POST",
      url: e(w, `/entries/${t(w).entryId}/undo`),
      payload: { idempotencyKey: `matrix-${w}-seed` },
    }),
  },
  "POST /api/elections/:id/entries/:entryId/finish": {
    targeted: true,
    expect: ownEntry,
    build: (w) => ({ method: "POST", url: e(w, `/entries/${t(w).entryId}/finish`) }),
  },
  "GET /api/elections/:id/bundles/:bundleId/comparison": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, `/bundles/${t(w).bundleId}/comparison`) }),
  },
  "POST /api/elections/:id/bundles/:bundleId/accept": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "POST", url: e(w, `/bundles/${t(w).bundleId}/accept`) }),
  },
  "POST /api/elections/:id/bundles/:bundleId/reenter": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "POST", url: e(w, `/bundles/${t(w).spareBundleId}/reenter`), payload: {} }),
  },
  "GET /api/elections/:id/result": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/result") }),
  },
  "POST /api/elections/:id/bundles/:number/scans": {
    targeted: true,
    expect: manage,
    // Not multipart: 400 once authorised; nothing is written.
    build: (w) => ({ method: "POST", url: e(w, "/bundles/1/scans"), payload: {} }),
  },
  "GET /api/elections/:id/scans": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/scans?status=pending") }),
  },
  "GET /api/elections/:id/scans/:pageId/image": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "GET", url: e(w, `/scans/${t(w).scanPageId}/image`) }),
  },
  "POST /api/elections/:id/scans/:pageId/adjudicate": {
    targeted: true,
    expect: manage,
    // The first allowed caller decides the page; later ones get 409 (already decided).
    build: (w) => ({
      method: "POST",
      url: e(w, `/scans/${t(w).scanPageId}/adjudicate`),
      payload: { ballot: { kind: "cross-out", crossedOut: [1] } },
    }),
  },
  "GET /api/elections/:id/log": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/log") }),
  },
  "POST /api/elections/:id/release": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "POST", url: e(w, "/release") }),
  },
  "GET /api/elections/:id/projection": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/projection") }),
  },
  "POST /api/elections/:id/close": {
    targeted: true,
    expect: manage,
    build: (w) => ({ method: "POST", url: e(w, "/close") }),
  },
  "POST /api/elections/:id/reopen": {
    targeted: true,
    build: (w) => ({ method: "POST", url: e(w, "/reopen"), payload: { reason: "Kiểm tra quyền" } }),
  },
  "POST /api/elections/:id/next-round": {
    targeted: true,
    // Not closed: 409 for whoever may decide it.
    build: (w) => ({ method: "POST", url: e(w, "/next-round"), payload: { positions: [1] } }),
  },
  "GET /api/elections/:id/count-file.json": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/count-file.json") }),
  },
  "GET /api/elections/:id/minutes.docx": {
    targeted: true,
    expect: read,
    build: (w) => ({ method: "GET", url: e(w, "/minutes.docx") }),
  },
};
