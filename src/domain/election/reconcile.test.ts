import { describe, expect, it } from "vitest";
import type { Ballot } from "./ballot.ts";
import { reconcileBundleEntries } from "./reconcile.ts";

const bundle: Ballot[] = [
  { kind: "cross-out", crossedOut: [3, 17] },
  { kind: "cross-out", crossedOut: [1] },
  { kind: "cross-out", crossedOut: [] },
  { kind: "cross-out", crossedOut: [5, 6, 7] },
];

describe("reconcileBundleEntries", () => {
  it("accepts a bundle when every clerk entered the same ballots (order of numbers within a ballot aside)", () => {
    const second: Ballot[] = bundle.map((b) =>
      b.kind === "cross-out" ? { ...b, crossedOut: [...b.crossedOut].reverse() } : b,
    );
    expect(reconcileBundleEntries([bundle, second, bundle])).toEqual({
      ok: true,
      value: { agreed: true, ballots: bundle },
    });
  });

  it("lists the ballots and candidates where three clerks differ", () => {
    const second: Ballot[] = [
      { kind: "cross-out", crossedOut: [3, 18] },
      bundle[1]!,
      { kind: "cross-out", crossedOut: [], identifyingMark: true },
      bundle[3]!,
    ];
    const third: Ballot[] = [bundle[0]!, bundle[1]!, bundle[2]!];
    expect(reconcileBundleEntries([bundle, second, third])).toEqual({
      ok: true,
      value: {
        agreed: false,
        counts: [4, 4, 3],
        differences: [
          { ballot: 1, candidates: [17, 18], defects: [], kindDiffers: false, missingIn: [] },
          { ballot: 3, candidates: [], defects: ["identifyingMark"], kindDiffers: false, missingIn: [] },
          { ballot: 4, candidates: [], defects: [], kindDiffers: false, missingIn: [2] },
        ],
      },
    });
  });

  it("compares agree/disagree rows and flags a ballot entered as the wrong form", () => {
    const a: Ballot[] = [{ kind: "agree-disagree", marks: ["agree", "agree", "disagree"] }];
    const b: Ballot[] = [{ kind: "agree-disagree", marks: ["agree", "both", "disagree"] }];
    expect(reconcileBundleEntries([a, b])).toEqual({
      ok: true,
      value: {
        agreed: false,
        counts: [1, 1],
        differences: [{ ballot: 1, candidates: [2], defects: [], kindDiffers: false, missingIn: [] }],
      },
    });
    const c: Ballot[] = [{ kind: "cross-out", crossedOut: [1] }];
    const r = reconcileBundleEntries([a, c]);
    expect(r.ok && !r.value.agreed && r.value.differences).toEqual([
      { ballot: 1, candidates: [1, 2, 3], defects: [], kindDiffers: true, missingIn: [] },
    ]);
  });

  it("needs two or three entries", () => {
    expect(reconcileBundleEntries([bundle])).toEqual({
      ok: false,
      error: { kind: "wrong-number-of-entries", entries: 1 },
    });
  });
});
