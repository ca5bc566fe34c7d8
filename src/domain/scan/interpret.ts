/**
 * From measured ink to a proposed ballot. The image pipeline (src/io/scan) measures, per name row,
 * how much of the row carries ink that is not on the blank ballot, per agree/disagree box how much
 * of the box is inked, and the marks found outside every row. This module decides, row by row,
 * with a confidence, and sends to adjudication every ballot the reader is not sure of: an uncertain
 * row, a mark outside the rows (possibly an identifying mark), or writing below the list (possibly
 * an added name). Thresholds are data so the benchmark can show what they cost.
 */
import { throwIllegalValue } from "../basics/assert.ts";
import type { Ballot, BallotKind, RowMark } from "../election/ballot.ts";

export interface ScanThresholds {
  /** A name row with ink coverage at or below this is kept… */
  readonly keptAtMost: number;
  /** …at or above this crossed out; in between it is uncertain. */
  readonly crossedAtLeast: number;
  /** A box with inked share at or below this is empty… */
  readonly boxEmptyAtMost: number;
  /** …at or above this marked. */
  readonly boxMarkedAtLeast: number;
  /** Ink outside the rows smaller than this (mm²) is dust or noise, not a mark. */
  readonly strayMarkMm2: number;
}

export const DEFAULT_THRESHOLDS: ScanThresholds = {
  keptAtMost: 0.12,
  crossedAtLeast: 0.3,
  boxEmptyAtMost: 0.01,
  boxMarkedAtLeast: 0.03,
  strayMarkMm2: 6,
};

export interface StrayMark {
  /** Where the mark is: below the list (where a name would be added) or anywhere else. */
  readonly region: "write-in" | "elsewhere";
  readonly areaMm2: number;
  /** Bounding box in layout millimetres, for the adjudication crop. */
  readonly box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export type RowScores =
  | { readonly kind: "cross-out"; readonly ink: readonly number[] }
  | {
      readonly kind: "agree-disagree";
      readonly boxes: readonly { readonly agree: number; readonly disagree: number }[];
    };

export interface PageScores {
  readonly rows: RowScores;
  readonly stray: readonly StrayMark[];
}

export type RowReading = "kept" | "crossed-out" | RowMark;

export interface RowDecision {
  readonly position: number;
  readonly reading: RowReading;
  /** 1 at or beyond a threshold, 0,5 halfway between the two thresholds. */
  readonly confidence: number;
  readonly certain: boolean;
}

export type AdjudicationReason =
  | { readonly kind: "uncertain-row"; readonly position: number }
  | { readonly kind: "possible-added-name"; readonly mark: StrayMark }
  | { readonly kind: "mark-outside-rows"; readonly mark: StrayMark };

export interface ScanReading {
  /** What the reader proposes; a ballot needing adjudication is not counted until confirmed. */
  readonly proposed: Ballot;
  readonly rows: readonly RowDecision[];
  readonly adjudication: readonly AdjudicationReason[];
}

function decide(
  score: number,
  low: number,
  high: number,
): { above: boolean; confidence: number; certain: boolean } {
  const mid = (low + high) / 2;
  const confidence = Math.min(1, 0.5 + Math.abs(score - mid) / (high - low));
  return { above: score >= mid, confidence, certain: score <= low || score >= high };
}

export function interpretScores(
  kind: BallotKind,
  scores: PageScores,
  thresholds: ScanThresholds = DEFAULT_THRESHOLDS,
): ScanReading {
  if (scores.rows.kind !== kind) throw new Error(`Điểm đo của phiếu ${scores.rows.kind}, phiếu cần ${kind}`);
  const rows: RowDecision[] = [];
  const adjudication: AdjudicationReason[] = [];
  let proposed: Ballot;
  const rowScores = scores.rows;
  switch (rowScores.kind) {
    case "cross-out": {
      const crossedOut: number[] = [];
      rowScores.ink.forEach((ink, i) => {
        const d = decide(ink, thresholds.keptAtMost, thresholds.crossedAtLeast);
        rows.push({
          position: i + 1,
          reading: d.above ? "crossed-out" : "kept",
          confidence: d.confidence,
          certain: d.certain,
        });
        if (d.above) crossedOut.push(i + 1);
      });
      proposed = { kind: "cross-out", crossedOut };
      break;
    }
    case "agree-disagree": {
      const marks: RowMark[] = [];
      rowScores.boxes.forEach((b, i) => {
        const a = decide(b.agree, thresholds.boxEmptyAtMost, thresholds.boxMarkedAtLeast);
        const d = decide(b.disagree, thresholds.boxEmptyAtMost, thresholds.boxMarkedAtLeast);
        const mark: RowMark = a.above ? (d.above ? "both" : "agree") : d.above ? "disagree" : "neither";
        marks.push(mark);
        rows.push({
          position: i + 1,
          reading: mark,
          confidence: Math.min(a.confidence, d.confidence),
          certain: a.certain && d.certain,
        });
      });
      proposed = { kind: "agree-disagree", marks };
      break;
    }
    default:
      return throwIllegalValue(rowScores, "row scores");
  }
  for (const r of rows) if (!r.certain) adjudication.push({ kind: "uncertain-row", position: r.position });
  for (const mark of scores.stray) {
    if (mark.areaMm2 < thresholds.strayMarkMm2) continue;
    adjudication.push(
      mark.region === "write-in"
        ? { kind: "possible-added-name", mark }
        : { kind: "mark-outside-rows", mark },
    );
  }
  return { proposed, rows, adjudication };
}

/** Vietnamese wording of why a ballot waits for the counting committee. */
export function describeAdjudicationReason(r: AdjudicationReason): string {
  switch (r.kind) {
    case "uncertain-row":
      return `Dòng ${r.position}: không chắc có gạch/đánh dấu`;
    case "possible-added-name":
      return "Có chữ viết dưới danh sách (có thể ghi thêm tên)";
    case "mark-outside-rows":
      return "Có dấu ngoài các dòng tên (có thể là dấu riêng)";
    default:
      return throwIllegalValue(r, "adjudication reason");
  }
}
