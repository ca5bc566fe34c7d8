import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { makeBallotSpec } from "./ballot.ts";
import { computeBase } from "./base.ts";
import { decideElection, type PartyElectionResult } from "./decide.ts";
import { buildCrossOutBallots } from "./fixtures.ts";
import { PARTY_190 } from "./rules.ts";
import { emptyInvalidByReason, type Tally, tallyBallots } from "./tally.ts";

interface Case {
  readonly n: number;
  readonly seats: number;
  readonly alternateSeats: number;
  readonly convened: number;
  readonly valid: number;
  readonly votes: readonly number[];
}

/** A count from hand totals: N convened (all present), `valid` valid ballots, votes ≤ valid. */
const arbitraryCase: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 15 }),
    convened: fc.integer({ min: 1, max: 80 }),
    alternates: fc.boolean(),
  })
  .chain(({ n, convened, alternates }) =>
    fc.record({
      n: fc.constant(n),
      seats: fc.integer({ min: 1, max: n }),
      alternateSeats: alternates ? fc.integer({ min: 0, max: 3 }) : fc.constant(0),
      convened: fc.constant(convened),
      valid: fc.integer({ min: 0, max: convened }),
    }),
  )
  .chain((c) =>
    fc.record({
      n: fc.constant(c.n),
      seats: fc.constant(c.seats),
      alternateSeats: fc.constant(c.alternateSeats),
      convened: fc.constant(c.convened),
      valid: fc.constant(c.valid),
      votes: fc.array(fc.integer({ min: 0, max: c.valid }), { minLength: c.n, maxLength: c.n }),
    }),
  );

function decideCase(c: Case): PartyElectionResult {
  const tally: Tally = {
    collected: c.valid,
    valid: c.valid,
    invalid: 0,
    invalidByReason: emptyInvalidByReason(),
    votes: c.votes,
    rowsForNobody: null,
  };
  return unwrap(
    decideElection({
      ruleSet: PARTY_190,
      election: {
        office: c.alternateSeats > 0 ? "upper_congress_delegates" : "committee",
        seats: c.seats,
        alternateSeats: c.alternateSeats,
        candidates: c.votes.map((_, i) => ({ id: `p${i + 1}`, name: `Ứng cử viên ${i + 1}` })),
        round: 1,
        electingOrganisation: "committee",
      },
      base: unwrap(
        computeBase(
          {
            kind: "delegates-congress",
            convened: c.convened,
            conveningCommitteeMembersAbsent: 0,
            delegatesAbsentWithoutAlternate: 0,
          },
          PARTY_190.settings,
        ),
      ),
      tally,
      hall: { present: c.convened, issued: c.valid },
    }),
  );
}

describe("decideElection properties", () => {
  it("never elects more than the seats, and everyone elected has strictly more than half of N", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const r = decideCase(c);
        expect(r.elected.length).toBeLessThanOrEqual(c.seats);
        expect(r.alternates.length).toBeLessThanOrEqual(c.alternateSeats);
        for (const e of [...r.elected, ...r.alternates]) expect(2 * e.votes).toBeGreaterThan(c.convened);
        // Elected in descending order of votes, and every elected outranks every alternate.
        const listed = [...r.elected, ...r.alternates].map((e) => e.votes);
        expect(listed).toEqual([...listed].sort((a, b) => b - a));
        // Filled seats, tied places and open seats account for every seat.
        const tiedPlaces = r.ties.filter((t) => t.for === "seats").reduce((a, t) => a + t.places, 0);
        expect(r.elected.length + tiedPlaces + r.openSeats).toBe(c.seats);
      }),
    );
  });

  it("adding a vote for an elected candidate never un-elects them", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const before = decideCase(c);
        for (const e of before.elected) {
          if (e.votes >= c.valid) continue;
          const votes = c.votes.map((v, i) => (i === e.position - 1 ? v + 1 : v));
          const after = decideCase({ ...c, votes });
          expect(after.elected.map((x) => x.id)).toContain(e.id);
        }
      }),
    );
  });

  it("the order ballots are entered in never changes the result", () => {
    fc.assert(
      fc.property(
        fc
          .record({ n: fc.integer({ min: 2, max: 10 }), valid: fc.integer({ min: 1, max: 40 }) })
          .chain(({ n, valid }) =>
            fc.record({
              seats: fc.integer({ min: 1, max: n - 1 }),
              votes: fc.array(fc.integer({ min: 0, max: valid }), { minLength: n, maxLength: n }),
              valid: fc.constant(valid),
              seed: fc.integer(),
            }),
          ),
        ({ seats, votes, valid, seed }) => {
          // Only ballots that keep at most `seats` names are valid; count what the ballots say.
          const ballots = buildCrossOutBallots(votes, valid);
          const shuffled = [...ballots];
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const spec = makeBallotSpec(votes.length, seats, PARTY_190.settings.extraInvalidityGrounds);
          const decideFrom = (order: typeof ballots) => {
            const tally = unwrap(tallyBallots(order, spec));
            return unwrap(
              decideElection({
                ruleSet: PARTY_190,
                election: {
                  office: "committee",
                  seats,
                  alternateSeats: 0,
                  candidates: votes.map((_, i) => ({ id: `p${i + 1}`, name: `Ứng cử viên ${i + 1}` })),
                  round: 1,
                  electingOrganisation: "committee",
                },
                base: unwrap(
                  computeBase(
                    {
                      kind: "delegates-congress",
                      convened: 40,
                      conveningCommitteeMembersAbsent: 0,
                      delegatesAbsentWithoutAlternate: 0,
                    },
                    PARTY_190.settings,
                  ),
                ),
                tally,
                hall: { present: 40, issued: valid },
              }),
            );
          };
          expect(decideFrom(shuffled)).toEqual(decideFrom(ballots));
        },
      ),
    );
  });
});
