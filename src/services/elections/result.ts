import { currentAuditAnchorText } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type Ballot,
  type CountFileProblem,
  computeCountResult,
  formatIssuePath,
  type Party190CountFile,
  type PartyElectionResult,
  tallyBallots,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import type { Principal } from "../access.ts";
import type { ElectionResultDto, PartyResultDto, ProjectionDto } from "../election-types.ts";
import { type AppError, appError } from "../errors.ts";
import {
  auditElection,
  baseOf,
  countIncomplete,
  load,
  loadInStatus,
  log,
  notify,
  settingsOf,
  specOf,
  termOf,
} from "./access.ts";

/** The count file (docs/count-format.md) of the accepted bundles; null figures become problems. */
export function countFileOf(
  ctx: repo.ElectionContext,
  candidates: readonly repo.CandidateRow[],
  ballots: readonly Ballot[],
): Result<Party190CountFile, string[]> {
  const e = ctx.election;
  const base = baseOf(e);
  const missing: string[] = [];
  if (!base) missing.push("Chưa nhập số được triệu tập (cơ sở tính N)");
  if (e.present === null) missing.push("Chưa nhập số có mặt");
  if (e.ballotsIssued === null) missing.push("Chưa nhập số phiếu phát ra");
  if (e.ballotsCollected === null) missing.push("Chưa nhập số phiếu thu vào");
  if (missing.length > 0) return err(missing);
  return ok({
    format: "daihoi-count",
    version: 1,
    title: e.title,
    organisation: ctx.org.name,
    term: termOf(ctx),
    ruleSet: "party-190",
    settings: settingsOf(e),
    election: {
      office: e.office,
      seats: e.seats,
      alternateSeats: e.alternateSeats,
      round: e.round,
      electingOrganisation: e.electingOrganisation,
    },
    base: base!,
    candidates: candidates.map((c) => ({ id: String(c.position), name: c.fullName })),
    present: e.present!,
    ballotsIssued: e.ballotsIssued!,
    ballotsCollected: e.ballotsCollected!,
    ballots: [...ballots],
  });
}

export const describeProblems = (ps: readonly CountFileProblem[]) =>
  ps.map((x) => (x.path.length > 0 ? `${formatIssuePath(x.path)}: ${x.message}` : x.message));

export interface Computed {
  readonly dto: ElectionResultDto;
  readonly file: Party190CountFile | null;
  readonly result: PartyElectionResult | null;
}

export async function computeResult(db: Db, ctx: repo.ElectionContext): Promise<Computed> {
  const e = ctx.election;
  const [candidates, bundles, ballots] = await Promise.all([
    repo.listCandidates(db, [e.id]),
    repo.listBundles(db, e.id),
    repo.acceptedBallots(db, e.id),
  ]);
  const accepted = bundles.filter((b) => b.status === "accepted").length;
  const spec = specOf(e, candidates.length);
  const running = tallyBallots(ballots, spec);
  const runningVotes = running.ok ? [...running.value.votes] : candidates.map(() => 0);
  const reasons: string[] = [];
  if (bundles.length === 0) reasons.push("Chưa có tập phiếu nào");
  if (accepted < bundles.length)
    reasons.push(
      `Còn ${formatNumber(bundles.length - accepted)}/${formatNumber(bundles.length)} tập phiếu chưa được chấp nhận`,
    );
  if (e.ballotsCollected !== null && ballots.length !== e.ballotsCollected && accepted === bundles.length)
    reasons.push(
      `Số phiếu đã kiểm (${formatNumber(ballots.length)}) khác số phiếu thu vào (${formatNumber(e.ballotsCollected)})`,
    );
  const file = countFileOf(ctx, candidates, ballots);
  if (!file.ok) reasons.push(...file.error);
  let result: PartyElectionResult | null = null;
  if (reasons.length === 0 && file.ok) {
    const r = computeCountResult(file.value);
    if (!r.ok) reasons.push(...describeProblems(r.error));
    else if (r.value.ruleSet === "party-190") result = r.value;
  }
  return {
    file: file.ok ? file.value : null,
    result,
    dto: {
      electionId: e.id,
      status: e.status,
      bundles: { total: bundles.length, accepted },
      ballotsCounted: ballots.length,
      ballotsCollected: e.ballotsCollected,
      complete: reasons.length === 0,
      incompleteReasons: reasons,
      runningVotes,
      result: result ? toResultDto(result) : null,
      released: e.released,
    },
  };
}

export function toResultDto(r: PartyElectionResult): PartyResultDto {
  return JSON.parse(JSON.stringify(r)) as PartyResultDto;
}

export async function getResult(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<ElectionResultDto, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const e = l.value.ctx.election;
  if (e.status === "closed" && e.result) {
    const c = await computeResult(db, l.value.ctx);
    return ok({ ...c.dto, result: e.result });
  }
  return ok((await computeResult(db, l.value.ctx)).dto);
}

/** The count file of the count as it stands (the closed count's when closed). */
export async function exportCountFile(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<{ file: Party190CountFile; fileName: string }, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const c = await computeResult(db, l.value.ctx);
  if (!c.file)
    return err(
      appError(
        "COUNT_INCOMPLETE",
        422,
        `Chưa xuất được tệp kiểm phiếu: ${c.dto.incompleteReasons.join("; ")}`,
      ),
    );
  // The log's head goes with the file, outside the database (issue 20, item 6).
  return ok({
    file: { ...c.file, auditAnchor: await currentAuditAnchorText(db) },
    fileName: `kiem-phieu-${id}-vong-${l.value.ctx.election.round}.json`,
  });
}

export async function getLog(db: Db, p: Principal, id: number, after: number, limit: number) {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const rows = await repo.listLog(db, id, after, limit);
  return ok(
    rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userLabel: r.userLabel,
      action: r.action,
      bundleNumber: r.bundleNumber,
      entryId: r.entryId,
      text: r.text,
    })),
  );
}

export async function release(db: Db, p: Principal, id: number): Promise<Result<ProjectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting", "closed"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const c = await computeResult(tx, ctx);
    const result = ctx.election.status === "closed" ? ctx.election.result : c.dto.result;
    if (!result) return err(countIncomplete("Chưa công bố được kết quả", c.dto.incompleteReasons));
    const now = new Date();
    await repo.updateElection(tx, id, { released: true, releasedAt: now, releasedResult: result });
    await auditElection(tx, p, {
      action: "election.release",
      entityId: id,
      orgId: ctx.org.id,
      before: { released: ctx.election.released, result: ctx.election.releasedResult },
      after: { released: true, result },
    });
    await log(tx, p, ctx, "released", "Công bố kết quả lên màn hình hội trường");
    await notify(tx, ctx, "released");
    return ok({
      electionId: id,
      title: ctx.election.title,
      organisation: ctx.org.name,
      released: true,
      releasedAt: now.toISOString(),
      result,
    });
  });
}

export async function getProjection(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<ProjectionDto, AppError>> {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const e = l.value.ctx.election;
  return ok({
    electionId: id,
    title: e.title,
    organisation: l.value.ctx.org.name,
    released: e.released,
    releasedAt: e.releasedAt?.toISOString() ?? null,
    result: e.releasedResult,
  });
}
