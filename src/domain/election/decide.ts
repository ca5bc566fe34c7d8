/**
 * Who is elected in one round of a Party election (Quyết định 190-QĐ/TW, BRIEF §3).
 *
 * A candidate passes with strictly more than half of the base N (⌊N/2⌋+1 votes), never of the
 * valid ballots. Seats go to those who pass in descending order of votes. A tie for the last seat
 * is reported, not settled: the regulation has no "older candidate wins" rule, so the tied
 * candidates alone go to a further vote. Fewer passing than seats leaves seats open for the
 * congress to decide on; each further round is an explicit decision and a new ballot
 * (`planFurtherRound`). The result explains each candidate in words a counting committee reads aloud.
 */

import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber, formatPercent } from "../format/number.ts";
import { INVALID_REASON_LABELS, INVALID_REASONS, type InvalidReason } from "./ballot.ts";
import { type Base, isDirectSecretaryElection, joinVietnamese } from "./base.ts";
import { type Candidate, candidateSchema } from "./candidate-list.ts";
import { openSeatsPhrase } from "./minutes-wording.ts";
import {
  ALTERNATES_ONLY_FOR_DELEGATES,
  alternatesAllowed,
  OFFICE_LABELS,
  type Office,
  officeSchema,
  type Party190RuleSet,
  type Party190Settings,
} from "./rules.ts";
import { type CountIssue, checkCountFigures, type Tally } from "./tally.ts";

export interface ElectionSpec {
  readonly office: Office;
  readonly seats: number;
  /** Alternate delegates elected on the same ballot (delegates to the upper congress only). */
  readonly alternateSeats: number;
  /** In ballot order: position p is `candidates[p - 1]`. */
  readonly candidates: readonly Candidate[];
  /** 1 for the first ballot; each further round is a new ballot. */
  readonly round: number;
  /** A branch (chi bộ) falls to appointment when it cannot elect its secretary. */
  readonly electingOrganisation: "branch" | "committee";
}

export const electionSpecSchema = z
  .object({
    office: officeSchema,
    seats: z.number().int().min(0),
    alternateSeats: z.number().int().min(0).default(0),
    candidates: z.array(candidateSchema).min(1, "Danh sách bầu cử không được để trống"),
    round: z.number().int().min(1).default(1),
    electingOrganisation: z.enum(["branch", "committee"]).default("committee"),
  })
  .superRefine((e, ctx) => {
    if (e.seats + e.alternateSeats < 1) {
      ctx.addIssue({ code: "custom", path: ["seats"], message: "Số lượng cần bầu phải từ 1 trở lên" });
    }
    if (!alternatesAllowed(e.office, e.alternateSeats)) {
      ctx.addIssue({ code: "custom", path: ["alternateSeats"], message: ALTERNATES_ONLY_FOR_DELEGATES });
    }
    const ids = new Set<string>();
    e.candidates.forEach((c, i) => {
      if (ids.has(c.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["candidates", i, "id"],
          message: `Mã ứng cử viên ${c.id} bị trùng`,
        });
      }
      ids.add(c.id);
    });
  }) satisfies z.ZodType<ElectionSpec>;

export interface PartyElectionInput {
  readonly ruleSet: Party190RuleSet;
  readonly election: ElectionSpec;
  readonly base: Base;
  readonly tally: Tally;
  /** Those present when ballots were issued, and the ballots issued. */
  readonly hall: { readonly present: number; readonly issued: number };
}

export type Outcome = "elected" | "alternate" | "tied" | "passed-not-elected" | "below-threshold";

/** The wording of the minutes and the hall screen for each outcome. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  elected: "Trúng cử",
  alternate: "Dự khuyết",
  tied: "Bằng phiếu",
  "passed-not-elected": "Đủ phiếu, không trúng cử",
  "below-threshold": "Không trúng cử",
};

export interface CandidateOutcome {
  readonly position: number;
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  /** Votes as a percentage of N, in Vietnamese form ("61,27%"). */
  readonly percentOfBase: string;
  readonly passed: boolean;
  /** 1 = most votes; equal votes share a rank. */
  readonly rank: number;
  readonly outcome: Outcome;
  readonly explanation: string;
}

export interface ElectedEntry {
  readonly position: number;
  readonly id: string;
  readonly name: string;
  readonly votes: number;
}

export interface Tie {
  /** Tied for the last official seats, or for the last alternate places. */
  readonly for: "seats" | "alternates";
  readonly votes: number;
  readonly positions: readonly number[];
  readonly ids: readonly string[];
  /** How many of them the further vote elects. */
  readonly places: number;
}

export type NextStep =
  | { readonly kind: "complete" }
  /** A further vote among the tied candidates only. */
  | { readonly kind: "tie-vote"; readonly ties: readonly Tie[] }
  /** The congress decides whether to hold another round or leave the seats empty. */
  | { readonly kind: "congress-decides"; readonly openSeats: number; readonly openAlternateSeats: number }
  /** A branch that has not elected its secretary by the third round: the upper committee appoints. */
  | { readonly kind: "appointment-by-upper-committee" }
  /**
   * The congress did not elect its secretary directly: it reports to the upper committee and the
   * new committee elects the secretary at its first conference (Quyết định 190; issue 17).
   */
  | { readonly kind: "secretary-at-first-conference" }
  /**
   * Delegates to the upper congress short after a round the regulation requires to be followed by
   * another ("bầu tiếp"): the congress votes again on the open places; leaving them open is offered
   * only from round `roundsBeforeLeavingOpen` on.
   */
  | {
      readonly kind: "further-round-required";
      readonly openSeats: number;
      readonly openAlternateSeats: number;
      readonly roundsBeforeLeavingOpen: number;
    };

export interface InvalidReasonCount {
  readonly reason: InvalidReason;
  readonly label: string;
  readonly count: number;
}

export interface BallotSummary {
  readonly present: number;
  readonly issued: number;
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  /** Only the reasons that occurred, in the order of the regulation. */
  readonly invalidByReason: readonly InvalidReasonCount[];
  readonly rowsForNobody: number | null;
}

export interface PartyElectionResult {
  readonly ruleSet: "party-190";
  readonly office: Office;
  readonly officeLabel: string;
  readonly round: number;
  readonly seats: number;
  readonly alternateSeats: number;
  readonly base: Base;
  readonly ballots: BallotSummary;
  /** In ballot order. */
  readonly candidates: readonly CandidateOutcome[];
  /** In descending order of votes. */
  readonly elected: readonly ElectedEntry[];
  /** In the order they replace official delegates. */
  readonly alternates: readonly ElectedEntry[];
  readonly ties: readonly Tie[];
  readonly openSeats: number;
  readonly openAlternateSeats: number;
  readonly nextStep: NextStep;
}

export type ElectionError =
  | { readonly kind: "invalid-spec"; readonly issues: readonly CountIssue[] }
  | { readonly kind: "votes-length"; readonly expected: number; readonly actual: number }
  | { readonly kind: "count-invariant"; readonly issues: readonly CountIssue[] };

/** Candidate indexes by descending votes, then ballot position (the order of the minutes). */
export function rankOrder(votes: readonly number[]): number[] {
  const order = votes.map((_, i) => i);
  order.sort((a, b) => votes[b]! - votes[a]! || a - b);
  return order;
}

/** Decides one round of a Party election from its count. */
export function decideElection(input: PartyElectionInput): Result<PartyElectionResult, ElectionError> {
  const { election, base, tally, ruleSet } = input;
  const spec = electionSpecSchema.safeParse(election);
  if (!spec.success) {
    return err({
      kind: "invalid-spec",
      issues: spec.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const n = election.candidates.length;
  if (tally.votes.length !== n) return err({ kind: "votes-length", expected: n, actual: tally.votes.length });
  const figures = checkCountFigures(tally, input.hall);
  if (!figures.ok) return err({ kind: "count-invariant", issues: figures.error });

  const votes = tally.votes;
  const { seats, alternateSeats } = election;
  const totalPlaces = seats + alternateSeats;
  const order = rankOrder(votes);
  const ranks = new Array<number>(n);
  order.forEach((c, i) => {
    ranks[c] = i > 0 && votes[order[i - 1]!] === votes[c] ? ranks[order[i - 1]!]! : i + 1;
  });

  const outcomes = new Array<Outcome>(n).fill("below-threshold");
  const ties: Tie[] = [];
  const tieOf = new Map<number, Tie>();
  let filled = 0;
  let passedCount = 0;
  for (let i = 0; i < order.length; ) {
    const v = votes[order[i]!]!;
    if (v < base.threshold) break;
    let j = i;
    while (j < order.length && votes[order[j]!] === v) j++;
    const group = order.slice(i, j);
    const size = group.length;
    let outcome: Outcome;
    if (filled >= totalPlaces) outcome = "passed-not-elected";
    else if (filled + size <= seats) outcome = "elected";
    else if (filled < seats) outcome = "tied";
    else if (filled + size <= totalPlaces) outcome = "alternate";
    else outcome = "tied";
    if (outcome === "tied") {
      const forSeats = filled < seats;
      const tie: Tie = {
        for: forSeats ? "seats" : "alternates",
        votes: v,
        positions: group.map((c) => c + 1),
        ids: group.map((c) => election.candidates[c]!.id),
        places: forSeats ? seats - filled : totalPlaces - filled,
      };
      ties.push(tie);
      for (const c of group) tieOf.set(c, tie);
    }
    for (const c of group) outcomes[c] = outcome;
    filled += size;
    passedCount += size;
    i = j;
  }

  const openSeats = Math.max(0, seats - passedCount);
  const openAlternateSeats = Math.max(0, alternateSeats - Math.max(0, passedCount - seats));
  const entry = (c: number): ElectedEntry => ({
    position: c + 1,
    id: election.candidates[c]!.id,
    name: election.candidates[c]!.name,
    votes: votes[c]!,
  });
  const elected = order.filter((c) => outcomes[c] === "elected").map(entry);
  const alternates = order.filter((c) => outcomes[c] === "alternate").map(entry);
  const alternateOrder = new Map(alternates.map((a, i) => [a.position - 1, i + 1]));

  const settings = ruleSet.settings;
  const candidates: CandidateOutcome[] = election.candidates.map((cand, c) => {
    const v = votes[c]!;
    const outcome = outcomes[c]!;
    return {
      position: c + 1,
      id: cand.id,
      name: cand.name,
      votes: v,
      percentOfBase: formatPercent(v, base.n, settings.percentRule),
      passed: v >= base.threshold,
      rank: ranks[c]!,
      outcome,
      explanation: explainOutcome({
        votes: v,
        base,
        outcome,
        rank: ranks[c]!,
        election,
        tie: tieOf.get(c),
        alternateNumber: alternateOrder.get(c),
        percent: formatPercent(v, base.n, settings.percentRule),
        self: c,
      }),
    };
  });

  let nextStep: NextStep;
  if (ties.length > 0) nextStep = { kind: "tie-vote", ties };
  else if (openSeats > 0 || openAlternateSeats > 0) {
    nextStep = nextStepAfterShortfall(election, base.kind, settings, openSeats, openAlternateSeats);
  } else nextStep = { kind: "complete" };

  return ok({
    ruleSet: "party-190",
    office: election.office,
    officeLabel: OFFICE_LABELS[election.office],
    round: election.round,
    seats,
    alternateSeats,
    base,
    ballots: summariseBallots(tally, input.hall),
    candidates,
    elected,
    alternates,
    ties,
    openSeats,
    openAlternateSeats,
    nextStep,
  });
}

export function summariseBallots(
  tally: Tally,
  hall: { readonly present: number; readonly issued: number },
): BallotSummary {
  return {
    present: hall.present,
    issued: hall.issued,
    collected: tally.collected,
    valid: tally.valid,
    invalid: tally.invalid,
    invalidByReason: INVALID_REASONS.filter((r) => tally.invalidByReason[r] > 0).map((r) => ({
      reason: r,
      label: INVALID_REASON_LABELS[r],
      count: tally.invalidByReason[r],
    })),
    rowsForNobody: tally.rowsForNobody,
  };
}

function explainOutcome(x: {
  readonly votes: number;
  readonly base: Base;
  readonly outcome: Outcome;
  readonly rank: number;
  readonly election: ElectionSpec;
  readonly tie: Tie | undefined;
  readonly alternateNumber: number | undefined;
  readonly percent: string;
  readonly self: number;
}): string {
  const { base, election } = x;
  const figure = `${formatNumber(x.votes)}/${formatNumber(base.n)} = ${x.percent}`;
  const passedHead = `đạt ${figure} > 1/2 ${base.description}`;
  const delegates = election.office === "upper_congress_delegates";
  switch (x.outcome) {
    case "elected":
      return `${passedHead}; trúng cử${delegates ? " đại biểu chính thức" : ""}`;
    case "alternate":
      return `${passedHead}; trúng cử đại biểu dự khuyết (thứ tự thay thế ${x.alternateNumber})`;
    case "tied": {
      const tie = x.tie!;
      const others = tie.positions
        .filter((p) => p !== x.self + 1)
        .map((p) => election.candidates[p - 1]!.name);
      const what = tie.for === "seats" ? "chỉ tiêu còn lại" : "chỗ đại biểu dự khuyết còn lại";
      return `${passedHead}; bằng số phiếu với đồng chí ${joinVietnamese(others)} ở vị trí cuối (${tie.positions.length} người cho ${tie.places} ${what}); phải bầu tiếp trong số những người bằng phiếu`;
    }
    case "passed-not-elected": {
      const limit =
        election.alternateSeats > 0
          ? `số lượng đại biểu chính thức và dự khuyết cần bầu (${election.seats} + ${election.alternateSeats})`
          : `số lượng cần bầu (${election.seats})`;
      return `${passedHead}; nhưng xếp thứ ${x.rank} theo số phiếu, ngoài ${limit}; không trúng cử`;
    }
    case "below-threshold":
      return `đạt ${figure}, không quá 1/2 ${base.description} (cần ít nhất ${formatNumber(base.threshold)} phiếu); không trúng cử`;
    default:
      return throwIllegalValue(x.outcome, "outcome");
  }
}

/** What the congress decided after a round that did not fill every seat. */
export type FurtherRoundDecision =
  | { readonly kind: "hold-round"; readonly candidates: readonly Candidate[] }
  | { readonly kind: "leave-open" };

export type FurtherRoundPlan =
  | { readonly kind: "round"; readonly election: ElectionSpec }
  | { readonly kind: "left-open"; readonly openSeats: number; readonly openAlternateSeats: number };

export type FurtherRoundProblem =
  | { readonly kind: "no-further-round"; readonly nextStep: NextStep["kind"] }
  | { readonly kind: "must-vote-again"; readonly roundsBeforeLeavingOpen: number }
  | { readonly kind: "tie-vote-must-list-tied-only"; readonly expected: readonly string[] }
  | { readonly kind: "candidate-already-elected"; readonly id: string }
  | { readonly kind: "no-candidates" };

/**
 * The next round, on the congress's explicit decision: a tie is voted on among the tied only for
 * the places they tie for; open seats get a new ballot with candidates not yet elected.
 */
export function planFurtherRound(
  previous: PartyElectionResult,
  election: ElectionSpec,
  decision: FurtherRoundDecision,
): Result<FurtherRoundPlan, FurtherRoundProblem> {
  const step = previous.nextStep;
  if (
    step.kind !== "tie-vote" &&
    step.kind !== "congress-decides" &&
    step.kind !== "further-round-required"
  ) {
    return err({ kind: "no-further-round", nextStep: step.kind });
  }
  if (decision.kind === "leave-open" && step.kind === "further-round-required") {
    return err({ kind: "must-vote-again", roundsBeforeLeavingOpen: step.roundsBeforeLeavingOpen });
  }
  if (decision.kind === "leave-open") {
    const tiedSeats = step.kind === "tie-vote" ? step.ties.filter((t) => t.for === "seats") : [];
    const tiedAlternates = step.kind === "tie-vote" ? step.ties.filter((t) => t.for === "alternates") : [];
    return ok({
      kind: "left-open",
      openSeats: previous.openSeats + tiedSeats.reduce((a, t) => a + t.places, 0),
      openAlternateSeats: previous.openAlternateSeats + tiedAlternates.reduce((a, t) => a + t.places, 0),
    });
  }
  if (decision.candidates.length === 0) return err({ kind: "no-candidates" });
  const base = {
    office: election.office,
    electingOrganisation: election.electingOrganisation,
    round: previous.round + 1,
  };
  if (step.kind === "tie-vote") {
    const tie = step.ties[0]!;
    const ids = new Set(decision.candidates.map((c) => c.id));
    if (ids.size !== tie.ids.length || !tie.ids.every((id) => ids.has(id))) {
      return err({ kind: "tie-vote-must-list-tied-only", expected: tie.ids });
    }
    return ok({
      kind: "round",
      election: {
        ...base,
        candidates: decision.candidates,
        seats: tie.for === "seats" ? tie.places : 0,
        alternateSeats: tie.for === "alternates" ? tie.places : 0,
      },
    });
  }
  const taken = new Set([...previous.elected, ...previous.alternates].map((e) => e.id));
  for (const c of decision.candidates) {
    if (taken.has(c.id)) return err({ kind: "candidate-already-elected", id: c.id });
  }
  return ok({
    kind: "round",
    election: {
      ...base,
      candidates: decision.candidates,
      seats: step.openSeats,
      alternateSeats: step.openAlternateSeats,
    },
  });
}

/**
 * What follows a round that left places open: a branch's secretary falls to appointment after the
 * rounds allowed; a secretary not elected directly at a (non-branch) congress is elected at the new
 * committee's first conference; delegates short after the first round are voted on again ("bầu
 * tiếp"); otherwise the congress decides whether to hold another round.
 */
function nextStepAfterShortfall(
  election: ElectionSpec,
  baseKind: Base["kind"],
  settings: Party190Settings,
  openSeats: number,
  openAlternateSeats: number,
): NextStep {
  if (election.office === "secretary" && election.electingOrganisation === "branch") {
    return election.round >= settings.branchSecretaryRoundsBeforeAppointment
      ? { kind: "appointment-by-upper-committee" }
      : { kind: "congress-decides", openSeats, openAlternateSeats };
  }
  if (election.office === "secretary" && isDirectSecretaryElection(election.office, baseKind)) {
    return { kind: "secretary-at-first-conference" };
  }
  if (
    election.office === "upper_congress_delegates" &&
    openSeats > 0 &&
    election.round < settings.delegateRoundsBeforeLeavingOpen
  ) {
    return {
      kind: "further-round-required",
      openSeats,
      openAlternateSeats,
      roundsBeforeLeavingOpen: settings.delegateRoundsBeforeLeavingOpen,
    };
  }
  return { kind: "congress-decides", openSeats, openAlternateSeats };
}

/** Sentences for ties, open seats and the next step, as recorded in the minutes. */
export function nextStepNotes(
  r: Pick<PartyElectionResult, "candidates" | "ties" | "openSeats" | "seats" | "nextStep">,
): string[] {
  const notes: string[] = [];
  const names = (positions: readonly number[]) =>
    positions.map((pos) => r.candidates[pos - 1]?.name ?? String(pos)).join(", ");
  for (const t of r.ties)
    notes.push(
      `Các đồng chí ${names(t.positions)} bằng phiếu (${formatNumber(t.votes)} phiếu) cho ${formatNumber(t.places)} ${t.for === "seats" ? "chỗ cuối" : "chỗ dự khuyết cuối"}: bầu lại trong số những người bằng phiếu.`,
    );
  if (r.openSeats > 0 && r.nextStep.kind === "further-round-required")
    notes.push(
      `Kết quả ${openSeatsPhrase(r.openSeats, r.seats)}: đại hội bầu tiếp số còn thiếu; chỉ xem xét để thiếu từ lần bầu thứ ${formatNumber(r.nextStep.roundsBeforeLeavingOpen)}.`,
    );
  else if (r.openSeats > 0 && r.nextStep.kind !== "secretary-at-first-conference")
    notes.push(`Kết quả ${openSeatsPhrase(r.openSeats, r.seats)}: đại hội quyết định bầu tiếp hay để thiếu.`);
  if (r.nextStep.kind === "appointment-by-upper-committee")
    notes.push("Sau ba lần bầu không có người trúng cử bí thư: cấp ủy cấp trên chỉ định.");
  if (r.nextStep.kind === "secretary-at-first-conference")
    notes.push(
      "Đại hội không bầu được bí thư: báo cáo cấp ủy cấp trên trực tiếp; bí thư được bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới.",
    );
  return notes;
}
