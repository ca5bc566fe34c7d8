import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  ballotFigureProblems,
  ballotKindFor,
  checkSetupShape,
  OFFICE_LABELS,
  startProblemsOf,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import type { Principal } from "../access.ts";
import type {
  CreateElectionInput as CreateElectionBody,
  ElectionDto,
  ElectionSummaryDto,
  FiguresInput as FiguresBody,
  UpdateElectionInput as UpdateElectionBody,
} from "../election-types.ts";
import { type AppError, appError, errors } from "../errors.ts";
import {
  auditElection,
  load,
  loadInStatus,
  log,
  NEED_WORDS,
  notify,
  permissionsFor,
  setupOf,
  termOf,
} from "./access.ts";
import { currentElectionDto, summary, toElectionDto } from "./present.ts";

export async function listElections(
  db: Db,
  p: Principal,
  congressId?: number,
): Promise<Result<ElectionSummaryDto[], AppError>> {
  const all = await repo.listElectionContexts(db, { congressId });
  const visible = all.filter((c) => permissionsFor(p, c.org.path, c.congress.id).read);
  const candidates = await repo.listCandidates(
    db,
    visible.map((c) => c.election.id),
  );
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.electionId, (counts.get(c.electionId) ?? 0) + 1);
  return ok(visible.map((c) => summary(c, counts.get(c.election.id) ?? 0)));
}

function candidateValues(list: CreateElectionBody["candidates"]) {
  return (list ?? []).map((c) => ({
    fullName: c.fullName.trim(),
    personId: c.personId ?? null,
    nominatedBy: c.nominatedBy ?? "committee",
    floorApprovals: c.floorApprovals ?? null,
  }));
}

function checkFigures(f: {
  present: number | null;
  ballotsIssued: number | null;
  ballotsCollected: number | null;
}): AppError | null {
  const [first] = ballotFigureProblems({
    present: f.present,
    issued: f.ballotsIssued,
    collected: f.ballotsCollected,
  });
  if (!first) return null;
  const field = first.field === "issued" ? "ballotsIssued" : "ballotsCollected";
  return appError("ELECTION_FIGURES", 422, first.message, { field });
}

function shapeError(v: { office: string; alternateSeats: number; settings?: unknown }): AppError | null {
  const problem = checkSetupShape(v);
  return problem ? appError("ELECTION_INVALID", 422, problem.message, { field: problem.field }) : null;
}

export async function createElection(
  db: Db,
  p: Principal,
  body: CreateElectionBody,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const c = await repo.findCongressForElection(tx, body.congressId);
    if (!c) return err(errors.notFound("đại hội", body.congressId));
    const perms = permissionsFor(p, c.orgPath, c.id);
    if (!perms.read) return err(errors.notFound("đại hội", body.congressId));
    if (!perms.setup) return err(errors.forbidden(NEED_WORDS.setup));
    const values = {
      congressId: c.id,
      title: body.title.trim(),
      office: body.office,
      seats: body.seats,
      alternateSeats: body.alternateSeats ?? 0,
      electingOrganisation: body.electingOrganisation ?? "committee",
      settings: body.settings ?? {},
      base: body.base ?? null,
      present: body.present ?? null,
      ballotsIssued: body.ballotsIssued ?? null,
      ballotsCollected: body.ballotsCollected ?? null,
      bundleSize: body.bundleSize ?? 50,
      entriesPerBundle: body.entriesPerBundle ?? 2,
      countingCommittee: body.countingCommittee ?? [],
      heldOn: body.heldOn ?? null,
      venue: body.venue ?? null,
      createdBy: p.actor.userId,
    };
    const bad = shapeError(values) ?? checkFigures(values);
    if (bad) return err(bad);
    const id = await repo.insertElection(tx, values);
    const list = candidateValues(body.candidates);
    await repo.replaceCandidates(tx, id, list);
    await auditElection(tx, p, {
      action: "election.create",
      entityId: id,
      orgId: c.orgId,
      before: null,
      after: { ...values, candidates: list },
    });
    const ctx = (await repo.findElectionContext(tx, id))!;
    await log(tx, p, ctx, "created", `Tạo cuộc bầu cử "${values.title}"`);
    return ok(toElectionDto(ctx, await repo.listCandidates(tx, [id]), perms));
  });
}

export async function getElection(db: Db, p: Principal, id: number): Promise<Result<ElectionDto, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  return ok(toElectionDto(l.value.ctx, await repo.listCandidates(db, [id]), l.value.perms));
}

export async function updateElection(
  db: Db,
  p: Principal,
  id: number,
  body: UpdateElectionBody,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "setup", ["setup"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    if (body.version !== ctx.election.version)
      return err(
        appError(
          "ELECTION_VERSION",
          409,
          "Cuộc bầu cử vừa được người khác thay đổi; hãy tải lại rồi sửa tiếp",
          { version: ctx.election.version },
        ),
      );
    const e = ctx.election;
    const { version: _v, candidates, ...fields } = body;
    const next = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const merged = { ...e, ...next } as repo.ElectionRow;
    const shapeProblem = shapeError(merged) ?? checkFigures(merged);
    if (shapeProblem) return err(shapeProblem);
    const beforeList = await repo.listCandidates(tx, [id]);
    await repo.updateElection(tx, id, next as Partial<repo.ElectionInsert>);
    if (candidates) await repo.replaceCandidates(tx, id, candidateValues(candidates));
    await auditElection(tx, p, {
      action: "election.update",
      entityId: id,
      orgId: ctx.org.id,
      before: {
        ...Object.fromEntries(Object.keys(next).map((k) => [k, (e as Record<string, unknown>)[k]])),
        ...(candidates ? { candidates: beforeList.map((c) => c.fullName) } : {}),
      },
      after: { ...next, ...(candidates ? { candidates: candidates.map((c) => c.fullName) } : {}) },
    });
    await log(tx, p, ctx, "setup", "Sửa thông tin chuẩn bị bầu cử");
    await notify(tx, ctx, "setup");
    return currentElectionDto(tx, id, perms);
  });
}

export async function updateFigures(
  db: Db,
  p: Principal,
  id: number,
  body: FiguresBody,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "setup", ["setup", "counting"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    const e = ctx.election;
    const next = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const merged = { ...e, ...next } as repo.ElectionRow;
    const problem = checkFigures(merged);
    if (problem) return err(problem);
    await repo.updateElection(tx, id, next);
    await auditElection(tx, p, {
      action: "election.figures",
      entityId: id,
      orgId: ctx.org.id,
      before: { present: e.present, ballotsIssued: e.ballotsIssued, ballotsCollected: e.ballotsCollected },
      after: {
        present: merged.present,
        ballotsIssued: merged.ballotsIssued,
        ballotsCollected: merged.ballotsCollected,
      },
    });
    const fmt = (v: number | null) => (v === null ? "chưa nhập" : formatNumber(v));
    await log(
      tx,
      p,
      ctx,
      "figures",
      `Số có mặt: ${fmt(merged.present)}; phiếu phát ra: ${fmt(merged.ballotsIssued)}; phiếu thu vào: ${fmt(merged.ballotsCollected)}`,
    );
    await notify(tx, ctx, "setup");
    return currentElectionDto(tx, id, perms);
  });
}

export async function getBallotPrint(db: Db, p: Principal, id: number) {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const { ctx } = l.value;
  const e = ctx.election;
  const candidates = await repo.listCandidates(db, [id]);
  const places = e.seats + e.alternateSeats;
  const kind = ballotKindFor(candidates.length, places);
  const office = OFFICE_LABELS[e.office] ?? e.office;
  return ok({
    electionId: id,
    organisation: ctx.org.name.toLocaleUpperCase("vi"),
    congressName: `Đại hội ${ctx.org.name} nhiệm kỳ ${termOf(ctx)}`,
    title: e.title,
    officeLabel: office,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    round: e.round,
    kind,
    instruction:
      kind === "cross-out"
        ? `Bầu ${formatNumber(places)} người. Gạch ngang cả họ và tên người không bầu; giữ lại không quá ${formatNumber(places)} người.`
        : candidates.length === 1
          ? 'Đánh dấu (x) vào ô "Đồng ý" hoặc ô "Không đồng ý".'
          : 'Với mỗi người, đánh dấu (x) vào ô "Đồng ý" hoặc ô "Không đồng ý".',
    candidates: candidates.map((c) => ({ position: c.position, fullName: c.fullName })),
  });
}

export async function startCounting(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "setup", ["setup"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    const candidates = await repo.listCandidates(tx, [id]);
    const problems = startProblemsOf(setupOf(ctx.election), candidates);
    if (problems.length > 0)
      return err(
        appError("ELECTION_NOT_READY", 422, `Chưa thể bắt đầu kiểm phiếu: ${problems.join("; ")}`, {
          problems,
        }),
      );
    await repo.updateElection(tx, id, { status: "counting", countingStartedAt: new Date() });
    await auditElection(tx, p, {
      action: "election.start",
      entityId: id,
      orgId: ctx.org.id,
      before: { status: "setup" },
      after: { status: "counting", candidates: candidates.map((c) => c.fullName) },
    });
    await log(tx, p, ctx, "start", "Bắt đầu kiểm phiếu");
    await notify(tx, ctx, "setup");
    return currentElectionDto(tx, id, perms, candidates);
  });
}
