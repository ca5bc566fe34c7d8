/**
 * Request and response schemas of the report routes. The report itself is the domain's
 * `reportSchema` (docs/report-format.md); the web app imports the inferred types from here.
 */
import { z } from "zod";
import { reportEditSchema } from "../../../domain/report/edit.ts";
import { reportSchema } from "../../../domain/report/model.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");

export const reportIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const reportTemplateSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
});
export const reportTemplatesSchema = z.array(reportTemplateSchema);

export const createReportBodySchema = z.object({
  template: z.enum(["congress_results", "congress_progress"]).default("congress_results"),
  orgId: z.number().int().positive(),
  seasonId: z.number().int().positive(),
  asOf: isoDate,
  place: z.string().min(1).max(100).optional(),
  /** null or absent: each figure as the report prints it; a number: that many decimals for all. */
  decimals: z.number().int().min(0).max(4).nullable().optional(),
  rounding: z.enum(["half-up", "half-even", "truncate"]).default("half-up"),
});
export type CreateReportBody = z.input<typeof createReportBodySchema>;

export const editReportBodySchema = reportEditSchema;
export type EditReportBody = z.input<typeof editReportBodySchema>;

export const regenerateBodySchema = z.object({ asOf: isoDate.optional() }).default({});

const snapshotInfoSchema = z.object({
  id: z.number(),
  template: z.string(),
  orgId: z.number(),
  seasonId: z.number(),
  asOf: z.string(),
  dataVersion: z.number(),
  previousId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reportSnapshotSchema = snapshotInfoSchema.extend({ report: reportSchema });
export type ReportSnapshotDto = z.infer<typeof reportSnapshotSchema>;
export const reportSnapshotListSchema = z.array(snapshotInfoSchema);
export type ReportSnapshotInfoDto = z.infer<typeof snapshotInfoSchema>;

export const reportListQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

const figureValueSchema = z
  .object({ numerator: z.number(), denominator: z.number().nullable(), percent: z.string().nullable() })
  .nullable();

export const regeneratedSchema = z.object({
  snapshot: reportSnapshotSchema,
  previous: z.object({ id: z.number(), dataVersion: z.number() }),
  changes: z.array(
    z.object({ id: z.string(), label: z.string(), before: figureValueSchema, after: figureValueSchema }),
  ),
});
export type RegeneratedDto = z.infer<typeof regeneratedSchema>;
export type ReportDto = z.infer<typeof reportSchema>;
