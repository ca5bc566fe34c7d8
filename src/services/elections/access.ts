/**
 * Who may do what with one election (the routes are "session" routes: decided here per election),
 * loading it in the right status, and the counting log, audit entries and change events every
 * election use-case writes.
 */
import { appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type BaseFigures,
  baseFiguresSchema,
  type ElectionSetup,
  makeBallotSpec,
  party190SettingsSchema,
} from "../../domain/election/index.ts";
import { type Principal, pathInScope } from "../access.ts";
import { type AppError, appError, errors } from "../errors.ts";

export const ELECTION_EVENTS_CHANNEL = "daihoi_election";

export const STATUS_LABELS: Record<string, string> = {
  setup: "Đang chuẩn bị",
  counting: "Đang kiểm phiếu",
  closed: "Đã kết thúc kiểm phiếu",
};

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

export type Need = keyof ElectionPermissions;
export const NEED_WORDS: Record<Need, string> = {
  read: "xem cuộc bầu cử này",
  setup: "chuẩn bị cuộc bầu cử này (chỉ cán bộ tổ chức phụ trách hoặc quản trị)",
  enter: "nhập phiếu của cuộc bầu cử này (chỉ thành viên ban kiểm phiếu của đại hội)",
  manage: "điều hành kiểm phiếu của cuộc bầu cử này (chỉ ban kiểm phiếu của đại hội)",
  reopen: "mở lại kiểm phiếu (chỉ quản trị hệ thống)",
};

/** Loads an election the caller may see (404 otherwise, so its existence does not leak) and checks `need`. */
export async function load(
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

export function requireStatus(ctx: repo.ElectionContext, ...allowed: string[]): AppError | null {
  const s = ctx.election.status;
  if (allowed.includes(s)) return null;
  const want = allowed.map((a) => `"${STATUS_LABELS[a]}"`).join(" hoặc ");
  return appError(
    "ELECTION_STATUS",
    409,
    `Cuộc bầu cử đang ở trạng thái "${STATUS_LABELS[s] ?? s}"; thao tác này chỉ làm được khi ${want}`,
    { status: s },
  );
}

/** The count is not finished enough for `what` ("Chưa công bố được kết quả"): 422 with the reasons. */
export function countIncomplete(what: string, reasons: readonly string[]): AppError {
  return appError("COUNT_INCOMPLETE", 422, `${what}: ${reasons.join("; ")}`, { reasons });
}

/** `load` with the election locked for a change, which its status must allow. */
export async function loadInStatus(
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

export async function log(
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

export async function notify(db: Db, ctx: repo.ElectionContext, kind: string): Promise<void> {
  await repo.notifyElection(db, ELECTION_EVENTS_CHANNEL, {
    electionId: ctx.election.id,
    congressId: ctx.congress.id,
    path: ctx.org.path,
    kind,
    version: ctx.election.version + 1,
  });
}

export function settingsOf(e: repo.ElectionRow) {
  return party190SettingsSchema.parse(e.settings ?? {});
}

export function baseOf(e: repo.ElectionRow): BaseFigures | null {
  if (!e.base) return null;
  const parsed = baseFiguresSchema.safeParse(e.base);
  return parsed.success ? parsed.data : null;
}

/** One audit entry about an election (the entity "election", in the election's organisation). */
export function auditElection(
  tx: Db,
  p: Principal,
  entry: { action: string; entityId: number; orgId: number; before: unknown; after: unknown },
): Promise<void> {
  const { action, entityId, orgId, before, after } = entry;
  return appendAudit(tx, p.actor, [{ action, entity: "election", entityId, orgId, before, after }]);
}

/** The setup the domain judges (src/domain/election/setup.ts). */
export function setupOf(e: repo.ElectionRow): ElectionSetup {
  return {
    office: e.office,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    present: e.present,
    furtherRound: e.previousElectionId !== null,
    settings: settingsOf(e),
    base: baseOf(e),
  };
}

export function specOf(e: repo.ElectionRow, candidateCount: number) {
  return makeBallotSpec(candidateCount, e.seats + e.alternateSeats, settingsOf(e).extraInvalidityGrounds);
}

export const bundleLabel = (n: number) => `Tập ${String(n).padStart(2, "0")}`;

/**
 * The term of the congress's level, as the minutes and the posts created from them carry it
 * (branches 2020–2022 in the 2020 season, not the season's 2020–2025; issue 17).
 */
export const termOf = (ctx: repo.ElectionContext) =>
  ctx.levelTerm
    ? `${ctx.levelTerm.start}–${ctx.levelTerm.end}`
    : `${ctx.season.termStart}–${ctx.season.termEnd}`;
