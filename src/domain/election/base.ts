/**
 * The base N of a Party election (BRIEF §3): the number a candidate must have strictly more than
 * half of. It is deliberately NOT the number of valid ballots, nor of those present: it starts
 * from those convened and subtracts only the groups the regulation names, so it is computed from
 * its parts and each subtraction is shown in the explanation read to the congress.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber } from "../format/number.ts";
import type { Party190Settings } from "./rules.ts";
import { countSchema } from "./tally.ts";

export interface MembersCongressFigures {
  readonly kind: "members-congress";
  /** Official members convened. */
  readonly convened: number;
  readonly temporarilyAttendingElsewhere: number;
  readonly exemptedNotAttending: number;
  /** Suspended from party activity, prosecuted or detained. */
  readonly suspendedProsecutedOrDetained: number;
  /** Absent for the whole congress with a reason accepted by the convening committee. */
  readonly absentWithAcceptedReason: number;
}

export interface DelegatesCongressFigures {
  readonly kind: "delegates-congress";
  /** Official delegates convened (elected delegates and ex-officio members). */
  readonly convened: number;
  /** Members of the convening committee absent for the whole congress. */
  readonly conveningCommitteeMembersAbsent: number;
  /** Delegates absent for the whole congress with no alternate seated in their place. */
  readonly delegatesAbsentWithoutAlternate: number;
}

export interface CommitteeConferenceFigures {
  readonly kind: "committee-conference";
  /** Committee members convened. */
  readonly convened: number;
  readonly absentWithLeave: number;
}

export type BaseFigures = MembersCongressFigures | DelegatesCongressFigures | CommitteeConferenceFigures;

const count = countSchema;

export const membersCongressFiguresSchema = z.object({
  kind: z.literal("members-congress"),
  convened: count,
  temporarilyAttendingElsewhere: count.default(0),
  exemptedNotAttending: count.default(0),
  suspendedProsecutedOrDetained: count.default(0),
  absentWithAcceptedReason: count.default(0),
}) satisfies z.ZodType<MembersCongressFigures>;

export const delegatesCongressFiguresSchema = z.object({
  kind: z.literal("delegates-congress"),
  convened: count,
  conveningCommitteeMembersAbsent: count.default(0),
  delegatesAbsentWithoutAlternate: count.default(0),
}) satisfies z.ZodType<DelegatesCongressFigures>;

export const committeeConferenceFiguresSchema = z.object({
  kind: z.literal("committee-conference"),
  convened: count,
  absentWithLeave: count.default(0),
}) satisfies z.ZodType<CommitteeConferenceFigures>;

export const baseFiguresSchema = z
  .discriminatedUnion("kind", [
    membersCongressFiguresSchema,
    delegatesCongressFiguresSchema,
    committeeConferenceFiguresSchema,
  ])
  .superRefine((f, ctx) => {
    const subtracted = listSubtractions(f, true).reduce((a, s) => a + s.count, 0);
    if (subtracted >= f.convened) {
      ctx.addIssue({
        code: "custom",
        path: ["convened"],
        message: `Số được triệu tập (${formatNumber(f.convened)}) phải lớn hơn tổng số được trừ (${formatNumber(subtracted)})`,
      });
    }
  }) satisfies z.ZodType<BaseFigures>;

export interface BaseSubtraction {
  /** The field of the figures it comes from. */
  readonly field: string;
  readonly count: number;
  /** "4 đại biểu vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế". */
  readonly text: string;
}

export interface Base {
  readonly kind: BaseFigures["kind"];
  readonly convened: number;
  readonly subtractions: readonly BaseSubtraction[];
  readonly n: number;
  /** ⌊N/2⌋ + 1: the fewest votes that are strictly more than half of N. */
  readonly threshold: number;
  /** "số đại biểu được triệu tập (đã trừ …)", to follow "1/2". */
  readonly description: string;
}

export type BaseError = {
  readonly kind: "base-not-positive";
  readonly convened: number;
  readonly subtracted: number;
};

/** The fewest votes strictly more than half of n. */
export function thresholdFor(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** N with its parts, in words for the explanation. */
export function computeBase(figures: BaseFigures, settings: Party190Settings): Result<Base, BaseError> {
  const subtractions = listSubtractions(figures, settings.conferenceSubtractsAbsentWithLeave).filter(
    (s) => s.count > 0,
  );
  const subtracted = subtractions.reduce((a, s) => a + s.count, 0);
  const n = figures.convened - subtracted;
  if (n <= 0) return err({ kind: "base-not-positive", convened: figures.convened, subtracted });
  const noun = convenedNoun(figures);
  const description =
    subtractions.length === 0 ? noun : `${noun} (đã trừ ${joinVietnamese(subtractions.map((s) => s.text))})`;
  return ok({
    kind: figures.kind,
    convened: figures.convened,
    subtractions,
    n,
    threshold: thresholdFor(n),
    description,
  });
}

function convenedNoun(figures: BaseFigures): string {
  switch (figures.kind) {
    case "members-congress":
      return "số đảng viên chính thức được triệu tập";
    case "delegates-congress":
      return "số đại biểu được triệu tập";
    case "committee-conference":
      return "số cấp ủy viên được triệu tập";
    default:
      return throwIllegalValue(figures, "base figures");
  }
}

function listSubtractions(
  figures: BaseFigures,
  conferenceSubtractsAbsentWithLeave: boolean,
): BaseSubtraction[] {
  const s = (field: string, n: number, what: string): BaseSubtraction => ({
    field,
    count: n,
    text: `${formatNumber(n)} ${what}`,
  });
  switch (figures.kind) {
    case "members-congress":
      return [
        s(
          "temporarilyAttendingElsewhere",
          figures.temporarilyAttendingElsewhere,
          "đảng viên đang tạm thời sinh hoạt đảng nơi khác",
        ),
        s(
          "exemptedNotAttending",
          figures.exemptedNotAttending,
          "đảng viên được miễn công tác và sinh hoạt đảng không tham dự đại hội",
        ),
        s(
          "suspendedProsecutedOrDetained",
          figures.suspendedProsecutedOrDetained,
          "đảng viên đang bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố hoặc tạm giam",
        ),
        s(
          "absentWithAcceptedReason",
          figures.absentWithAcceptedReason,
          "đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý",
        ),
      ];
    case "delegates-congress":
      return [
        s(
          "conveningCommitteeMembersAbsent",
          figures.conveningCommitteeMembersAbsent,
          "cấp ủy viên của cấp ủy triệu tập đại hội vắng mặt cả kỳ đại hội",
        ),
        s(
          "delegatesAbsentWithoutAlternate",
          figures.delegatesAbsentWithoutAlternate,
          "đại biểu vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế",
        ),
      ];
    case "committee-conference":
      return conferenceSubtractsAbsentWithLeave
        ? [s("absentWithLeave", figures.absentWithLeave, "cấp ủy viên vắng mặt có lý do")]
        : [];
    default:
      return throwIllegalValue(figures, "base figures");
  }
}

/** "a", "a và b", "a, b và c". */
export function joinVietnamese(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}`;
}

/**
 * A secretary is "bầu trực tiếp tại đại hội" only when the congress itself elects them (a members'
 * or delegates' base). One elected at the new committee's first conference is not a direct
 * election, and writing it as one inflated the direct-election figures (issue 17).
 */
export function isDirectSecretaryElection(
  office: string,
  baseKind: BaseFigures["kind"] | null | undefined,
): boolean {
  return office === "secretary" && (baseKind === "members-congress" || baseKind === "delegates-congress");
}
