import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  checkBallotEntry,
  describeBallot,
  describeBallotEntryError,
  sameBallot,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import type { Principal } from "../access.ts";
import type {
  AppendBallotInput as AppendBallotBody,
  BundleDto,
  CreateBundlesInput as CreateBundlesBody,
  EnteredBallotDto,
  EntryDto,
} from "../election-types.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { bundleLabel, load, loadInStatus, log, notify, requireStatus, specOf } from "./access.ts";
import { tryAccept } from "./bundles.ts";
import { bundleDto, enteredBallot, entryDto, validityOf } from "./present.ts";

export async function listBundles(db: Db, p: Principal, id: number): Promise<Result<BundleDto[], AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const bundles = await repo.listBundles(db, id);
  const entries = await repo.listEntries(db, id, { liveOnly: true });
  return ok(bundles.map((b) => bundleDto(b, entries, l.value.ctx.election)));
}

export async function createBundles(
  db: Db,
  p: Principal,
  id: number,
  body: CreateBundlesBody,
): Promise<Result<BundleDto[], AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const existing = await repo.listBundles(tx, id);
    let next = existing.reduce((m, b) => Math.max(m, b.number), 0) + 1;
    const planned: { number: number; expectedBallots: number }[] = [];
    if ("total" in body) {
      const size = ctx.election.bundleSize;
      for (let left = body.total; left > 0; left -= size)
        planned.push({ number: next++, expectedBallots: Math.min(size, left) });
    } else {
      const number = body.number ?? next;
      if (existing.some((b) => b.number === number))
        return err(appError("BUNDLE_EXISTS", 409, `${bundleLabel(number)} đã có`, { number }));
      planned.push({ number, expectedBallots: body.expectedBallots });
    }
    const ids = await repo.insertBundles(tx, id, planned);
    for (const b of planned)
      await log(
        tx,
        p,
        ctx,
        "bundle",
        `Tạo ${bundleLabel(b.number)} (${formatNumber(b.expectedBallots)} phiếu)`,
        {
          bundleNumber: b.number,
        },
      );
    await notify(tx, ctx, "bundle");
    const created = (await repo.listBundles(tx, id)).filter((b) => ids.includes(b.id));
    return ok(created.map((b) => bundleDto(b, [], ctx.election)));
  });
}

/** Starts (or resumes) the caller's own entry of a bundle. */
export async function startEntry(
  db: Db,
  p: Principal,
  id: number,
  bundleId: number,
): Promise<Result<EntryDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "enter", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const userId = p.actor.userId;
    if (userId === null) return err(errors.forbidden("nhập phiếu khi không đăng nhập"));
    const bundle = await repo.findBundle(tx, id, bundleId, true);
    if (!bundle) return err(errors.notFound("tập phiếu", bundleId));
    const mine = await repo.findLiveEntryOf(tx, bundleId, userId);
    if (mine) return ok(await entryDto(tx, ctx, mine, bundle));
    if (bundle.status === "accepted")
      return err(appError("BUNDLE_ACCEPTED", 409, `${bundleLabel(bundle.number)} đã được chấp nhận`));
    const live = await repo.listEntries(tx, id, { bundleId, liveOnly: true });
    if (live.length >= ctx.election.entriesPerBundle)
      return err(
        appError(
          "BUNDLE_FULL",
          409,
          `${bundleLabel(bundle.number)} đã có đủ ${ctx.election.entriesPerBundle} người nhập (${live.map((x) => x.clerkLabel).join(", ")})`,
        ),
      );
    const entryId = await repo.insertEntry(tx, {
      electionId: id,
      bundleId,
      clerkUserId: userId,
      clerkLabel: p.actor.label,
    });
    const entry = entryId
      ? (await repo.findEntry(tx, id, entryId))!
      : (await repo.findLiveEntryOf(tx, bundleId, userId))!;
    await log(tx, p, ctx, "entry-start", `Bắt đầu nhập ${bundleLabel(bundle.number)}`, {
      bundleNumber: bundle.number,
      entryId: entry.id,
    });
    return ok(await entryDto(tx, ctx, entry, bundle));
  });
}

/** Loads an entry the caller may touch: their own, while entering. */
async function loadOwnEntry(
  tx: Db,
  p: Principal,
  id: number,
  entryId: number,
): Promise<Result<{ ctx: repo.ElectionContext; entry: repo.EntryRow; bundle: repo.BundleRow }, AppError>> {
  const l = await load(tx, p, id, "enter");
  if (!l.ok) return l;
  const { ctx } = l.value;
  const found = await repo.findEntry(tx, id, entryId);
  if (!found) return err(errors.notFound("lượt nhập", entryId));
  if (found.clerkUserId !== p.actor.userId)
    return err(errors.forbidden("nhập phiếu vào lượt nhập của người khác"));
  const bad = requireStatus(ctx, "counting");
  if (bad) return err(bad);
  // Locks in one order everywhere (bundle, then entry): a clerk's appends are serialised, and two
  // clerks finishing the same bundle at once see each other's entry (so it is accepted once).
  const bundle = (await repo.findBundle(tx, id, found.bundleId, true))!;
  const entry = (await repo.findEntry(tx, id, entryId, true))!;
  return ok({ ctx, entry, bundle });
}

export async function getEntry(
  db: Db,
  p: Principal,
  id: number,
  entryId: number,
): Promise<Result<EntryDto, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const entry = await repo.findEntry(db, id, entryId);
  if (!entry) return err(errors.notFound("lượt nhập", entryId));
  const bundle = (await repo.findBundle(db, id, entry.bundleId))!;
  return ok(await entryDto(db, l.value.ctx, entry, bundle));
}

/** Appends one ballot; a retry with the same key returns the ballot already entered. */
export async function appendBallot(
  db: Db,
  p: Principal,
  id: number,
  entryId: number,
  body: AppendBallotBody,
): Promise<Result<{ ballot: EnteredBallotDto; replayed: boolean; ballotCount: number }, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadOwnEntry(tx, p, id, entryId);
    if (!l.ok) return l;
    const { ctx, entry, bundle } = l.value;
    const spec = specOf(ctx.election, await repo.countCandidates(tx, id));
    const existing = await repo.findBallotByKey(tx, body.idempotencyKey);
    if (existing) {
      if (existing.entryId !== entryId || !sameBallot(existing.ballot, body.ballot))
        return err(
          appError(
            "BALLOT_KEY_REUSED",
            409,
            "Mã phiếu (idempotencyKey) này đã dùng cho một phiếu khác; mỗi phiếu cần một mã riêng",
          ),
        );
      const live = await repo.listBallots(tx, [entryId]);
      const position = live.findIndex((b) => b.id === existing.id) + 1;
      return ok({
        ballot: enteredBallot(existing, position > 0 ? position : existing.seq, spec),
        replayed: true,
        ballotCount: live.length,
      });
    }
    if (entry.status !== "entering")
      return err(
        appError(
          "ENTRY_CLOSED",
          409,
          entry.status === "finished"
            ? `Bạn đã hoàn thành nhập ${bundleLabel(bundle.number)}; không nhập thêm được`
            : `Lượt nhập ${bundleLabel(bundle.number)} này đã bị hủy để nhập lại; hãy bắt đầu lượt nhập mới`,
        ),
      );
    const { live: count, nextSeq: seq } = await repo.entryCounts(tx, entryId);
    if (count >= bundle.expectedBallots)
      return err(
        appError(
          "BUNDLE_COMPLETE",
          409,
          `${bundleLabel(bundle.number)} chỉ có ${formatNumber(bundle.expectedBallots)} phiếu; đã nhập đủ`,
        ),
      );
    const entryError = checkBallotEntry(body.ballot, count, spec);
    if (entryError)
      return err(
        appError(
          "BALLOT_INVALID_ENTRY",
          422,
          describeBallotEntryError({ ...entryError, ballot: count + 1 }),
          {
            error: entryError,
          },
        ),
      );
    const row = await repo.insertBallot(tx, {
      entryId,
      electionId: id,
      seq,
      ballot: body.ballot,
      idempotencyKey: body.idempotencyKey,
    });
    if (!row)
      return err(
        appError("BALLOT_KEY_REUSED", 409, "Mã phiếu (idempotencyKey) này vừa được dùng; hãy thử lại"),
      );
    const validity = validityOf(body.ballot, spec);
    await log(
      tx,
      p,
      ctx,
      "ballot",
      `${bundleLabel(bundle.number)}, phiếu ${count + 1}: ${describeBallot(body.ballot)} — ${validity.label.toLocaleLowerCase("vi")}`,
      { bundleNumber: bundle.number, entryId },
    );
    return ok({ ballot: enteredBallot(row, count + 1, spec), replayed: false, ballotCount: count + 1 });
  });
}

export async function undoBallot(
  db: Db,
  p: Principal,
  id: number,
  entryId: number,
  key: string,
): Promise<Result<{ undone: EnteredBallotDto; ballotCount: number }, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadOwnEntry(tx, p, id, entryId);
    if (!l.ok) return l;
    const { ctx, entry, bundle } = l.value;
    const candidates = await repo.listCandidates(tx, [id]);
    const spec = specOf(ctx.election, candidates.length);
    const target = await repo.findBallotByKey(tx, key);
    if (!target || target.entryId !== entryId) return err(errors.notFound("phiếu", key));
    const live = await repo.listBallots(tx, [entryId]);
    if (target.undoneAt)
      return ok({ undone: enteredBallot(target, target.seq, spec), ballotCount: live.length });
    if (entry.status !== "entering")
      return err(appError("ENTRY_CLOSED", 409, "Lượt nhập đã kết thúc; không hủy phiếu được"));
    const last = live[live.length - 1];
    if (!last || last.id !== target.id)
      return err(appError("UNDO_NOT_LAST", 409, "Chỉ hủy được phiếu nhập cuối cùng"));
    await repo.markUndone(tx, target.id);
    await log(tx, p, ctx, "undo", `${bundleLabel(bundle.number)}: hủy phiếu ${live.length} vừa nhập`, {
      bundleNumber: bundle.number,
      entryId,
    });
    return ok({ undone: enteredBallot(target, live.length, spec), ballotCount: live.length - 1 });
  });
}

export async function finishEntry(
  db: Db,
  p: Principal,
  id: number,
  entryId: number,
): Promise<Result<EntryDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadOwnEntry(tx, p, id, entryId);
    if (!l.ok) return l;
    const { ctx, entry, bundle } = l.value;
    if (entry.status === "finished") return ok(await entryDto(tx, ctx, entry, bundle));
    if (entry.status !== "entering")
      return err(appError("ENTRY_CLOSED", 409, "Lượt nhập này đã bị hủy để nhập lại"));
    const count = await repo.countLiveBallots(tx, entryId);
    if (count !== bundle.expectedBallots)
      return err(
        appError(
          "ENTRY_COUNT",
          422,
          `${bundleLabel(bundle.number)} có ${formatNumber(bundle.expectedBallots)} phiếu; bạn mới nhập ${formatNumber(count)} phiếu`,
          { expected: bundle.expectedBallots, entered: count },
        ),
      );
    await repo.setEntryStatus(tx, [entryId], "finished");
    await log(
      tx,
      p,
      ctx,
      "entry-finish",
      `Hoàn thành nhập ${bundleLabel(bundle.number)} (${formatNumber(count)} phiếu)`,
      {
        bundleNumber: bundle.number,
        entryId,
      },
    );
    // Enough entries and all agree: the bundle is accepted at once (nothing for anyone to click).
    await tryAccept(tx, p, ctx, bundle, true);
    await notify(tx, ctx, "bundle");
    const fresh = (await repo.findEntry(tx, id, entryId))!;
    return ok(await entryDto(tx, ctx, fresh, (await repo.findBundle(tx, id, bundle.id))!));
  });
}
