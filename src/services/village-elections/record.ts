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
import {
  checkRecognition,
  decideVillageMeeting,
  nextAttempt,
  type RecognitionInput,
  recognitionSchema,
  type VillageRoundOutcome,
} from "../../domain/village/index.ts";
import { type AppError, appError, errors } from "../errors.ts";
import {
  approvalsOf,
  inTransaction,
  loadDayVillage,
  meetingIssuesError,
  meetingOf,
  VILLAGE_EVENTS_CHANNEL,
} from "./access.ts";
import { type HeadInput, openHeadPost, registerHead, registerPerson } from "./head.ts";

export interface VillageElectionView {
  readonly day: repo.ElectionDayRecord;
  readonly village: repo.VillageRef;
  readonly rounds: readonly repo.RoundRow[];
  readonly result: repo.ResultValues | null;
  /** The meeting that elected the head (its day starts the 5 working days to recognise), if any. */
  readonly electedOn: IsoDate | null;
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
    electedOn: rounds.find((r) => r.outcome === "elected")?.heldOn ?? null,
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
  // The winner goes into the people register now; the village-head post starts only when the
  // commune People's Committee recognises the result (Nghị định 59/2023; `recogniseVillageHead`).
  let link: { personId: number; postId: null } | null = null;
  if (winner) {
    const r = await registerPerson(tx, village, winner, audit);
    if (!r.ok) return r;
    link = { personId: r.value, postId: null };
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
      ...approvalsOf(meeting),
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
    headPostId: null,
    winnerVotes: winner?.votes ?? null,
    winnerElectorate: winner ? meeting.electorate : null,
    electorate: meeting.electorate,
    present: meeting.present,
    interimDecision: null,
    interimOn: null,
    recognitionDecision: null,
    recognisedOn: null,
    recognisedBy: null,
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

/**
 * The commune People's Committee recognises the elected head (Nghị định 59/2023): the decision
 * (number, day, signed by) is stored, and the village-head post starts on the recognition day.
 * A recognition later than 5 working days after the meeting is recorded with a warning in its
 * note; one before the meeting or after `today` is refused. The same decision again changes
 * nothing; a different one for a recognised head is refused (409).
 */
export async function applyRecognition(
  tx: Db,
  day: repo.ElectionDayRecord,
  village: repo.VillageRef,
  raw: unknown,
  today: IsoDate,
  audit: AuditEntryInput[],
): Promise<Result<boolean, AppError>> {
  const parsed = recognitionSchema.safeParse(raw);
  if (!parsed.success) {
    return err(
      meetingIssuesError(
        parsed.error.issues.map((i) => ({ path: i.path.map((p) => String(p)), message: i.message })),
        `${village.name}: `,
      ),
    );
  }
  const input: RecognitionInput = parsed.data;
  await repo.lockVillage(tx, day.id, village.id);
  const existing = await repo.findResult(tx, day.id, village.id);
  const rounds = await repo.listRounds(tx, day.id, [village.id]);
  const electing = rounds.find((r) => r.outcome === "elected");
  if (existing?.status !== "elected" || !electing || existing.headPersonId === null) {
    return err(
      appError(
        "VILLAGE_RECOGNITION_NOT_DUE",
        422,
        `${village.name}: chỉ công nhận kết quả khi hội nghị đã bầu được trưởng thôn (hiện: ${existing ? existing.explanation : "chưa báo cáo kết quả bầu"})`,
      ),
    );
  }
  if (existing.recognisedOn !== null) {
    const same =
      existing.recognisedOn === input.recognisedOn &&
      existing.recognitionDecision === input.decisionNumber &&
      existing.recognisedBy === input.recognisedBy;
    if (same) return ok(false);
    return err(
      appError(
        "VILLAGE_RECOGNISED",
        409,
        `${village.name} đã được UBND cấp xã công nhận kết quả (Quyết định ${existing.recognitionDecision}, ngày ${formatDate(existing.recognisedOn)}); không ghi đè`,
      ),
    );
  }
  const checked = checkRecognition(electing.heldOn, input.recognisedOn, today, new Set(day.holidays));
  if (!checked.ok) {
    return err(
      meetingIssuesError([{ path: ["recognisedOn"], message: checked.problem.message }], `${village.name}: `),
    );
  }
  const post = await openHeadPost(tx, day, village, existing.headPersonId, input.recognisedOn, audit);
  const values: repo.ResultValues = {
    ...existing,
    headPostId: post.postId,
    recognitionDecision: input.decisionNumber,
    recognisedOn: input.recognisedOn,
    recognisedBy: input.recognisedBy,
  };
  await repo.upsertResults(tx, [values]);
  audit.push({
    action: "village_election.recognise",
    entity: "village_election_result",
    entityId: `${day.id}:${village.id}`,
    orgId: village.branchId ?? village.communeId,
    before: existing,
    after: { ...values, deadline: checked.deadline, late: checked.late, note: checked.note },
  });
  return ok(true);
}

export async function recogniseVillageHead(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  villageId: number,
  raw: unknown,
  today: IsoDate,
): Promise<Result<VillageElectionView, AppError>> {
  return changeVillage(db, actor, scope, dayId, villageId, (tx, day, village, audit) =>
    applyRecognition(tx, day, village, raw, today, audit),
  );
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
