/**
 * Keyboard entry of one ballot (pure). The clerk types, the entry page shows at once which names
 * the typed text means and whether the ballot is valid; Enter records it. Nothing to click.
 *
 * Cross-out ballot: the positions of the struck-through names, typed at a fixed width equal to the
 * digits of the list length (a 55-name list: "05" for 5), so "0512" is 5 and 12 with no separator.
 * A space or a comma also ends a number ("5 12", "5,12") for clerks who prefer it; a number left
 * unfinished when Enter is pressed counts as it stands ("05 7⏎" is 5 and 7).
 *
 * Agree/disagree ballot: one key per row in ballot order: 1 đồng ý, 2 không đồng ý, 3 đánh dấu cả
 * hai ô, 0 không đánh dấu ô nào.
 *
 * On both forms the letters p, t, k note the defects the counting committee sees on the paper:
 * p phiếu không do Ban kiểm phiếu phát ra, t ghi thêm tên ngoài danh sách, k có ký tên hoặc đánh dấu
 * riêng. Validity itself is the domain's (`checkBallot`, `checkBallotEntry`).
 */
import {
  type Ballot,
  type BallotEntryError,
  type BallotSpec,
  type BallotValidity,
  checkBallot,
  checkBallotEntry,
  INVALID_REASON_LABELS,
  type RowMark,
} from "../../../domain/election/index.ts";

/** How many digits a position is typed with: the digits of the list length (1 for up to 9 names). */
export function positionWidth(candidateCount: number): number {
  return String(Math.max(1, candidateCount)).length;
}

export const MARK_KEYS: Readonly<Record<string, RowMark>> = {
  "1": "agree",
  "2": "disagree",
  "3": "both",
  "0": "neither",
};

export const MARK_LABELS: Readonly<Record<RowMark, string>> = {
  agree: "Đồng ý",
  disagree: "Không đồng ý",
  both: "Cả hai ô",
  neither: "Không đánh dấu",
};

export const DEFECT_KEYS = {
  p: "notIssued",
  t: "addedName",
  k: "identifyingMark",
} as const;
type DefectKey = keyof typeof DEFECT_KEYS;

export const DEFECT_LABELS: Readonly<Record<DefectKey, string>> = {
  p: "Không do Ban kiểm phiếu phát ra",
  t: "Ghi thêm tên ngoài danh sách",
  k: "Có ký tên hoặc đánh dấu riêng",
};

const isDefectKey = (ch: string): ch is DefectKey => ch === "p" || ch === "t" || ch === "k";

/**
 * Keeps only what the entry understands: digits, separators (cross-out only) and defect letters.
 * Letters are folded to lower case, a run of separators becomes one; anything else is dropped, so a
 * stray key never reaches the ballot.
 */
export function normaliseEntryText(text: string, spec: Pick<BallotSpec, "kind">): string {
  let out = "";
  for (const raw of text.toLowerCase()) {
    if (raw >= "0" && raw <= "9") out += raw;
    else if (isDefectKey(raw)) out += raw;
    else if (spec.kind === "cross-out" && (raw === " " || raw === "," || raw === ";" || raw === "."))
      out += out.endsWith(" ") || out === "" ? "" : " ";
  }
  return out;
}

export type EntryProblem =
  | { readonly kind: "entry"; readonly error: BallotEntryError }
  /** Agree/disagree: fewer or more marks than rows. */
  | { readonly kind: "incomplete"; readonly typed: number; readonly expected: number };

export interface ParsedEntry {
  /** The ballot as typed so far (an unfinished number counts as it stands). */
  readonly ballot: Ballot;
  /** Cross-out: positions in the order typed; agree/disagree: empty. */
  readonly positions: readonly number[];
  /** Cross-out: digits typed of a number not yet at full width ("" when none). */
  readonly pending: string;
  /** Present when Enter must be refused: the text cannot be read as a ballot of this election. */
  readonly problem: EntryProblem | null;
  /** The domain's verdict on the ballot (only meaningful when `problem` is null). */
  readonly validity: BallotValidity;
}

/** Reads the typed text as a ballot of the election described by `spec`. */
export function parseEntry(text: string, spec: BallotSpec): ParsedEntry {
  const clean = normaliseEntryText(text, spec);
  const defects: { notIssued?: boolean; addedName?: boolean; identifyingMark?: boolean } = {};
  for (const ch of clean) if (isDefectKey(ch)) defects[DEFECT_KEYS[ch]] = true;
  const body = clean.replace(/[ptk]/g, "");

  if (spec.kind === "cross-out") {
    const width = positionWidth(spec.candidateCount);
    const positions: number[] = [];
    let pending = "";
    for (const ch of body) {
      if (ch === " ") {
        if (pending) positions.push(Number(pending));
        pending = "";
        continue;
      }
      pending += ch;
      if (pending.length === width) {
        positions.push(Number(pending));
        pending = "";
      }
    }
    const all = pending ? [...positions, Number(pending)] : positions;
    const ballot: Ballot = { kind: "cross-out", crossedOut: all, ...defects };
    const error = checkBallotEntry(ballot, 1, spec);
    return {
      ballot,
      positions: all,
      pending,
      problem: error ? { kind: "entry", error } : null,
      validity: checkBallot(ballot, spec),
    };
  }

  const marks: RowMark[] = [];
  for (const ch of body) {
    const mark = MARK_KEYS[ch];
    if (mark) marks.push(mark);
  }
  const ballot: Ballot = { kind: "agree-disagree", marks, ...defects };
  const problem: EntryProblem | null =
    marks.length === spec.candidateCount
      ? null
      : { kind: "incomplete", typed: marks.length, expected: spec.candidateCount };
  return { ballot, positions: [], pending: "", problem, validity: checkBallot(ballot, spec) };
}

/** The Vietnamese message for a refused entry. */
export function entryProblemMessage(problem: EntryProblem): string {
  if (problem.kind === "incomplete") {
    return problem.typed < problem.expected
      ? `Còn thiếu ${problem.expected - problem.typed} dòng: cần ${problem.expected} dấu (1 đồng ý, 2 không đồng ý, 3 cả hai ô, 0 không đánh dấu).`
      : `Thừa ${problem.typed - problem.expected} dấu: phiếu chỉ có ${problem.expected} dòng.`;
  }
  const e = problem.error;
  switch (e.kind) {
    case "position-out-of-range":
      return `Không có số thứ tự ${e.position} trong danh sách (1–${e.candidateCount}).`;
    case "duplicate-position":
      return `Số thứ tự ${e.position} đã gõ hai lần.`;
    case "marks-length":
      return `Phiếu có ${e.expected} dòng, đã gõ ${e.actual} dấu.`;
    case "wrong-ballot-kind":
      return "Phiếu không đúng mẫu của cuộc bầu này.";
    default:
      return "Không đọc được phiếu.";
  }
}

/** "Hợp lệ" or "Không hợp lệ: <lý do như trong biên bản>". */
export function validityLabel(validity: BallotValidity): string {
  return validity.valid ? "Hợp lệ" : `Không hợp lệ: ${INVALID_REASON_LABELS[validity.reason]}`;
}

/**
 * The canonical text of a ballot, as the clerk would type it with separators: used to show recorded
 * ballots and to put an undone ballot back in the input for correction.
 */
export function ballotToEntryText(ballot: Ballot, candidateCount: number): string {
  const width = positionWidth(candidateCount);
  const body =
    ballot.kind === "cross-out"
      ? ballot.crossedOut.map((p) => String(p).padStart(width, "0")).join(" ")
      : ballot.marks.map((m) => Object.entries(MARK_KEYS).find(([, v]) => v === m)?.[0] ?? "").join("");
  const flags = (Object.keys(DEFECT_KEYS) as DefectKey[]).filter((k) => ballot[DEFECT_KEYS[k]]).join("");
  return flags ? `${body}${body ? " " : ""}${flags}`.trim() : body;
}

/** The fewest keys a ballot needs: every digit at full width, the defect letters, Enter. */
export function minimalKeystrokes(ballot: Ballot, candidateCount: number): number {
  const width = positionWidth(candidateCount);
  const body = ballot.kind === "cross-out" ? ballot.crossedOut.length * width : ballot.marks.length;
  const flags = (Object.keys(DEFECT_KEYS) as DefectKey[]).filter((k) => ballot[DEFECT_KEYS[k]]).length;
  return body + flags + 1;
}

/** The keys to press for a ballot without separators (what the benchmark types), Enter excluded. */
export function ballotKeys(ballot: Ballot, candidateCount: number): string {
  return ballotToEntryText(ballot, candidateCount).replace(/ /g, "");
}
