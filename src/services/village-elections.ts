/**
 * Village-head election days ("Dân tin – Đảng cử", issue 8). Commune officers record each village's
 * meeting; the village-head rule set decides it (src/domain/village); an elected head becomes a
 * village-head post in the people register (the post the indicator "branch secretaries who are
 * village heads" counts). Every write is one transaction with its audit entries and a NOTIFY on
 * the village channel, so every server process's live dashboard sees it.
 */
import { type Actor, type AuditEntryInput, appendAudit, canonicalJson } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as orgRepo from "../db/repositories/organisations.ts";
import * as peopleRepo from "../db/repositories/people.ts";
import type { Scope } from "../db/repositories/scope.ts";
import * as repo from "../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../domain/format/date.ts";
import { foldDiacritics } from "../domain/format/text.ts";
import { duplicateKey } from "../domain/people/duplicates.ts";
import {
  type ChecklistStep,
  type ChecklistSummary,
  communeChecklist,
  type DashboardVillage,
  decideVillageMeeting,
  type MeetingIssue,
  nextAttempt,
  summariseChecklists,
  type VillageDashboard,
  type VillageMeetingInput,
  type VillageRoundOutcome,
  villageDashboard,
} from "../domain/village/index.ts";
import type { FileIssue } from "../io/excel/org-sheet.ts";
import { readVillageXlsx, VILLAGE_SHEET, writeVillageSheet } from "../io/excel/village-sheet.ts";
import { type AppError, errors } from "./errors.ts";

/** The channel every server process LISTENs on; payload: {"dayId":1,"path":"1.2.3","villageId":7}. */
export const VILLAGE_EVENTS_CHANNEL = "daihoi_village";

const villageError = (code: string, status: number, message: string, details?: unknown): AppError => ({
  code,
  status,
  message,
  ...(details !== undefined ? { details } : {}),
});

/** Thrown to roll a transaction back when its callback ends in an error value. */
class Refused extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * A transaction whose callback returns a Result: an error value rolls back everything written
 * before it (drizzle commits unless the callback throws).
 */
async function inTransaction<T>(
  db: Db,
  fn: (tx: Db) => Promise<Result<T, AppError>>,
): Promise<Result<T, AppError>> {
  try {
    return await db.transaction(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new Refused(r.error);
      return r;
    });
  } catch (e) {
    if (e instanceof Refused) return err(e.error);
    throw e;
  }
}

export interface ElectionDayInput {
  readonly code: string;
  readonly name: string;
  readonly electionDate: IsoDate;
  readonly termStart: number;
  readonly termEnd: number;
  readonly rootOrgId: number;
  readonly seasonId: number | null;
}

export async function createElectionDay(
  db: Db,
  actor: Actor,
  input: ElectionDayInput,
): Promise<Result<repo.ElectionDayRecord, AppError>> {
  if (!isValidIsoDate(input.electionDate)) {
    return err(villageError("VILLAGE_DAY_INVALID", 422, "Ngày bầu trưởng thôn không hợp lệ"));
  }
  if (input.termEnd <= input.termStart) {
    return err(villageError("VILLAGE_DAY_INVALID", 422, "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu"));
  }
  return db.transaction(async (tx) => {
    const root = await orgRepo.findOrgById(tx, { kind: "all" }, input.rootOrgId);
    if (!root) return err(errors.notFound("đơn vị", input.rootOrgId));
    if (await repo.findDayByCode(tx, input.code)) {
      return err(
        villageError("VILLAGE_DAY_CODE_TAKEN", 409, `Ngày bầu trưởng thôn mã "${input.code}" đã có`),
      );
    }
    const id = await repo.insertDay(tx, { ...input });
    await appendAudit(tx, actor, [
      {
        action: "village_election_day.create",
        entity: "village_election_day",
        entityId: id,
        orgId: root.id,
        before: null,
        after: input,
      },
    ]);
    return ok((await repo.findDay(tx, id))!);
  });
}

export async function listElectionDays(db: Db): Promise<repo.ElectionDayRecord[]> {
  return repo.listDays(db);
}

async function loadDay(db: Db, dayId: number): Promise<Result<repo.ElectionDayRecord, AppError>> {
  const day = await repo.findDay(db, dayId);
  return day ? ok(day) : err(errors.notFound("ngày bầu trưởng thôn", dayId));
}

/** A village of the day's area that the caller may see; anything else is "not found". */
async function loadDayVillage(
  db: Db,
  scope: Scope,
  dayId: number,
  villageId: number,
): Promise<Result<{ day: repo.ElectionDayRecord; village: repo.VillageRef }, AppError>> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const village = await repo.findVillage(db, scope, villageId);
  if (!village?.communePath.startsWith(`${day.value.rootPath}.`)) {
    return err(errors.notFound("thôn, khu phố", villageId));
  }
  return ok({ day: day.value, village });
}

/** The organisation to look under: the one asked for (in scope), or the day's root. */
async function areaOf(
  db: Db,
  scope: Scope,
  day: repo.ElectionDayRecord,
  orgId: number | null,
): Promise<Result<{ id: number; name: string; path: string }, AppError>> {
  const org = await orgRepo.findOrgById(db, scope, orgId ?? day.rootOrgId);
  if (!org) {
    if (orgId === null) {
      // An officer below the province sees the day from their own organisations.
      const roots = await orgRepo.listScopeRoots(db, scope);
      const first = roots.find((r) => r.path === day.rootPath || r.path.startsWith(`${day.rootPath}.`));
      if (first) return ok({ id: first.id, name: first.name, path: first.path });
    }
    return err(errors.notFound("đơn vị", orgId ?? day.rootOrgId));
  }
  return ok({ id: org.id, name: org.name, path: org.path });
}

export interface DashboardView {
  readonly day: repo.ElectionDayRecord;
  readonly org: { readonly id: number; readonly name: string };
  readonly dashboard: VillageDashboard;
}

export async function getVillageDashboard(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<DashboardView, AppError>> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const rows = await repo.listVillagesUnder(db, scope, dayId, area.value.path);
  const villages: DashboardVillage[] = rows.map((r) => ({
    villageId: r.id,
    villageName: r.name,
    communeId: r.communeId,
    communeName: r.communeName,
    districtId: r.districtId,
    districtName: r.districtName,
    status: r.status ?? "not-reported",
    electorate: r.electorate,
    present: r.present,
    winnerVotes: r.winnerVotes,
    winnerElectorate: r.winnerElectorate,
    headName: r.headName,
    headGender: r.headGender === "female" ? "female" : r.headGender === "male" ? "male" : null,
    headEthnicity: r.headEthnicity,
    explanation: r.explanation,
  }));
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    dashboard: villageDashboard(villages),
  });
}

export interface ChecklistView {
  readonly day: repo.ElectionDayRecord;
  readonly org: { readonly id: number; readonly name: string };
  readonly asOf: IsoDate;
  readonly summary: ChecklistSummary;
  readonly communes: readonly (Omit<repo.CommuneStepsRow, "communePath"> & {
    readonly steps: readonly ChecklistStep[];
  })[];
}

export async function getChecklist(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
  asOf: IsoDate,
): Promise<Result<ChecklistView, AppError>> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const rows = await repo.listCommuneSteps(db, scope, dayId, area.value.path);
  const communes = rows.map(({ communePath: _, ...r }) => ({
    ...r,
    steps: communeChecklist(
      day.value.electionDate,
      { decision: r.decisionOn, team: r.teamOn, notice: r.noticeOn },
      asOf,
    ),
  }));
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    asOf,
    summary: summariseChecklists(communes.map((c) => c.steps)),
    communes,
  });
}

export interface StepDates {
  readonly decisionOn: IsoDate | null;
  readonly teamOn: IsoDate | null;
  readonly noticeOn: IsoDate | null;
}

export async function setCommuneSteps(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  communeId: number,
  dates: StepDates,
): Promise<Result<StepDates, AppError>> {
  for (const [field, value] of Object.entries(dates)) {
    if (value !== null && value > "") {
      if (!isValidIsoDate(value))
        return err(villageError("VILLAGE_STEP_INVALID", 422, `${field}: ngày không hợp lệ`));
    }
  }
  return db.transaction(async (tx) => {
    const day = await loadDay(tx, dayId);
    if (!day.ok) return day;
    const commune = await orgRepo.findOrgById(tx, scope, communeId);
    if (
      !commune ||
      !(commune.path === day.value.rootPath || commune.path.startsWith(`${day.value.rootPath}.`))
    ) {
      return err(errors.notFound("xã, phường, thị trấn", communeId));
    }
    const late = [dates.decisionOn, dates.teamOn, dates.noticeOn].find(
      (d) => d !== null && d > day.value.electionDate,
    );
    if (late) {
      return err(
        villageError(
          "VILLAGE_STEP_INVALID",
          422,
          `Ngày ${formatDate(late)} sau ngày bầu ${formatDate(day.value.electionDate)}: các bước phải làm trước ngày bầu`,
        ),
      );
    }
    const before = (await repo.listCommuneSteps(tx, { kind: "all" }, dayId, commune.path)).find(
      (r) => r.communeId === communeId,
    );
    await repo.upsertSteps(tx, [{ dayId, communeId, ...dates }]);
    await appendAudit(tx, actor, [
      {
        action: "village_election_step.set",
        entity: "village_election_step",
        entityId: `${dayId}:${communeId}`,
        orgId: communeId,
        before: before
          ? { decisionOn: before.decisionOn, teamOn: before.teamOn, noticeOn: before.noticeOn }
          : null,
        after: dates,
      },
    ]);
    await repo.notifyVillageChange(tx, VILLAGE_EVENTS_CHANNEL, { dayId, path: commune.path });
    return ok(dates);
  });
}

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

/** The round's meeting as the domain expects it, from a stored round (idempotent retries compare these). */
function meetingOf(r: repo.RoundRow): VillageMeetingInput {
  return {
    attempt: r.attempt as 1 | 2,
    heldOn: r.heldOn,
    electorate: r.electorate,
    present: r.present,
    method: r.method as VillageMeetingInput["method"],
    issued: r.issued,
    collected: r.collected,
    valid: r.valid,
    invalid: r.invalid,
    candidates: r.candidates.map((c) => ({
      fullName: c.fullName,
      nomination: c.nomination as "branch-committee" | "self",
      personId: c.personId,
      gender: c.gender as "male" | "female",
      birthDate: c.birthDate,
      ethnicity: c.ethnicity,
      votes: c.votes,
    })),
    team: r.team,
  };
}

const meetingIssuesError = (issues: readonly MeetingIssue[], prefix = "") =>
  villageError("VILLAGE_MEETING_INVALID", 422, `${prefix}${issues.map((i) => i.message).join("; ")}`, {
    issues: issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });

interface HeadInput {
  readonly fullName: string;
  readonly personId: number | null;
  readonly gender: "male" | "female";
  readonly birthDate: string | null;
  readonly ethnicity: string;
}

/**
 * The elected (or appointed) head into the people register: the person (registered when new), and
 * a village-head post from `start` for the day's term; other heads of the village leave office on
 * `start`. An open post the person already holds for the village is kept (no duplicate).
 */
async function registerHead(
  tx: Db,
  day: repo.ElectionDayRecord,
  village: repo.VillageRef,
  head: HeadInput,
  start: IsoDate,
  audit: AuditEntryInput[],
): Promise<Result<{ personId: number; postId: number }, AppError>> {
  let personId = head.personId;
  if (personId !== null) {
    const found = await peopleRepo.findPerson(tx, { kind: "all" }, personId);
    if (!found) return err(errors.notFound("người", personId));
  } else {
    if (head.birthDate === null) {
      return err(
        villageError(
          "VILLAGE_HEAD_NEEDS_PERSON",
          422,
          `${head.fullName} trúng cử nhưng chưa có trong danh sách nhân sự: cần ghi ngày sinh (hoặc chọn người có sẵn) để đăng ký chức vụ trưởng thôn`,
          { issues: [{ path: "candidates.birthDate", message: "Cần ngày sinh của người trúng cử" }] },
        ),
      );
    }
    const province = await repo.provinceOf(tx, village.communePath);
    const values = {
      fullName: head.fullName.trim().replace(/\s+/g, " "),
      gender: head.gender,
      birthDate: head.birthDate,
      ethnicity: head.ethnicity,
      hometown: {
        province: {
          code: province.code ?? "",
          name: province.name.replace(/^Đảng bộ (tỉnh|thành phố) /, ""),
        },
        district: null,
        commune: null,
      },
      membership: null,
    };
    const [id] = await peopleRepo.reservePersonIds(tx, 1);
    personId = id!;
    const code = `NS${String(personId).padStart(6, "0")}`;
    await peopleRepo.upsertPeople(tx, [
      {
        id: personId,
        values: {
          ...values,
          code,
          searchName: foldDiacritics(values.fullName),
          duplicateKey: duplicateKey(values),
          education: null,
          politicalTheory: null,
        },
      },
    ]);
    audit.push({
      action: "person.create",
      entity: "person",
      entityId: personId,
      orgId: village.branchId ?? village.communeId,
      before: null,
      after: { code, ...values, source: `Bầu trưởng thôn ${village.name}` },
    });
  }
  const open = await repo.openVillageHeadPosts(tx, [village.code]);
  const own = open.find((p) => p.personId === personId && p.start <= start);
  for (const p of open) {
    if (p === own || p.start >= start) continue;
    await peopleRepo.setPostEnd(tx, p.id, start);
    audit.push({
      action: "post.end",
      entity: "post",
      entityId: p.id,
      orgId: village.branchId ?? village.communeId,
      before: { end: null },
      after: { end: start, reason: `Trưởng thôn mới của ${village.name}` },
    });
  }
  if (own) return ok({ personId, postId: own.id });
  const post = {
    personId,
    kind: "village_head" as const,
    orgId: null,
    villageCode: village.code,
    term: `${day.termStart}–${day.termEnd}`,
    title: null,
    start,
    end: null,
  };
  const [postId] = await peopleRepo.insertPosts(tx, [post]);
  audit.push({
    action: "post.create",
    entity: "post",
    entityId: postId!,
    orgId: village.branchId ?? village.communeId,
    before: null,
    after: post,
  });
  return ok({ personId, postId: postId! });
}

/** Checks, decides and writes one round inside the caller's transaction. */
async function applyRound(
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
      villageError(
        "VILLAGE_ROUND_RECORDED",
        409,
        `${village.name} đã ghi kết quả bầu lần ${meeting.attempt}; không ghi đè (liên hệ quản trị viên nếu cần sửa)`,
      ),
    );
  }
  const existing = await repo.findResult(tx, day.id, village.id);
  const next = nextAttempt(rounds, existing?.status === "interim-appointed");
  if ("closed" in next)
    return err(villageError("VILLAGE_ROUND_CLOSED", 409, `${village.name}: ${next.closed}`));
  if (next.attempt !== meeting.attempt) {
    return err(
      villageError(
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
        villageError(
          "VILLAGE_INTERIM_NOT_DUE",
          422,
          `${village.name}: chỉ cử trưởng thôn lâm thời sau khi bầu lại không thành (hiện: ${existing ? existing.explanation : "chưa báo cáo kết quả bầu"})`,
        ),
      );
    }
    if (!isValidIsoDate(input.appointedOn) || input.appointedOn < day.electionDate) {
      return err(
        villageError("VILLAGE_INTERIM_INVALID", 422, "Ngày quyết định cử trưởng thôn lâm thời không hợp lệ"),
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

/** Figures decided elsewhere for the import: each row a village's meeting. */
export interface ImportRound {
  readonly rowNumber: number;
  readonly villageCode: string;
  readonly meeting: unknown;
}

export interface ImportIssue {
  readonly row: number;
  readonly field: string | null;
  readonly message: string;
}

/**
 * Records many meetings at once, all or nothing: every row is checked and decided (in file order,
 * so a failed first round and its re-election may come in one file); one problem anywhere writes
 * nothing and every problem is reported with its row.
 */
export async function importVillageRounds(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  rows: readonly ImportRound[],
  options: { dryRun: boolean },
): Promise<Result<{ rows: number; elected: number; reElection: number; unchanged: number }, AppError>> {
  // A dry run makes the same checks and writes in a transaction that is then rolled back.
  let dryRunSummary: { rows: number; elected: number; reElection: number; unchanged: number } | null = null;
  const ROLLBACK = new Error("dry-run rollback");
  try {
    return await db.transaction(async (tx) => {
      const day = await loadDay(tx, dayId);
      if (!day.ok) return day;
      const villages = await repo.findVillagesByCodes(tx, scope, day.value.rootPath, [
        ...new Set(rows.map((r) => r.villageCode)),
      ]);
      const issues: ImportIssue[] = [];
      const audit: AuditEntryInput[] = [];
      const summary = { rows: rows.length, elected: 0, reElection: 0, unchanged: 0 };
      const touched = new Set<string>();
      for (const row of rows) {
        const village = villages.get(row.villageCode);
        if (!village) {
          issues.push({
            row: row.rowNumber,
            field: "villageCode",
            message: `Không tìm thấy thôn, khu phố mã "${row.villageCode}" trong phạm vi của bạn`,
          });
          continue;
        }
        // A savepoint per row: a refused row leaves nothing behind, the others are still checked.
        const r = await tx
          .transaction(async (sp) => {
            const applied = await applyRound(sp, actor, day.value, village, row.meeting, audit);
            if (!applied.ok) throw new Refused(applied.error);
            return applied.value;
          })
          .then(
            (v) => ({ ok: true as const, value: v }),
            (e: unknown) => {
              if (e instanceof Refused) return { ok: false as const, error: e.error };
              throw e;
            },
          );
        if (!r.ok) {
          const details = r.error.details as { issues?: { path: string; message: string }[] } | undefined;
          if (details?.issues?.length) {
            for (const i of details.issues)
              issues.push({ row: row.rowNumber, field: i.path || null, message: i.message });
          } else issues.push({ row: row.rowNumber, field: null, message: r.error.message });
          continue;
        }
        if (r.value.replay) summary.unchanged++;
        else if (r.value.outcome === "elected") summary.elected++;
        else summary.reElection++;
        touched.add(village.communePath);
      }
      if (issues.length > 0) throw new Refused(errors.importInvalid(issues, issues.length));
      if (options.dryRun) {
        dryRunSummary = summary;
        throw ROLLBACK;
      }
      await appendAudit(tx, actor, audit);
      for (const path of touched) await repo.notifyVillageChange(tx, VILLAGE_EVENTS_CHANNEL, { dayId, path });
      return ok(summary);
    });
  } catch (e) {
    if (e === ROLLBACK && dryRunSummary) return ok(dryRunSummary);
    if (e instanceof Refused) return err(e.error);
    throw e;
  }
}

/** Every recorded round under an organisation, for the export (the import's format). */
export async function listRoundsForExport(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<
  Result<
    {
      day: repo.ElectionDayRecord;
      orgName: string;
      rows: { village: repo.VillageRow; round: repo.RoundRow | null }[];
    },
    AppError
  >
> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const villages = await repo.listVillagesUnder(db, scope, dayId, area.value.path);
  const rounds = await repo.listRounds(
    db,
    dayId,
    villages.map((v) => v.id),
  );
  const byVillage = new Map<number, repo.RoundRow[]>();
  for (const r of rounds) byVillage.set(r.villageId, [...(byVillage.get(r.villageId) ?? []), r]);
  return ok({
    day: day.value,
    orgName: area.value.name,
    rows: villages.flatMap((v) => {
      const list = byVillage.get(v.id) ?? [];
      return list.length === 0
        ? [{ village: v, round: null as repo.RoundRow | null }]
        : list.map((round) => ({ village: v, round: round as repo.RoundRow | null }));
    }),
  });
}

/** Reads a .xlsx of meetings, resolves person codes, and imports all or nothing. */
export async function importVillageFile(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  data: Uint8Array,
  options: { dryRun: boolean },
): Promise<Result<{ rows: number; elected: number; reElection: number; unchanged: number }, AppError>> {
  const parsed = await readVillageXlsx(data);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { rows, columnOf } = parsed.value;
  const codes = [
    ...new Set(rows.flatMap((r) => r.meeting.candidates.map((c) => c.personCode).filter((c) => c !== null))),
  ];
  const people = await peopleRepo.findPeopleByCodes(db, codes);
  const issues: FileIssue[] = [];
  const rounds: ImportRound[] = rows.map((r) => ({
    rowNumber: r.rowNumber,
    villageCode: r.villageCode,
    meeting: {
      ...r.meeting,
      candidates: r.meeting.candidates.map(({ personCode, ...c }, i) => {
        const found = personCode === null ? null : people.get(personCode);
        if (personCode !== null && !found) {
          issues.push({
            sheet: VILLAGE_SHEET,
            row: r.rowNumber,
            column: columnOf(`personCode${i + 1}`),
            field: `personCode${i + 1}`,
            rule: "unknown_person",
            message: `Không có người mã "${personCode}" trong danh sách nhân sự`,
          });
        }
        return { ...c, personId: found?.id ?? null };
      }),
    },
  }));
  if (issues.length > 0) return err(errors.importInvalid(issues, issues.length));
  const result = await importVillageRounds(db, actor, scope, dayId, rounds, options);
  if (result.ok) return result;
  const details = result.error.details as { issues?: ImportIssue[] } | undefined;
  if (result.error.code !== "IMPORT_INVALID" || !details?.issues) return result;
  const withColumns: FileIssue[] = details.issues.map((i) => ({
    sheet: VILLAGE_SHEET,
    row: i.row,
    column: i.field ? columnOf(i.field) : null,
    field: i.field,
    rule: "village_meeting",
    message: i.message,
  }));
  return err(errors.importInvalid(withColumns, withColumns.length));
}

/** The template: the villages under the organisation, one row each, figures to fill in. */
export async function villageTemplate(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const listed = await listRoundsForExport(db, scope, dayId, orgId);
  if (!listed.ok) return listed;
  const seen = new Set<number>();
  const data = await writeVillageSheet(
    listed.value.rows
      .filter((r) => !seen.has(r.village.id) && seen.add(r.village.id))
      .map((r) => ({
        villageCode: r.village.code,
        villageName: r.village.name,
        communeName: r.village.communeName,
        meeting: null,
      })),
  );
  return ok({ fileName: "mau-bau-truong-thon.xlsx", data });
}

export async function exportVillageFile(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const listed = await listRoundsForExport(db, scope, dayId, orgId);
  if (!listed.ok) return listed;
  const personIds = [
    ...new Set(listed.value.rows.flatMap((r) => r.round?.candidates.map((c) => c.personId) ?? [])),
  ].filter((x): x is number => x !== null);
  const people = await peopleRepo.findPeopleByIds(db, { kind: "all" }, personIds);
  const codeOf = new Map(people.map((p) => [p.id, p.code]));
  const data = await writeVillageSheet(
    listed.value.rows.map(({ village, round }) => ({
      villageCode: village.code,
      villageName: village.name,
      communeName: village.communeName,
      meeting: round
        ? {
            ...meetingOf(round),
            candidates: round.candidates.map((c) => ({
              fullName: c.fullName,
              nomination: c.nomination as "branch-committee" | "self",
              gender: c.gender as "male" | "female",
              birthDate: c.birthDate,
              ethnicity: c.ethnicity,
              votes: c.votes,
              personCode: c.personId === null ? null : (codeOf.get(c.personId) ?? null),
            })),
          }
        : null,
    })),
  );
  return ok({ fileName: `bau-truong-thon-${listed.value.day.code}.xlsx`, data });
}

/** The villages under an organisation with where each stands (the record page's picker). */
export async function listVillageStatuses(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<
  Result<
    { day: repo.ElectionDayRecord; org: { id: number; name: string }; villages: repo.VillageRow[] },
    AppError
  >
> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    villages: await repo.listVillagesUnder(db, scope, dayId, area.value.path),
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
  if (!day) return err(villageError("VILLAGE_NO_DAY", 404, "Chưa có ngày bầu trưởng thôn nào cho thôn này"));
  return getVillageElection(db, scope, day.id, village.id);
}
