/**
 * Counting from scanned ballots (issue 18). A scanned bundle is one independent entry, like a
 * clerk's: the pages are read (src/io/scan), every page read with certainty becomes a ballot of
 * the scan entry at its position in the bundle, and every page the reader doubts waits for the
 * counting committee (scan-pages.ts). The entry then reconciles with a typed entry (or a second
 * scan) by the existing comparison. Pages of another election, round or list, unreadable pages and
 * pages scanned before are reported one by one and change nothing.
 */

import sharp from "sharp";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import * as scans from "../../db/repositories/scans.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type Ballot,
  checkBallotEntry,
  describeBallot,
  describeBallotEntryError,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import {
  type AdjudicationReason,
  describeAdjudicationReason,
  interpretScores,
  type RowDecision,
} from "../../domain/scan/interpret.ts";
import { type BallotLayout, layoutBallot, parseBallotCode } from "../../domain/scan/layout.ts";
import type { GrayImage } from "../../io/scan/geometry.ts";
import { pagesOf } from "../../io/scan/pages.ts";
import { readBallotPage } from "../../io/scan/read.ts";
import type { Principal } from "../access.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { bundleLabel, load, log, notify, requireStatus, specOf } from "./access.ts";
import { validityOf } from "./present.ts";
import { finishIfComplete } from "./scan-pages.ts";
import { getBallotPrint } from "./setup.ts";

/** The label of a scan entry in the entry log and the comparison. */
export const SCAN_LABEL_PREFIX = "Máy quét";

export interface ScanFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export type ScanPageOutcome = "counted" | "pending" | "duplicate" | "refused" | "unreadable" | "too-many";

export interface ScanPageReport {
  readonly file: string;
  readonly page: number;
  readonly outcome: ScanPageOutcome;
  /** Position in the bundle (counted and pending pages). */
  readonly seq?: number | undefined;
  readonly message: string;
}

export interface ScanReport {
  readonly bundleNumber: number;
  readonly entryId: number | null;
  readonly pages: readonly ScanPageReport[];
  readonly counted: number;
  readonly pending: number;
  readonly expected: number;
  readonly entryFinished: boolean;
}

export interface ScanPageDto {
  readonly id: number;
  readonly bundleId: number;
  readonly entryId: number;
  readonly seq: number;
  readonly fileName: string;
  readonly page: number;
  readonly status: "accepted" | "pending" | "adjudicated";
  readonly proposed: Ballot;
  readonly decided: Ballot | null;
  readonly rows: readonly RowDecision[];
  readonly reasons: readonly string[];
}

export interface StoredReading {
  readonly rows: readonly RowDecision[];
  readonly adjudication: readonly AdjudicationReason[];
}

/** The layout the ballots of this election were printed with (the print page's own input). */
export async function ballotLayoutOf(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<BallotLayout, AppError>> {
  const b = await getBallotPrint(db, p, id);
  if (!b.ok) return b;
  const v = b.value;
  return ok(
    layoutBallot({
      electionId: v.electionId,
      round: v.round,
      kind: v.kind,
      seats: v.seats + v.alternateSeats,
      orgName: v.organisation,
      congressName: v.congressName,
      title: v.title,
      instruction: v.instruction,
      candidates: v.candidates.map((c) => ({ position: c.position, name: c.fullName })),
    }),
  );
}

function refusalOf(layout: BallotLayout, text: string): BallotLayout | { refused: string } {
  if (text === layout.code.payload) return layout;
  const code = parseBallotCode(text);
  const mine = parseBallotCode(layout.code.payload)!;
  if (!code) return { refused: "Mã trên phiếu không phải mã phiếu bầu của Đại Hội" };
  if (code.electionId !== mine.electionId)
    return { refused: `Phiếu của cuộc bầu khác (số ${code.electionId}), không phải cuộc bầu này` };
  if (code.round !== mine.round)
    return { refused: `Phiếu của lần bầu ${code.round}, cuộc bầu này là lần ${mine.round}` };
  return { refused: "Phiếu in từ danh sách hoặc mẫu phiếu khác với danh sách hiện tại" };
}

async function pngBase64(img: GrayImage): Promise<string> {
  const png = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return png.toString("base64");
}

interface ReadPage {
  readonly file: string;
  readonly page: number;
  readonly hash: string;
  readonly proposed: Ballot;
  readonly reading: StoredReading;
  readonly image: string | null;
}

/** May the caller scan bundles of this election? Checked before an upload's body is read. */
export async function authoriseScan(db: Db, p: Principal, id: number): Promise<Result<null, AppError>> {
  const l = await load(db, p, id, "enter");
  return l.ok ? ok(null) : l;
}

/** Reads the files and stores their pages as the caller's scan entry of the bundle. */
export async function scanBundle(
  db: Db,
  p: Principal,
  id: number,
  bundleNumber: number,
  files: readonly ScanFile[],
): Promise<Result<ScanReport, AppError>> {
  const first = await load(db, p, id, "enter");
  if (!first.ok) return first;
  const notCounting = requireStatus(first.value.ctx, "counting");
  if (notCounting) return err(notCounting);
  const layout = await ballotLayoutOf(db, p, id);
  if (!layout.ok) return layout;

  // Reading is CPU work: done before the transaction, which only stores what was read.
  const reports: ScanPageReport[] = [];
  const read: ReadPage[] = [];
  const seenHere = new Set<string>();
  for (const f of files) {
    for await (const page of pagesOf(Buffer.from(f.data))) {
      const where = { file: f.name, page: page.page };
      if (!page.image) {
        reports.push({ ...where, outcome: "unreadable", message: page.error ?? "Không đọc được trang" });
        continue;
      }
      if (seenHere.has(page.hash)) {
        reports.push({ ...where, outcome: "duplicate", message: "Trang này có hai lần trong lần tải lên" });
        continue;
      }
      seenHere.add(page.hash);
      const r = await readBallotPage(page.image, (code) => refusalOf(layout.value, code));
      switch (r.status) {
        case "no-code":
          reports.push({
            ...where,
            outcome: "unreadable",
            message: "Không tìm thấy mã phiếu (ảnh mờ, thiếu góc hoặc không phải phiếu bầu)",
          });
          continue;
        case "no-fiducials":
          reports.push({
            ...where,
            outcome: "unreadable",
            message: "Không thấy đủ bốn ô vuông ở góc phiếu; chụp/quét lại cả tờ",
          });
          continue;
        case "refused":
          reports.push({ ...where, outcome: "refused", message: r.reason });
          continue;
        case "read": {
          const reading = interpretScores(layout.value.kind, r.scores);
          read.push({
            ...where,
            hash: page.hash,
            proposed: reading.proposed,
            reading: { rows: reading.rows, adjudication: reading.adjudication },
            image: reading.adjudication.length > 0 ? await pngBase64(r.straightened) : null,
          });
        }
      }
    }
  }

  return db.transaction(async (tx) => {
    const l = await load(tx, p, id, "enter", true);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const bad = requireStatus(ctx, "counting");
    if (bad) return err(bad);
    const userId = p.actor.userId;
    if (userId === null) return err(errors.forbidden("quét phiếu khi không đăng nhập"));
    const bundle = (await repo.listBundles(tx, id)).find((b) => b.number === bundleNumber);
    if (!bundle) return err(errors.notFound("tập phiếu", bundleNumber));
    const locked = (await repo.findBundle(tx, id, bundle.id, true))!;
    if (locked.status === "accepted")
      return err(appError("BUNDLE_ACCEPTED", 409, `${bundleLabel(locked.number)} đã được chấp nhận`));

    let entry = await repo.findLiveEntryOf(tx, bundle.id, userId);
    if (entry && !entry.clerkLabel.startsWith(SCAN_LABEL_PREFIX))
      return err(
        appError(
          "SCAN_OWN_TYPED_ENTRY",
          409,
          `Bạn đã nhập tay ${bundleLabel(bundle.number)}; lượt quét phải là một lượt độc lập của người khác`,
        ),
      );
    if (entry && entry.status !== "entering")
      return err(appError("ENTRY_CLOSED", 409, `Lượt quét ${bundleLabel(bundle.number)} đã hoàn thành`));
    const known = await scans.findHashes(
      tx,
      id,
      read.map((r) => r.hash),
    );
    const existing = entry ? await scans.listScanPages(tx, id, { entryId: entry.id }) : [];
    let seq = existing.reduce((m, s) => Math.max(m, s.seq), 0);
    const spec = specOf(ctx.election, await repo.countCandidates(tx, id));
    for (const page of read) {
      const where = { file: page.file, page: page.page };
      if (known.has(page.hash)) {
        reports.push({ ...where, outcome: "duplicate", message: "Trang này đã được quét trước đây" });
        continue;
      }
      if (seq >= locked.expectedBallots) {
        reports.push({
          ...where,
          outcome: "too-many",
          message: `${bundleLabel(locked.number)} chỉ có ${formatNumber(locked.expectedBallots)} phiếu; trang này thừa`,
        });
        continue;
      }
      if (!entry) {
        const live = await repo.listEntries(tx, id, { bundleId: bundle.id, liveOnly: true });
        if (live.length >= ctx.election.entriesPerBundle)
          return err(
            appError(
              "BUNDLE_FULL",
              409,
              `${bundleLabel(bundle.number)} đã có đủ ${ctx.election.entriesPerBundle} lượt nhập (${live.map((x) => x.clerkLabel).join(", ")})`,
            ),
          );
        await repo.insertEntry(tx, {
          electionId: id,
          bundleId: bundle.id,
          clerkUserId: userId,
          clerkLabel: `${SCAN_LABEL_PREFIX} (${p.actor.label})`,
        });
        entry = (await repo.findLiveEntryOf(tx, bundle.id, userId))!;
        await log(tx, p, ctx, "entry-start", `Bắt đầu quét ${bundleLabel(bundle.number)}`, {
          bundleNumber: bundle.number,
          entryId: entry.id,
        });
      }
      seq++;
      const pending = page.reading.adjudication.length > 0;
      const entryError = checkBallotEntry(page.proposed, seq - 1, spec);
      if (entryError) throw new Error(describeBallotEntryError(entryError));
      const pageId = await scans.insertScanPage(tx, {
        electionId: id,
        bundleId: bundle.id,
        entryId: entry.id,
        seq,
        hash: page.hash,
        fileName: page.file,
        page: page.page,
        status: pending ? "pending" : "accepted",
        proposed: page.proposed,
        reading: page.reading,
        decided: pending ? null : page.proposed,
        image: page.image,
      });
      known.add(page.hash);
      const label = `${bundleLabel(bundle.number)}, phiếu ${seq} (${page.file}, trang ${page.page})`;
      if (pending) {
        const why = page.reading.adjudication.map(describeAdjudicationReason).join("; ");
        await log(
          tx,
          p,
          ctx,
          "scan-pending",
          `${label}: máy đọc ${describeBallot(page.proposed)} — chờ Ban kiểm phiếu xem: ${why}`,
          {
            bundleNumber: bundle.number,
            entryId: entry.id,
            details: { scanPageId: pageId },
          },
        );
        reports.push({ ...where, outcome: "pending", seq, message: why });
      } else {
        await repo.insertBallot(tx, {
          entryId: entry.id,
          electionId: id,
          seq,
          ballot: page.proposed,
          idempotencyKey: `scan:${id}:${pageId}`,
        });
        const validity = validityOf(page.proposed, spec);
        await log(
          tx,
          p,
          ctx,
          "ballot",
          `${label}: máy đọc ${describeBallot(page.proposed)} — ${validity.label.toLocaleLowerCase("vi")}`,
          {
            bundleNumber: bundle.number,
            entryId: entry.id,
            details: { scanPageId: pageId },
          },
        );
        reports.push({ ...where, outcome: "counted", seq, message: validity.label });
      }
    }
    const finished = entry ? await finishIfComplete(tx, p, ctx, entry.id, locked) : false;
    await notify(tx, ctx, "bundle");
    const all = entry ? await scans.listScanPages(tx, id, { entryId: entry.id }) : [];
    return ok({
      bundleNumber: bundle.number,
      entryId: entry?.id ?? null,
      pages: reports,
      counted: all.filter((s) => s.status !== "pending").length,
      pending: all.filter((s) => s.status === "pending").length,
      expected: locked.expectedBallots,
      entryFinished: finished,
    });
  });
}
