import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { type Ballot, type BallotSpec, makeBallotSpec } from "./ballot.ts";
import { BRANCH_COMMITTEE, buildCrossOutBallots, PROVINCIAL_COMMITTEE } from "./fixtures.ts";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS } from "./rules.ts";
import {
  bundleTallySchema,
  checkCountFigures,
  emptyInvalidByReason,
  type Tally,
  tallyBallots,
  tallyBundles,
} from "./tally.ts";

const BRANCH_SPEC = makeBallotSpec(6, 5, DEFAULT_EXTRA_INVALIDITY_GROUNDS);

describe("tallyBallots", () => {
  it("counts the 5-seat branch committee's ballots with the reason of every invalid one", () => {
    const ballots: Ballot[] = [
      ...buildCrossOutBallots([38, 35, 30, 27, 25, 25], 41),
      { kind: "cross-out", crossedOut: [1, 2, 3, 4, 5, 6] },
      { kind: "cross-out", crossedOut: [], notIssued: true },
    ];
    expect(tallyBallots(ballots, BRANCH_SPEC)).toEqual({
      ok: true,
      value: {
        collected: 43,
        valid: 41,
        invalid: 2,
        invalidByReason: { ...emptyInvalidByReason(), "crosses-out-everyone": 1, "not-issued": 1 },
        votes: [38, 35, 30, 27, 25, 25],
        rowsForNobody: 0,
      },
    });
  });

  it("counts a both/neither row of a multi-name agree/disagree ballot for nobody", () => {
    const spec = makeBallotSpec(3, 3, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
    const ballots: Ballot[] = [
      { kind: "agree-disagree", marks: ["agree", "agree", "agree"] },
      { kind: "agree-disagree", marks: ["agree", "both", "disagree"] },
      { kind: "agree-disagree", marks: ["neither", "agree", "agree"] },
      { kind: "agree-disagree", marks: ["agree", "agree", "agree"], identifyingMark: true },
    ];
    expect(unwrap(tallyBallots(ballots, spec))).toEqual({
      collected: 4,
      valid: 3,
      invalid: 1,
      invalidByReason: { ...emptyInvalidByReason(), "identifying-mark": 1 },
      votes: [2, 2, 2],
      rowsForNobody: 2,
    });
  });

  it("accepts any iterable, such as a generator reading ballots one at a time", () => {
    function* ballots(): Generator<Ballot> {
      yield { kind: "cross-out", crossedOut: [6] };
      yield { kind: "cross-out", crossedOut: [1, 6] };
    }
    expect(unwrap(tallyBallots(ballots(), BRANCH_SPEC)).votes).toEqual([1, 2, 2, 2, 2, 0]);
  });

  it("stops at the first entry that cannot be read", () => {
    const ballots: Ballot[] = [
      { kind: "cross-out", crossedOut: [6] },
      { kind: "cross-out", crossedOut: [3, 3] },
    ];
    expect(tallyBallots(ballots, BRANCH_SPEC)).toEqual({
      ok: false,
      error: { kind: "duplicate-position", ballot: 1, position: 3 },
    });
    expect(tallyBallots([{ kind: "cross-out", crossedOut: [0] }], BRANCH_SPEC)).toEqual({
      ok: false,
      error: { kind: "position-out-of-range", ballot: 0, position: 0, candidateCount: 6 },
    });
    expect(tallyBallots([{ kind: "agree-disagree", marks: ["agree"] }], BRANCH_SPEC)).toEqual({
      ok: false,
      error: { kind: "wrong-ballot-kind", ballot: 0, expected: "cross-out" },
    });
  });

  it("gives the same totals from individual ballots as from bundle totals of the same ballots", () => {
    const p = PROVINCIAL_COMMITTEE;
    const spec = makeBallotSpec(71, 55, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
    const whole = unwrap(tallyBallots(p.ballots, spec));
    const bundles = [];
    for (let start = 0; start < p.ballots.length; start += 50) {
      const t = unwrap(tallyBallots(p.ballots.slice(start, start + 50), spec));
      bundles.push({
        bundle: `Tập ${bundles.length + 1}`,
        collected: t.collected,
        valid: t.valid,
        invalidByReason: t.invalidByReason,
        votes: t.votes,
      });
    }
    expect(bundles).toHaveLength(7);
    expect(unwrap(tallyBundles(bundles, { candidateCount: 71, seats: 55 }))).toEqual({
      ...whole,
      rowsForNobody: null,
    });
    expect(whole.votes).toEqual(p.votes);
  });
});

describe("tallyBundles", () => {
  it("rejects hand-entered totals that break the arithmetic, naming bundle and field", () => {
    const result = tallyBundles(
      [
        { bundle: "Tập 1", collected: 20, valid: 20, invalidByReason: {}, votes: [20, 20, 20, 20, 20, 0] },
        {
          bundle: "Tập 2",
          collected: 22,
          valid: 20,
          invalidByReason: { "not-issued": 1 },
          votes: [21, 20, 20, 20, 20, 20],
        },
      ],
      { candidateCount: 6, seats: 5 },
    );
    expect(result).toEqual({
      ok: false,
      error: [
        {
          path: [1, "collected"],
          message: "Số phiếu hợp lệ (20) cộng số phiếu không hợp lệ (1) khác số phiếu của tập (22)",
        },
        { path: [1, "votes", 0], message: "Người số 1 được 21 phiếu, nhiều hơn số phiếu hợp lệ (20)" },
        {
          path: [1, "votes"],
          message: "Tổng số phiếu bầu (121) vượt quá số phiếu hợp lệ nhân số lượng cần bầu (20 × 5)",
        },
      ],
    });
  });

  it("checks a bundle on its own with the context-free schema", () => {
    expect(
      bundleTallySchema.safeParse({ bundle: "", collected: 1, valid: 1, invalidByReason: {}, votes: [1] })
        .success,
    ).toBe(false);
  });
});

describe("checkCountFigures", () => {
  it("accepts the branch count whose figures agree", () => {
    const t = unwrap(tallyBallots(buildCrossOutBallots([38, 35, 30, 27, 25, 25], 41), BRANCH_SPEC));
    expect(checkCountFigures(t, BRANCH_COMMITTEE.hall)).toEqual({
      ok: true,
      value: { present: 42, issued: 42, ...t, rowsForNobody: undefined },
    });
  });

  it("names collected > issued", () => {
    const t = unwrap(tallyBallots(buildCrossOutBallots([3, 3, 3, 3, 3, 0], 3), BRANCH_SPEC));
    expect(checkCountFigures(t, { present: 10, issued: 2 })).toEqual({
      ok: false,
      error: [{ path: ["collected"], message: "Số phiếu thu vào (3) lớn hơn số phiếu phát ra (2)" }],
    });
  });
});

/** Random well-entered ballots for a list of `n` with `seats`, valid or not. */
function arbitraryElection(): fc.Arbitrary<{ spec: BallotSpec; ballots: Ballot[] }> {
  return fc
    .integer({ min: 1, max: 12 })
    .chain((n) => fc.record({ n: fc.constant(n), seats: fc.integer({ min: 1, max: n }) }))
    .chain(({ n, seats }) => {
      const spec = makeBallotSpec(n, seats, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
      // Defects are rare on real ballots: about one in ten each.
      const rare = fc.integer({ min: 0, max: 9 }).map((x) => x === 0);
      const defects = { notIssued: rare, addedName: rare, identifyingMark: rare };
      const ballot: fc.Arbitrary<Ballot> =
        spec.kind === "cross-out"
          ? fc.record({
              kind: fc.constant("cross-out" as const),
              crossedOut: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i + 1)),
              ...defects,
            })
          : fc.record({
              kind: fc.constant("agree-disagree" as const),
              marks: fc.array(fc.constantFrom("agree", "disagree", "both", "neither"), {
                minLength: n,
                maxLength: n,
              }),
              ...defects,
            });
      return fc.record({ spec: fc.constant(spec), ballots: fc.array(ballot, { maxLength: 60 }) });
    });
}

describe("tallyBallots properties", () => {
  it("valid + invalid = collected, and no candidate has more votes than valid ballots", () => {
    fc.assert(
      fc.property(arbitraryElection(), ({ spec, ballots }) => {
        const t = unwrap(tallyBallots(ballots, spec));
        expect(t.valid + t.invalid).toBe(t.collected);
        expect(t.collected).toBe(ballots.length);
        expect(Object.values(t.invalidByReason).reduce((a, b) => a + b, 0)).toBe(t.invalid);
        for (const v of t.votes) expect(v).toBeLessThanOrEqual(t.valid);
        expect(t.votes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(t.valid * spec.seats);
      }),
    );
  });

  it("does not depend on the order the ballots are entered in", () => {
    fc.assert(
      fc.property(
        arbitraryElection().chain((e) =>
          fc.record({
            e: fc.constant(e),
            order: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }),
          }),
        ),
        ({ e, order }) => {
          const a: Tally = unwrap(tallyBallots(e.ballots, e.spec));
          expect(unwrap(tallyBallots(order, e.spec))).toEqual(a);
        },
      ),
    );
  });
});
