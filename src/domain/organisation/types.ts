import { z } from "zod";
import { TEXT_LIMITS } from "../basics/limits.ts";

/** A level of the hierarchy, as stored in `org_level` (data, not code). */
export interface LevelDef {
  readonly code: string;
  readonly name: string;
  readonly rank: number;
  readonly allowedParents: readonly string[];
  readonly isGrassroots: boolean;
}

export interface KindDef {
  readonly code: string;
  readonly name: string;
  readonly family: "territorial" | "sector";
  readonly isCommuneLevel: boolean;
  readonly isRural: boolean;
}

/** The hierarchy's vocabulary: the levels and kinds in force. */
export interface Hierarchy {
  readonly levels: ReadonlyMap<string, LevelDef>;
  readonly kinds: ReadonlyMap<string, KindDef>;
}

export function makeHierarchy(levels: Iterable<LevelDef>, kinds: Iterable<KindDef>): Hierarchy {
  return {
    levels: new Map([...levels].map((l) => [l.code, l])),
    kinds: new Map([...kinds].map((k) => [k.code, k])),
  };
}

export const VILLAGE_KINDS = ["thôn", "bản", "khu phố", "tổ dân phố", "khu", "ấp", "làng"] as const;

/**
 * One row of an organisation import (docs/import-format.md), already read from its file.
 * `parentCode` is empty only for the top of the tree. Village fields describe the village or
 * residential area a branch serves.
 */
export interface OrgRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | undefined;
  readonly parentCode?: string | undefined;
  readonly villageCode?: string | undefined;
  readonly villageName?: string | undefined;
  readonly villageKind?: string | undefined;
  /**
   * The day the organisation was founded (`dd/mm/yyyy` or `yyyy-mm-dd` as read; ISO after
   * planning). Empty: it counts from the import day. Only for organisations the file creates.
   */
  readonly foundedOn?: string | undefined;
  /** The day it ended (dissolved, merged away), for loading a past tree; empty: still active. */
  readonly endedOn?: string | undefined;
}

export const orgCodeSchema = z
  .string()
  .trim()
  .min(1, "Mã đơn vị không được để trống")
  .max(64, "Mã đơn vị dài quá 64 ký tự")
  .regex(/^[A-Za-z0-9_.-]+$/, "Mã đơn vị chỉ gồm chữ không dấu, số và các ký tự . _ -");

export const orgNameSchema = z
  .string()
  .trim()
  .min(1, "Tên đơn vị không được để trống")
  .max(TEXT_LIMITS.orgName, `Tên đơn vị dài quá ${TEXT_LIMITS.orgName} ký tự`);
