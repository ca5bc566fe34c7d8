import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { ok, type Result } from "../../domain/basics/result.ts";
import {
  type Ballot,
  ballotKindFor,
  checkBallot,
  computeBase,
  INVALID_REASON_LABELS,
  listProblemsOf,
  listWarningsOf,
  OFFICE_LABELS,
  startProblemsOf,
} from "../../domain/election/index.ts";
import type {
  BundleDto,
  ElectionDto,
  ElectionSummaryDto,
  EnteredBallotDto,
  EntryDto,
  EntrySummaryDto,
} from "../election-types.ts";
import type { AppError } from "../errors.ts";
import {
  baseOf,
  bundleLabel,
  type ElectionPermissions,
  STATUS_LABELS,
  settingsOf,
  setupOf,
  specOf,
} from "./access.ts";

export function summary(ctx: repo.ElectionContext, candidateCount: number): ElectionSummaryDto {
  const e = ctx.election;
  return {
    id: e.id,
    congressId: ctx.congress.id,
    orgId: ctx.org.id,
    orgName: ctx.org.name,
    title: e.title,
    office: e.office,
    officeLabel: OFFICE_LABELS[e.office] ?? e.office,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    round: e.round,
    status: e.status,
    statusLabel: STATUS_LABELS[e.status] ?? e.status,
    candidateCount,
    released: e.released,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The election as it now stands in this transaction, for the reply after a change. */
export async function currentElectionDto(
  tx: Db,
  id: number,
  perms: ElectionPermissions,
  candidates?: readonly repo.CandidateRow[],
): Promise<Result<ElectionDto, AppError>> {
  const fresh = (await repo.findElectionContext(tx, id))!;
  return ok(toElectionDto(fresh, candidates ?? (await repo.listCandidates(tx, [id])), perms));
}

export function toElectionDto(
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
    electingOrganisation: e.electingOrganisation,
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
    countingCommittee: [...e.countingCommittee],
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
    listProblems: listProblemsOf(setupOf(e), candidates),
    listWarnings: listWarningsOf(setupOf(e), candidates),
    startProblems: e.status === "setup" ? startProblemsOf(setupOf(e), candidates) : [],
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

export function validityOf(ballot: Ballot, spec: ReturnType<typeof specOf>): EnteredBallotDto["validity"] {
  const v = checkBallot(ballot, spec);
  return v.valid
    ? { valid: true, reason: null, label: "Hợp lệ" }
    : { valid: false, reason: v.reason, label: INVALID_REASON_LABELS[v.reason] };
}

export function entrySummary(e: repo.EntryWithCount): EntrySummaryDto {
  return {
    id: e.id,
    bundleId: e.bundleId,
    bundleNumber: e.bundleNumber,
    clerkUserId: e.clerkUserId,
    clerkLabel: e.clerkLabel,
    status: e.status,
    ballotCount: e.ballotCount,
    startedAt: e.startedAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
  };
}

export function bundleDto(
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
    status: b.status,
    stage,
    entries: live.map(entrySummary),
    acceptedAt: b.acceptedAt?.toISOString() ?? null,
  };
}

export async function entryDto(
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
    status: entry.status,
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

export function enteredBallot(
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
