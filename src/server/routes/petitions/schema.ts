/**
 * Request and response schemas of the letters (đơn thư) routes. The web app imports the inferred
 * types from here (types only).
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/basics/limits.ts";
import {
  CHANNELS,
  COMPETENT_BODIES,
  CONCLUSIONS,
  PETITION_KINDS,
  PETITION_STATUSES,
  SENDER_IDENTITIES,
  SENDER_TYPES,
} from "../../../domain/complaints/types.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const attachmentParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});

export const registerBodySchema = z.object({
  orgId: z.number().int().positive(),
  receivedOn: isoDate,
  channel: z.enum(CHANNELS),
  senderType: z.enum(SENDER_TYPES),
  senderIdentity: z.enum(SENDER_IDENTITIES),
  senderName: z.string().trim().max(TEXT_LIMITS.personName).nullable().default(null),
  senderAddress: z.string().trim().max(300).nullable().default(null),
  kind: z.enum(PETITION_KINDS),
  summary: text(4000, "Nội dung tóm tắt không được để trống"),
  congressId: z.number().int().positive().nullable().default(null),
  /** Or the congress of this organisation in this season. */
  congressSeasonId: z.number().int().positive().nullable().default(null),
  congressOrgId: z.number().int().positive().nullable().default(null),
  concernsPersonnel: z.boolean().default(false),
  personIds: z.array(z.number().int().positive()).max(50).default([]),
  orgIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type RegisterBody = z.input<typeof registerBodySchema>;

export const triageBodySchema = z.object({
  competentBody: z.enum(COMPETENT_BODIES),
  process: z.boolean(),
  duplicateOf: z.number().int().positive().nullable().default(null),
});
export type TriageBody = z.input<typeof triageBodySchema>;

export const assignBodySchema = z.object({
  assigneeName: text(120, "Phải ghi người được giao xử lý"),
  deadline: isoDate.nullable().default(null),
});
export type AssignBody = z.input<typeof assignBodySchema>;

export const stepBodySchema = z.object({
  on: isoDate,
  description: text(2000, "Phải ghi nội dung bước xử lý"),
});
export type StepBody = z.input<typeof stepBodySchema>;

export const concludeBodySchema = z.object({
  conclusion: z.enum(CONCLUSIONS),
  conclusionText: text(4000, "Phải ghi nội dung kết luận"),
  concludedOn: isoDate,
});
export type ConcludeBody = z.input<typeof concludeBodySchema>;

export const notifyBodySchema = z.object({
  noticeOn: isoDate,
  noticeText: text(4000, "Phải ghi nội dung thông báo"),
});
export type NotifyBody = z.input<typeof notifyBodySchema>;

export const listQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum([...PETITION_STATUSES, "open", "settled"]).optional(),
  kind: z.enum(PETITION_KINDS).optional(),
  congressId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const dashboardQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});

const subjectSchema = z.object({
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  personCode: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
});

export const petitionSchema = z.object({
  id: z.number(),
  code: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  receivedOn: z.string(),
  channel: z.enum(CHANNELS),
  senderType: z.enum(SENDER_TYPES),
  senderIdentity: z.enum(SENDER_IDENTITIES),
  senderName: z.string().nullable(),
  senderAddress: z.string().nullable(),
  kind: z.enum(PETITION_KINDS),
  kindLabel: z.string(),
  summary: z.string(),
  congressId: z.number().nullable(),
  congressOrgId: z.number().nullable(),
  congressOrgName: z.string().nullable(),
  congressSeasonId: z.number().nullable(),
  congressOpensOn: z.string().nullable(),
  concernsPersonnel: z.boolean(),
  status: z.enum(PETITION_STATUSES),
  statusLabel: z.string(),
  competentBody: z.enum(COMPETENT_BODIES).nullable(),
  assigneeName: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineRule: z.string().nullable(),
  conclusion: z.enum(CONCLUSIONS).nullable(),
  conclusionText: z.string().nullable(),
  concludedOn: z.string().nullable(),
  noticeOn: z.string().nullable(),
  noticeText: z.string().nullable(),
  duplicateOf: z.number().nullable(),
  overdueDays: z.number(),
  subjects: z.array(subjectSchema),
  updatedAt: z.string(),
});
export type PetitionDto = z.infer<typeof petitionSchema>;

export const attachmentSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const petitionDetailSchema = petitionSchema.extend({
  steps: z.array(z.object({ id: z.number(), on: z.string(), description: z.string(), byLabel: z.string() })),
  attachments: z.array(attachmentSchema),
  duplicateSuggestions: z.array(
    z.object({ id: z.number(), code: z.string(), summary: z.string(), similarity: z.number() }),
  ),
});
export type PetitionDetailDto = z.infer<typeof petitionDetailSchema>;

export const petitionListSchema = z.object({ total: z.number(), items: z.array(petitionSchema) });
export type PetitionListDto = z.infer<typeof petitionListSchema>;

const tallySchema = z.object({
  open: z.number(),
  settled: z.number(),
  recordedOnly: z.number(),
  overdue: z.number(),
});

export const dashboardSchema = z.object({
  asOf: z.string(),
  total: tallySchema.extend({ all: z.number() }),
  byKind: z.array(tallySchema.extend({ kind: z.enum(PETITION_KINDS), label: z.string() })),
  byOrg: z.array(tallySchema.extend({ orgId: z.number(), orgName: z.string() })),
  personnelUpcoming: z.number(),
  overdue: z.array(petitionSchema),
});
export type PetitionDashboardDto = z.infer<typeof dashboardSchema>;

export const settingsSchema = z.object({
  recordOnlyUnidentifiedDenunciations: z.boolean(),
  personnelLeadDays: z.number().int().min(0).max(365),
  handlingDays: z.object({
    report: z.number().int().min(1).max(365),
    recommendation: z.number().int().min(1).max(365),
    complaint: z.number().int().min(1).max(365),
    denunciation: z.number().int().min(1).max(365),
  }),
});
export type PetitionSettingsDto = z.infer<typeof settingsSchema>;

export const congressParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const flagsQuerySchema = z.object({
  personIds: z
    .string()
    .regex(/^\d+(,\d+)*$/, "personIds là danh sách mã người, cách nhau bởi dấu phẩy")
    .transform((s) => s.split(",").map(Number))
    .refine((a) => a.length <= 500, "Tối đa 500 người một lần"),
});

export const flagsSchema = z.object({
  congressId: z.number(),
  flags: z.array(
    z.object({
      personId: z.number(),
      flagged: z.boolean(),
      openCases: z.number(),
      openCasesOnCongress: z.number(),
    }),
  ),
});
export type ComplaintFlagsDto = z.infer<typeof flagsSchema>;

export const seasonOrgParamsSchema = z.object({
  seasonId: z.coerce.number().int().positive(),
  orgId: z.coerce.number().int().positive(),
});

export const congressPetitionsSchema = z.object({
  /** null: no congress planned yet. */
  congressId: z.number().nullable(),
  openCount: z.number(),
  /** null: the caller may not read letters there (only the count is shown). */
  items: z.array(petitionSchema).nullable(),
});
export type CongressPetitionsDto = z.infer<typeof congressPetitionsSchema>;
