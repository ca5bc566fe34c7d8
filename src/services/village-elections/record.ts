/**
 * Recording a village's meeting (decided by the village-head rule set), appointing an interim head,
 * and reading one village's election with its "Dân tin – Đảng cử" link.
 */
import { type Actor, type AuditEntryInput, appendAudit, canonicalJson } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import * as repo from "../../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../../domain/format/date.ts";
import { decideVillageMeeting, nextAttempt, type VillageRoundOutcome } from "../../domain/village/index.ts";
import { type AppError, appError, errors } from "../errors.ts";
import {
  inTransaction,
  loadDayVillage,
  meetingIssuesError,
  meetingOf,
  VILLAGE_EVENTS_CHANNEL,
} from "./access.ts";
import { type HeadInput, registerHead } from "./head.ts";

export interface VillageElectionView {
  readonly day: repo.ElectionDayRecord;
  readonly village: repo.VillageRef;
  readonly rounds: readonly repo.RoundRow[];
  readonly result: repo.ResultValues | null;
  /** The round that may be recorded next, or why none may. */
  readonly next: { readonly attempt: 1 | 2 } | { readonly closed: string };
  /** "Dân tin – Đảng cử": the branch secretary and the village head in office after the branch congress. */
  readonly link: {
    readonly asOf: IsoDate;
    readonly secretaries: readonly { personId: number; name: string }[];
    readonly heads: readonly { personId: number; name: string }[];
    readonly secretaryIsHead: boolean;
  };
}

/** The branch congresses follow the election day; the link is read on the last day of its month. */
function linkDate(electionDate: IsoDate): IsoDate {
  const [y, m] = electionDate.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${electionDate.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

export async function getVillageElection(
  db: Db,
  scope: Scope,
  dayId: number,
  villageId: number,
  linkAsOf?: IsoDate,
): Promise<Result<VillageElectionView, AppError>> {
  const found = await loadDayVillage(db, scope, dayId, villageId);
  if (!found.ok) return found;
  const { day, village } = found.value;
  const rounds = await repo.listRounds(db, dayId, [villageId]);
  const result = await repo.findResult(db, dayId, villageId);
  const asOf = linkAsOf ?? linkDate(day.electionDate);
  const link = (await repo.branchSecretariesAndHeads(db, [villageId], asOf)).get(villageId) ?? {
    secretaries: [],
    heads: [],
  };
  return ok({
    day,
    village,
    rounds,
    result,
    next: nextAttempt(rounds, result?.status === "interim-appointed"),
    link: {
      asOf,
      ...link,
      secretaryIsHead: link.secretaries.some((s) => link.heads.some((h) => h.personId === s.personId)),
    },
  });
}

/** Checks, decides and writes one round inside the caller's transaction. */
export async function applyRound(
  tx: Db,
  actor: Actor,
  day: repo.ElectionDayRecord,
  village: repo.VillageRef,
  raw: unknown,
  audit: AuditEntryInput[],
): Promise<
  Result<{ roundId: number; outcome: VillageRoundOutcome; explanation: string; replay: boolean }, AppError>
> {
  await repo.lockVillage(tx, day.id, village.id);
  const decided = decideVillageMeeting(raw, village.kind);
  if (!decided.ok) return err(meetingIssuesError(decided.error));
  const { meeting, result } = decided.value;
  const rounds = await repo.listRounds(tx, day.id, [village.id]);
  const same = rounds.find((r) => r.attempt === meeting.attempt);
  if (same) {
    // A retry of the same minutes changes nothing; different figures for a recorded round are refused.
    const stored = meetingOf(same);
    // The elected candidate's person link is filled in when recorded: a retry need not repeat it.
    const asRetried = {
      ...stored,
      candidates: stored.candidates.map((c, i) => ({
        ...c,
        personId: meeting.candidates[i]?.personId === null && same.candidates[i]?.elected ? null : c.personId,
      })),
    };
    if (canonicalJson(asRetried) === canonicalJson(meeting)) {
      return ok({ roundId: same.id, outcome: same.outcome, explanation: same.explanation, replay: true });
    }
    return err(
      appError(
        "VILLAGE_ROUND_RECORDED",
        409,
        `${village.name} đã ghi kết quả bầu lần ${meeting.attempt}; không ghi đè (liên hệ quản trị viên nếu cần sửa)`,
      ),
    );
  }
  const existing = await repo.findResult(tx, day.id, village.id);
  const next = nextAttempt(rounds, existing?.status === "interim-appointed");
  if ("closed" in next) return err(appError("VILLAGE_ROUND_CLOSED", 409, `${village.name}: ${next.closed}`));
  if (next.attempt !== meeting.attempt) {
    return err(
      appError(
        "VILLAGE_ROUND_ORDER",
        422,
        next.attempt === 1
          ? `${village.name} chưa ghi lần bầu thứ nhất; không thể ghi bầu lại`
          : `${village.name} phải ghi lần bầu lại (lần 2)`,
        { issues: [{ path: "attempt", message: `Lần bầu phải là ${next.attempt}` }] },
      ),
    );
  }
  if (meeting.heldOn < day.electionDate) {
    return err(
      meetingIssuesError([
        {
          path: ["heldOn"],
          message: `Ngày họp ${formatDate(meeting.heldOn)} trước ngày bầu ${formatDate(day.electionDate)}`,
        },
      ]),
    );
  }
  const winner = decided.value.electedIndex === null ? null : meeting.candidates[decided.value.electedIndex]!;
  let link: { personId: number; postId: number } | null = null;
  if (winner) {
    const r = await registerHead(tx, day, village, winner, meeting.heldOn, audit);
    if (!r.ok) return r;
    link = r.value;
  }
  const [roundId] = await repo.insertRounds(tx, [
    {
      dayId: day.id,
      villageId: village.id,
      attempt: meeting.attempt,
      heldOn: meeting.heldOn,
      electorate: meeting.electorate,
      present: meeting.present,
      method: meeting.method,
      issued: meeting.issued,
      collected: meeting.collected,
      valid: meeting.valid,
      invalid: meeting.invalid,
      team: meeting.team,
      outcome: decided.value.outcome,
      explanation: decided.value.explanation,
      decision: result,
      recordedBy: actor.userId,
      candidates: meeting.candidates.map((c, i) => ({
        position: i + 1,
        fullName: c.fullName,
        nomination: c.nomination,
        personId: i === decided.value.electedIndex && link ? link.personId : c.personId,
        gender: c.gender,
        birthDate: c.birthDate,
        ethnicity: c.ethnicity,
        votes: c.votes,
        elected: i === decided.value.electedIndex,
      })),
    },
  ]);
  const values: repo.ResultValues = {
    dayId: day.id,
    villageId: village.id,
    status: decided.value.outcome,
    explanation: decided.value.explanation,
    headName: winner?.fullName ?? null,
    headGender: winner?.gender ?? null,
    headEthnicity: winner?.ethnicity ?? null,
    headPersonId: link?.personId ?? null,
    headPostId: link?.postId ?? null,
    winnerVotes: winner?.votes ?? null,
    winnerElectorate: winner ? meeting.electorate : null,
    electorate: meeting.electorate,
    present: meeting.present,
    interimDecision: null,
    interimOn: null,
  };
  await repo.upsertResults(tx, [values]);
  audit.push({
    action: "village_election.record",
    entity: "village_election_round",
    entityId: roundId!,
    orgId: village.branchId ?? village.communeId,
    before: existing,
    after: {
      village: village.code,
      meeting,
      outcome: decided.value.outcome,
      explanation: decided.value.explanation,
      head: link,
    },
  });
  return ok({
    roundId: roundId!,
    outcome: decided.value.outcome,
    explanation: decided.value.explanation,
    replay: false,
  });
}

/**
 * One change to a village of the day, in a transaction: `write` collects its audit entries and
 * says whether it changed anything (a replay does not); a change is audited and announced to the
 * live pages. Gives the village's election as it now stands.
 */
async function changeVillage(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  villageId: number,
  write: (
    tx: Db,
    day: repo.ElectionDayRecord,
    village: repo.VillageRef,
    audit: AuditEntryInput[],
  ) => Promise<Result<boolean, AppError>>,
): Promise<Result<VillageElectionView, AppError>> {
  const written = await inTransaction(db, async (tx) => {
    const found = await loadDayVillage(tx, scope, dayId, villageId);
    if (!found.ok) return found;
    const { day, village } = found.value;
    const audit: AuditEntryInput[] = [];
    const changed = await write(tx, day, village, audit);
    if (!changed.ok) return changed;
    if (changed.value) {
      await appendAudit(tx, actor, audit);
      await repo.notifyVillageChange(tx, VILLAGE_EVENTS_CHANNEL, {
        dayId,
        path: village.communePath,
        villageId,
      });
    }
    return ok(undefined);
  });
  if (!written.ok) return written;
  return getVillageElection(db, scope, dayId, villageId);
}

export async function recordVillageRound(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  villageId: number,
  raw: unknown,
): Promise<Result<VillageElectionView, AppError>> {
  return changeVillage(db, actor, scope, dayId, villageId, async (tx, day, village, audit) => {
    const r = await applyRound(tx, actor, day, village, raw, audit);
    return r.ok ? ok(!r.value.replay) : r;
  });
}

export interface InterimInput extends HeadInput {
  readonly appointedOn: IsoDate;
  readonly decisionNumber: string;
}

/** After a failed re-election the commune chair appoints an interim head. */
export async function appointInterimHead(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  villageId: number,
  input: InterimInput,
): Promise<Result<VillageElectionView, AppError>> {
  return changeVillage(db, actor, scope, dayId, villageId, async (tx, day, village, audit) => {
    await repo.lockVillage(tx, dayId, villageId);
    const existing = await repo.findResult(tx, dayId, villageId);
    if (existing?.status !== "interim-needed") {
      return err(
        appError(
          "VILLAGE_INTERIM_NOT_DUE",
          422,
          `${village.name}: chỉ cử trưởng thôn lâm thời sau khi bầu lại không thành (hiện: ${existing ? existing.explanation : "chưa báo cáo kết quả bầu"})`,
        ),
      );
    }
    if (!isValidIsoDate(input.appointedOn) || input.appointedOn < day.electionDate) {
      return err(
        appError("VILLAGE_INTERIM_INVALID", 422, "Ngày quyết định cử trưởng thôn lâm thời không hợp lệ"),
      );
    }
    const link = await registerHead(tx, day, village, input, input.appointedOn, audit);
    if (!link.ok) return link;
    const values: repo.ResultValues = {
      ...existing,
      status: "interim-appointed",
      explanation: `${existing.explanation}. Chủ tịch UBND xã cử ${input.fullName} làm trưởng ${village.kind} lâm thời (Quyết định ${input.decisionNumber}, ngày ${formatDate(input.appointedOn)})`,
      headName: input.fullName,
      headGender: input.gender,
      headEthnicity: input.ethnicity,
      headPersonId: link.value.personId,
      headPostId: link.value.postId,
      interimDecision: input.decisionNumber,
      interimOn: input.appointedOn,
    };
    await repo.upsertResults(tx, [values]);
    audit.push({
      action: "village_election.interim",
      entity: "village_election_result",
      entityId: `${dayId}:${villageId}`,
      orgId: village.branchId ?? village.communeId,
      before: existing,
      after: values,
    });
    return ok(true);
  });
}

/**
 * The village branch congress's view of "Dân tin – Đảng cử": the village the branch serves, its
 * head election on the latest day covering it, and whether the branch secretary is that head.
 */
export async function getBranchVillageLink(
  db: Db,
  scope: Scope,
  branchId: number,
): Promise<Result<VillageElectionView, AppError>> {
  const village = await repo.findVillageOfBranch(db, scope, branchId);
  if (!village) return err(errors.notFound("chi bộ thôn, khu phố", branchId));
  const day = (await repo.listDays(db))
    .filter((d) => village.communePath.startsWith(`${d.rootPath}.`))
    .at(-1);
  if (!day) return err(appError("VILLAGE_NO_DAY", 404, "Chưa có ngày bầu trưởng thôn nào cho thôn này"));
  return getVillageElection(db, scope, day.id, village.id);
}
