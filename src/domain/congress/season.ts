/**
 * A congress season (mùa đại hội, BRIEF §2): the plan that fixes it, and per season level the
 * term, the window and the deadlines set by the province and by the Central Committee.
 *
 * Levels are data. A season level names the organisation level codes it covers (the 2020
 * grassroots level covers `grassroots_committee` and `grassroots_branch`), its place in the order
 * of congresses and its dates; a season may have three levels, four or more. No function in this
 * folder holds a list of level codes.
 */
import { z } from "zod";
import { type IsoDate, isValidIsoDate } from "../format/date.ts";
import { type Term, termSchema } from "./term.ts";

/** Organisations are identified by the database id or, in the demo and in files, by code. */
export type OrgId = number | string;
export const orgIdSchema = z.union([z.number().int(), z.string().min(1)]);

export const isoDateSchema = z.string().refine(isValidIsoDate, { message: "Ngày không hợp lệ (YYYY-MM-DD)" });

/** A Party document cited by the season: "Kế hoạch số 308-KH/TU ngày 04/7/2019 của Tỉnh ủy". */
export interface DocumentRef {
  /** Number and symbol: "308-KH/TU", "35-CT/TW". */
  readonly number: string;
  readonly date: IsoDate;
  /** "Tỉnh ủy Quảng Ninh", "Bộ Chính trị". */
  readonly issuer: string;
  readonly title?: string | undefined;
  /**
   * The place name (địa danh) of the document's dateline (Hướng dẫn 36-HD/VPTW): for the province's
   * plan, the province's seat ("Hạ Long"). The province's reports are dated there (issue 17).
   */
  readonly place?: string | undefined;
}

export const documentRefSchema = z.object({
  number: z.string().trim().min(1, "Số văn bản không được để trống"),
  date: isoDateSchema,
  issuer: z.string().trim().min(1, "Cơ quan ban hành không được để trống"),
  title: z.string().optional(),
  place: z.string().trim().min(1).max(100).optional(),
}) satisfies z.ZodType<DocumentRef>;

export interface DateWindow {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export const dateWindowSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((w) => w.end >= w.start, { message: "Ngày kết thúc phải từ ngày bắt đầu trở đi", path: ["end"] });

export interface SeasonLevel {
  /** Stable code within the season: "branch", "grassroots", "district_level", "province". */
  readonly code: string;
  /** As shown on screen: "Chi bộ trực thuộc", "Tổ chức cơ sở đảng"… */
  readonly name: string;
  /** Congresses go in ascending order: branches first, the province last. */
  readonly order: number;
  /** Organisation level codes (org_level.code) whose congresses belong to this season level. */
  readonly orgLevels: readonly string[];
  readonly term: Term;
  /** When the plan lets these congresses be held. */
  readonly window: DateWindow;
  /** The province's own deadline (the plan may be stricter than the Centre); null when none. */
  readonly provinceDeadline: IsoDate | null;
  /** The Central deadline (Chỉ thị 35-CT/TW for 2020); null when the Centre set none. */
  readonly centralDeadline: IsoDate | null;
}

export const seasonLevelSchema = z
  .object({
    code: z.string().trim().min(1),
    name: z.string().trim().min(1),
    order: z.number().int(),
    orgLevels: z.array(z.string().min(1)).min(1, "Cấp đại hội phải gồm ít nhất một cấp tổ chức"),
    term: termSchema,
    window: dateWindowSchema,
    provinceDeadline: isoDateSchema.nullable(),
    centralDeadline: isoDateSchema.nullable(),
  })
  .superRefine((l, ctx) => {
    if (l.provinceDeadline !== null && l.centralDeadline !== null && l.provinceDeadline > l.centralDeadline) {
      ctx.addIssue({
        code: "custom",
        path: ["provinceDeadline"],
        message: "Thời hạn của tỉnh không được muộn hơn thời hạn của Trung ương",
      });
    }
  }) satisfies z.ZodType<SeasonLevel>;

export interface Season {
  /** Stable code: "2020-2025". */
  readonly code: string;
  /** "Đại hội nhiệm kỳ 2020–2025". */
  readonly name: string;
  /** The season's term (grassroots and above); a level may have its own (branches 2020–2022). */
  readonly term: Term;
  /** The province's plan: Kế hoạch số 308-KH/TU ngày 04/7/2019. */
  readonly plan: DocumentRef;
  /** The directive it implements: Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị. */
  readonly directive: DocumentRef;
  readonly levels: readonly SeasonLevel[];
  /** The organisations the plan chose for pilot congresses (đại hội điểm). */
  readonly pilotOrgIds: readonly OrgId[];
}

export const seasonSchema = z
  .object({
    code: z.string().trim().min(1),
    name: z.string().trim().min(1),
    term: termSchema,
    plan: documentRefSchema,
    directive: documentRefSchema,
    levels: z.array(seasonLevelSchema).min(1),
    pilotOrgIds: z.array(orgIdSchema),
  })
  .superRefine((s, ctx) => {
    const codes = new Set<string>();
    const orgLevels = new Map<string, string>();
    const orders = new Set<number>();
    s.levels.forEach((l, i) => {
      if (codes.has(l.code)) {
        ctx.addIssue({ code: "custom", path: ["levels", i, "code"], message: `Cấp "${l.code}" bị trùng` });
      }
      codes.add(l.code);
      if (orders.has(l.order)) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "order"],
          message: `Thứ tự ${l.order} đã dùng cho cấp khác`,
        });
      }
      orders.add(l.order);
      l.orgLevels.forEach((o, j) => {
        const owner = orgLevels.get(o);
        if (owner !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", i, "orgLevels", j],
            message: `Cấp tổ chức "${o}" đã thuộc cấp đại hội "${owner}"`,
          });
        }
        orgLevels.set(o, l.code);
      });
    });
    const pilots = new Set<OrgId>();
    s.pilotOrgIds.forEach((id, i) => {
      if (pilots.has(id)) {
        ctx.addIssue({ code: "custom", path: ["pilotOrgIds", i], message: `Đơn vị ${id} chọn điểm hai lần` });
      }
      pilots.add(id);
    });
  }) satisfies z.ZodType<Season>;

/** The season levels in the order congresses are held. */
export function seasonLevelsInOrder(season: Season): SeasonLevel[] {
  return [...season.levels].sort((a, b) => a.order - b.order);
}

export function findSeasonLevel(season: Season, code: string): SeasonLevel | undefined {
  return season.levels.find((l) => l.code === code);
}

/** Index from organisation level code to its season level, built once per computation. */
export function seasonLevelIndex(season: Season): ReadonlyMap<string, SeasonLevel> {
  const index = new Map<string, SeasonLevel>();
  for (const level of season.levels) for (const o of level.orgLevels) index.set(o, level);
  return index;
}

/** The deadline that binds an officer: the province's when it set one, else the Centre's. */
export function bindingDeadline(level: SeasonLevel): IsoDate | null {
  return level.provinceDeadline ?? level.centralDeadline;
}
