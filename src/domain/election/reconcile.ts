/**
 * Double/triple entry of a bundle (BRIEF §3): each bundle of ballots is entered independently by
 * two or three clerks, and is accepted only when every entry agrees. When they do not, the clerks
 * need to know exactly which ballots and which candidates to look at again, so this returns the
 * differing ballot positions with the differing candidate positions, never just "different".
 */
import { err, ok, type Result } from "../basics/result.ts";
import { type Ballot, type BallotDefect, BALLOT_DEFECTS as DEFECTS } from "./ballot.ts";

export type DefectField = BallotDefect;

export interface BallotDifference {
  /** 1-based position of the ballot in the bundle. */
  readonly ballot: number;
  /** Candidate positions (1-based) entered differently. */
  readonly candidates: readonly number[];
  /** Defect marks entered differently. */
  readonly defects: readonly DefectField[];
  /** One clerk entered a cross-out ballot, another an agree/disagree one. */
  readonly kindDiffers: boolean;
  /** Entries (0-based clerk index) that have no ballot at this position. */
  readonly missingIn: readonly number[];
}

export type BundleReconciliation =
  | { readonly agreed: true; readonly ballots: readonly Ballot[] }
  | {
      readonly agreed: false;
      /** Ballots entered by each clerk. */
      readonly counts: readonly number[];
      readonly differences: readonly BallotDifference[];
    };

export type ReconcileError = { readonly kind: "wrong-number-of-entries"; readonly entries: number };

/** Compares 2–3 clerks' entries of one bundle, ballot by ballot (by position in the bundle). */
export function reconcileBundleEntries(
  entries: readonly (readonly Ballot[])[],
): Result<BundleReconciliation, ReconcileError> {
  if (entries.length < 2 || entries.length > 3)
    return err({ kind: "wrong-number-of-entries", entries: entries.length });
  const longest = Math.max(...entries.map((e) => e.length));
  const differences: BallotDifference[] = [];
  for (let i = 0; i < longest; i++) {
    const present: Ballot[] = [];
    const missingIn: number[] = [];
    entries.forEach((e, k) => {
      const b = e[i];
      if (b) present.push(b);
      else missingIn.push(k);
    });
    const d = compareBallots(present);
    if (missingIn.length > 0 || d.kindDiffers || d.candidates.length > 0 || d.defects.length > 0) {
      differences.push({ ballot: i + 1, ...d, missingIn });
    }
  }
  if (differences.length === 0) return ok({ agreed: true, ballots: entries[0]! });
  return ok({ agreed: false, counts: entries.map((e) => e.length), differences });
}

function compareBallots(ballots: readonly Ballot[]): Omit<BallotDifference, "ballot" | "missingIn"> {
  const defects = DEFECTS.filter((f) => new Set(ballots.map((b) => Boolean(b[f]))).size > 1);
  const kindDiffers = new Set(ballots.map((b) => b.kind)).size > 1;
  const differing = new Set<number>();
  if (kindDiffers) {
    // Different forms cannot be compared row by row: every candidate any entry mentions is suspect.
    for (const b of ballots) {
      if (b.kind === "cross-out") for (const p of b.crossedOut) differing.add(p);
      else for (let r = 1; r <= b.marks.length; r++) differing.add(r);
    }
  } else {
    const crossOuts = ballots.filter((b) => b.kind === "cross-out");
    if (crossOuts.length > 0) {
      const sets = crossOuts.map((b) => new Set(b.crossedOut));
      for (const s of sets) {
        for (const p of s) if (!sets.every((t) => t.has(p))) differing.add(p);
      }
    }
    const agreeDisagree = ballots.filter((b) => b.kind === "agree-disagree");
    if (agreeDisagree.length > 0) {
      const rows = Math.max(...agreeDisagree.map((b) => b.marks.length));
      for (let r = 0; r < rows; r++) {
        if (new Set(agreeDisagree.map((b) => b.marks[r])).size > 1) differing.add(r + 1);
      }
    }
  }
  return { candidates: [...differing].sort((a, b) => a - b), defects, kindDiffers };
}
