/**
 * Request and response schemas of the organisation routes. The web app imports the inferred types
 * from here (types only), so the client and the server cannot drift apart.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/basics/limits.ts";
import { orgCodeSchema, orgNameSchema } from "../../../domain/organisation/types.ts";

/** "true"/"false" (and 1/0) in a query string; z.coerce.boolean() would read "false" as true. */
export const queryBoolean = z.stringbool({ truthy: ["true", "1"], falsy: ["false", "0"] });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");

export const orgIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const villageSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
});

export const orgNodeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  kind: z.string(),
  sector: z.string().nullable(),
  parentId: z.number().nullable(),
  /** Active direct children. */
  childCount: z.number(),
  /** Active organisations in the subtree, this one excluded. */
  descendantCount: z.number(),
  dissolvedOn: z.string().nullable(),
  /** The village or residential area this branch serves. */
  village: villageSchema.nullable(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const orgListSchema = z.array(orgNodeSchema);

export const orgDetailSchema = orgNodeSchema.extend({
  /** From the top of the tree down to the parent. */
  ancestors: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() })),
  /** Active organisations of each level in the subtree (this one included). */
  countsByLevel: z.array(z.object({ level: z.string(), count: z.number() })),
  /** Villages in the subtree's territory. */
  villageCount: z.number(),
  dissolvedReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const orgSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  level: z.string().optional(),
  kind: z.string().optional(),
  sector: z.string().optional(),
  /** Restrict to the subtree of this organisation. */
  within: z.coerce.number().int().positive().optional(),
  includeDissolved: queryBoolean.optional(),
  /** The tree as it stood on this day (default: today's tree). */
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const orgSearchResultSchema = z.object({
  total: z.number(),
  items: z.array(orgNodeSchema.extend({ pathNames: z.array(z.string()) })),
});
export type OrgSearchResult = z.infer<typeof orgSearchResultSchema>;

export const createOrgBodySchema = z.object({
  code: orgCodeSchema,
  name: orgNameSchema,
  level: z.string().min(1, "Chưa chọn cấp tổ chức"),
  kind: z.string().min(1, "Chưa chọn loại hình"),
  sector: z.string().trim().max(TEXT_LIMITS.sector).nullable().optional(),
  parentId: z.number().int().positive().nullable(),
  /** The day the change takes effect (default: today in Vietnam); nothing before it changes. */
  effectiveOn: isoDate.optional(),
});
export type CreateOrgBody = z.infer<typeof createOrgBodySchema>;

export const updateOrgBodySchema = z
  .object({
    name: orgNameSchema.optional(),
    kind: z.string().min(1).optional(),
    sector: z.string().trim().max(TEXT_LIMITS.sector).nullable().optional(),
    /** The day the change takes effect (default: today in Vietnam); nothing before it changes. */
    effectiveOn: isoDate.optional(),
  })
  .refine((b) => b.name !== undefined || b.kind !== undefined || b.sector !== undefined, {
    message: "Không có thay đổi nào",
  });
export type UpdateOrgBody = z.infer<typeof updateOrgBodySchema>;

export const moveOrgBodySchema = z.object({
  parentId: z.number().int().positive(),
  /** The day the change takes effect (default: today in Vietnam); nothing before it changes. */
  effectiveOn: isoDate.optional(),
});
export type MoveOrgBody = z.infer<typeof moveOrgBodySchema>;

export const dissolveOrgBodySchema = z.object({
  date: isoDate,
  reason: z.string().trim().min(1, "Cần ghi lý do giải thể").max(TEXT_LIMITS.reason),
});
export type DissolveOrgBody = z.infer<typeof dissolveOrgBodySchema>;

export const hierarchySchema = z.object({
  levels: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z.number(),
      allowedParents: z.array(z.string()),
      isGrassroots: z.boolean(),
    }),
  ),
  kinds: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      family: z.enum(["territorial", "sector"]),
      isCommuneLevel: z.boolean(),
      isRural: z.boolean(),
    }),
  ),
});
export type HierarchyDto = z.infer<typeof hierarchySchema>;

export const importQuerySchema = z.object({ dryRun: queryBoolean.default(false) });

export const importIssueSchema = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type ImportIssueDto = z.infer<typeof importIssueSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  villages: z.number(),
  /** Created organisations without a founding day: they count from `foundingDay` (the import day). */
  withoutFoundingDay: z.number(),
  foundingDay: isoDate,
});
export type ImportResultDto = z.infer<typeof importResultSchema>;

const heldTotal = z.object({ held: z.number(), total: z.number() });

/** The answer to a reorganisation plan (docs/reorganisation-format.md), checked or applied. */
export const reorganisationResultSchema = z.object({
  dryRun: z.boolean(),
  /** False for a dry run, and for a plan applied before (nothing written again). */
  applied: z.boolean(),
  alreadyApplied: z.boolean(),
  rows: z.number(),
  /** Rows per operation: found, rename, move, change_kind, dissolve, merge, split. */
  operations: z.record(z.string(), z.number()),
  /** Organisations whose dated versions change (moved subtrees included). */
  organisationsChanged: z.number(),
  /** The first effective day: nothing before it changes. */
  firstDay: isoDate,
  /** Every held/total figure that changes (per season and congress level), and from which day. */
  figures: z.array(
    z.object({
      orgCode: z.string(),
      orgName: z.string(),
      season: z.string(),
      level: z.string(),
      from: isoDate,
      before: heldTotal,
      after: heldTotal,
    }),
  ),
});
export type ReorganisationResultDto = z.infer<typeof reorganisationResultSchema>;

/** `?asOf=YYYY-MM-DD`: the tree as it stood on that day (default: today's tree). */
export const asOfQuerySchema = z.object({ asOf: isoDate.optional() });
