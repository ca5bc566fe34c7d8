/**
 * Which kinds (loại hình) fit an organisation of a level. The vocabulary is data (org_kind,
 * org_level), so the rule reads the kinds' and levels' attributes, not their names:
 *
 * - a commune-level kind (Xã, Phường, Thị trấn) is a grassroots committee's territory;
 * - the village kind (Thôn, bản, khu phố) is what a branch below the grassroots serves;
 * - the other territorial kinds (Tỉnh, Thành phố, Thị xã, Huyện) are the territories above the
 *   grassroots;
 * - sector kinds (Cơ quan, Doanh nghiệp, Công an…) fit any level below the top.
 *
 * A branch is therefore never offered Thành phố, Xã or Huyện (issue 19 item 9).
 */
import { foldDiacritics } from "../format/text.ts";
import type { KindDef, LevelDef } from "./types.ts";

/** Vietnamese names of the sector codes the data uses (the seed singles out "ngành Than"). */
export const SECTOR_NAMES: Readonly<Record<string, string>> = { coal: "Than" };

/**
 * The sector code a user means: "Than", "than" or "ngành than" name the code "coal"; anything else
 * is taken as a code as typed.
 */
export function sectorCodeOf(text: string): string {
  const typed = foldDiacritics(text.trim().toLowerCase()).replace(/^nganh\s+/, "");
  for (const [code, name] of Object.entries(SECTOR_NAMES))
    if (foldDiacritics(name.toLowerCase()) === typed) return code;
  return text.trim();
}

/** The village kind of the default vocabulary (migration 0002), also used by the indicators. */
export const VILLAGE_KIND = "village";

type Tier = "top" | "above" | "grassroots" | "below";

function tierOf(
  level: Pick<LevelDef, "rank" | "allowedParents" | "isGrassroots">,
  levels: readonly Pick<LevelDef, "rank" | "isGrassroots">[],
): Tier {
  if (level.isGrassroots) return "grassroots";
  if (level.allowedParents.length === 0) return "top";
  const grassrootsRanks = levels.filter((l) => l.isGrassroots).map((l) => l.rank);
  if (grassrootsRanks.length === 0) return "above";
  return level.rank < Math.min(...grassrootsRanks) ? "above" : "below";
}

export function kindFitsLevel(
  kind: Pick<KindDef, "code" | "family" | "isCommuneLevel">,
  level: Pick<LevelDef, "rank" | "allowedParents" | "isGrassroots">,
  levels: readonly Pick<LevelDef, "rank" | "isGrassroots">[],
): boolean {
  const tier = tierOf(level, levels);
  if (kind.family === "sector") return tier !== "top";
  if (kind.isCommuneLevel) return tier === "grassroots";
  if (kind.code === VILLAGE_KIND) return tier === "below";
  return tier === "top" || tier === "above";
}
