import { describe, expect, it } from "vitest";
import { DEFAULT_EXTRA_INVALIDITY_GROUNDS, makeBallotSpec } from "../../../domain/election/index.ts";
import {
  ballotKeys,
  ballotToEntryText,
  entryProblemMessage,
  minimalKeystrokes,
  normaliseEntryText,
  parseEntry,
  positionWidth,
  validityLabel,
} from "./ballotEntry.ts";

/** A provincial committee: 60 names for 55 seats (cross-out, typed two digits a name). */
const committee = makeBallotSpec(60, 55, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
/** A branch committee: 6 names for 5 seats (one digit a name). */
const branch = makeBallotSpec(6, 5, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
/** The standing committee without surplus: 3 names for 3 seats (agree/disagree). */
const standing = makeBallotSpec(3, 3, DEFAULT_EXTRA_INVALIDITY_GROUNDS);
/** The secretary elected directly: one name. */
const secretary = makeBallotSpec(1, 1, DEFAULT_EXTRA_INVALIDITY_GROUNDS);

describe("positionWidth", () => {
  it("is the digits of the list length", () => {
    expect([1, 9, 10, 55, 99, 100].map(positionWidth)).toEqual([1, 1, 2, 2, 2, 3]);
  });
});

describe("parseEntry on a cross-out ballot", () => {
  it("splits fixed-width numbers as they are typed", () => {
    const parsed = parseEntry("0512", committee);
    expect(parsed.positions).toEqual([5, 12]);
    expect(parsed.pending).toBe("");
    expect(parsed.ballot).toEqual({ kind: "cross-out", crossedOut: [5, 12] });
  });

  it("shows an unfinished number as it stands and counts it at Enter", () => {
    const parsed = parseEntry("05 7", committee);
    expect(parsed.positions).toEqual([5, 7]);
    expect(parsed.pending).toBe("7");
  });

  it("accepts spaces and commas as separators", () => {
    expect(parseEntry("5, 12,3", committee).positions).toEqual([5, 12, 3]);
    expect(parseEntry("5 12 3", committee).positions).toEqual([5, 12, 3]);
  });

  it("judges validity with the domain: five names struck from 60 for 55 seats is valid", () => {
    const parsed = parseEntry("0102030405", committee);
    expect(parsed.problem).toBeNull();
    expect(parsed.validity).toEqual({ valid: true });
    expect(validityLabel(parsed.validity)).toBe("Hợp lệ");
  });

  it("reports a ballot keeping more names than seats as invalid with the minutes' reason", () => {
    const parsed = parseEntry("0102", committee);
    expect(parsed.problem).toBeNull();
    expect(parsed.validity).toEqual({ valid: false, reason: "keeps-more-than-seats" });
    expect(validityLabel(parsed.validity)).toBe("Không hợp lệ: Phiếu để số người nhiều hơn số lượng cần bầu");
  });

  it("reports crossing out everyone as invalid", () => {
    expect(parseEntry("123456", branch).validity).toEqual({ valid: false, reason: "crosses-out-everyone" });
  });

  it("refuses a number not on the list and a number typed twice, with a Vietnamese message", () => {
    const outOfRange = parseEntry("0561", committee);
    expect(outOfRange.problem).toEqual({
      kind: "entry",
      error: { kind: "position-out-of-range", ballot: 1, position: 61, candidateCount: 60 },
    });
    expect(entryProblemMessage(outOfRange.problem!)).toBe("Không có số thứ tự 61 trong danh sách (1–60).");
    const zero = parseEntry("00", committee);
    expect(zero.problem?.kind).toBe("entry");
    const twice = parseEntry("0505", committee);
    expect(entryProblemMessage(twice.problem!)).toBe("Số thứ tự 5 đã gõ hai lần.");
  });

  it("reads the defect letters anywhere and applies them before the count of names", () => {
    const parsed = parseEntry("p0102030405", committee);
    expect(parsed.ballot).toEqual({ kind: "cross-out", crossedOut: [1, 2, 3, 4, 5], notIssued: true });
    expect(parsed.validity).toEqual({ valid: false, reason: "not-issued" });
    expect(parseEntry("3K", branch).validity).toEqual({ valid: false, reason: "identifying-mark" });
  });

  it("drops keys it does not understand", () => {
    expect(normaliseEntryText("0a5-x1 2,,  3", committee)).toBe("051 2 3");
    expect(parseEntry("0a5-x12", committee).positions).toEqual([5, 12]);
  });

  it("keeps a lone separator from making an empty number", () => {
    expect(parseEntry(" ,05", committee).positions).toEqual([5]);
  });
});

describe("parseEntry on an agree/disagree ballot", () => {
  it("reads one mark a row", () => {
    const parsed = parseEntry("120", standing);
    expect(parsed.ballot).toEqual({ kind: "agree-disagree", marks: ["agree", "disagree", "neither"] });
    expect(parsed.problem).toBeNull();
    // A row ticked neither way on a multi-name ballot counts for nobody but does not spoil it.
    expect(parsed.validity).toEqual({ valid: true });
  });

  it("asks for the missing rows before Enter", () => {
    const parsed = parseEntry("1", standing);
    expect(parsed.problem).toEqual({ kind: "incomplete", typed: 1, expected: 3 });
    expect(entryProblemMessage(parsed.problem!)).toMatch(/^Còn thiếu 2 dòng/);
    expect(entryProblemMessage(parseEntry("1111", standing).problem!)).toBe(
      "Thừa 1 dấu: phiếu chỉ có 3 dòng.",
    );
  });

  it("spoils a single-name ballot ticked both ways", () => {
    expect(parseEntry("3", secretary).validity).toEqual({
      valid: false,
      reason: "single-name-both-or-neither",
    });
    expect(parseEntry("1", secretary).validity).toEqual({ valid: true });
  });

  it("ignores separators (every key is a row)", () => {
    expect(parseEntry("1 2 1", standing).ballot).toEqual({
      kind: "agree-disagree",
      marks: ["agree", "disagree", "agree"],
    });
  });
});

describe("ballotToEntryText, ballotKeys and minimalKeystrokes", () => {
  it("writes a ballot back as typed, and round-trips through parseEntry", () => {
    const ballot = { kind: "cross-out" as const, crossedOut: [5, 12, 60], identifyingMark: true };
    expect(ballotToEntryText(ballot, 60)).toBe("05 12 60 k");
    expect(parseEntry(ballotToEntryText(ballot, 60), committee).ballot).toEqual(ballot);
    expect(ballotKeys(ballot, 60)).toBe("051260k");
    expect(minimalKeystrokes(ballot, 60)).toBe(8);
  });

  it("writes agree/disagree marks as their keys", () => {
    const ballot = { kind: "agree-disagree" as const, marks: ["agree", "both", "neither"] as const };
    expect(ballotToEntryText({ ...ballot, marks: [...ballot.marks] }, 3)).toBe("130");
    expect(minimalKeystrokes({ ...ballot, marks: [...ballot.marks] }, 3)).toBe(4);
  });

  it("types the fewest keys: the ballot's keys plus Enter equal the minimum", () => {
    for (const crossedOut of [[1], [9, 10, 11, 55], [], [60, 1]]) {
      const ballot = { kind: "cross-out" as const, crossedOut };
      expect(ballotKeys(ballot, 60).length + 1).toBe(minimalKeystrokes(ballot, 60));
      expect(parseEntry(ballotKeys(ballot, 60), committee).positions).toEqual(crossedOut);
    }
  });
});
