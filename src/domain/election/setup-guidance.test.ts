import { describe, expect, it } from "vitest";
import { PARTY_190 } from "./rules.ts";
import { type ElectionSetup, type ListedCandidate, listProblemsOf, listWarningsOf } from "./setup.ts";

const setup = (seats: number, settings = PARTY_190.settings): ElectionSetup => ({
  office: "committee",
  seats,
  alternateSeats: 0,
  present: 200,
  furtherRound: false,
  settings,
  base: null,
});

// Synthetic names in ballot order (given names a, b, c …).
const GIVEN = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hòa",
  "Hùng",
  "Khánh",
  "Lan",
  "Linh",
];
const listOf = (n: number, floor: readonly number[] = []): ListedCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    fullName: `Nguyễn Văn ${GIVEN[i % GIVEN.length]}${i >= GIVEN.length ? ` ${i}` : ""}`,
    nominatedBy: floor.includes(i + 1) ? "floor" : "committee",
    floorApprovals: floor.includes(i + 1) ? 70 : null,
  }));

describe("listProblemsOf and listWarningsOf (issue 17)", () => {
  it("accepts an 11-seat list with one or two extra names and warns instead of refusing", () => {
    for (const n of [12, 13]) {
      expect(listProblemsOf(setup(11), listOf(n))).toEqual([]);
      expect(listWarningsOf(setup(11), listOf(n))).toHaveLength(1);
    }
    expect(listWarningsOf(setup(11), listOf(12))[0]).toContain("dư 1 người (9,1%)");
  });

  it("tells a rejected floor nominee the configured approval share", () => {
    const list = listOf(12, [12]);
    const at30 = listProblemsOf(setup(10), list);
    expect(at30).toEqual([]);
    const at40 = listProblemsOf(setup(10, { ...PARTY_190.settings, floorNomineeApprovalPercent: 40 }), list);
    expect(at40).toEqual([
      `${list[11]!.fullName} (ứng cử tại đại hội) chỉ được 70 người đồng ý, cần từ 81 người trở lên (trên 40% số có mặt): không được đưa vào danh sách`,
    ]);
  });
});
