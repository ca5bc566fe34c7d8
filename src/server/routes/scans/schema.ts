/** Request and response schemas of the scan routes (issue 18). */
import { z } from "zod";
import { ballotSchema } from "../../../domain/election/index.ts";

const id = z.coerce.number().int().positive();

export const scanUploadParamsSchema = z.object({ id, number: id });
export const scanPageParamsSchema = z.object({ id, pageId: id });
export const scanListQuerySchema = z.object({
  status: z.enum(["pending", "accepted", "adjudicated"]).optional(),
});

export const scanReportSchema = z.object({
  bundleNumber: z.number(),
  entryId: z.number().nullable(),
  pages: z.array(
    z.object({
      file: z.string(),
      page: z.number(),
      outcome: z.enum(["counted", "pending", "duplicate", "refused", "unreadable", "too-many"]),
      seq: z.number().optional(),
      message: z.string(),
    }),
  ),
  counted: z.number(),
  pending: z.number(),
  expected: z.number(),
  entryFinished: z.boolean(),
});
export type ScanReportDto = z.infer<typeof scanReportSchema>;

const rowDecisionSchema = z.object({
  position: z.number(),
  reading: z.enum(["kept", "crossed-out", "agree", "disagree", "both", "neither"]),
  confidence: z.number(),
  certain: z.boolean(),
});

export const scanPageSchema = z.object({
  id: z.number(),
  bundleId: z.number(),
  entryId: z.number(),
  seq: z.number(),
  fileName: z.string(),
  page: z.number(),
  status: z.enum(["accepted", "pending", "adjudicated"]),
  proposed: ballotSchema,
  decided: ballotSchema.nullable(),
  rows: z.array(rowDecisionSchema),
  reasons: z.array(z.string()),
});
export type ScanPageDto = z.infer<typeof scanPageSchema>;
export const scanPageListSchema = z.array(scanPageSchema);

export const adjudicateBodySchema = z.object({ ballot: ballotSchema });
