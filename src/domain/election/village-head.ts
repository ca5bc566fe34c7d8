/**
 * Village-head election ("Dân tin – Đảng cử", BRIEF §6): a rule set of its own, never mixed
 * with the Party one. The meeting of household representatives (or voters) is valid only with
 * strictly more than half of them present; the winner has the most votes AND strictly more than
 * half of ALL household representatives of the village, not of those present. On failure the
 * commune People's Committee orders a re-election; after a second failure it appoints an interim head.
 */
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber, formatPercent } from "../format/number.ts";
import { joinVietnamese } from "./base.ts";
import type { Candidate } from "./candidate-list.ts";
import { fewestExceeding } from "./candidate-list.ts";
import {
  type BallotSummary,
  type ElectedEntry,
  type ElectionError,
  rankOrder,
  summariseBallots,
} from "./decide.ts";
import { exceedsPercent, type VillageHeadRuleSet } from "./rules.ts";
import { checkCountFigures, type Tally } from "./tally.ts";

export interface VillageHeadInput {
  readonly ruleSet: VillageHeadRuleSet;
  /** "thôn", "bản", "khu phố", "tổ dân phố"… */
  readonly villageKind: string;
  readonly candidates: readonly Candidate[];
  /** All household representatives (or voters) of the village: the base of both tests. */
  readonly electorate: number;
  readonly present: number;
  readonly issued: number;
  /** Null when the meeting lacked its quorum and no vote was held. */
  readonly tally: Tally | null;
  /** 1 for the first election, 2 for the re-election ordered by the commune. */
  readonly attempt: number;
}

export type VillageHeadNextStep =
  | { readonly kind: "complete" }
  | { readonly kind: "re-election-ordered-by-commune" }
  | { readonly kind: "interim-head-appointed-by-commune" };

export interface VillageCandidateOutcome {
  readonly position: number;
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  readonly percentOfElectorate: string;
  readonly outcome: "elected" | "not-elected";
  readonly explanation: string;
}

export interface VillageHeadResult {
  readonly ruleSet: "village-head";
  readonly attempt: number;
  readonly electorate: number;
  readonly present: number;
  readonly quorum: { readonly met: boolean; readonly needed: number; readonly explanation: string };
  /** The fewest votes that are strictly more than half of the electorate. */
  readonly threshold: number;
  readonly ballots: BallotSummary | null;
  readonly candidates: readonly VillageCandidateOutcome[];
  readonly elected: ElectedEntry | null;
  readonly nextStep: VillageHeadNextStep;
  readonly explanation: string;
}

function headTitle(villageKind: string): string {
  return villageKind === "tổ dân phố" ? "tổ trưởng tổ dân phố" : `trưởng ${villageKind}`;
}

/** Decides a village-head election from its count. */
export function decideVillageHeadElection(input: VillageHeadInput): Result<VillageHeadResult, ElectionError> {
  const settings = input.ruleSet.settings;
  const rule = settings.percentRule;
  const who = settings.electorate === "household-representatives" ? "đại diện hộ gia đình" : "cử tri";
  const ofVillage = `tổng số ${who} của ${input.villageKind}`;
  const quorumMet = exceedsPercent(input.present, input.electorate, settings.quorumPercent);
  const quorumNeeded = fewestExceeding(input.electorate, settings.quorumPercent);
  const attendance = `${formatNumber(input.present)}/${formatNumber(input.electorate)} = ${formatPercent(input.present, input.electorate, rule)}`;
  const quorumExplanation = quorumMet
    ? `Hội nghị có ${attendance} ${who} tham dự, quá 1/2 ${ofVillage}; hội nghị hợp lệ`
    : `Hội nghị chỉ có ${attendance} ${who} tham dự, không quá 1/2 ${ofVillage} (cần ít nhất ${formatNumber(quorumNeeded)}); hội nghị không hợp lệ, không tiến hành bầu`;
  const threshold = fewestExceeding(input.electorate, settings.winnerPercentOfElectorate);
  const failStep: VillageHeadNextStep =
    input.attempt >= settings.attemptsBeforeInterimHead
      ? { kind: "interim-head-appointed-by-commune" }
      : { kind: "re-election-ordered-by-commune" };
  const failText =
    failStep.kind === "interim-head-appointed-by-commune"
      ? `Bầu cử lần ${input.attempt} không thành: Ủy ban nhân dân cấp xã cử ${headTitle(input.villageKind)} lâm thời`
      : `Bầu cử lần ${input.attempt} không thành: Ủy ban nhân dân cấp xã chỉ đạo tổ chức bầu lại`;

  const tally = quorumMet ? input.tally : null;
  if (tally) {
    if (tally.votes.length !== input.candidates.length) {
      return err({ kind: "votes-length", expected: input.candidates.length, actual: tally.votes.length });
    }
    const figures = checkCountFigures(tally, { present: input.present, issued: input.issued });
    if (!figures.ok) return err({ kind: "count-invariant", issues: figures.error });
  }
  const votes = tally ? tally.votes : input.candidates.map(() => 0);
  const order = rankOrder(votes);
  const top = votes[order[0]!] ?? 0;
  const topCount = votes.filter((v) => v === top).length;
  const winner =
    tally && topCount === 1 && exceedsPercent(top, input.electorate, settings.winnerPercentOfElectorate)
      ? order[0]!
      : null;

  const candidates = input.candidates.map((c, i): VillageCandidateOutcome => {
    const v = votes[i]!;
    const pct = formatPercent(v, input.electorate, rule);
    const figure = `${formatNumber(v)}/${formatNumber(input.electorate)} = ${pct}`;
    let explanation: string;
    if (!tally) explanation = "Hội nghị không hợp lệ, không tiến hành bầu";
    else if (i === winner) {
      explanation = `đạt ${figure} > 1/2 ${ofVillage} và cao nhất; trúng cử ${headTitle(input.villageKind)}`;
    } else if (v === top && topCount > 1) {
      const others = input.candidates.filter((_, j) => j !== i && votes[j] === top).map((o) => o.name);
      explanation = `đạt ${figure}, bằng số phiếu cao nhất với ${joinVietnamese(others)}; không trúng cử`;
    } else if (v === top) {
      explanation = `đạt ${figure}, cao nhất nhưng không quá 1/2 ${ofVillage} (cần ít nhất ${formatNumber(threshold)} phiếu); không trúng cử`;
    } else {
      explanation = `đạt ${figure}, không phải người có số phiếu cao nhất; không trúng cử`;
    }
    return {
      position: i + 1,
      id: c.id,
      name: c.name,
      votes: v,
      percentOfElectorate: pct,
      outcome: i === winner ? "elected" : "not-elected",
      explanation,
    };
  });

  const elected =
    winner === null
      ? null
      : {
          position: winner + 1,
          id: input.candidates[winner]!.id,
          name: input.candidates[winner]!.name,
          votes: votes[winner]!,
        };
  return ok({
    ruleSet: "village-head",
    attempt: input.attempt,
    electorate: input.electorate,
    present: input.present,
    quorum: { met: quorumMet, needed: quorumNeeded, explanation: quorumExplanation },
    threshold,
    ballots: tally ? summariseBallots(tally, { present: input.present, issued: input.issued }) : null,
    candidates,
    elected,
    nextStep: elected ? { kind: "complete" } : failStep,
    explanation: elected
      ? `${quorumExplanation}. ${elected.name} trúng cử ${headTitle(input.villageKind)}`
      : `${quorumExplanation}. ${failText}`,
  });
}
