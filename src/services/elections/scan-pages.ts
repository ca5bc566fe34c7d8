/**
 * The scanned pages the reader doubted: listed for the counting committee, who sees the
 * straightened sheet and confirms or corrects the proposal; a scan entry with every page decided
 * finishes itself.
 */

import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import * as scans from "../../db/repositories/scans.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type Ballot,
  checkBallotEntry,
  describeBallot,
  describeBallotEntryError,
  sameBallot,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { describeAdjudicationReason } from "../../domain/scan/interpret.ts";
import type { Principal } from "../access.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { bundleLabel, load, log, notify, requireStatus, specOf } from "./access.ts";
import { tryAccept } from "./bundles.ts";
import { validityOf } from "./present.ts";
import type { ScanPageDto } from "./scan.ts";

/** A scan entry with every page of the bundle counted and none pending finishes itself. */
export async function finishIfComplete(
  tx: Db,
  p: Principal,
  ctx: repo.ElectionContext,
  entryId: number,
  bundle: repo.BundleRow,
): Promise<boolean> {
  const pages = await scans.listScanPages(tx, ctx.election.id, { entryId });
  if (pages.length !== bundle.expectedBallots || pages.some((s) => s.status === "pending")) return false;
  await repo.setEntryStatus(tx, [entryId], "finished");
  await log(
    tx,
    p,
    ctx,
    "entry-finish",
    `Hoàn thành quét ${bundleLabel(bundle.number)} (${formatNumber(pages.length)} phiếu)`,
    {
      bundleNumber: bundle.number,
      entryId,
    },
  );
  // Enough entries and all agree: the bundle is accepted at once, as after a clerk's entry.
  await tryAccept(tx, p, ctx, bundle, true);
  return true;
}

function pageDto(s: scans.ScanPageListRow): ScanPageDto {
  return {
    id: s.id,
    bundleId: s.bundleId,
    entryId: s.entryId,
    seq: s.seq,
    fileName: s.fileName,
    page: s.page,
    status: s.status,
    proposed: s.proposed,
    decided: s.decided ?? null,
    rows: s.reading.rows,
    reasons: s.reading.adjudication.map(describeAdjudicationReason),
  };
}

export async function listScanPages(
  db: Db,
  p: Principal,
  id: number,
  filter: { status?: "pending" | "accepted" | "adjudicated" | undefined } = {},
): Promise<Result<ScanPageDto[], AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  return ok((await scans.listScanPages(db, id, filter)).map(pageDto));
}

/** The straightened sheet of a page that waits or waited for adjudication (PNG). */
export async function scanPageImage(
  db: Db,
  p: Principal,
  id: number,
  pageId: number,
): Promise<Result<Uint8Array, AppError>> {
  const l = await load(db, p, id, "manage");
  if (!l.ok) return l;
  const s = await scans.findScanPage(db, id, pageId);
  if (!s?.image) return err(errors.notFound("ảnh trang quét", pageId));
  return ok(new Uint8Array(Buffer.from(s.image, "base64")));
}

/**
 * The counting committee's decision on a doubted page: the ballot as they read it on the sheet.
 * It enters the scan entry at the page's position; the log keeps what the machine proposed.
 */
export async function adjudicateScanPage(
  db: Db,
  p: Principal,
  id: number,
  pageId: number,
  ballot: Ballot,
): Promise<Result<ScanPageDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await load(tx, p, id, "manage", true);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const bad = requireStatus(ctx, "counting");
    if (bad) return err(bad);
    const s = await scans.findScanPage(tx, id, pageId, true);
    if (!s) return err(errors.notFound("trang quét", pageId));
    if (s.status !== "pending")
      return err(
        appError(
          "SCAN_NOT_PENDING",
          409,
          `Phiếu ${s.seq} không chờ xem (đã ${s.status === "adjudicated" ? "được xem" : "đọc chắc chắn"})`,
        ),
      );
    const spec = specOf(ctx.election, await repo.countCandidates(tx, id));
    const entryError = checkBallotEntry(ballot, s.seq - 1, spec);
    if (entryError)
      return err(
        appError("BALLOT_INVALID_ENTRY", 422, describeBallotEntryError(entryError), {
          error: entryError,
        }),
      );
    const bundle = (await repo.findBundle(tx, id, s.bundleId, true))!;
    await repo.insertBallot(tx, {
      entryId: s.entryId,
      electionId: id,
      seq: s.seq,
      ballot,
      idempotencyKey: `scan:${id}:${s.id}`,
    });
    await scans.setScanPageDecided(tx, s.id, ballot);
    const proposed = s.proposed;
    const same = sameBallot(proposed, ballot);
    const validity = validityOf(ballot, spec);
    await log(
      tx,
      p,
      ctx,
      "adjudicate",
      `${bundleLabel(bundle.number)}, phiếu ${s.seq}: Ban kiểm phiếu ${same ? "xác nhận" : "sửa"} — máy đọc ${describeBallot(proposed)}${same ? "" : `, sửa thành ${describeBallot(ballot)}`} — ${validity.label.toLocaleLowerCase("vi")}`,
      {
        bundleNumber: bundle.number,
        entryId: s.entryId,
        details: { scanPageId: s.id, proposed, decided: ballot },
      },
    );
    await finishIfComplete(tx, p, ctx, s.entryId, bundle);
    await notify(tx, ctx, "bundle");
    const fresh = (await scans.findScanPage(tx, id, s.id))!;
    return ok(pageDto(fresh));
  });
}
