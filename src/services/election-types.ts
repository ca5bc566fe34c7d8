/**
 * What services/elections.ts takes and returns. The API's zod schemas
 * (src/server/routes/elections/schema.ts) describe the same shapes; services may not import server
 * code, so the route's response schema checks these at compile time (fastify-type-provider-zod).
 */
import type {
  Ballot,
  BallotKind,
  BaseFigures,
  DefectField,
  InvalidReason,
  Office,
  PartyElectionResult,
} from "../domain/election/index.ts";

type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

export type ElectionStatus = "setup" | "counting" | "closed";
export type DtoBallot = Mutable<Ballot>;
/** The result is the domain value itself (its JSON is the count-result format). */
export type PartyResultDto = PartyElectionResult;

export interface CandidateInput {
  readonly fullName: string;
  readonly personId?: number | null | undefined;
  readonly nominatedBy?: "committee" | "floor" | undefined;
  readonly floorApprovals?: number | null | undefined;
}

export interface CountingCommitteeMember {
  fullName: string;
  role: string;
}

export interface SetupFields {
  readonly title?: string | undefined;
  readonly office?: Office | undefined;
  readonly seats?: number | undefined;
  readonly alternateSeats?: number | undefined;
  readonly electingOrganisation?: "branch" | "committee" | undefined;
  readonly settings?: Record<string, unknown> | undefined;
  readonly base?: BaseFigures | null | undefined;
  readonly present?: number | null | undefined;
  readonly ballotsIssued?: number | null | undefined;
  readonly ballotsCollected?: number | null | undefined;
  readonly bundleSize?: number | undefined;
  readonly entriesPerBundle?: 2 | 3 | undefined;
  readonly countingCommittee?: readonly CountingCommitteeMember[] | undefined;
  readonly heldOn?: string | null | undefined;
  readonly venue?: string | null | undefined;
  readonly candidates?: readonly CandidateInput[] | undefined;
}

export interface CreateElectionInput extends SetupFields {
  readonly congressId: number;
  readonly title: string;
  readonly office: Office;
  readonly seats: number;
}

export interface UpdateElectionInput extends SetupFields {
  readonly version: number;
}

export interface FiguresInput {
  readonly present?: number | null | undefined;
  readonly ballotsIssued?: number | null | undefined;
  readonly ballotsCollected?: number | null | undefined;
}

export type CreateBundlesInput =
  | { readonly expectedBallots: number; readonly number?: number | undefined }
  | { readonly total: number };

export interface AppendBallotInput {
  readonly idempotencyKey: string;
  readonly ballot: Ballot;
}

export interface ElectionSummaryDto {
  id: number;
  congressId: number;
  orgId: number;
  orgName: string;
  title: string;
  office: Office;
  officeLabel: string;
  seats: number;
  alternateSeats: number;
  round: number;
  status: ElectionStatus;
  statusLabel: string;
  candidateCount: number;
  released: boolean;
  updatedAt: string;
}

export interface CandidateDto {
  id: number;
  position: number;
  fullName: string;
  personId: number | null;
  nominatedBy: "committee" | "floor";
  floorApprovals: number | null;
}

export interface ElectionDto extends ElectionSummaryDto {
  ruleSet: "party-190";
  electingOrganisation: "branch" | "committee";
  previousElectionId: number | null;
  settings: Record<string, unknown>;
  base: BaseFigures | null;
  baseN: number | null;
  threshold: number | null;
  baseDescription: string | null;
  present: number | null;
  ballotsIssued: number | null;
  ballotsCollected: number | null;
  bundleSize: number;
  entriesPerBundle: number;
  countingCommittee: CountingCommitteeMember[];
  heldOn: string | null;
  venue: string | null;
  ballotKind: BallotKind;
  candidates: CandidateDto[];
  listProblems: string[];
  /** Guidance the list is outside of (shown, never a reason to refuse it). */
  listWarnings: string[];
  startProblems: string[];
  countingStartedAt: string | null;
  releasedAt: string | null;
  closedAt: string | null;
  version: number;
  permissions: { setup: boolean; enter: boolean; manage: boolean; reopen: boolean };
}

export interface EntrySummaryDto {
  id: number;
  bundleId: number;
  bundleNumber: number;
  clerkUserId: number;
  clerkLabel: string;
  status: "entering" | "finished" | "discarded";
  ballotCount: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface BundleDto {
  id: number;
  number: number;
  label: string;
  expectedBallots: number;
  status: "open" | "accepted";
  stage: "entering" | "ready-to-compare" | "differs" | "accepted";
  entries: EntrySummaryDto[];
  acceptedAt: string | null;
}

export interface EnteredBallotDto {
  position: number;
  idempotencyKey: string;
  ballot: DtoBallot;
  validity: { valid: boolean; reason: InvalidReason | null; label: string };
  enteredAt: string;
}

export interface EntryDto extends EntrySummaryDto {
  electionId: number;
  expectedBallots: number;
  candidateCount: number;
  ballotKind: BallotKind;
  ballots: EnteredBallotDto[];
}

export interface BundleComparisonDto {
  bundleId: number;
  bundleNumber: number;
  expectedBallots: number;
  entries: EntrySummaryDto[];
  comparable: boolean;
  agreed: boolean;
  countMismatches: { entryId: number; ballotCount: number }[];
  differences: {
    ballot: number;
    candidates: number[];
    defects: DefectField[];
    kindDiffers: boolean;
    missingIn: number[];
    entered: (DtoBallot | null)[];
  }[];
  summary: string;
}

export interface ElectionResultDto {
  electionId: number;
  status: ElectionStatus;
  bundles: { total: number; accepted: number };
  ballotsCounted: number;
  ballotsCollected: number | null;
  complete: boolean;
  incompleteReasons: string[];
  runningVotes: number[];
  result: PartyResultDto | null;
  released: boolean;
}

export interface ProjectionDto {
  electionId: number;
  title: string;
  organisation: string;
  released: boolean;
  releasedAt: string | null;
  result: PartyResultDto | null;
}
