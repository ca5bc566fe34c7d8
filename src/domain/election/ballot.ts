/**
 * Ballots and their validity (BRIEF §3). Candidates are referred to by their **position** on the
 * ballot (1-based, as printed), which is also what a clerk types when entering a ballot.
 *
 * A list with surplus (more candidates than seats) is printed as a cross-out ballot: the voter
 * strikes through the names they vote against. A list without surplus (including a single
 * candidate) is printed with agree/disagree columns.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import type { ExtraInvalidityGrounds } from "./rules.ts";

export type BallotKind = "cross-out" | "agree-disagree";

/** The ballot form a list gets: only a list with surplus is crossed out. */
export function ballotKindFor(candidateCount: number, seats: number): BallotKind {
  return candidateCount > seats ? "cross-out" : "agree-disagree";
}

/** Marks the counting committee notes on a ballot besides the votes themselves. */
export interface BallotDefects {
  /** Not issued by the counting committee (no stamp, a different form…). */
  readonly notIssued?: boolean | undefined;
  /** A name written in that is not on the list. */
  readonly addedName?: boolean | undefined;
  /** A signature or a mark that could identify the voter. */
  readonly identifyingMark?: boolean | undefined;
}

/** The defect marks, in the order the entry page and the minutes list them. */
export const BALLOT_DEFECTS = [
  "notIssued",
  "addedName",
  "identifyingMark",
] as const satisfies readonly (keyof BallotDefects)[];
export type BallotDefect = (typeof BALLOT_DEFECTS)[number];

/** The words for a defect mark inside a sentence (the counting log: "gạch tên số 3; ghi thêm tên"). */
export const BALLOT_DEFECT_LABELS: Readonly<Record<BallotDefect, string>> = {
  notIssued: "phiếu không do Ban kiểm phiếu phát ra",
  addedName: "ghi thêm tên",
  identifyingMark: "có ký tên/đánh dấu riêng",
};

export interface CrossOutBallot extends BallotDefects {
  readonly kind: "cross-out";
  /** Positions struck through, in any order. */
  readonly crossedOut: readonly number[];
}

/** One row of an agree/disagree ballot. */
export type RowMark = "agree" | "disagree" | "both" | "neither";
export const ROW_MARKS = ["agree", "disagree", "both", "neither"] as const satisfies readonly RowMark[];

export interface AgreeDisagreeBallot extends BallotDefects {
  readonly kind: "agree-disagree";
  /** One mark per candidate, in ballot order. */
  readonly marks: readonly RowMark[];
}

export type Ballot = CrossOutBallot | AgreeDisagreeBallot;

const ballotDefectsShape = {
  notIssued: z.boolean().optional(),
  addedName: z.boolean().optional(),
  identifyingMark: z.boolean().optional(),
};

export const crossOutBallotSchema = z.object({
  kind: z.literal("cross-out"),
  crossedOut: z.array(z.number().int().min(1, "Số thứ tự ứng cử viên phải từ 1 trở lên")),
  ...ballotDefectsShape,
}) satisfies z.ZodType<CrossOutBallot>;

export const agreeDisagreeBallotSchema = z.object({
  kind: z.literal("agree-disagree"),
  marks: z.array(z.enum(ROW_MARKS)),
  ...ballotDefectsShape,
}) satisfies z.ZodType<AgreeDisagreeBallot>;

export const ballotSchema = z.discriminatedUnion("kind", [
  crossOutBallotSchema,
  agreeDisagreeBallotSchema,
]) satisfies z.ZodType<Ballot>;

/** Why a ballot is invalid, in the order they are checked (the first that applies is reported). */
export const INVALID_REASONS = [
  "not-issued",
  "added-name",
  "identifying-mark",
  "keeps-more-than-seats",
  "crosses-out-everyone",
  "single-name-both-or-neither",
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];
export const invalidReasonSchema = z.enum(INVALID_REASONS);

/** The wording of the minutes. */
export const INVALID_REASON_LABELS: Readonly<Record<InvalidReason, string>> = {
  "not-issued": "Phiếu không do Ban kiểm phiếu phát ra",
  "added-name": "Phiếu ghi thêm tên người ngoài danh sách bầu cử",
  "identifying-mark": "Phiếu có ký tên hoặc đánh dấu riêng",
  "keeps-more-than-seats": "Phiếu để số người nhiều hơn số lượng cần bầu",
  "crosses-out-everyone": "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
  "single-name-both-or-neither": "Phiếu bầu một người mà đánh dấu cả hai ô hoặc không đánh dấu ô nào",
};

/** Everything needed to judge a ballot of one election. */
export interface BallotSpec {
  readonly candidateCount: number;
  readonly seats: number;
  readonly kind: BallotKind;
  readonly extraInvalidityGrounds: ExtraInvalidityGrounds;
}

export function makeBallotSpec(
  candidateCount: number,
  seats: number,
  extraInvalidityGrounds: ExtraInvalidityGrounds,
): BallotSpec {
  return { candidateCount, seats, kind: ballotKindFor(candidateCount, seats), extraInvalidityGrounds };
}

/** A ballot entered wrongly (not a spoilt ballot: the entry itself cannot be read). */
export type BallotEntryError =
  | { readonly kind: "wrong-ballot-kind"; readonly ballot: number; readonly expected: BallotKind }
  | {
      readonly kind: "position-out-of-range";
      readonly ballot: number;
      readonly position: number;
      readonly candidateCount: number;
    }
  | { readonly kind: "duplicate-position"; readonly ballot: number; readonly position: number }
  | {
      readonly kind: "marks-length";
      readonly ballot: number;
      readonly expected: number;
      readonly actual: number;
    };

export type BallotValidity =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: InvalidReason };

const VALID: BallotValidity = { valid: true };

/** Validity of one ballot already known to be well entered (see `checkBallotEntry`). */
export function checkBallot(ballot: Ballot, spec: BallotSpec): BallotValidity {
  const defects = checkDefects(ballot, spec.extraInvalidityGrounds);
  if (defects) return { valid: false, reason: defects };
  switch (ballot.kind) {
    case "cross-out": {
      const kept = spec.candidateCount - ballot.crossedOut.length;
      if (kept > spec.seats) return { valid: false, reason: "keeps-more-than-seats" };
      // Crossing out everyone is invalid only where there is a surplus, i.e. on a cross-out ballot.
      if (kept === 0) return { valid: false, reason: "crosses-out-everyone" };
      return VALID;
    }
    case "agree-disagree": {
      let agreed = 0;
      for (const m of ballot.marks) if (m === "agree") agreed++;
      if (agreed > spec.seats) return { valid: false, reason: "keeps-more-than-seats" };
      if (spec.extraInvalidityGrounds.singleNameBothOrNeither && ballot.marks.length === 1) {
        const only = ballot.marks[0];
        if (only === "both" || only === "neither")
          return { valid: false, reason: "single-name-both-or-neither" };
      }
      return VALID;
    }
    default:
      return throwIllegalValue(ballot, "ballot");
  }
}

function checkDefects(ballot: BallotDefects, grounds: ExtraInvalidityGrounds): InvalidReason | null {
  if (ballot.notIssued) return "not-issued";
  if (grounds.addedName && ballot.addedName) return "added-name";
  if (grounds.identifyingMark && ballot.identifyingMark) return "identifying-mark";
  return null;
}

/** Is the entry readable: the right form, positions on the list, no position twice? */
export function checkBallotEntry(ballot: Ballot, index: number, spec: BallotSpec): BallotEntryError | null {
  if (ballot.kind !== spec.kind) return { kind: "wrong-ballot-kind", ballot: index, expected: spec.kind };
  switch (ballot.kind) {
    case "cross-out": {
      const seen = new Set<number>();
      for (const p of ballot.crossedOut) {
        if (!Number.isInteger(p) || p < 1 || p > spec.candidateCount) {
          return {
            kind: "position-out-of-range",
            ballot: index,
            position: p,
            candidateCount: spec.candidateCount,
          };
        }
        if (seen.has(p)) return { kind: "duplicate-position", ballot: index, position: p };
        seen.add(p);
      }
      return null;
    }
    case "agree-disagree":
      if (ballot.marks.length !== spec.candidateCount) {
        return {
          kind: "marks-length",
          ballot: index,
          expected: spec.candidateCount,
          actual: ballot.marks.length,
        };
      }
      return null;
    default:
      return throwIllegalValue(ballot, "ballot");
  }
}

/** Vietnamese sentence for an entry error; `index` is 0-based, ballots are numbered from 1 for people. */
export function describeBallotEntryError(e: BallotEntryError): string {
  const which = `Phiếu thứ ${e.ballot + 1}`;
  switch (e.kind) {
    case "wrong-ballot-kind":
      return `${which}: sai loại phiếu, danh sách này dùng ${e.expected === "cross-out" ? "phiếu gạch tên" : "phiếu đồng ý/không đồng ý"}`;
    case "position-out-of-range":
      return `${which}: số thứ tự ${e.position} không có trong danh sách (1–${e.candidateCount})`;
    case "duplicate-position":
      return `${which}: số thứ tự ${e.position} được nhập hai lần`;
    case "marks-length":
      return `${which}: có ${e.actual} dòng đánh dấu, danh sách có ${e.expected} người`;
    default:
      return throwIllegalValue(e, "ballot entry error");
  }
}

/** "gạch tên số 3, 12" / "đồng ý: 1, 2; không đồng ý: 3" with the defects. */
export function describeBallot(b: Ballot): string {
  const parts: string[] = [];
  if (b.kind === "cross-out") {
    parts.push(
      b.crossedOut.length === 0
        ? "không gạch tên nào"
        : `gạch tên số ${[...b.crossedOut].sort((x, y) => x - y).join(", ")}`,
    );
  } else {
    const rows = (mark: string) =>
      b.marks.flatMap((m, i) => (m === mark ? [String(i + 1)] : [])).join(", ") || "không có";
    parts.push(`đồng ý: ${rows("agree")}; không đồng ý: ${rows("disagree")}`);
    if (b.marks.some((m) => m === "both" || m === "neither"))
      parts.push(`đánh dấu cả hai ô hoặc không ô nào: ${[rows("both"), rows("neither")].join(", ")}`);
  }
  for (const d of BALLOT_DEFECTS) if (b[d]) parts.push(BALLOT_DEFECT_LABELS[d]);
  return parts.join("; ");
}

/** Two entries of one ballot say the same (the order of crossed-out numbers does not matter). */
export function sameBallot(a: Ballot, b: Ballot): boolean {
  return JSON.stringify(normaliseBallot(a)) === JSON.stringify(normaliseBallot(b));
}

function normaliseBallot(b: Ballot): unknown {
  const defects = Object.fromEntries(BALLOT_DEFECTS.map((d) => [d, Boolean(b[d])]));
  return b.kind === "cross-out"
    ? { kind: b.kind, crossedOut: [...b.crossedOut].sort((x, y) => x - y), ...defects }
    : { kind: b.kind, marks: b.marks, ...defects };
}
