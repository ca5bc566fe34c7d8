/**
 * The candidate list (danh sách bầu cử), BRIEF §3: surplus limits, nominees from the floor, the
 * preliminary opinion vote that cuts an over-long list, and the Vietnamese alphabetical order
 * the ballot is printed in.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber, formatPercent } from "../format/number.ts";
import { compareVietnameseNames } from "../format/text.ts";
import { type BallotKind, ballotKindFor } from "./ballot.ts";
import { exceedsPercent, type Office, type Party190Settings, roundShare } from "./rules.ts";

export interface Candidate {
  readonly id: string;
  readonly name: string;
}

export const candidateSchema = z.object({
  id: z.string().min(1, "Mã ứng cử viên không được để trống"),
  name: z.string().trim().min(1, "Họ và tên ứng cử viên không được để trống"),
}) satisfies z.ZodType<Candidate>;

/** Ballot order: given name, then middle name, then family name. */
export function sortCandidatesByName<T extends Candidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => compareVietnameseNames(a.name, b.name));
}

/** The first position (1-based) that breaks the alphabetical order, or null when the list is in order. */
export function findOrderBreak(candidates: readonly Candidate[]): number | null {
  for (let i = 1; i < candidates.length; i++) {
    if (compareVietnameseNames(candidates[i - 1]!.name, candidates[i]!.name) > 0) return i + 1;
  }
  return null;
}

export interface SurplusLimits {
  readonly seats: number;
  /** The list must be longer than the seats. */
  readonly surplusRequired: boolean;
  /** The most surplus allowed (null: no ceiling for this office). */
  readonly maxSurplus: number | null;
  /**
   * The convening committee's own list: the whole numbers of people within the guidance (10–15%
   * of the seats, never above the ceiling); null when no whole number falls inside it (11 seats:
   * 1,1–1,65 people) or the office needs no surplus. Guidance only: see conveningGuidance.
   */
  readonly conveningRange: { readonly min: number; readonly max: number } | null;
  /**
   * The convening committee's 10–15% is guidance, not a gate (issue 17): a list outside it is
   * warned about, shown against the range, and the congress decides. Null: no surplus required.
   */
  readonly conveningGuidance: { readonly minPercent: number; readonly maxPercent: number } | null;
}

/**
 * Surplus limits for a list of `office` with `seats`: ≤ 30% of seats (rounded by the setting),
 * exactly one at most for bodies of 3–5 seats (hard limits), and 10–15% for the convening
 * committee's list (guidance). Where the percentages leave no whole person (30% of 2 seats), a
 * required surplus is still one person. The guidance is never turned into a number outside it.
 */
export function computeSurplusLimits(
  office: Office,
  seats: number,
  settings: Party190Settings,
): SurplusLimits {
  const surplusRequired = settings.surplusRequiredFor.includes(office);
  const small = seats >= settings.smallBodyMinSeats && seats <= settings.smallBodyMaxSeats;
  let maxSurplus: number | null = settings.surplusCeilingAppliesTo.includes(office)
    ? roundShare(seats, settings.surplusCeilingPercent, settings.surplusCeilingRounding)
    : null;
  // 30% of 3–5 seats is at most 1,5 people: the small-body rule replaces the percentage.
  if (small) maxSurplus = settings.smallBodyMaxSurplus;
  if (surplusRequired && maxSurplus !== null) maxSurplus = Math.max(maxSurplus, 1);
  let conveningRange: SurplusLimits["conveningRange"] = null;
  let conveningGuidance: SurplusLimits["conveningGuidance"] = null;
  if (surplusRequired) {
    conveningGuidance = {
      minPercent: settings.conveningSurplusMinPercent,
      maxPercent: settings.conveningSurplusMaxPercent,
    };
    const min = Math.max(1, roundShare(seats, settings.conveningSurplusMinPercent, "ceil"));
    let max = roundShare(seats, settings.conveningSurplusMaxPercent, "floor");
    if (maxSurplus !== null) max = Math.min(max, maxSurplus);
    if (min <= max) conveningRange = { min, max };
  }
  return { seats, surplusRequired, maxSurplus, conveningRange, conveningGuidance };
}

export type CandidateListWarning = {
  readonly kind: "convening-surplus-outside-guidance";
  readonly seats: number;
  readonly surplus: number;
  readonly minPercent: number;
  readonly maxPercent: number;
  /** The whole numbers of people inside the guidance, when there are any. */
  readonly range: { readonly min: number; readonly max: number } | null;
};

/**
 * The convening committee's list against its 10–15% guidance: a warning to show, never a refusal
 * (the congress decides). Null when the list is inside the guidance or the office has none.
 */
export function checkConveningSurplus(
  seats: number,
  conveningCount: number,
  limits: SurplusLimits,
): CandidateListWarning | null {
  const g = limits.conveningGuidance;
  if (!g || conveningCount === 0) return null;
  const surplus = conveningCount - seats;
  // A required surplus with a ceiling of one (bodies of 3–5 seats) leaves one as the only choice.
  if (limits.surplusRequired && limits.maxSurplus === 1 && surplus === 1) return null;
  // Exact integer arithmetic, as exceedsPercent: percent settings may carry decimals.
  const below = surplus * 100_000 < seats * Math.round(g.minPercent * 1000);
  const above = exceedsPercent(surplus, seats, g.maxPercent);
  if (!below && !above) return null;
  return {
    kind: "convening-surplus-outside-guidance",
    seats,
    surplus,
    minPercent: g.minPercent,
    maxPercent: g.maxPercent,
    range: limits.conveningRange,
  };
}

/** Vietnamese sentence for a warning: the surplus, its share, and the guidance's range. */
export function describeCandidateListWarning(w: CandidateListWarning): string {
  switch (w.kind) {
    case "convening-surplus-outside-guidance": {
      const share =
        w.seats > 0 && w.surplus >= 0
          ? ` (${formatPercent(w.surplus, w.seats, { decimals: 1, mode: "half-up", trimZeros: true })})`
          : "";
      const range = w.range
        ? w.range.min === w.range.max
          ? `, tức ${formatNumber(w.range.min)} người`
          : `, tức từ ${formatNumber(w.range.min)} đến ${formatNumber(w.range.max)} người`
        : ", không có số người nguyên nào trong khoảng này";
      return `Lưu ý: danh sách do cấp ủy triệu tập giới thiệu dư ${formatNumber(w.surplus)} người${share}, ngoài khoảng hướng dẫn ${formatNumber(w.minPercent)}–${formatNumber(w.maxPercent)}% số lượng cần bầu${range}. Đây là hướng dẫn, đại hội xem xét, quyết định.`;
    }
    default:
      return throwIllegalValue(w.kind, "candidate list warning");
  }
}

export interface Nominee extends Candidate {
  /** Proposed by the convening committee, or from the floor (nominated or self-nominated). */
  readonly source: "convening-committee" | "floor";
  /** For floor nominees: how many of those present approved putting them on the list. */
  readonly approvals?: number | undefined;
}

export interface CandidateListInput {
  readonly office: Office;
  readonly seats: number;
  /** Those present at the congress when the list is approved (the base of the 30% approval). */
  readonly present: number;
  readonly nominees: readonly Nominee[];
  /** Votes of the preliminary opinion vote by nominee id, when it has been held. */
  readonly preliminaryVotes?: Readonly<Record<string, number>> | undefined;
}

export type CandidateListProblem =
  | { readonly kind: "duplicate-nominee"; readonly id: string }
  | { readonly kind: "no-surplus"; readonly seats: number; readonly candidates: number }
  | {
      /** The convening committee's own list already goes past the hard ceiling (30%, or one for 3–5 seats). */
      readonly kind: "convening-surplus-over-ceiling";
      readonly surplus: number;
      readonly max: number;
    }
  | { readonly kind: "floor-approvals-missing"; readonly id: string }
  | {
      readonly kind: "preliminary-vote-needed";
      readonly surplus: number;
      readonly maxSurplus: number;
      /** The names the vote ranks. */
      readonly ranked: readonly string[];
    }
  | { readonly kind: "preliminary-vote-missing"; readonly id: string }
  | { readonly kind: "preliminary-vote-tie"; readonly tied: readonly string[]; readonly places: number };

export interface FloorDecision {
  readonly id: string;
  readonly approvals: number;
  /** The fewest approvals that are strictly more than 30% of those present. */
  readonly needed: number;
  readonly admitted: boolean;
}

export interface CandidateList {
  readonly office: Office;
  readonly seats: number;
  /** In ballot order (Vietnamese alphabetical order). */
  readonly candidates: readonly Candidate[];
  readonly surplus: number;
  readonly limits: SurplusLimits;
  readonly ballotKind: BallotKind;
  readonly floor: readonly FloorDecision[];
  /** Ids left off the list by the preliminary opinion vote. */
  readonly cutByPreliminaryVote: readonly string[];
  /** Guidance the list is outside of (shown, not enforced). */
  readonly warnings: readonly CandidateListWarning[];
}

/** The fewest of `present` that are strictly more than `percent`%. */
export function fewestExceeding(present: number, percent: number): number {
  let k = Math.floor((present * percent) / 100);
  while (!exceedsPercent(k, present, percent)) k++;
  while (k > 0 && exceedsPercent(k - 1, present, percent)) k--;
  return k;
}

/** Floor nominees enter only with the approval of strictly more than 30% of those present. */
export function admitFloorNominees(
  nominees: readonly Nominee[],
  present: number,
  settings: Party190Settings,
): Result<readonly FloorDecision[], CandidateListProblem[]> {
  const needed = fewestExceeding(present, settings.floorNomineeApprovalPercent);
  const problems: CandidateListProblem[] = [];
  const decisions: FloorDecision[] = [];
  for (const n of nominees) {
    if (n.source !== "floor") continue;
    if (n.approvals === undefined) {
      problems.push({ kind: "floor-approvals-missing", id: n.id });
      continue;
    }
    decisions.push({ id: n.id, approvals: n.approvals, needed, admitted: n.approvals >= needed });
  }
  return problems.length > 0 ? err(problems) : ok(decisions);
}

/**
 * Keeps the `places` names with the most preliminary votes; a tie across the cut cannot be
 * settled here (the vote is repeated among the tied), so it is an error naming them.
 */
export function cutByPreliminaryVote(
  ranked: readonly Candidate[],
  places: number,
  votes: Readonly<Record<string, number>>,
): Result<{ readonly kept: readonly Candidate[]; readonly cut: readonly Candidate[] }, CandidateListProblem> {
  for (const c of ranked) {
    if (votes[c.id] === undefined) return err({ kind: "preliminary-vote-missing", id: c.id });
  }
  const sorted = [...ranked].sort((a, b) => votes[b.id]! - votes[a.id]!);
  if (places >= sorted.length) return ok({ kept: sorted, cut: [] });
  if (places > 0 && votes[sorted[places - 1]!.id] === votes[sorted[places]!.id]) {
    const v = votes[sorted[places]!.id];
    const tied = sorted.filter((c) => votes[c.id] === v);
    const above = sorted.filter((c) => votes[c.id]! > v!).length;
    return err({ kind: "preliminary-vote-tie", tied: tied.map((c) => c.id), places: places - above });
  }
  return ok({ kept: sorted.slice(0, places), cut: sorted.slice(places) });
}

/** Builds the list to print on the ballot, or every problem that stops it. */
export function checkCandidateList(
  input: CandidateListInput,
  settings: Party190Settings,
): Result<CandidateList, readonly CandidateListProblem[]> {
  const problems: CandidateListProblem[] = [];
  const seen = new Set<string>();
  for (const n of input.nominees) {
    if (seen.has(n.id)) problems.push({ kind: "duplicate-nominee", id: n.id });
    seen.add(n.id);
  }
  const limits = computeSurplusLimits(input.office, input.seats, settings);
  const convening = input.nominees.filter((n) => n.source === "convening-committee");
  const conveningSurplus = convening.length - input.seats;
  const conveningOver =
    limits.maxSurplus !== null && convening.length > 0 && conveningSurplus > limits.maxSurplus;
  if (conveningOver) {
    problems.push({
      kind: "convening-surplus-over-ceiling",
      surplus: conveningSurplus,
      max: limits.maxSurplus,
    });
  }
  const warning = checkConveningSurplus(input.seats, convening.length, limits);
  const floorResult = admitFloorNominees(input.nominees, input.present, settings);
  if (!floorResult.ok) problems.push(...floorResult.error);
  const floor = floorResult.ok ? floorResult.value : [];
  const admittedIds = new Set(floor.filter((d) => d.admitted).map((d) => d.id));
  const admittedFloor = input.nominees.filter((n) => n.source === "floor" && admittedIds.has(n.id));

  let list: Candidate[] = [...convening, ...admittedFloor];
  let cut: readonly Candidate[] = [];
  const maxLength = limits.maxSurplus === null ? null : input.seats + limits.maxSurplus;
  if (maxLength !== null && list.length > maxLength && !conveningOver) {
    const wholeList = settings.preliminaryVoteScope === "whole-list";
    const ranked = wholeList ? list : admittedFloor;
    const places = wholeList ? maxLength : Math.max(0, maxLength - convening.length);
    if (!input.preliminaryVotes) {
      problems.push({
        kind: "preliminary-vote-needed",
        surplus: list.length - input.seats,
        maxSurplus: limits.maxSurplus!,
        ranked: ranked.map((c) => c.id),
      });
    } else {
      const r = cutByPreliminaryVote(ranked, places, input.preliminaryVotes);
      if (!r.ok) problems.push(r.error);
      else {
        cut = r.value.cut;
        list = wholeList ? [...r.value.kept] : [...convening, ...r.value.kept];
      }
    }
  }
  if (limits.surplusRequired && list.length <= input.seats) {
    problems.push({ kind: "no-surplus", seats: input.seats, candidates: list.length });
  }
  if (problems.length > 0) return err(problems);
  const candidates = sortCandidatesByName(list).map(({ id, name }) => ({ id, name }));
  return ok({
    office: input.office,
    seats: input.seats,
    candidates,
    surplus: candidates.length - input.seats,
    limits,
    ballotKind: ballotKindFor(candidates.length, input.seats),
    floor,
    cutByPreliminaryVote: cut.map((c) => c.id),
    warnings: warning ? [warning] : [],
  });
}

export type SecretaryCandidatesProblem =
  | { readonly kind: "not-a-new-committee-member"; readonly id: string }
  | { readonly kind: "wrong-number-of-candidates"; readonly candidates: number; readonly max: number };

/**
 * Direct election of the secretary at the congress: candidates come from the newly elected
 * committee, and there are 1 (usually) or up to `secretaryCandidatesMax` of them.
 */
export function checkSecretaryCandidates(
  candidates: readonly Candidate[],
  newCommitteeIds: readonly string[],
  settings: Party190Settings,
): Result<BallotKind, readonly SecretaryCandidatesProblem[]> {
  const problems: SecretaryCandidatesProblem[] = [];
  if (candidates.length < 1 || candidates.length > settings.secretaryCandidatesMax) {
    problems.push({
      kind: "wrong-number-of-candidates",
      candidates: candidates.length,
      max: settings.secretaryCandidatesMax,
    });
  }
  const committee = new Set(newCommitteeIds);
  for (const c of candidates) {
    if (!committee.has(c.id)) problems.push({ kind: "not-a-new-committee-member", id: c.id });
  }
  return problems.length > 0 ? err(problems) : ok(ballotKindFor(candidates.length, 1));
}

/**
 * Why a floor nominee stays off the list, with the approval share the rule set actually uses
 * (a setting: it was written "trên 30% số có mặt" whatever the setting said, issue 17).
 */
export function describeFloorRejection(name: string, d: FloorDecision, settings: Party190Settings): string {
  return `${name} (ứng cử tại đại hội) chỉ được ${formatNumber(d.approvals)} người đồng ý, cần từ ${formatNumber(d.needed)} người trở lên (trên ${formatNumber(settings.floorNomineeApprovalPercent)}% số có mặt): không được đưa vào danh sách`;
}

/** Vietnamese sentence for a list problem. */
export function describeCandidateListProblem(p: CandidateListProblem): string {
  switch (p.kind) {
    case "duplicate-nominee":
      return `Người có mã ${p.id} được giới thiệu hai lần`;
    case "no-surplus":
      return `Danh sách bầu cử phải nhiều hơn số lượng cần bầu (${p.candidates} người cho ${p.seats} chỉ tiêu)`;
    case "convening-surplus-over-ceiling":
      return `Danh sách do cấp ủy triệu tập giới thiệu có số dư ${formatNumber(p.surplus)}, vượt mức tối đa ${formatNumber(p.max)} người`;
    case "floor-approvals-missing":
      return `Chưa có số người đồng ý đưa người có mã ${p.id} vào danh sách`;
    case "preliminary-vote-needed":
      return `Số dư ${formatNumber(p.surplus)} vượt quá mức tối đa ${formatNumber(p.maxSurplus)}: phải bỏ phiếu xin ý kiến để lấy người có số phiếu cao từ trên xuống`;
    case "preliminary-vote-missing":
      return `Chưa có kết quả phiếu xin ý kiến của người có mã ${p.id}`;
    case "preliminary-vote-tie":
      return `Các đồng chí ${p.tied.join(", ")} bằng phiếu xin ý kiến ở vị trí cuối (${p.places} chỗ): xin ý kiến lại trong số những người bằng phiếu`;
    default:
      return throwIllegalValue(p, "candidate list problem");
  }
}
