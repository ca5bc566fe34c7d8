/**
 * Hierarchy rules: which level may sit under which, and what a move may do. The levels are data
 * (`Hierarchy`), so these functions hold no list of level names.
 */
import { err, ok, type Result } from "../basics/result.ts";
import type { Hierarchy } from "./types.ts";

export type PlacementError =
  | { readonly rule: "unknown_level"; readonly level: string }
  | { readonly rule: "unknown_kind"; readonly kind: string }
  | { readonly rule: "top_level_needs_no_parent"; readonly level: string }
  | { readonly rule: "parent_required"; readonly level: string }
  | { readonly rule: "parent_wrong_level"; readonly level: string; readonly parentLevel: string }
  | { readonly rule: "parent_dissolved"; readonly parentCode: string }
  | { readonly rule: "cycle"; readonly codes: readonly string[] };

/** May an organisation of `level` sit directly under one of `parentLevel` (null: at the top)? */
export function checkPlacement(
  hierarchy: Hierarchy,
  level: string,
  parentLevel: string | null,
): Result<void, PlacementError> {
  const def = hierarchy.levels.get(level);
  if (!def) return err({ rule: "unknown_level", level });
  if (parentLevel === null) {
    return def.allowedParents.length === 0 ? ok() : err({ rule: "parent_required", level });
  }
  if (def.allowedParents.length === 0) return err({ rule: "top_level_needs_no_parent", level });
  if (!def.allowedParents.includes(parentLevel))
    return err({ rule: "parent_wrong_level", level, parentLevel });
  return ok();
}

/** Levels that may be placed under `parentLevel`, for forms that offer only legal choices. */
export function childLevelsOf(hierarchy: Hierarchy, parentLevel: string): string[] {
  return [...hierarchy.levels.values()]
    .filter((l) => l.allowedParents.includes(parentLevel))
    .sort((a, b) => a.rank - b.rank)
    .map((l) => l.code);
}

/**
 * A move is legal when the new parent is not the organisation itself or one of its descendants
 * (paths are ltree strings of ids) and the level may sit under the new parent's level. The
 * descendants keep their own parents, so their placements stay legal.
 */
export function checkMove(
  hierarchy: Hierarchy,
  org: { readonly code: string; readonly level: string; readonly path: string },
  newParent: {
    readonly code: string;
    readonly level: string;
    readonly path: string;
    readonly dissolved: boolean;
  },
): Result<void, PlacementError> {
  if (newParent.path === org.path || newParent.path.startsWith(`${org.path}.`)) {
    return err({ rule: "cycle", codes: [org.code, newParent.code] });
  }
  if (newParent.dissolved) return err({ rule: "parent_dissolved", parentCode: newParent.code });
  return checkPlacement(hierarchy, org.level, newParent.level);
}

/** Vietnamese sentence for a placement error, naming the rule. */
export function describePlacementError(e: PlacementError, hierarchy: Hierarchy): string {
  const levelName = (code: string) => hierarchy.levels.get(code)?.name ?? code;
  switch (e.rule) {
    case "unknown_level":
      return `Cấp "${e.level}" không có trong danh mục cấp tổ chức`;
    case "unknown_kind":
      return `Loại hình "${e.kind}" không có trong danh mục loại hình`;
    case "top_level_needs_no_parent":
      return `${levelName(e.level)} là cấp cao nhất, không có đơn vị cấp trên`;
    case "parent_required":
      return `${levelName(e.level)} phải có đơn vị cấp trên`;
    case "parent_wrong_level": {
      const allowed = hierarchy.levels.get(e.level)?.allowedParents.map(levelName).join(" hoặc ") ?? "";
      return `${levelName(e.level)} không thể trực thuộc ${levelName(e.parentLevel)} (chỉ trực thuộc ${allowed})`;
    }
    case "parent_dissolved":
      return `Đơn vị cấp trên "${e.parentCode}" đã giải thể`;
    case "cycle":
      return `Vòng lặp cấp trên: ${e.codes.join(" → ")}`;
  }
}
