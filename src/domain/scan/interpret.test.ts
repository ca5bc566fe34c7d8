import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  describeAdjudicationReason,
  interpretScores,
  type StrayMark,
} from "./interpret.ts";

const box = { x: 20, y: 250, w: 30, h: 8 };

describe("interpretScores", () => {
  it("reads clear strokes and blank rows without adjudication", () => {
    const r = interpretScores("cross-out", {
      rows: { kind: "cross-out", ink: [0.02, 0.9, 0, 0.55, 0.1] },
      stray: [],
    });
    expect(r.proposed).toEqual({ kind: "cross-out", crossedOut: [2, 4] });
    expect(r.adjudication).toEqual([]);
    expect(r.rows.map((d) => d.certain)).toEqual([true, true, true, true, true]);
    expect(r.rows[1]).toEqual({ position: 2, reading: "crossed-out", confidence: 1, certain: true });
  });

  it("sends a row between the thresholds to adjudication, proposing the nearer reading", () => {
    const r = interpretScores("cross-out", {
      rows: { kind: "cross-out", ink: [0.02, 0.25, 0.16] },
      stray: [],
    });
    expect(r.proposed).toEqual({ kind: "cross-out", crossedOut: [2] });
    expect(r.adjudication).toEqual([
      { kind: "uncertain-row", position: 2 },
      { kind: "uncertain-row", position: 3 },
    ]);
    expect(r.rows[1]!.confidence).toBeGreaterThan(0.5);
    expect(r.rows[1]!.confidence).toBeLessThan(1);
  });

  it("sends writing below the list and marks elsewhere to adjudication, ignoring dust", () => {
    const below: StrayMark = { region: "write-in", areaMm2: 40, box };
    const elsewhere: StrayMark = { region: "elsewhere", areaMm2: 12, box };
    const dust: StrayMark = { region: "elsewhere", areaMm2: DEFAULT_THRESHOLDS.strayMarkMm2 - 1, box };
    const r = interpretScores("cross-out", {
      rows: { kind: "cross-out", ink: [0, 0.9] },
      stray: [below, elsewhere, dust],
    });
    expect(r.adjudication).toEqual([
      { kind: "possible-added-name", mark: below },
      { kind: "mark-outside-rows", mark: elsewhere },
    ]);
    expect(r.adjudication.map(describeAdjudicationReason)).toEqual([
      "Có chữ viết dưới danh sách (có thể ghi thêm tên)",
      "Có dấu ngoài các dòng tên (có thể là dấu riêng)",
    ]);
  });

  it("reads agree/disagree boxes, including both and neither, and doubts a faint box", () => {
    const r = interpretScores("agree-disagree", {
      rows: {
        kind: "agree-disagree",
        boxes: [
          { agree: 0.3, disagree: 0 },
          { agree: 0.005, disagree: 0.25 },
          { agree: 0.3, disagree: 0.3 },
          { agree: 0, disagree: 0.002 },
          { agree: 0.025, disagree: 0 },
        ],
      },
      stray: [],
    });
    expect(r.proposed).toEqual({
      kind: "agree-disagree",
      marks: ["agree", "disagree", "both", "neither", "agree"],
    });
    expect(r.adjudication).toEqual([{ kind: "uncertain-row", position: 5 }]);
  });

  it("refuses scores of the other ballot kind (a bug, not a reading)", () => {
    expect(() =>
      interpretScores("agree-disagree", { rows: { kind: "cross-out", ink: [] }, stray: [] }),
    ).toThrow();
  });
});
