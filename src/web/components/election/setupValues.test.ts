import { describe, expect, it } from "vitest";
import { bodyOf, parseCandidateLines, valuesOf } from "./setupValues.ts";

describe("parseCandidateLines", () => {
  it("reads one name a line, a floor nominee with the number who approved", () => {
    expect(parseCandidateLines("  Nguyễn Văn An \n\nTrần Thị Bình | 1.150\nLê Văn Cường|x")).toEqual([
      { fullName: "Nguyễn Văn An" },
      { fullName: "Trần Thị Bình", nominatedBy: "floor", floorApprovals: 1150 },
      { fullName: "Lê Văn Cường" },
    ]);
  });
});

describe("candidates linked to the people register", () => {
  it("reads #id after the name and writes it back", () => {
    const lines = parseCandidateLines("Nguyễn Văn An #123\nTrần Thị Bình #45 | 150\nLê Văn Cường");
    expect(lines).toEqual([
      { fullName: "Nguyễn Văn An", personId: 123 },
      { fullName: "Trần Thị Bình", personId: 45, nominatedBy: "floor", floorApprovals: 150 },
      { fullName: "Lê Văn Cường" },
    ]);
    const dto = {
      candidates: [
        { fullName: "Nguyễn Văn An", personId: 123, nominatedBy: "committee", floorApprovals: null },
        { fullName: "Trần Thị Bình", personId: 45, nominatedBy: "floor", floorApprovals: 150 },
      ],
    } as unknown as Parameters<typeof valuesOf>[0];
    expect(valuesOf(dto).candidatesText).toBe("Nguyễn Văn An #123\nTrần Thị Bình #45 | 150");
  });
});

describe("bodyOf and valuesOf", () => {
  it("builds the API body with only the subtractions of the chosen base", () => {
    const values = {
      ...valuesOf(undefined),
      title: "Ban Chấp hành khóa XXV",
      seats: 3,
      baseKind: "delegates-congress" as const,
      convened: 200,
      subtractions: { delegatesAbsentWithoutAlternate: 4, absentWithLeave: 9 },
      committeeText: "Trần Thị Lan | Trưởng ban\nLê Văn Hùng",
      candidatesText: "Nguyễn Văn An\nTrần Thị Bình",
      heldOn: "",
    };
    expect(bodyOf(values)).toMatchObject({
      title: "Ban Chấp hành khóa XXV",
      seats: 3,
      base: {
        kind: "delegates-congress",
        convened: 200,
        conveningCommitteeMembersAbsent: 0,
        delegatesAbsentWithoutAlternate: 4,
      },
      heldOn: null,
      countingCommittee: [
        { fullName: "Trần Thị Lan", role: "Trưởng ban" },
        { fullName: "Lê Văn Hùng", role: "Ủy viên" },
      ],
      candidates: [{ fullName: "Nguyễn Văn An" }, { fullName: "Trần Thị Bình" }],
    });
    expect(bodyOf(values).base).not.toHaveProperty("absentWithLeave");
  });

  it("leaves the base unset until the number convened is given", () => {
    expect(bodyOf(valuesOf(undefined)).base).toBeNull();
  });
});
