/**
 * Vietnamese names of levels and kinds, from GET /api/meta/hierarchy. Level names are data (the
 * 2025 reform removed a level), so screens look them up here and never spell them out.
 */
import { Tag } from "antd";
import { useMemo } from "react";
import { kindFitsLevel } from "../../domain/organisation/kinds.ts";
import { type HierarchyDto, type KindDto, type LevelDto, useHierarchy } from "../api/index.ts";

export interface HierarchyNames {
  readonly hierarchy: HierarchyDto | undefined;
  readonly levels: readonly LevelDto[];
  readonly kinds: readonly KindDto[];
  levelName(code: string): string;
  kindName(code: string): string;
  levelRank(code: string): number;
  /** Levels that may sit directly under an organisation of `parentLevel` (allowedParents). */
  childLevelsOf(parentLevel: string): LevelDto[];
  /** The kinds an organisation of `level` may have (a branch: no Thành phố, Xã, Huyện); all if unknown. */
  kindsFor(level: string | undefined): KindDto[];
}

export function useHierarchyNames(): HierarchyNames & { isLoading: boolean; error: unknown } {
  const query = useHierarchy();
  const names = useMemo((): HierarchyNames => {
    const hierarchy = query.data;
    const levels = [...(hierarchy?.levels ?? [])].sort((a, b) => a.rank - b.rank);
    const kinds = hierarchy?.kinds ?? [];
    const levelByCode = new Map(levels.map((l) => [l.code, l]));
    const kindByCode = new Map(kinds.map((k) => [k.code, k]));
    return {
      hierarchy,
      levels,
      kinds,
      levelName: (code) => levelByCode.get(code)?.name ?? code,
      kindName: (code) => kindByCode.get(code)?.name ?? code,
      levelRank: (code) => levelByCode.get(code)?.rank ?? Number.MAX_SAFE_INTEGER,
      childLevelsOf: (parentLevel) => levels.filter((l) => l.allowedParents.includes(parentLevel)),
      kindsFor: (code) => {
        const level = code === undefined ? undefined : levelByCode.get(code);
        return level ? kinds.filter((k) => kindFitsLevel(k, level, levels)) : [...kinds];
      },
    };
  }, [query.data]);
  return { ...names, isLoading: query.isLoading, error: query.error };
}

/** Colours follow the level's rank, not its name, so a reshaped hierarchy still gets distinct tags. */
const RANK_COLOURS = ["red", "volcano", "gold", "green", "cyan", "blue", "purple", "magenta"] as const;

export function LevelTag({ level, names }: { level: string; names: HierarchyNames }) {
  const index = names.levels.findIndex((l) => l.code === level);
  const colour = index >= 0 ? RANK_COLOURS[index % RANK_COLOURS.length] : "default";
  return (
    <Tag color={colour} style={{ marginInlineEnd: 0 }} data-testid="level-tag">
      {names.levelName(level)}
    </Tag>
  );
}
