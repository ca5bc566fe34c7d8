import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");
const queryBoolean = z.stringbool({ truthy: ["true", "1"], falsy: ["false", "0"] });

export const auditQuerySchema = z.object({
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  /** Entries of organisations in this organisation's subtree. */
  orgId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const orgHistoryQuerySchema = z.object({
  userId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Include the organisations under this one. */
  subtree: queryBoolean.default(false),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  actionName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  total: z.number(),
  items: z.array(auditEntrySchema),
  /** Who appears in the entries matching the other filters (for the "by user" filter). */
  actors: z.array(z.object({ actorId: z.number().nullable(), actorLabel: z.string() })),
});
export type AuditPageDto = z.infer<typeof auditPageSchema>;
