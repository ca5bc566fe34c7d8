import type { Db } from "../../db/client.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import * as repo from "../../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { MeetingIssue, Nomination, VillageMeetingInput } from "../../domain/village/index.ts";
import { type AppError, appError, errors } from "../errors.ts";

/** The channel every server process LISTENs on; payload: {"dayId":1,"path":"1.2.3","villageId":7}. */
export const VILLAGE_EVENTS_CHANNEL = "daihoi_village";

/** Thrown to roll a transaction back when its callback ends in an error value. */
export class Refused extends Error {
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
export async function inTransaction<T>(
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

export async function loadDay(db: Db, dayId: number): Promise<Result<repo.ElectionDayRecord, AppError>> {
  const day = await repo.findDay(db, dayId);
  return day ? ok(day) : err(errors.notFound("ngày bầu trưởng thôn", dayId));
}

/** A village of the day's area that the caller may see; anything else is "not found". */
export async function loadDayVillage(
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
export async function areaOf(
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

/** The round's meeting as the domain expects it, from a stored round (idempotent retries compare these). */
export function meetingOf(r: repo.RoundRow): VillageMeetingInput {
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
      nomination: c.nomination as Nomination,
      personId: c.personId,
      gender: c.gender as "male" | "female",
      birthDate: c.birthDate,
      ethnicity: c.ethnicity,
      votes: c.votes,
    })),
    team: r.team,
    proceduralVotes:
      r.methodApprovals === null || r.teamApprovals === null
        ? null
        : { method: r.methodApprovals, team: r.teamApprovals },
  };
}

/** The procedural votes as the round's columns (null when the minutes do not give them). */
export function approvalsOf(meeting: VillageMeetingInput): {
  methodApprovals: number | null;
  teamApprovals: number | null;
} {
  return {
    methodApprovals: meeting.proceduralVotes?.method ?? null,
    teamApprovals: meeting.proceduralVotes?.team ?? null,
  };
}

export const meetingIssuesError = (issues: readonly MeetingIssue[], prefix = "") =>
  appError("VILLAGE_MEETING_INVALID", 422, `${prefix}${issues.map((i) => i.message).join("; ")}`, {
    issues: issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
