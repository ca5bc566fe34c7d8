/**
 * Counting: individual ballots or hand-entered bundle totals become one `Tally`, and every count
 * must satisfy the arithmetic of the minutes (BRIEF §3) before a result is decided from it:
 * collected ≤ issued ≤ present; valid + invalid = collected; each candidate's votes ≤ valid.
 *
 * `tallyBallots` takes an `Iterable` and works with typed arrays and plain loops: a provincial
 * congress may count 100.000 ballots (e.g. a re-verification of every entry) within 100 ms.
 */
import { z } from "zod";
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber } from "../format/number.ts";
import {
  type Ballot,
  type BallotEntryError,
  type BallotSpec,
  checkBallot,
  INVALID_REASONS,
  type InvalidReason,
  invalidReasonSchema,
} from "./ballot.ts";

export type InvalidByReason = Readonly<Record<InvalidReason, number>>;

export interface Tally {
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: InvalidByReason;
  /** Votes per candidate, index = ballot position − 1. */
  readonly votes: readonly number[];
  /**
   * Rows of multi-name agree/disagree ballots ticked both ways or neither: they count for nobody
   * and do not spoil the ballot (unknown for bundle tallies, which carry only totals).
   */
  readonly rowsForNobody: number | null;
}

/** A number of people or ballots. */
export const countSchema = z.number().int("Phải là số nguyên").min(0, "Không được là số âm");
const count = countSchema;

export const invalidByReasonSchema = z.object(
  Object.fromEntries(INVALID_REASONS.map((r) => [r, count])) as Record<InvalidReason, typeof count>,
) satisfies z.ZodType<InvalidByReason>;

export const tallySchema = z.object({
  collected: count,
  valid: count,
  invalid: count,
  invalidByReason: invalidByReasonSchema,
  votes: z.array(count),
  rowsForNobody: count.nullable(),
}) satisfies z.ZodType<Tally>;

export function emptyInvalidByReason(): Record<InvalidReason, number> {
  const out = {} as Record<InvalidReason, number>;
  for (const r of INVALID_REASONS) out[r] = 0;
  return out;
}

/** Counts well-entered ballots; the first unreadable entry is returned as an error. */
export function tallyBallots(ballots: Iterable<Ballot>, spec: BallotSpec): Result<Tally, BallotEntryError> {
  const n = spec.candidateCount;
  // Cross-out ballots: a valid ballot votes for everyone not struck, so count strikes per
  // candidate and subtract from the number of valid ballots at the end (work ∝ strikes, not n).
  const struck = new Uint32Array(n);
  const agreed = new Uint32Array(n);
  // Generation stamps find a position entered twice on one ballot without clearing a set.
  const stamp = new Uint32Array(n);
  const invalidByReason = new Uint32Array(INVALID_REASONS.length);
  const reasonIndex = new Map<InvalidReason, number>(INVALID_REASONS.map((r, i) => [r, i]));
  let generation = 0;
  let index = 0;
  let valid = 0;
  let validCrossOut = 0;
  let rowsForNobody = 0;

  for (const ballot of ballots) {
    generation++;
    if (ballot.kind !== spec.kind)
      return err({ kind: "wrong-ballot-kind", ballot: index, expected: spec.kind });
    if (ballot.kind === "cross-out") {
      const list = ballot.crossedOut;
      const len = list.length;
      for (let i = 0; i < len; i++) {
        const p = list[i]!;
        if (!(p >= 1 && p <= n) || (p | 0) !== p) {
          return err({ kind: "position-out-of-range", ballot: index, position: p, candidateCount: n });
        }
        if (stamp[p - 1] === generation)
          return err({ kind: "duplicate-position", ballot: index, position: p });
        stamp[p - 1] = generation;
      }
      const validity = checkBallot(ballot, spec);
      if (validity.valid) {
        valid++;
        validCrossOut++;
        for (let i = 0; i < len; i++) struck[list[i]! - 1]!++;
      } else {
        invalidByReason[reasonIndex.get(validity.reason)!]!++;
      }
    } else {
      const marks = ballot.marks;
      if (marks.length !== n) {
        return err({ kind: "marks-length", ballot: index, expected: n, actual: marks.length });
      }
      const validity = checkBallot(ballot, spec);
      if (validity.valid) {
        valid++;
        for (let i = 0; i < n; i++) {
          const m = marks[i];
          if (m === "agree") agreed[i]!++;
          else if (m === "both" || m === "neither") rowsForNobody++;
        }
      } else {
        invalidByReason[reasonIndex.get(validity.reason)!]!++;
      }
    }
    index++;
  }

  const votes = new Array<number>(n);
  for (let c = 0; c < n; c++) votes[c] = validCrossOut - struck[c]! + agreed[c]!;
  const byReason = emptyInvalidByReason();
  let invalid = 0;
  INVALID_REASONS.forEach((r, i) => {
    byReason[r] = invalidByReason[i]!;
    invalid += invalidByReason[i]!;
  });
  return ok({
    collected: index,
    valid,
    invalid,
    invalidByReason: byReason,
    votes,
    rowsForNobody: spec.kind === "agree-disagree" ? rowsForNobody : 0,
  });
}

/** Hand-entered totals of one bundle of ballots (e.g. 50 ballots counted at one table). */
export interface BundleTally {
  /** The bundle's label as written on its envelope. */
  readonly bundle: string;
  readonly collected: number;
  readonly valid: number;
  /** Invalid ballots by reason; missing reasons are 0. */
  readonly invalidByReason: Readonly<Partial<Record<InvalidReason, number>>>;
  /** Votes per candidate in ballot order. */
  readonly votes: readonly number[];
}

export interface CountIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A bundle's totals with their invariants; with the list's size and seats known, also the number
 * of vote entries and the most votes the valid ballots can carry (each keeps at most `seats` names).
 */
export function bundleTallySchemaFor(shape?: { readonly candidateCount: number; readonly seats: number }) {
  return z
    .object({
      bundle: z.string().min(1, "Tên tập phiếu không được để trống"),
      collected: count,
      valid: count,
      invalidByReason: z.partialRecord(invalidReasonSchema, count),
      votes: z.array(count),
    })
    .superRefine((b, ctx) => {
      const invalid = sumValues(b.invalidByReason);
      if (b.valid + invalid !== b.collected) {
        ctx.addIssue({
          code: "custom",
          path: ["collected"],
          message: `Số phiếu hợp lệ (${formatNumber(b.valid)}) cộng số phiếu không hợp lệ (${formatNumber(invalid)}) khác số phiếu của tập (${formatNumber(b.collected)})`,
        });
      }
      b.votes.forEach((v, i) => {
        if (v > b.valid) {
          ctx.addIssue({
            code: "custom",
            path: ["votes", i],
            message: `Người số ${i + 1} được ${formatNumber(v)} phiếu, nhiều hơn số phiếu hợp lệ (${formatNumber(b.valid)})`,
          });
        }
      });
      if (!shape) return;
      if (b.votes.length !== shape.candidateCount) {
        ctx.addIssue({
          code: "custom",
          path: ["votes"],
          message: `Có ${b.votes.length} số phiếu, danh sách bầu cử có ${shape.candidateCount} người`,
        });
      }
      const total = b.votes.reduce((a, v) => a + v, 0);
      if (total > b.valid * shape.seats) {
        ctx.addIssue({
          code: "custom",
          path: ["votes"],
          message: `Tổng số phiếu bầu (${formatNumber(total)}) vượt quá số phiếu hợp lệ nhân số lượng cần bầu (${formatNumber(b.valid)} × ${shape.seats})`,
        });
      }
    }) satisfies z.ZodType<BundleTally>;
}

export const bundleTallySchema = bundleTallySchemaFor();

function sumValues(record: Readonly<Partial<Record<string, number>>>): number {
  let s = 0;
  for (const v of Object.values(record)) s += v ?? 0;
  return s;
}

/** Adds up bundle totals after checking each bundle; issues name the bundle's index. */
export function tallyBundles(
  bundles: Iterable<BundleTally>,
  spec: Pick<BallotSpec, "candidateCount" | "seats">,
): Result<Tally, readonly CountIssue[]> {
  const schema = bundleTallySchemaFor(spec);
  const votes = new Array<number>(spec.candidateCount).fill(0);
  const byReason = emptyInvalidByReason();
  const issues: CountIssue[] = [];
  let collected = 0;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  for (const bundle of bundles) {
    const parsed = schema.safeParse(bundle);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: [i, ...issue.path.map(pathKey)], message: issue.message });
      }
    } else {
      collected += bundle.collected;
      valid += bundle.valid;
      for (const r of INVALID_REASONS) {
        const k = bundle.invalidByReason[r] ?? 0;
        byReason[r] += k;
        invalid += k;
      }
      bundle.votes.forEach((v, c) => {
        votes[c]! += v;
      });
    }
    i++;
  }
  if (issues.length > 0) return err(issues);
  return ok({ collected, valid, invalid, invalidByReason: byReason, votes, rowsForNobody: null });
}

export function pathKey(key: PropertyKey): string | number {
  return typeof key === "symbol" ? String(key) : key;
}

/** Ballot figures as far as they are known: any may still be missing. */
export interface PartialBallotFigures {
  readonly present: number | null;
  readonly issued: number | null;
  readonly collected: number | null;
}

/** collected ≤ issued ≤ present, for the figures known so far (the minutes' arithmetic, BRIEF §3). */
export function ballotFigureProblems(
  f: PartialBallotFigures,
): { readonly field: "issued" | "collected"; readonly message: string }[] {
  const problems: { field: "issued" | "collected"; message: string }[] = [];
  if (f.present !== null && f.issued !== null && f.issued > f.present)
    problems.push({
      field: "issued",
      message: `Số phiếu phát ra (${formatNumber(f.issued)}) lớn hơn số người có mặt (${formatNumber(f.present)})`,
    });
  if (f.issued !== null && f.collected !== null && f.collected > f.issued)
    problems.push({
      field: "collected",
      message: `Số phiếu thu vào (${formatNumber(f.collected)}) lớn hơn số phiếu phát ra (${formatNumber(f.issued)})`,
    });
  return problems;
}

/** Every figure of the minutes about ballots, for the invariants between them. */
export interface CountFigures {
  /** Members or delegates present when the ballots were issued. */
  readonly present: number;
  readonly issued: number;
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: InvalidByReason;
  readonly votes: readonly number[];
}

export const countFiguresSchema = z
  .object({
    present: count,
    issued: count,
    collected: count,
    valid: count,
    invalid: count,
    invalidByReason: invalidByReasonSchema,
    votes: z.array(count),
  })
  .superRefine((f, ctx) => {
    for (const p of ballotFigureProblems(f))
      ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
    if (f.valid + f.invalid !== f.collected) {
      ctx.addIssue({
        code: "custom",
        path: ["invalid"],
        message: `Số phiếu hợp lệ (${formatNumber(f.valid)}) cộng số phiếu không hợp lệ (${formatNumber(f.invalid)}) khác số phiếu thu vào (${formatNumber(f.collected)})`,
      });
    }
    const byReason = sumValues(f.invalidByReason);
    if (byReason !== f.invalid) {
      ctx.addIssue({
        code: "custom",
        path: ["invalidByReason"],
        message: `Tổng số phiếu không hợp lệ theo lý do (${formatNumber(byReason)}) khác số phiếu không hợp lệ (${formatNumber(f.invalid)})`,
      });
    }
    f.votes.forEach((v, i) => {
      if (v > f.valid) {
        ctx.addIssue({
          code: "custom",
          path: ["votes", i],
          message: `Người số ${i + 1} được ${formatNumber(v)} phiếu, nhiều hơn số phiếu hợp lệ (${formatNumber(f.valid)})`,
        });
      }
    });
  }) satisfies z.ZodType<CountFigures>;

/** The minutes' figures for a tally, with the attendance and ballots issued from the hall. */
export function checkCountFigures(
  tally: Tally,
  hall: { readonly present: number; readonly issued: number },
): Result<CountFigures, readonly CountIssue[]> {
  const figures: CountFigures = {
    present: hall.present,
    issued: hall.issued,
    collected: tally.collected,
    valid: tally.valid,
    invalid: tally.invalid,
    invalidByReason: tally.invalidByReason,
    votes: tally.votes,
  };
  const parsed = countFiguresSchema.safeParse(figures);
  if (parsed.success) return ok(figures);
  return err(parsed.error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message })));
}
