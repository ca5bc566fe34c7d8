import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { reconcileBundleEntries } from "../../domain/election/index.ts";
import type { Principal } from "../access.ts";
import type { BundleComparisonDto, BundleDto, EnteredBallotDto } from "../election-types.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { auditElection, bundleLabel, load, loadInStatus, log, notify } from "./access.ts";
import { bundleDto, entrySummary } from "./present.ts";

export interface Comparison {
  readonly dto: BundleComparisonDto;
  readonly entries: readonly repo.EntryWithCount[];
}

export async function compare(
  tx: Db,
  ctx: repo.ElectionContext,
  bundle: repo.BundleRow,
): Promise<Comparison> {
  const entries = await repo.listEntries(tx, ctx.election.id, { bundleId: bundle.id, liveOnly: true });
  const finished = entries.filter((e) => e.status === "finished");
  const comparable =
    finished.length >= ctx.election.entriesPerBundle &&
    finished.length === entries.length &&
    finished.length <= 3;
  const ballots = await repo.listBallots(
    tx,
    finished.map((e) => e.id),
  );
  const byEntry = finished.map((e) => ballots.filter((b) => b.entryId === e.id).map((b) => b.ballot));
  const countMismatches = finished
    .filter((e) => e.ballotCount !== bundle.expectedBallots)
    .map((e) => ({ entryId: e.id, ballotCount: e.ballotCount }));
  let agreed = false;
  let differences: BundleComparisonDto["differences"] = [];
  if (comparable) {
    const r = reconcileBundleEntries(byEntry);
    if (r.ok) {
      agreed = r.value.agreed && countMismatches.length === 0;
      if (!r.value.agreed)
        differences = r.value.differences.map((d) => ({
          ...d,
          candidates: [...d.candidates],
          defects: [...d.defects],
          missingIn: [...d.missingIn],
          entered: byEntry.map((list) => (list[d.ballot - 1] ?? null) as EnteredBallotDto["ballot"] | null),
        }));
    }
  }
  const label = bundleLabel(bundle.number);
  let summaryText: string;
  if (!comparable)
    summaryText = `${label}: chưa đủ ${ctx.election.entriesPerBundle} lượt nhập hoàn thành để so sánh`;
  else if (agreed) summaryText = `${label}: ${finished.length} lượt nhập khớp nhau`;
  else {
    const shown = differences
      .slice(0, 10)
      .map((d) =>
        d.candidates.length > 0
          ? `phiếu ${d.ballot}: ứng cử viên số ${d.candidates.join(", ")}`
          : d.missingIn.length > 0
            ? `phiếu ${d.ballot}: có lượt nhập thiếu`
            : `phiếu ${d.ballot}: ghi chú phiếu khác nhau`,
      );
    summaryText = `${label}: ${differences.length} phiếu nhập khác nhau${shown.length > 0 ? ` (${shown.join("; ")}${differences.length > 10 ? "; …" : ""})` : ""}`;
  }
  return {
    entries: finished,
    dto: {
      bundleId: bundle.id,
      bundleNumber: bundle.number,
      expectedBallots: bundle.expectedBallots,
      entries: entries.map(entrySummary),
      comparable,
      agreed,
      countMismatches,
      differences,
      summary: summaryText,
    },
  };
}

/** Accepts the bundle when its entries agree; `auto` only logs a mismatch without failing. */
export async function tryAccept(
  tx: Db,
  p: Principal,
  ctx: repo.ElectionContext,
  bundle: repo.BundleRow,
  auto: boolean,
): Promise<Result<BundleComparisonDto, AppError>> {
  const c = await compare(tx, ctx, bundle);
  if (!c.dto.comparable || !c.dto.agreed) {
    if (auto && c.dto.comparable)
      await log(tx, p, ctx, "differs", c.dto.summary, { bundleNumber: bundle.number });
    return err(
      appError(
        c.dto.comparable ? "BUNDLE_DIFFERS" : "BUNDLE_NOT_READY",
        409,
        c.dto.comparable ? `Chưa chấp nhận được: ${c.dto.summary}` : c.dto.summary,
        { comparison: c.dto },
      ),
    );
  }
  await repo.updateBundle(tx, bundle.id, {
    status: "accepted",
    acceptedEntryId: c.entries[0]!.id,
    acceptedAt: new Date(),
    acceptedBy: p.actor.userId,
  });
  await auditElection(tx, p, {
    action: "election.bundle.accept",
    entityId: ctx.election.id,
    orgId: ctx.org.id,
    before: { bundle: bundle.number, status: bundle.status },
    after: {
      bundle: bundle.number,
      status: "accepted",
      entries: c.entries.map((e) => ({ id: e.id, clerk: e.clerkLabel, ballots: e.ballotCount })),
    },
  });
  await log(
    tx,
    p,
    ctx,
    "accepted",
    `Chấp nhận ${bundleLabel(bundle.number)}: ${c.entries.length} lượt nhập khớp nhau (${c.entries.map((e) => e.clerkLabel).join(", ")})${auto ? " — tự động" : ""}`,
    { bundleNumber: bundle.number },
  );
  return ok({ ...c.dto, agreed: true });
}

export async function compareBundle(
  db: Db,
  p: Principal,
  id: number,
  bundleId: number,
): Promise<Result<BundleComparisonDto, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const bundle = await repo.findBundle(db, id, bundleId);
  if (!bundle) return err(errors.notFound("tập phiếu", bundleId));
  return ok((await compare(db, l.value.ctx, bundle)).dto);
}

export async function acceptBundle(
  db: Db,
  p: Principal,
  id: number,
  bundleId: number,
): Promise<Result<BundleComparisonDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const bundle = await repo.findBundle(tx, id, bundleId, true);
    if (!bundle) return err(errors.notFound("tập phiếu", bundleId));
    if (bundle.status === "accepted") return ok((await compare(tx, ctx, bundle)).dto);
    const r = await tryAccept(tx, p, ctx, bundle, false);
    if (r.ok) await notify(tx, ctx, "bundle");
    return r;
  });
}

export async function reenterBundle(
  db: Db,
  p: Principal,
  id: number,
  bundleId: number,
  body: { entryIds?: number[] | undefined; reason?: string | undefined },
): Promise<Result<BundleDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const bundle = await repo.findBundle(tx, id, bundleId, true);
    if (!bundle) return err(errors.notFound("tập phiếu", bundleId));
    const live = await repo.listEntries(tx, id, { bundleId, liveOnly: true });
    const targets = body.entryIds ? live.filter((e) => body.entryIds!.includes(e.id)) : live;
    const unknown = (body.entryIds ?? []).filter((x) => !live.some((e) => e.id === x));
    if (unknown.length > 0) return err(errors.notFound("lượt nhập", unknown.join(", ")));
    await repo.setEntryStatus(
      tx,
      targets.map((e) => e.id),
      "discarded",
    );
    if (bundle.status === "accepted")
      await repo.updateBundle(tx, bundle.id, {
        status: "open",
        acceptedEntryId: null,
        acceptedAt: null,
        acceptedBy: null,
      });
    await auditElection(tx, p, {
      action: "election.bundle.reenter",
      entityId: id,
      orgId: ctx.org.id,
      before: { bundle: bundle.number, status: bundle.status, entries: live.map((e) => e.id) },
      after: {
        bundle: bundle.number,
        status: "open",
        discarded: targets.map((e) => e.id),
        reason: body.reason ?? null,
      },
    });
    await log(
      tx,
      p,
      ctx,
      "reenter",
      `Yêu cầu nhập lại ${bundleLabel(bundle.number)} (${targets.map((e) => e.clerkLabel).join(", ") || "không có lượt nhập"})${body.reason ? `: ${body.reason}` : ""}`,
      { bundleNumber: bundle.number },
    );
    await notify(tx, ctx, "bundle");
    const fresh = (await repo.findBundle(tx, id, bundleId))!;
    return ok(bundleDto(fresh, await repo.listEntries(tx, id, { bundleId, liveOnly: true }), ctx.election));
  });
}
