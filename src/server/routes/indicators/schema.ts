/**
 * Request and response schemas of the indicator routes. The web app imports the inferred types
 * from here (types only). Definitions are checked by the domain's `indicatorDefSchema` in the
 * service (422 naming each field); here only that a body carries one.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");

export const definitionIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const codeParamsSchema = z.object({ code: z.string().min(1).max(80) });

export const indicatorQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  asOf: isoDate,
  seasonId: z.coerce.number().int().positive().optional(),
  /** The report's rounding rule (BRIEF §5): decimals and mode; default two decimals, half-up. */
  decimals: z.coerce.number().int().min(0).max(4).default(2),
  rounding: z.enum(["half-up", "half-even", "truncate"]).default("half-up"),
  /** Only these indicators, by code, comma-separated ("coal_branch_secretary_heads_unit,…"). */
  codes: z
    .string()
    .regex(
      /^[a-z0-9_]+(,[a-z0-9_]+)*$/,
      "Mã chỉ tiêu phải là chữ thường không dấu, số và dấu _, cách nhau dấu phẩy",
    )
    .optional(),
});
export type IndicatorQuery = z.input<typeof indicatorQuerySchema>;

export const drillQuerySchema = indicatorQuerySchema.extend({
  side: z.enum(["numerator", "denominator", "not_counted"]).default("numerator"),
  /** Only members under this child organisation. */
  childOrgId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const targetSchema = z.object({
  text: z.string(),
  status: z.enum(["met", "not_met", "not_yet_due", "no_data"]),
  statusLabel: z.string(),
  due: z.string().nullable(),
});

const baselineSchema = z.object({
  label: z.string(),
  kind: z.enum(["reported", "computed"]),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.string(),
  printedPercent: z.string().nullable(),
  points: z.number().nullable(),
  pointsText: z.string().nullable(),
  ratio: z.number().nullable(),
  ratioText: z.string().nullable(),
});

const extremeSchema = z.object({ value: z.number(), text: z.string() }).nullable();

const aggregateSchema = z.object({
  measure: z.string(),
  over: z.enum(["numerator", "denominator"]),
  count: z.number(),
  min: extremeSchema,
  max: extremeSchema,
  mean: extremeSchema,
});

export const childValueSchema = z.object({
  orgId: z.number().nullable(),
  name: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.string(),
  percentValue: z.number().nullable(),
});

const reportedSchema = z
  .object({
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    percent: z.number().nullable(),
    source: z.string(),
  })
  .nullable();

export const indicatorInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  group: z.string().nullable(),
  /** null: built in; otherwise the user-defined definition's id and organisation. */
  custom: z.object({ id: z.number(), orgId: z.number().nullable() }).nullable(),
  /** The definition itself (an IndicatorDef), to copy or edit in the form. */
  definition: z.unknown(),
});
export type IndicatorInfo = z.infer<typeof indicatorInfoSchema>;

export const indicatorValueSchema = indicatorInfoSchema.omit({ definition: true }).extend({
  subject: z.enum(["posts", "orgs"]).nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.string().nullable(),
  percentValue: z.number().nullable(),
  ratioText: z.string().nullable(),
  target: targetSchema.nullable(),
  /** The target as a percentage, for charts (null: none, or a count). */
  definitionTarget: z.number().nullable(),
  baselines: z.array(baselineSchema),
  aggregates: z.array(aggregateSchema),
  byChild: z.array(childValueSchema),
  reported: reportedSchema,
  /** Members whose "local" could not be decided (hometown recorded loosely). */
  undecidedLocality: z.number(),
  /** Why it could not be computed (a term or season is missing). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type IndicatorValueDto = z.infer<typeof indicatorValueSchema>;

export const indicatorValuesSchema = z.object({
  org: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  season: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  asOf: z.string(),
  indicators: z.array(indicatorValueSchema),
});
export type IndicatorValuesDto = z.infer<typeof indicatorValuesSchema>;

export const drillMemberSchema = z.object({
  id: z.union([z.number(), z.string()]),
  orgId: z.number(),
  orgName: z.string(),
  personId: z.number().nullable(),
  personCode: z.string().nullable(),
  personName: z.string().nullable(),
  postText: z.string().nullable(),
});

export const drillResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  side: z.enum(["numerator", "denominator", "not_counted"]),
  ratioText: z.string(),
  total: z.number(),
  members: z.array(drillMemberSchema),
});
export type DrillResultDto = z.infer<typeof drillResultSchema>;

export const catalogSchema = z.array(indicatorInfoSchema);
export type CatalogDto = z.infer<typeof catalogSchema>;

export const definitionBodySchema = z.object({
  definition: z.record(z.string(), z.unknown()),
  /** The organisation it belongs to; null: the whole province (administrators only). */
  orgId: z.number().int().positive().nullable(),
});
export type DefinitionBody = z.infer<typeof definitionBodySchema>;
