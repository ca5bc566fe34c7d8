import { describe, expect, it } from "vitest";
import { DEFAULT_HIERARCHY, HIERARCHY_2025 } from "../../../test/fixtures/hierarchy.ts";
import { checkMove, checkPlacement, childLevelsOf, describePlacementError } from "./rules.ts";

describe("checkPlacement", () => {
  it("allows the 2020 four-level chain", () => {
    expect(checkPlacement(DEFAULT_HIERARCHY, "province", null)).toEqual({ ok: true, value: undefined });
    expect(checkPlacement(DEFAULT_HIERARCHY, "district_level", "province").ok).toBe(true);
    expect(checkPlacement(DEFAULT_HIERARCHY, "grassroots_committee", "district_level").ok).toBe(true);
    expect(checkPlacement(DEFAULT_HIERARCHY, "branch", "grassroots_committee").ok).toBe(true);
    expect(checkPlacement(DEFAULT_HIERARCHY, "branch", "partial_committee").ok).toBe(true);
  });

  it("refuses a grassroots organisation under a branch and a branch under a grassroots branch", () => {
    expect(checkPlacement(DEFAULT_HIERARCHY, "grassroots_committee", "branch")).toEqual({
      ok: false,
      error: { rule: "parent_wrong_level", level: "grassroots_committee", parentLevel: "branch" },
    });
    expect(checkPlacement(DEFAULT_HIERARCHY, "branch", "grassroots_branch")).toEqual({
      ok: false,
      error: { rule: "parent_wrong_level", level: "branch", parentLevel: "grassroots_branch" },
    });
  });

  it("names the rule in Vietnamese", () => {
    const r = checkPlacement(DEFAULT_HIERARCHY, "branch", "grassroots_branch");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(describePlacementError(r.error, DEFAULT_HIERARCHY)).toBe(
        "Chi bộ trực thuộc không thể trực thuộc Chi bộ cơ sở (chỉ trực thuộc Đảng bộ cơ sở hoặc Đảng bộ bộ phận)",
      );
    }
  });

  it("needs a parent below the top and none at the top", () => {
    expect(checkPlacement(DEFAULT_HIERARCHY, "branch", null)).toEqual({
      ok: false,
      error: { rule: "parent_required", level: "branch" },
    });
    expect(checkPlacement(DEFAULT_HIERARCHY, "province", "province")).toEqual({
      ok: false,
      error: { rule: "top_level_needs_no_parent", level: "province" },
    });
    expect(checkPlacement(DEFAULT_HIERARCHY, "nonsense", "province")).toEqual({
      ok: false,
      error: { rule: "unknown_level", level: "nonsense" },
    });
  });

  it("takes the three-level hierarchy of 2025 from data alone", () => {
    expect(checkPlacement(HIERARCHY_2025, "grassroots_committee", "province").ok).toBe(true);
    expect(checkPlacement(HIERARCHY_2025, "district_level", "province")).toEqual({
      ok: false,
      error: { rule: "unknown_level", level: "district_level" },
    });
    expect(childLevelsOf(HIERARCHY_2025, "province")).toEqual(["grassroots_committee", "grassroots_branch"]);
    expect(childLevelsOf(DEFAULT_HIERARCHY, "province")).toEqual([
      "district_level",
      "grassroots_committee",
      "grassroots_branch",
    ]);
  });
});

describe("checkMove", () => {
  const ward = { code: "QN.HL.HONGGAI", level: "grassroots_committee", path: "1.2.3" };
  it("refuses moving under itself or a descendant", () => {
    expect(
      checkMove(DEFAULT_HIERARCHY, ward, {
        code: "QN.HL.HONGGAI.KP1",
        level: "branch",
        path: "1.2.3.4",
        dissolved: false,
      }),
    ).toEqual({
      ok: false,
      error: { rule: "cycle", codes: ["QN.HL.HONGGAI", "QN.HL.HONGGAI.KP1"] },
    });
    expect(checkMove(DEFAULT_HIERARCHY, ward, { ...ward, dissolved: false }).ok).toBe(false);
  });

  it("does not mistake a sibling whose id shares a prefix for a descendant", () => {
    expect(
      checkMove(DEFAULT_HIERARCHY, ward, {
        code: "QN.CP",
        level: "district_level",
        path: "1.33",
        dissolved: false,
      }).ok,
    ).toBe(true);
  });

  it("refuses a dissolved parent and a wrong level", () => {
    expect(
      checkMove(DEFAULT_HIERARCHY, ward, {
        code: "QN.X",
        level: "district_level",
        path: "1.9",
        dissolved: true,
      }),
    ).toEqual({
      ok: false,
      error: { rule: "parent_dissolved", parentCode: "QN.X" },
    });
    expect(
      checkMove(DEFAULT_HIERARCHY, ward, {
        code: "QN.X.B",
        level: "branch",
        path: "1.9.10",
        dissolved: false,
      }).ok,
    ).toBe(false);
  });
});
