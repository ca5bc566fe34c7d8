import { describe, expect, it } from "vitest";
import {
  type Ballot,
  ballotKindFor,
  checkBallot,
  checkBallotEntry,
  describeBallotEntryError,
  makeBallotSpec,
} from "./ballot.ts";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS } from "./rules.ts";

/** A 5-seat list of 6 candidates (cross-out) and a 3-seat list of 3 (agree/disagree). */
const CROSS_OUT = makeBallotSpec(6, 5, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
const AGREE_DISAGREE = makeBallotSpec(3, 3, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
const SINGLE = makeBallotSpec(1, 1, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
const NO_EXTRAS = { addedName: false, identifyingMark: false, singleNameBothOrNeither: false };

describe("ballotKindFor", () => {
  it("crosses out only a list with surplus", () => {
    expect(ballotKindFor(71, 55)).toBe("cross-out");
    expect(ballotKindFor(5, 5)).toBe("agree-disagree");
    expect(ballotKindFor(1, 1)).toBe("agree-disagree");
  });
});

describe("checkBallot", () => {
  const cases: [string, Ballot, typeof CROSS_OUT, ReturnType<typeof checkBallot>][] = [
    ["keeps exactly the seats", { kind: "cross-out", crossedOut: [6] }, CROSS_OUT, { valid: true }],
    [
      "keeps fewer than the seats",
      { kind: "cross-out", crossedOut: [1, 2, 3, 4, 5] },
      CROSS_OUT,
      { valid: true },
    ],
    [
      "keeps more names than seats",
      { kind: "cross-out", crossedOut: [] },
      CROSS_OUT,
      { valid: false, reason: "keeps-more-than-seats" },
    ],
    [
      "crosses out everyone on a list with surplus",
      { kind: "cross-out", crossedOut: [1, 2, 3, 4, 5, 6] },
      CROSS_OUT,
      { valid: false, reason: "crosses-out-everyone" },
    ],
    [
      "not issued by the counting committee, even if otherwise fine",
      { kind: "cross-out", crossedOut: [6], notIssued: true, identifyingMark: true },
      CROSS_OUT,
      { valid: false, reason: "not-issued" },
    ],
    [
      "adds a name",
      { kind: "cross-out", crossedOut: [6], addedName: true },
      CROSS_OUT,
      { valid: false, reason: "added-name" },
    ],
    [
      "bears an identifying mark",
      { kind: "agree-disagree", marks: ["agree", "agree", "agree"], identifyingMark: true },
      AGREE_DISAGREE,
      { valid: false, reason: "identifying-mark" },
    ],
    [
      "disagrees with everyone on a list without surplus",
      { kind: "agree-disagree", marks: ["disagree", "disagree", "disagree"] },
      AGREE_DISAGREE,
      { valid: true },
    ],
    [
      "ticks both boxes on one row of a multi-name ballot",
      { kind: "agree-disagree", marks: ["agree", "both", "neither"] },
      AGREE_DISAGREE,
      { valid: true },
    ],
    [
      "ticks both boxes on a single-name ballot",
      { kind: "agree-disagree", marks: ["both"] },
      SINGLE,
      { valid: false, reason: "single-name-both-or-neither" },
    ],
    [
      "ticks neither box on a single-name ballot",
      { kind: "agree-disagree", marks: ["neither"] },
      SINGLE,
      { valid: false, reason: "single-name-both-or-neither" },
    ],
  ];
  for (const [what, ballot, spec, expected] of cases) {
    it(what, () => expect(checkBallot(ballot, spec)).toEqual(expected));
  }

  it("applies the extra grounds only when the rule set switches them on", () => {
    const lenient = makeBallotSpec(6, 5, NO_EXTRAS);
    expect(
      checkBallot({ kind: "cross-out", crossedOut: [6], addedName: true, identifyingMark: true }, lenient),
    ).toEqual({
      valid: true,
    });
    expect(checkBallot({ kind: "agree-disagree", marks: ["both"] }, makeBallotSpec(1, 1, NO_EXTRAS))).toEqual(
      {
        valid: true,
      },
    );
    // Not issued by the counting committee is always invalid.
    expect(checkBallot({ kind: "cross-out", crossedOut: [6], notIssued: true }, lenient)).toEqual({
      valid: false,
      reason: "not-issued",
    });
  });
});

describe("checkBallotEntry", () => {
  it("finds entries that cannot be read, with a Vietnamese description", () => {
    const wrongKind = checkBallotEntry({ kind: "agree-disagree", marks: [] }, 3, CROSS_OUT);
    expect(wrongKind).toEqual({ kind: "wrong-ballot-kind", ballot: 3, expected: "cross-out" });
    expect(describeBallotEntryError(wrongKind!)).toBe(
      "Phiếu thứ 4: sai loại phiếu, danh sách này dùng phiếu gạch tên",
    );
    const outOfRange = checkBallotEntry({ kind: "cross-out", crossedOut: [7] }, 0, CROSS_OUT);
    expect(outOfRange).toEqual({ kind: "position-out-of-range", ballot: 0, position: 7, candidateCount: 6 });
    expect(describeBallotEntryError(outOfRange!)).toBe(
      "Phiếu thứ 1: số thứ tự 7 không có trong danh sách (1–6)",
    );
    expect(checkBallotEntry({ kind: "cross-out", crossedOut: [2, 2] }, 1, CROSS_OUT)).toEqual({
      kind: "duplicate-position",
      ballot: 1,
      position: 2,
    });
    expect(checkBallotEntry({ kind: "agree-disagree", marks: ["agree"] }, 0, AGREE_DISAGREE)).toEqual({
      kind: "marks-length",
      ballot: 0,
      expected: 3,
      actual: 1,
    });
    expect(checkBallotEntry({ kind: "cross-out", crossedOut: [6, 1] }, 0, CROSS_OUT)).toBeNull();
  });
});
