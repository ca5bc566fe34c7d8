/**
 * Elections at a congress (issue 5): setup, counting in bundles entered independently by 2–3
 * clerks, reconciliation, release to the hall, closing (results flow into the congress record and
 * the people register) and reopening by an administrator. Every decision is the pure domain's
 * (src/domain/election); the result is always recomputed from the count file this service builds,
 * so what the product shows is exactly what `daihoi tally` prints for the exported file.
 *
 * Who may do what is decided here per election (the routes are "session" routes): see `permissionsFor`.
 */
import { appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/elections.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import {
  type Ballot,
  type BaseFigures,
  ballotKindFor,
  baseFiguresSchema,
  type CountFileProblem,
  checkBallot,
  checkBallotEntry,
  checkCandidateList,
  computeBase,
  computeCountResult,
  describeBallotEntryError,
  describeCandidateListProblem,
  findOrderBreak,
  formatIssuePath,
  INVALID_REASON_LABELS,
  makeBallotSpec,
  OFFICE_LABELS,
  type Office,
  type Party190CountFile,
  type PartyElectionResult,
  party190SettingsSchema,
  planFurtherRound,
  reconcileBundleEntries,
  tallyBallots,
} from "../domain/election/index.ts";
import { formatNumber } from "../domain/format/number.ts";
import { minutesToDocx } from "../io/docx/minutes.ts";
import { type Principal, pathInScope } from "./access.ts";
import { amendCongressResults } from "./congresses.ts";
import type {
  AppendBallotInput as AppendBallotBody,
  BundleComparisonDto,
  BundleDto,
  CreateBundlesInput as CreateBundlesBody,
  CreateElectionInput as CreateElectionBody,
  ElectionDto,
  ElectionResultDto,
  ElectionSummaryDto,
  EnteredBallotDto,
  EntryDto,
  EntrySummaryDto,
  FiguresInput as FiguresBody,
  PartyResultDto,
  ProjectionDto,
  UpdateElectionInput as UpdateElectionBody,
} from "./election-types.ts";
import { type AppError, errors } from "./errors.ts";
import { addPost } from "./people.ts";

export const ELECTION_EVENTS_CHANNEL = "daihoi_election";

const electionError = (code: string, status: number, message: string, details?: unknown): AppError => ({
  code,
  status,
  message,
  ...(details !== undefined ? { details } : {}),
});

const STATUS_LABELS: Record<string, string> = {
  setup: "Đang chuẩn bị",
  counting: "Đang kiểm phiếu",
  closed: "Đã kết thúc kiểm phiếu",
};

// ---------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------

export interface ElectionPermissions {
  readonly read: boolean;
  readonly setup: boolean;
  readonly enter: boolean;
  readonly manage: boolean;
  readonly reopen: boolean;
}

/** Counting members of the congress, officers of the organisation's subtree and admins count. */
export function permissionsFor(p: Principal, orgPath: string, congressId: number): ElectionPermissions {
  const a = p.access;
  const counting = (a.countingCongressIds ?? []).includes(congressId);
  const setup = a.isAdmin || pathInScope(a.writeScope, orgPath);
  const read = setup || counting || pathInScope(a.readScope, orgPath);
  return { read, setup, enter: setup || counting, manage: setup || counting, reopen: a.isAdmin };
}

type Need = keyof ElectionPermissions;
const NEED_WORDS: Record<Need, string> = {
  read: "xem cuộc bầu cử này",
  setup: "chuẩn bị cuộc bầu cử này (chỉ cán bộ tổ chức phụ trách hoặc quản trị)",
  enter: "nhập phiếu của cuộc bầu cử này (chỉ thành viên ban kiểm phiếu của đại hội)",
  manage: "điều hành kiểm phiếu của cuộc bầu cử này (chỉ ban kiểm phiếu của đại hội)",
  reopen: "mở lại kiểm phiếu (chỉ quản trị hệ thống)",
};

/** Loads an election the caller may see (404 otherwise, so its existence does not leak) and checks `need`. */
async function load(
  db: Db,
  p: Principal,
  id: number,
  need: Need,
  lock = false,
): Promise<Result<{ ctx: repo.ElectionContext; perms: ElectionPermissions }, AppError>> {
  const ctx = await repo.findElectionContext(db, id, lock);
  if (!ctx) return err(errors.notFound("cuộc bầu cử", id));
  const perms = permissionsFor(p, ctx.org.path, ctx.congress.id);
  if (!perms.read) return err(errors.notFound("cuộc bầu cử", id));
  if (!perms[need]) return err(errors.forbidden(NEED_WORDS[need]));
  return ok({ ctx, perms });
}

function requireStatus(ctx: repo.ElectionContext, ...allowed: string[]): AppError | null {
  const s = ctx.election.status;
  if (allowed.includes(s)) return null;
  const want = allowed.map((a) => `"${STATUS_LABELS[a]}"`).join(" hoặc ");
  return electionError(
    "ELECTION_STATUS",
    409,
    `Cuộc bầu cử đang ở trạng thái "${STATUS_LABELS[s] ?? s}"; thao tác này chỉ làm được khi ${want}`,
    { status: s },
  );
}

/** The count is not finished enough for `what` ("Chưa công bố được kết quả"): 422 with the reasons. */
function countIncomplete(what: string, reasons: readonly string[]): AppError {
  return electionError("COUNT_INCOMPLETE", 422, `${what}: ${reasons.join("; ")}`, { reasons });
}

/** `load` with the election locked for a change, which its status must allow. */
async function loadInStatus(
  tx: Db,
  p: Principal,
  id: number,
  need: Need,
  allowed: readonly string[],
): Promise<Result<{ ctx: repo.ElectionContext; perms: ElectionPermissions }, AppError>> {
  const l = await load(tx, p, id, need, true);
  if (!l.ok) return l;
  const bad = requireStatus(l.value.ctx, ...allowed);
  return bad ? err(bad) : l;
}

// ---------------------------------------------------------------------------------------------
// Log, audit and events
// ---------------------------------------------------------------------------------------------

async function log(
  db: Db,
  p: Principal,
  ctx: repo.ElectionContext,
  action: string,
  text: string,
  extra: { bundleNumber?: number; entryId?: number; details?: unknown } = {},
): Promise<void> {
  await repo.appendLog(db, [
    {
      electionId: ctx.election.id,
      userId: p.actor.userId,
      userLabel: p.actor.label,
      action,
      text,
      bundleNumber: extra.bundleNumber ?? null,
      entryId: extra.entryId ?? null,
      details: extra.details ?? null,
    },
  ]);
}

async function notify(db: Db, ctx: repo.ElectionContext, kind: string): Promise<void> {
  await repo.notifyElection(db, ELECTION_EVENTS_CHANNEL, {
    electionId: ctx.election.id,
    congressId: ctx.congress.id,
    path: ctx.org.path,
    kind,
    version: ctx.election.version + 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Presenting
// ---------------------------------------------------------------------------------------------

function settingsOf(e: repo.ElectionRow) {
  return party190SettingsSchema.parse(e.settings ?? {});
}

function baseOf(e: repo.ElectionRow): BaseFigures | null {
  if (!e.base) return null;
  const parsed = baseFiguresSchema.safeParse(e.base);
  return parsed.success ? parsed.data : null;
}

function summary(ctx: repo.ElectionContext, candidateCount: number): ElectionSummaryDto {
  const e = ctx.election;
  return {
    id: e.id,
    congressId: ctx.congress.id,
    orgId: ctx.org.id,
    orgName: ctx.org.name,
    title: e.title,
    office: e.office as Office,
    officeLabel: OFFICE_LABELS[e.office as Office] ?? e.office,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    round: e.round,
    status: e.status as ElectionDto["status"],
    statusLabel: STATUS_LABELS[e.status] ?? e.status,
    candidateCount,
    released: e.released,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** Problems of the list under the rule set, in Vietnamese (empty: the list may be printed). */
function listProblemsOf(e: repo.ElectionRow, candidates: readonly repo.CandidateRow[]): string[] {
  if (candidates.length === 0) return ["Danh sách bầu cử chưa có ai"];
  const settings = settingsOf(e);
  const problems: string[] = [];
  const places = e.seats + e.alternateSeats;
  if (e.office === "secretary" && candidates.length > settings.secretaryCandidatesMax) {
    problems.push(
      `Bầu trực tiếp bí thư chỉ được có tối đa ${settings.secretaryCandidatesMax} người trong danh sách (có ${candidates.length})`,
    );
  } else if (e.office !== "secretary" && e.previousElectionId === null) {
    // A further round's list is the congress's decision (planFurtherRound), not a new nomination.
    const r = checkCandidateList(
      {
        office: e.office as Office,
        seats: places,
        present: e.present ?? 0,
        nominees: candidates.map((c) => ({
          id: String(c.position),
          name: c.fullName,
          source: c.nominatedBy === "floor" ? ("floor" as const) : ("convening-committee" as const),
          ...(c.floorApprovals !== null ? { approvals: c.floorApprovals } : {}),
        })),
      },
      settings,
    );
    if (!r.ok) problems.push(...r.error.map((x) => describeListProblemByPosition(x, candidates)));
    else {
      const kept = new Set(r.value.candidates.map((c) => c.id));
      for (const f of r.value.floor) {
        if (!f.admitted) {
          const c = candidates[Number(f.id) - 1];
          problems.push(
            `${c?.fullName ?? f.id} (ứng cử tại đại hội) chỉ được ${formatNumber(f.approvals)} người đồng ý, cần từ ${formatNumber(f.needed)} người trở lên (trên 30% số có mặt): không được đưa vào danh sách`,
          );
        }
      }
      if (kept.size !== candidates.length && problems.length === 0)
        problems.push("Danh sách có người không đủ điều kiện đưa vào danh sách bầu cử");
    }
  }
  const broken = findOrderBreak(candidates.map((c) => ({ id: String(c.position), name: c.fullName })));
  if (broken !== null)
    problems.push(
      `Danh sách chưa theo thứ tự a, b, c của tên: số ${broken} (${candidates[broken - 1]!.fullName}) phải đứng trước số ${broken - 1}`,
    );
  return problems;
}

function describeListProblemByPosition(
  x: Parameters<typeof describeCandidateListProblem>[0],
  candidates: readonly repo.CandidateRow[],
): string {
  // The domain names candidates by id; ids here are ballot positions: name the person instead.
  const text = describeCandidateListProblem(x);
  return text.replace(/người có mã (\d+)/g, (_, pos: string) => {
    const c = candidates[Number(pos) - 1];
    return c ? `${c.fullName} (số ${pos})` : `số ${pos}`;
  });
}

function startProblemsOf(e: repo.ElectionRow, candidates: readonly repo.CandidateRow[]): string[] {
  const problems = listProblemsOf(e, candidates);
  const base = baseOf(e);
  if (!base) problems.push("Chưa nhập số được triệu tập và các trường hợp được trừ (cơ sở tính N)");
  else if (!computeBase(base, settingsOf(e)).ok)
    problems.push("Số được triệu tập phải lớn hơn tổng số được trừ");
  if (e.alternateSeats > 0 && e.office !== "upper_congress_delegates")
    problems.push("Chỉ bầu đại biểu dự khuyết khi bầu đại biểu dự đại hội cấp trên");
  return problems;
}

/** The election as it now stands in this transaction, for the reply after a change. */
async function currentElectionDto(
  tx: Db,
  id: number,
  perms: ElectionPermissions,
  candidates?: readonly repo.CandidateRow[],
): Promise<Result<ElectionDto, AppError>> {
  const fresh = (await repo.findElectionContext(tx, id))!;
  return ok(toElectionDto(fresh, candidates ?? (await repo.listCandidates(tx, [id])), perms));
}

/** One audit entry about an election (the entity "election", in the election's organisation). */
function auditElection(
  tx: Db,
  p: Principal,
  entry: { action: string; entityId: number; orgId: number; before: unknown; after: unknown },
): Promise<void> {
  const { action, entityId, orgId, before, after } = entry;
  return appendAudit(tx, p.actor, [{ action, entity: "election", entityId, orgId, before, after }]);
}

function toElectionDto(
  ctx: repo.ElectionContext,
  candidates: readonly repo.CandidateRow[],
  perms: ElectionPermissions,
): ElectionDto {
  const e = ctx.election;
  const base = baseOf(e);
  const computed = base ? computeBase(base, settingsOf(e)) : null;
  return {
    ...summary(ctx, candidates.length),
    ruleSet: "party-190",
    electingOrganisation: e.electingOrganisation as "branch" | "committee",
    previousElectionId: e.previousElectionId,
    settings: (e.settings ?? {}) as Record<string, unknown>,
    base,
    baseN: computed?.ok ? computed.value.n : null,
    threshold: computed?.ok ? computed.value.threshold : null,
    baseDescription: computed?.ok ? computed.value.description : null,
    present: e.present,
    ballotsIssued: e.ballotsIssued,
    ballotsCollected: e.ballotsCollected,
    bundleSize: e.bundleSize,
    entriesPerBundle: e.entriesPerBundle,
    countingCommittee: (e.countingCommittee ?? []) as ElectionDto["countingCommittee"],
    heldOn: e.heldOn,
    venue: e.venue,
    ballotKind: ballotKindFor(candidates.length, e.seats + e.alternateSeats),
    candidates: candidates.map((c) => ({
      id: c.id,
      position: c.position,
      fullName: c.fullName,
      personId: c.personId,
      nominatedBy: c.nominatedBy as "committee" | "floor",
      floorApprovals: c.floorApprovals,
    })),
    listProblems: listProblemsOf(e, candidates),
    startProblems: e.status === "setup" ? startProblemsOf(e, candidates) : [],
    countingStartedAt: e.countingStartedAt?.toISOString() ?? null,
    releasedAt: e.releasedAt?.toISOString() ?? null,
    closedAt: e.closedAt?.toISOString() ?? null,
    version: e.version,
    permissions: {
      setup: perms.setup,
      enter: perms.enter,
      manage: perms.manage,
      reopen: perms.reopen,
    },
  };
}

function specOf(e: repo.ElectionRow, candidateCount: number) {
  return makeBallotSpec(candidateCount, e.seats + e.alternateSeats, settingsOf(e).extraInvalidityGrounds);
}

function validityOf(ballot: Ballot, spec: ReturnType<typeof specOf>): EnteredBallotDto["validity"] {
  const v = checkBallot(ballot, spec);
  return v.valid
    ? { valid: true, reason: null, label: "Hợp lệ" }
    : { valid: false, reason: v.reason, label: INVALID_REASON_LABELS[v.reason] };
}

/** "gạch tên số 3, 12" / "đồng ý 1, 2; không đồng ý 3" with the defects. */
export function describeBallot(b: Ballot): string {
  const parts: string[] = [];
  if (b.kind === "cross-out") {
    parts.push(
      b.crossedOut.length === 0
        ? "không gạch tên nào"
        : `gạch tên số ${[...b.crossedOut].sort((x, y) => x - y).join(", ")}`,
    );
  } else {
    const rows = (mark: string) =>
      b.marks.flatMap((m, i) => (m === mark ? [String(i + 1)] : [])).join(", ") || "không có";
    parts.push(`đồng ý: ${rows("agree")}; không đồng ý: ${rows("disagree")}`);
    if (b.marks.some((m) => m === "both" || m === "neither"))
      parts.push(`đánh dấu cả hai ô hoặc không ô nào: ${[rows("both"), rows("neither")].join(", ")}`);
  }
  if (b.notIssued) parts.push("phiếu không do Ban kiểm phiếu phát ra");
  if (b.addedName) parts.push("ghi thêm tên");
  if (b.identifyingMark) parts.push("có ký tên/đánh dấu riêng");
  return parts.join("; ");
}

const bundleLabel = (n: number) => `Tập ${String(n).padStart(2, "0")}`;

function entrySummary(e: repo.EntryWithCount): EntrySummaryDto {
  return {
    id: e.id,
    bundleId: e.bundleId,
    bundleNumber: e.bundleNumber,
    clerkUserId: e.clerkUserId,
    clerkLabel: e.clerkLabel,
    status: e.status as EntrySummaryDto["status"],
    ballotCount: e.ballotCount,
    startedAt: e.startedAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

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
  const bad = (field: string, message: string) => electionError("ELECTION_FIGURES", 422, message, { field });
  if (f.present !== null && f.ballotsIssued !== null && f.ballotsIssued > f.present)
    return bad(
      "ballotsIssued",
      `Số phiếu phát ra (${formatNumber(f.ballotsIssued)}) lớn hơn số có mặt (${formatNumber(f.present)})`,
    );
  if (f.ballotsIssued !== null && f.ballotsCollected !== null && f.ballotsCollected > f.ballotsIssued)
    return bad(
      "ballotsCollected",
      `Số phiếu thu vào (${formatNumber(f.ballotsCollected)}) lớn hơn số phiếu phát ra (${formatNumber(f.ballotsIssued)})`,
    );
  return null;
}

function checkSetupShape(v: { office: string; alternateSeats: number; settings?: unknown }): AppError | null {
  const settings = party190SettingsSchema.safeParse(v.settings ?? {});
  if (!settings.success) {
    const i = settings.error.issues[0]!;
    return electionError(
      "ELECTION_INVALID",
      422,
      `Thiết lập "${i.path.join(".")}" không hợp lệ: ${i.message}`,
      { field: `settings.${i.path.join(".")}` },
    );
  }
  if (v.alternateSeats > 0 && v.office !== "upper_congress_delegates")
    return electionError(
      "ELECTION_INVALID",
      422,
      "Chỉ bầu đại biểu dự khuyết khi bầu đại biểu dự đại hội cấp trên",
      { field: "alternateSeats" },
    );
  return null;
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
    const bad = checkSetupShape(values) ?? checkFigures(values);
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
        electionError(
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
    const shapeProblem = checkSetupShape(merged) ?? checkFigures(merged);
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
  const office = OFFICE_LABELS[e.office as Office] ?? e.office;
  return ok({
    electionId: id,
    organisation: ctx.org.name.toLocaleUpperCase("vi"),
    congressName: `Đại hội ${ctx.org.name} nhiệm kỳ ${ctx.season.termStart}–${ctx.season.termEnd}`,
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
    const problems = startProblemsOf(ctx.election, candidates);
    if (problems.length > 0)
      return err(
        electionError("ELECTION_NOT_READY", 422, `Chưa thể bắt đầu kiểm phiếu: ${problems.join("; ")}`, {
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

// ---------------------------------------------------------------------------------------------
// Bundles and entries
// ---------------------------------------------------------------------------------------------

function bundleDto(
  b: repo.BundleRow,
  entries: readonly repo.EntryWithCount[],
  e: repo.ElectionRow,
): BundleDto {
  const live = entries.filter((x) => x.bundleId === b.id && x.status !== "discarded");
  const finished = live.filter((x) => x.status === "finished");
  let stage: BundleDto["stage"];
  if (b.status === "accepted") stage = "accepted";
  else if (finished.length >= e.entriesPerBundle && finished.length === live.length) stage = "differs";
  else if (finished.length >= 2 && finished.length === live.length && live.length >= e.entriesPerBundle)
    stage = "ready-to-compare";
  else stage = "entering";
  return {
    id: b.id,
    number: b.number,
    label: bundleLabel(b.number),
    expectedBallots: b.expectedBallots,
    status: b.status as BundleDto["status"],
    stage,
    entries: live.map(entrySummary),
    acceptedAt: b.acceptedAt?.toISOString() ?? null,
  };
}

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
        return err(electionError("BUNDLE_EXISTS", 409, `${bundleLabel(number)} đã có`, { number }));
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

async function entryDto(
  db: Db,
  ctx: repo.ElectionContext,
  entry: repo.EntryRow,
  bundle: repo.BundleRow,
): Promise<EntryDto> {
  const candidates = await repo.listCandidates(db, [ctx.election.id]);
  const spec = specOf(ctx.election, candidates.length);
  const ballots = await repo.listBallots(db, [entry.id]);
  return {
    id: entry.id,
    bundleId: bundle.id,
    bundleNumber: bundle.number,
    clerkUserId: entry.clerkUserId,
    clerkLabel: entry.clerkLabel,
    status: entry.status as EntryDto["status"],
    ballotCount: ballots.length,
    startedAt: entry.startedAt.toISOString(),
    finishedAt: entry.finishedAt?.toISOString() ?? null,
    electionId: ctx.election.id,
    expectedBallots: bundle.expectedBallots,
    candidateCount: candidates.length,
    ballotKind: spec.kind,
    ballots: ballots.map((b, i) => enteredBallot(b, i + 1, spec)),
  };
}

function enteredBallot(
  b: repo.BallotRow,
  position: number,
  spec: ReturnType<typeof specOf>,
): EnteredBallotDto {
  return {
    position,
    idempotencyKey: b.idempotencyKey,
    ballot: b.ballot as EnteredBallotDto["ballot"],
    validity: validityOf(b.ballot, spec),
    enteredAt: b.enteredAt.toISOString(),
  };
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
      return err(electionError("BUNDLE_ACCEPTED", 409, `${bundleLabel(bundle.number)} đã được chấp nhận`));
    const live = await repo.listEntries(tx, id, { bundleId, liveOnly: true });
    if (live.length >= ctx.election.entriesPerBundle)
      return err(
        electionError(
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

const sameBallot = (a: Ballot, b: Ballot) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
function normalise(b: Ballot): unknown {
  const defects = {
    notIssued: Boolean(b.notIssued),
    addedName: Boolean(b.addedName),
    identifyingMark: Boolean(b.identifyingMark),
  };
  return b.kind === "cross-out"
    ? { kind: b.kind, crossedOut: [...b.crossedOut].sort((x, y) => x - y), ...defects }
    : { kind: b.kind, marks: b.marks, ...defects };
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
          electionError(
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
        electionError(
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
        electionError(
          "BUNDLE_COMPLETE",
          409,
          `${bundleLabel(bundle.number)} chỉ có ${formatNumber(bundle.expectedBallots)} phiếu; đã nhập đủ`,
        ),
      );
    const entryError = checkBallotEntry(body.ballot, count, spec);
    if (entryError)
      return err(
        electionError(
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
        electionError("BALLOT_KEY_REUSED", 409, "Mã phiếu (idempotencyKey) này vừa được dùng; hãy thử lại"),
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
      return err(electionError("ENTRY_CLOSED", 409, "Lượt nhập đã kết thúc; không hủy phiếu được"));
    const last = live[live.length - 1];
    if (!last || last.id !== target.id)
      return err(electionError("UNDO_NOT_LAST", 409, "Chỉ hủy được phiếu nhập cuối cùng"));
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
      return err(electionError("ENTRY_CLOSED", 409, "Lượt nhập này đã bị hủy để nhập lại"));
    const count = await repo.countLiveBallots(tx, entryId);
    if (count !== bundle.expectedBallots)
      return err(
        electionError(
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

interface Comparison {
  readonly dto: BundleComparisonDto;
  readonly entries: readonly repo.EntryWithCount[];
}

async function compare(tx: Db, ctx: repo.ElectionContext, bundle: repo.BundleRow): Promise<Comparison> {
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
async function tryAccept(
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
      electionError(
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

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

const termOf = (ctx: repo.ElectionContext) => `${ctx.season.termStart}–${ctx.season.termEnd}`;

/** The count file (docs/count-format.md) of the accepted bundles; null figures become problems. */
function countFileOf(
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
      office: e.office as Office,
      seats: e.seats,
      alternateSeats: e.alternateSeats,
      round: e.round,
      electingOrganisation: e.electingOrganisation as "branch" | "committee",
    },
    base: base!,
    candidates: candidates.map((c) => ({ id: String(c.position), name: c.fullName })),
    present: e.present!,
    ballotsIssued: e.ballotsIssued!,
    ballotsCollected: e.ballotsCollected!,
    ballots: [...ballots],
  });
}

const describeProblems = (ps: readonly CountFileProblem[]) =>
  ps.map((x) => (x.path.length > 0 ? `${formatIssuePath(x.path)}: ${x.message}` : x.message));

interface Computed {
  readonly dto: ElectionResultDto;
  readonly file: Party190CountFile | null;
  readonly result: PartyElectionResult | null;
}

async function computeResult(db: Db, ctx: repo.ElectionContext): Promise<Computed> {
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
      status: e.status as ElectionResultDto["status"],
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

function toResultDto(r: PartyElectionResult): PartyResultDto {
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
    return ok({ ...c.dto, result: e.result as PartyResultDto });
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
      electionError(
        "COUNT_INCOMPLETE",
        422,
        `Chưa xuất được tệp kiểm phiếu: ${c.dto.incompleteReasons.join("; ")}`,
      ),
    );
  return ok({ file: c.file, fileName: `kiem-phieu-${id}-vong-${l.value.ctx.election.round}.json` });
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
    const result = ctx.election.status === "closed" ? (ctx.election.result as PartyResultDto) : c.dto.result;
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
    result: (e.releasedResult as PartyResultDto | null) ?? null,
  });
}

const POST_KIND_OF: Partial<
  Record<Office, "committee_member" | "standing_committee_member" | "secretary" | "deputy_secretary">
> = {
  committee: "committee_member",
  standing_committee: "standing_committee_member",
  secretary: "secretary",
  deputy_secretary: "deputy_secretary",
};

/** Closes the count: fixes the result, then flows it into the congress record and the people register. */
export async function closeCount(
  db: Db,
  p: Principal,
  id: number,
  today: string,
): Promise<Result<ElectionResultDto & { flowed: string[] }, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const c = await computeResult(tx, ctx);
    if (!c.result) return err(countIncomplete("Chưa kết thúc kiểm phiếu được", c.dto.incompleteReasons));
    const result = toResultDto(c.result);
    await repo.updateElection(tx, id, {
      status: "closed",
      closedAt: new Date(),
      closedBy: p.actor.userId,
      result,
    });
    await auditElection(tx, p, {
      action: "election.close",
      entityId: id,
      orgId: ctx.org.id,
      before: { status: "counting" },
      after: {
        status: "closed",
        elected: result.elected,
        nextStep: result.nextStep,
        ballots: result.ballots,
      },
    });
    const flowed = await flowResults(tx, p, ctx, c.result, today);
    await log(
      tx,
      p,
      ctx,
      "closed",
      `Kết thúc kiểm phiếu${flowed.length > 0 ? `; ${flowed.join("; ")}` : ""}`,
    );
    await notify(tx, ctx, "closed");
    return ok({ ...c.dto, status: "closed" as const, result, flowed });
  });
}

/** What closing writes elsewhere; returns Vietnamese notes of what it did (for the log). */
async function flowResults(
  tx: Db,
  p: Principal,
  ctx: repo.ElectionContext,
  r: PartyElectionResult,
  today: string,
): Promise<string[]> {
  const notes: string[] = [];
  const e = ctx.election;
  // Congress record: the committee's seats and one-round fill; the directly elected secretary.
  let fields: Parameters<typeof amendCongressResults>[3] | null = null;
  if (e.office === "committee") {
    const firstRound = e.round === 1;
    fields = {
      committeeSeatsDecided: e.seats,
      committeeSeatsElected: r.elected.length + (await electedInEarlierRounds(tx, ctx)),
      ...(firstRound
        ? { electedInOneRoundFull: r.elected.length === e.seats }
        : { electedInOneRoundFull: false }),
    };
  } else if (e.office === "secretary" && r.elected.length > 0) {
    fields = {
      secretaryElectedDirectly: true,
      secretaryVotes: r.elected[0]!.votes,
      secretaryVoteBase: r.base.n,
    };
  }
  if (fields) {
    const a = await amendCongressResults(tx, p.actor, ctx.congress.id, fields, today);
    notes.push(a.ok ? "đã ghi vào hồ sơ đại hội" : `chưa ghi vào hồ sơ đại hội (${a.error.message})`);
  }
  // People register: a post for each elected candidate linked to a person.
  const kind = POST_KIND_OF[e.office as Office];
  if (kind) {
    const candidates = await repo.listCandidates(tx, [e.id]);
    let added = 0;
    for (const el of r.elected) {
      const cand = candidates[el.position - 1];
      if (!cand?.personId) continue;
      const res = await addPost(tx, p.actor, { kind: "all" }, cand.personId, {
        kind,
        orgId: ctx.org.id,
        villageCode: null,
        term: termOf(ctx),
        title: null,
        start: e.heldOn ?? today,
        end: null,
      });
      if (res.ok) added++;
    }
    if (added > 0) notes.push(`đã ghi chức vụ cho ${formatNumber(added)} người trong danh sách cán bộ`);
  }
  return notes;
}

/** Committee members elected in earlier rounds of the same congress (a further round fills the rest). */
async function electedInEarlierRounds(tx: Db, ctx: repo.ElectionContext): Promise<number> {
  let total = 0;
  let prev = ctx.election.previousElectionId;
  while (prev !== null) {
    const c = await repo.findElectionContext(tx, prev);
    if (!c) break;
    const res = c.election.result as PartyResultDto | null;
    total += res?.elected.length ?? 0;
    prev = c.election.previousElectionId;
  }
  return total;
}

export async function reopenCount(
  db: Db,
  p: Principal,
  id: number,
  reason: string,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "reopen", ["closed"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    await repo.updateElection(tx, id, { status: "counting", closedAt: null, closedBy: null });
    await auditElection(tx, p, {
      action: "election.reopen",
      entityId: id,
      orgId: ctx.org.id,
      before: { status: "closed", result: ctx.election.result },
      after: { status: "counting", reason },
    });
    await log(tx, p, ctx, "reopened", `Mở lại kiểm phiếu: ${reason}`);
    await notify(tx, ctx, "reopened");
    return currentElectionDto(tx, id, perms);
  });
}

/** Everything the minutes need (src/io/docx/minutes.ts). */
export async function minutesData(db: Db, p: Principal, id: number) {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const { ctx } = l.value;
  const c = await computeResult(db, ctx);
  const result =
    ctx.election.status === "closed" && ctx.election.result
      ? (ctx.election.result as PartyResultDto)
      : c.dto.result;
  if (!result) return err(countIncomplete("Chưa lập được biên bản", c.dto.incompleteReasons));
  const logRows = await repo.listLog(db, id, 0, null);
  return ok({
    election: ctx.election,
    org: ctx.org,
    term: termOf(ctx),
    base: baseOf(ctx.election)!,
    result,
    countingCommittee: (ctx.election.countingCommittee ?? []) as { fullName: string; role: string }[],
    log: logRows,
  });
}

const OUTCOME_LABELS: Record<string, string> = {
  elected: "Trúng cử",
  alternate: "Dự khuyết",
  tied: "Bằng phiếu",
  "passed-not-elected": "Đủ phiếu, không trúng cử",
  "below-threshold": "Không trúng cử",
};

const logTime = (d: Date) =>
  new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour12: false,
  }).format(d);

/** Sentences for ties, open seats and the next step, as recorded in the minutes. */
export function nextStepNotes(r: PartyResultDto): string[] {
  const notes: string[] = [];
  const names = (positions: readonly number[]) =>
    positions.map((pos) => r.candidates[pos - 1]?.name ?? String(pos)).join(", ");
  for (const t of r.ties)
    notes.push(
      `Các đồng chí ${names(t.positions)} bằng phiếu (${formatNumber(t.votes)} phiếu) cho ${formatNumber(t.places)} ${t.for === "seats" ? "chỗ cuối" : "chỗ dự khuyết cuối"}: bầu lại trong số những người bằng phiếu.`,
    );
  if (r.openSeats > 0)
    notes.push(
      `Còn thiếu ${formatNumber(r.openSeats)}/${formatNumber(r.seats)} người so với số lượng cần bầu: đại hội quyết định bầu tiếp hay để thiếu.`,
    );
  if (r.nextStep.kind === "appointment-by-upper-committee")
    notes.push("Sau ba lần bầu không có người trúng cử bí thư: cấp ủy cấp trên chỉ định.");
  return notes;
}

/** The counting minutes (.docx). */
export async function minutesDocx(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<{ data: Uint8Array; fileName: string }, AppError>> {
  const d = await minutesData(db, p, id);
  if (!d.ok) return d;
  const { election: e, result: r } = d.value;
  const data = await minutesToDocx({
    organisation: d.value.org.name,
    term: d.value.term,
    title: e.title,
    officeLabel: r.officeLabel,
    seats: r.seats,
    alternateSeats: r.alternateSeats,
    round: r.round,
    place: e.venue ?? d.value.org.name,
    date: e.heldOn ?? (e.closedAt ?? new Date()).toISOString().slice(0, 10),
    base: r.base,
    present: r.ballots.present,
    issued: r.ballots.issued,
    collected: r.ballots.collected,
    valid: r.ballots.valid,
    invalid: r.ballots.invalid,
    invalidByReason: r.ballots.invalidByReason,
    candidates: r.candidates.map((c) => ({
      position: c.position,
      name: c.name,
      votes: c.votes,
      percentOfBase: c.percentOfBase,
      outcomeLabel: OUTCOME_LABELS[c.outcome] ?? c.outcome,
      explanation: c.explanation,
    })),
    elected: r.elected.map((x) => ({
      name: x.name,
      votes: x.votes,
      percentOfBase: r.candidates[x.position - 1]?.percentOfBase ?? "",
    })),
    alternates: r.alternates.map((x) => ({
      name: x.name,
      votes: x.votes,
      percentOfBase: r.candidates[x.position - 1]?.percentOfBase ?? "",
    })),
    notes: nextStepNotes(r),
    countingCommittee: d.value.countingCommittee,
    log: d.value.log.map((l) => ({ at: logTime(l.at), userLabel: l.userLabel, text: l.text })),
  });
  return ok({ data, fileName: `bien-ban-kiem-phieu-${id}-vong-${r.round}.docx` });
}

/**
 * A further round on the congress's explicit decision (Quyết định 190): a tie is voted on among the
 * tied only, open seats get a new ballot with candidates not yet elected. The new election starts in
 * setup with the previous one's setup, `round` + 1 and the chosen candidates (by ballot number).
 */
export async function createNextRound(
  db: Db,
  p: Principal,
  id: number,
  positions: readonly number[],
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "setup", ["closed"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    const e = ctx.election;
    const previous = e.result as PartyElectionResult | null;
    if (!previous) return err(electionError("COUNT_INCOMPLETE", 422, "Cuộc bầu cử chưa có kết quả"));
    const list = await repo.listCandidates(tx, [id]);
    const unknown = positions.filter((x) => !list[x - 1]);
    if (unknown.length > 0)
      return err(
        electionError("ELECTION_INVALID", 422, `Không có số ${unknown.join(", ")} trong danh sách bầu cử`, {
          field: "positions",
        }),
      );
    const chosen = [...new Set(positions)].sort((a, b) => a - b).map((x) => list[x - 1]!);
    const plan = planFurtherRound(
      previous,
      {
        office: e.office as Office,
        seats: e.seats,
        alternateSeats: e.alternateSeats,
        candidates: list.map((c) => ({ id: String(c.position), name: c.fullName })),
        round: e.round,
        electingOrganisation: e.electingOrganisation as "branch" | "committee",
      },
      { kind: "hold-round", candidates: chosen.map((c) => ({ id: String(c.position), name: c.fullName })) },
    );
    if (!plan.ok) {
      const x = plan.error;
      const name = (pid: string) => list[Number(pid) - 1]?.fullName ?? pid;
      const message =
        x.kind === "no-further-round"
          ? "Kết quả không cần bầu thêm (đã đủ số lượng hoặc cấp trên chỉ định)"
          : x.kind === "tie-vote-must-list-tied-only"
            ? `Bầu lại khi bằng phiếu chỉ gồm những người bằng phiếu: ${x.expected.map(name).join(", ")}`
            : x.kind === "candidate-already-elected"
              ? `${name(x.id)} đã trúng cử; không đưa vào danh sách bầu tiếp`
              : "Danh sách bầu tiếp không được để trống";
      return err(electionError("NEXT_ROUND_INVALID", 422, message, { problem: x }));
    }
    if (plan.value.kind !== "round") return err(electionError("NEXT_ROUND_INVALID", 422, "Không bầu tiếp"));
    const next = plan.value.election;
    const values = {
      congressId: ctx.congress.id,
      title: `${e.title.replace(/ \(bầu lần \d+\)$/, "")} (bầu lần ${next.round})`,
      office: e.office,
      ruleSet: e.ruleSet,
      settings: e.settings,
      seats: next.seats,
      alternateSeats: next.alternateSeats,
      round: next.round,
      previousElectionId: id,
      electingOrganisation: e.electingOrganisation,
      base: e.base,
      bundleSize: e.bundleSize,
      entriesPerBundle: e.entriesPerBundle,
      countingCommittee: e.countingCommittee,
      heldOn: e.heldOn,
      venue: e.venue,
      createdBy: p.actor.userId,
    };
    const newId = await repo.insertElection(tx, values);
    await repo.replaceCandidates(
      tx,
      newId,
      chosen.map((c) => ({
        fullName: c.fullName,
        personId: c.personId,
        nominatedBy: c.nominatedBy,
        floorApprovals: c.floorApprovals,
      })),
    );
    await auditElection(tx, p, {
      action: "election.next_round",
      entityId: newId,
      orgId: ctx.org.id,
      before: { previousElectionId: id, nextStep: previous.nextStep },
      after: { ...values, candidates: chosen.map((c) => c.fullName) },
    });
    await log(
      tx,
      p,
      ctx,
      "next-round",
      `Đại hội quyết định bầu lần ${next.round}: ${chosen.map((c) => c.fullName).join(", ")}`,
    );
    const fresh = (await repo.findElectionContext(tx, newId))!;
    await log(tx, p, fresh, "created", `Tạo cuộc bầu cử lần ${next.round} theo quyết định của đại hội`);
    return ok(toElectionDto(fresh, await repo.listCandidates(tx, [newId]), perms));
  });
}
