/**
 * The elections API contract (issue 5; route list in docs/elections.md). The web app imports these
 * types (types only). Ballots, base figures and settings are the domain's own schemas, so what the
 * API takes is exactly what the count file (docs/count-format.md) holds.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/basics/limits.ts";
import { ballotSchema, baseFiguresSchema, INVALID_REASONS, OFFICES } from "../../../domain/election/index.ts";

const id = z.coerce.number().int().positive();
const count = z.number().int("Phải là số nguyên").min(0, "Không được là số âm");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");

export const ELECTION_STATUSES = ["setup", "counting", "closed"] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];
export const BUNDLE_STATUSES = ["open", "accepted"] as const;
export const ENTRY_STATUSES = ["entering", "finished", "discarded"] as const;

// ---------------------------------------------------------------------------------------------
// Params and queries
// ---------------------------------------------------------------------------------------------

export const electionParamsSchema = z.object({ id });
export const bundleParamsSchema = z.object({ id, bundleId: id });
export const entryParamsSchema = z.object({ id, entryId: id });
export const electionListQuerySchema = z.object({ congressId: id.optional() });

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

export const candidateInputSchema = z.object({
  fullName: z.string().trim().min(1, "Họ và tên không được để trống").max(TEXT_LIMITS.personName),
  personId: z.number().int().positive().nullable().default(null),
  nominatedBy: z.enum(["committee", "floor"]).default("committee"),
  /** Floor nominees: how many of those present approved (more than 30% needed). */
  floorApprovals: count.nullable().default(null),
});
export type CandidateInput = z.input<typeof candidateInputSchema>;

export const countingCommitteeMemberSchema = z.object({
  fullName: z.string().trim().min(1, "Họ và tên không được để trống").max(TEXT_LIMITS.personName),
  /** "Trưởng ban", "Phó Trưởng ban", "Ủy viên". */
  role: z.string().trim().min(1).max(100),
});

/** Everything of the setup; every field optional on update (PUT replaces the fields given). */
const setupShape = {
  title: z.string().trim().min(1, "Tên cuộc bầu cử không được để trống").max(300),
  office: z.enum(OFFICES),
  seats: z.number().int().min(1, "Số lượng cần bầu phải từ 1 trở lên").max(1000),
  alternateSeats: count.default(0),
  electingOrganisation: z.enum(["branch", "committee"]).default("committee"),
  /**
   * Settings of Quyết định 190 that differ from the defaults (docs/count-format.md, `settings`);
   * checked against party190SettingsSchema (422 naming the setting).
   */
  settings: z.record(z.string(), z.unknown()).default({}),
  base: baseFiguresSchema.nullable().default(null),
  present: count.nullable().default(null),
  ballotsIssued: count.nullable().default(null),
  ballotsCollected: count.nullable().default(null),
  bundleSize: z.number().int().min(1).max(500).default(50),
  entriesPerBundle: z.union([z.literal(2), z.literal(3)]).default(2),
  countingCommittee: z.array(countingCommitteeMemberSchema).max(30).default([]),
  heldOn: isoDate.nullable().default(null),
  venue: z.string().trim().max(TEXT_LIMITS.venue).nullable().default(null),
  /** The list IN BALLOT ORDER (use sortCandidatesByName in the UI to order by given name). */
  candidates: z.array(candidateInputSchema).max(500).default([]),
};

export const createElectionBodySchema = z.object({
  congressId: z.number().int().positive(),
  ...setupShape,
});
export type CreateElectionBody = z.input<typeof createElectionBodySchema>;

/** PUT /api/elections/:id — setup only (status "setup"); `version` must be the one last read. */
export const updateElectionBodySchema = z.object({
  version: z.number().int().positive(),
  title: setupShape.title.optional(),
  office: setupShape.office.optional(),
  seats: setupShape.seats.optional(),
  alternateSeats: count.optional(),
  electingOrganisation: z.enum(["branch", "committee"]).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  base: baseFiguresSchema.nullable().optional(),
  present: count.nullable().optional(),
  ballotsIssued: count.nullable().optional(),
  ballotsCollected: count.nullable().optional(),
  bundleSize: z.number().int().min(1).max(500).optional(),
  entriesPerBundle: z.union([z.literal(2), z.literal(3)]).optional(),
  countingCommittee: z.array(countingCommitteeMemberSchema).max(30).optional(),
  heldOn: isoDate.nullable().optional(),
  venue: z.string().trim().max(TEXT_LIMITS.venue).nullable().optional(),
  candidates: z.array(candidateInputSchema).max(500).optional(),
});
export type UpdateElectionBody = z.input<typeof updateElectionBodySchema>;

/** PUT /api/elections/:id/figures — the hall's figures, also while counting (not once closed). */
export const figuresBodySchema = z.object({
  present: count.nullable().optional(),
  ballotsIssued: count.nullable().optional(),
  ballotsCollected: count.nullable().optional(),
});
export type FiguresBody = z.infer<typeof figuresBodySchema>;

// ---------------------------------------------------------------------------------------------
// Election DTOs
// ---------------------------------------------------------------------------------------------

export const candidateDtoSchema = z.object({
  id: z.number(),
  /** 1-based number on the ballot. */
  position: z.number(),
  fullName: z.string(),
  personId: z.number().nullable(),
  nominatedBy: z.enum(["committee", "floor"]),
  floorApprovals: z.number().nullable(),
});
export type CandidateDto = z.infer<typeof candidateDtoSchema>;

/** What the caller may do on this election (the UI shows/hides actions by it). */
export const electionPermissionsSchema = z.object({
  /** Change the setup, start counting, figures (officers of the org subtree, admins). */
  setup: z.boolean(),
  /** Enter ballots (counting members of this congress, officers, admins). */
  enter: z.boolean(),
  /** Accept / send back bundles, release, close (counting members, officers, admins). */
  manage: z.boolean(),
  /** Reopen a closed count (admins only). */
  reopen: z.boolean(),
});

export const electionSummarySchema = z.object({
  id: z.number(),
  congressId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  office: z.enum(OFFICES),
  officeLabel: z.string(),
  seats: z.number(),
  alternateSeats: z.number(),
  round: z.number(),
  status: z.enum(ELECTION_STATUSES),
  /** "Đang chuẩn bị" | "Đang kiểm phiếu" | "Đã kết thúc kiểm phiếu". */
  statusLabel: z.string(),
  candidateCount: z.number(),
  released: z.boolean(),
  updatedAt: z.string(),
});
export type ElectionSummaryDto = z.infer<typeof electionSummarySchema>;
export const electionListSchema = z.array(electionSummarySchema);

export const electionDtoSchema = electionSummarySchema.extend({
  ruleSet: z.literal("party-190"),
  electingOrganisation: z.enum(["branch", "committee"]),
  previousElectionId: z.number().nullable(),
  /** The settings as overridden (the defaults fill the rest). */
  settings: z.record(z.string(), z.unknown()),
  base: baseFiguresSchema.nullable(),
  /** N and the threshold ⌊N/2⌋+1 when the base is set and valid. */
  baseN: z.number().nullable(),
  threshold: z.number().nullable(),
  /** "số đại biểu được triệu tập (đã trừ …)". */
  baseDescription: z.string().nullable(),
  present: z.number().nullable(),
  ballotsIssued: z.number().nullable(),
  ballotsCollected: z.number().nullable(),
  bundleSize: z.number(),
  entriesPerBundle: z.number(),
  countingCommittee: z.array(countingCommitteeMemberSchema),
  heldOn: z.string().nullable(),
  venue: z.string().nullable(),
  /** "cross-out" when the list is longer than seats + alternate seats, else "agree-disagree". */
  ballotKind: z.enum(["cross-out", "agree-disagree"]),
  candidates: z.array(candidateDtoSchema),
  /** Problems of the list under the rule set (surplus, floor nominees…), in Vietnamese; empty = fine. */
  listProblems: z.array(z.string()),
  listWarnings: z.array(z.string()),
  /** Problems that stop counting from starting (no base, no list…); empty = ready. */
  startProblems: z.array(z.string()),
  countingStartedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  permissions: electionPermissionsSchema,
});
export type ElectionDto = z.infer<typeof electionDtoSchema>;

/** GET /api/elections/:id/ballot — what a printed ballot shows. */
export const ballotPrintSchema = z.object({
  electionId: z.number(),
  /** "ĐẢNG BỘ HUYỆN …" */
  organisation: z.string(),
  congressName: z.string(),
  title: z.string(),
  officeLabel: z.string(),
  seats: z.number(),
  alternateSeats: z.number(),
  round: z.number(),
  kind: z.enum(["cross-out", "agree-disagree"]),
  /** The instruction printed under the title. */
  instruction: z.string(),
  candidates: z.array(z.object({ position: z.number(), fullName: z.string() })),
});
export type BallotPrintDto = z.infer<typeof ballotPrintSchema>;

// ---------------------------------------------------------------------------------------------
// Bundles and entries
// ---------------------------------------------------------------------------------------------

/**
 * POST /api/elections/:id/bundles — either one bundle (`expectedBallots`, optional `number`) or
 * all bundles at once (`total` ballots split by the election's bundle size).
 */
export const createBundlesBodySchema = z.union([
  z.object({
    expectedBallots: z.number().int().min(1).max(1000),
    number: z.number().int().positive().optional(),
  }),
  z.object({ total: z.number().int().min(1).max(100_000) }),
]);
export type CreateBundlesBody = z.infer<typeof createBundlesBodySchema>;

export const entrySummarySchema = z.object({
  id: z.number(),
  bundleId: z.number(),
  bundleNumber: z.number(),
  clerkUserId: z.number(),
  clerkLabel: z.string(),
  status: z.enum(ENTRY_STATUSES),
  /** Live (not undone) ballots. */
  ballotCount: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type EntrySummaryDto = z.infer<typeof entrySummarySchema>;

export const bundleDtoSchema = z.object({
  id: z.number(),
  number: z.number(),
  /** "Tập 03" */
  label: z.string(),
  expectedBallots: z.number(),
  status: z.enum(BUNDLE_STATUSES),
  /** open: entering | ready-to-compare (enough finished entries) | differs (they disagree) | accepted. */
  stage: z.enum(["entering", "ready-to-compare", "differs", "accepted"]),
  /** Live entries (discarded ones are not listed). */
  entries: z.array(entrySummarySchema),
  acceptedAt: z.string().nullable(),
});
export type BundleDto = z.infer<typeof bundleDtoSchema>;
export const bundleListSchema = z.array(bundleDtoSchema);

/** Validity of one ballot as judged at once on entry. */
export const ballotValiditySchema = z.object({
  valid: z.boolean(),
  reason: z.enum(INVALID_REASONS).nullable(),
  /** "Hợp lệ" or the minutes' wording of the reason. */
  label: z.string(),
});

export const enteredBallotSchema = z.object({
  /** 1-based position of the ballot in the bundle (among live ballots). */
  position: z.number(),
  idempotencyKey: z.string(),
  ballot: ballotSchema,
  validity: ballotValiditySchema,
  enteredAt: z.string(),
});
export type EnteredBallotDto = z.infer<typeof enteredBallotSchema>;

export const entryDtoSchema = entrySummarySchema.extend({
  electionId: z.number(),
  expectedBallots: z.number(),
  candidateCount: z.number(),
  ballotKind: z.enum(["cross-out", "agree-disagree"]),
  ballots: z.array(enteredBallotSchema),
});
export type EntryDto = z.infer<typeof entryDtoSchema>;

/** POST /api/elections/:id/entries/:entryId/ballots */
export const appendBallotBodySchema = z.object({
  /** Generated by the client for this ballot (e.g. crypto.randomUUID()); retries send the same key. */
  idempotencyKey: z.string().min(8).max(100),
  ballot: ballotSchema,
});
export type AppendBallotBody = z.infer<typeof appendBallotBodySchema>;

export const appendBallotResultSchema = z.object({
  ballot: enteredBallotSchema,
  /** True when this key had already been entered (a retry): nothing new was added. */
  replayed: z.boolean(),
  /** Live ballots in the entry after the append. */
  ballotCount: z.number(),
});
export type AppendBallotResult = z.infer<typeof appendBallotResultSchema>;

/** POST …/undo — undoes the entry's last live ballot; give its key so a retried undo undoes nothing more. */
export const undoBallotBodySchema = z.object({ idempotencyKey: z.string().min(8).max(100) });
export const undoBallotResultSchema = z.object({
  /** The ballot undone (or already undone by an earlier try). */
  undone: enteredBallotSchema,
  ballotCount: z.number(),
});

export const ballotDifferenceSchema = z.object({
  /** 1-based position in the bundle. */
  ballot: z.number(),
  /** Candidate positions entered differently. */
  candidates: z.array(z.number()),
  defects: z.array(z.enum(["notIssued", "addedName", "identifyingMark"])),
  kindDiffers: z.boolean(),
  /** Clerk indexes (0-based, in `entries` order) without a ballot at this position. */
  missingIn: z.array(z.number()),
  /** What each entry holds at this position (null where missing), in `entries` order. */
  entered: z.array(ballotSchema.nullable()),
});

export const bundleComparisonSchema = z.object({
  bundleId: z.number(),
  bundleNumber: z.number(),
  expectedBallots: z.number(),
  entries: z.array(entrySummarySchema),
  /** Whether enough entries are finished to compare. */
  comparable: z.boolean(),
  agreed: z.boolean(),
  /** Entries whose ballot count differs from the bundle's expected count. */
  countMismatches: z.array(z.object({ entryId: z.number(), ballotCount: z.number() })),
  differences: z.array(ballotDifferenceSchema),
  /** Vietnamese summary: "Tập 03: 2 phiếu nhập khác nhau (phiếu 7: ứng cử viên 3, 12; …)". */
  summary: z.string(),
});
export type BundleComparisonDto = z.infer<typeof bundleComparisonSchema>;

/** POST …/bundles/:bundleId/reenter — discards the entries given (all live entries when omitted). */
export const reenterBodySchema = z.object({
  entryIds: z.array(z.number().int().positive()).optional(),
  reason: z.string().trim().max(500).optional(),
});

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

const tieSchema = z.object({
  for: z.enum(["seats", "alternates"]),
  votes: z.number(),
  positions: z.array(z.number()),
  ids: z.array(z.string()),
  places: z.number(),
});
const electedEntrySchema = z.object({
  position: z.number(),
  id: z.string(),
  name: z.string(),
  votes: z.number(),
});

/** The domain's PartyElectionResult (docs/count-format.md, "The result"). */
export const partyResultSchema = z.object({
  ruleSet: z.literal("party-190"),
  office: z.enum(OFFICES),
  officeLabel: z.string(),
  round: z.number(),
  seats: z.number(),
  alternateSeats: z.number(),
  base: z.object({
    kind: z.string(),
    convened: z.number(),
    subtractions: z.array(z.object({ field: z.string(), count: z.number(), text: z.string() })),
    n: z.number(),
    threshold: z.number(),
    description: z.string(),
  }),
  ballots: z.object({
    present: z.number(),
    issued: z.number(),
    collected: z.number(),
    valid: z.number(),
    invalid: z.number(),
    invalidByReason: z.array(
      z.object({ reason: z.enum(INVALID_REASONS), label: z.string(), count: z.number() }),
    ),
    rowsForNobody: z.number().nullable(),
  }),
  candidates: z.array(
    z.object({
      position: z.number(),
      id: z.string(),
      name: z.string(),
      votes: z.number(),
      percentOfBase: z.string(),
      passed: z.boolean(),
      rank: z.number(),
      outcome: z.enum(["elected", "alternate", "tied", "passed-not-elected", "below-threshold"]),
      explanation: z.string(),
    }),
  ),
  elected: z.array(electedEntrySchema),
  alternates: z.array(electedEntrySchema),
  ties: z.array(tieSchema),
  openSeats: z.number(),
  openAlternateSeats: z.number(),
  nextStep: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("complete") }),
    z.object({ kind: z.literal("tie-vote"), ties: z.array(tieSchema) }),
    z.object({
      kind: z.literal("congress-decides"),
      openSeats: z.number(),
      openAlternateSeats: z.number(),
    }),
    z.object({ kind: z.literal("appointment-by-upper-committee") }),
    z.object({ kind: z.literal("secretary-at-first-conference") }),
    z.object({
      kind: z.literal("further-round-required"),
      openSeats: z.number(),
      openAlternateSeats: z.number(),
      roundsBeforeLeavingOpen: z.number(),
    }),
  ]),
});
export type PartyResultDto = z.infer<typeof partyResultSchema>;

/** GET /api/elections/:id/result — running totals and, when the count is complete, the decision. */
export const electionResultSchema = z.object({
  electionId: z.number(),
  status: z.enum(ELECTION_STATUSES),
  bundles: z.object({ total: z.number(), accepted: z.number() }),
  /** Ballots in accepted bundles. */
  ballotsCounted: z.number(),
  ballotsCollected: z.number().nullable(),
  /** The totals stand: every bundle accepted and ballots counted = ballots collected. */
  complete: z.boolean(),
  /** Why the totals do not stand yet (Vietnamese), empty when complete. */
  incompleteReasons: z.array(z.string()),
  /** Votes per candidate in ballot order over the accepted bundles (running totals). */
  runningVotes: z.array(z.number()),
  /** The decided result over the accepted bundles: null when it cannot be computed yet (reasons above). */
  result: partyResultSchema.nullable(),
  /** Whether a result has been released to the projection page. */
  released: z.boolean(),
});
export type ElectionResultDto = z.infer<typeof electionResultSchema>;

/** GET /api/elections/:id/projection — only what the counting committee released (for the hall). */
export const projectionSchema = z.object({
  electionId: z.number(),
  title: z.string(),
  organisation: z.string(),
  released: z.boolean(),
  releasedAt: z.string().nullable(),
  /** The result as released (null until the first release). */
  result: partyResultSchema.nullable(),
});
export type ProjectionDto = z.infer<typeof projectionSchema>;

export const logEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  userLabel: z.string(),
  action: z.string(),
  bundleNumber: z.number().nullable(),
  entryId: z.number().nullable(),
  /** Vietnamese text as printed in the minutes' annex. */
  text: z.string(),
});
export const logListSchema = z.array(logEntrySchema);
export const logQuerySchema = z.object({
  /** Only entries after this id (polling). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** POST /api/elections/:id/next-round — the congress decided a further round with these candidates. */
export const nextRoundBodySchema = z.object({
  /** Ballot numbers (in the closed election's list) of the candidates of the new round. */
  positions: z.array(z.number().int().positive()).min(1, "Hãy chọn người đưa vào danh sách bầu tiếp"),
});

export const reopenBodySchema = z.object({
  reason: z.string().trim().min(5, "Hãy ghi lý do mở lại (ít nhất 5 ký tự)").max(500),
});
