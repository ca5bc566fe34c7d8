import { describe, expect, it } from "vitest";
import { kindFitsLevel, sectorCodeOf } from "./kinds.ts";
import type { KindDef, LevelDef } from "./types.ts";

// The default vocabulary (migration 0002).
const level = (code: string, rank: number, allowedParents: string[], isGrassroots = false): LevelDef => ({
  code,
  name: code,
  rank,
  allowedParents,
  isGrassroots,
});
const LEVELS = [
  level("province", 0, []),
  level("district_level", 1, ["province"]),
  level("grassroots_committee", 2, ["district_level", "province"], true),
  level("grassroots_branch", 2, ["district_level", "province"], true),
  level("partial_committee", 3, ["grassroots_committee"]),
  level("branch", 4, ["grassroots_committee", "partial_committee"]),
];
const kind = (code: string, name: string, family: KindDef["family"], isCommuneLevel = false): KindDef => ({
  code,
  name,
  family,
  isCommuneLevel,
  isRural: false,
});
const KINDS = [
  kind("province", "Tỉnh", "territorial"),
  kind("city", "Thành phố", "territorial"),
  kind("town", "Thị xã", "territorial"),
  kind("district", "Huyện", "territorial"),
  kind("commune", "Xã", "territorial", true),
  kind("ward", "Phường", "territorial", true),
  kind("township", "Thị trấn", "territorial", true),
  kind("village", "Thôn, bản, khu phố", "territorial"),
  kind("agency", "Cơ quan", "sector"),
  kind("enterprise", "Doanh nghiệp", "sector"),
  kind("police", "Công an", "sector"),
];
const fitting = (levelCode: string) =>
  KINDS.filter((k) => kindFitsLevel(k, LEVELS.find((l) => l.code === levelCode)!, LEVELS)).map((k) => k.name);

describe("kindFitsLevel", () => {
  it("offers a branch its village or a sector kind, never Thành phố, Xã or Huyện", () => {
    expect(fitting("branch")).toEqual(["Thôn, bản, khu phố", "Cơ quan", "Doanh nghiệp", "Công an"]);
    expect(fitting("partial_committee")).toEqual(fitting("branch"));
  });

  it("offers a grassroots committee the commune-level kinds and the sector kinds", () => {
    expect(fitting("grassroots_committee")).toEqual([
      "Xã",
      "Phường",
      "Thị trấn",
      "Cơ quan",
      "Doanh nghiệp",
      "Công an",
    ]);
  });

  it("offers the level under the province the territories above the communes and the sector kinds", () => {
    expect(fitting("district_level")).toEqual([
      "Tỉnh",
      "Thành phố",
      "Thị xã",
      "Huyện",
      "Cơ quan",
      "Doanh nghiệp",
      "Công an",
    ]);
    expect(fitting("province")).toEqual(["Tỉnh", "Thành phố", "Thị xã", "Huyện"]);
  });
});

describe("sectorCodeOf", () => {
  it("reads the sector's Vietnamese name, with or without diacritics, and keeps a code as typed", () => {
    expect(sectorCodeOf("Than")).toBe("coal");
    expect(sectorCodeOf(" ngành than ")).toBe("coal");
    expect(sectorCodeOf("coal")).toBe("coal");
    expect(sectorCodeOf("y_te")).toBe("y_te");
  });
});
