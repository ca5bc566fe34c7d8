/**
 * Congress season routes: seasons, each organisation's congress (plan and lifecycle events),
 * progress, children table, curves, the late list, and live events. The web app imports these
 * types (types only).
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/basics/limits.ts";
import {
  CONGRESS_CONTENTS,
  CONGRESS_STATUSES,
  CONGRESS_TYPES,
  CORRECTION_REASON_MIN_LENGTH,
} from "../../../domain/congress/index.ts";
import { queryBoolean } from "../organisations/schema.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");
const count = z.number().int().min(0);
const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)
      : undefined,
  );

export const seasonParamsSchema = z.object({ seasonId: z.coerce.number().int().positive() });
export const congressParamsSchema = seasonParamsSchema.extend({ orgId: z.coerce.number().int().positive() });

const documentRefSchema = z.object({
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string().optional(),
});

export const seasonLevelDtoSchema = z.object({
  code: z.string(),
  name: z.string(),
  order: z.number(),
  orgLevels: z.array(z.string()),
  term: z.object({ startYear: z.number(), endYear: z.number() }),
  window: z.object({ start: z.string(), end: z.string() }),
  provinceDeadline: z.string().nullable(),
  centralDeadline: z.string().nullable(),
});

export const seasonDtoSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  rootOrgId: z.number(),
  term: z.object({ startYear: z.number(), endYear: z.number() }),
  plan: documentRefSchema,
  directive: documentRefSchema,
  levels: z.array(seasonLevelDtoSchema),
  pilotCount: z.number(),
});
export type SeasonDto = z.infer<typeof seasonDtoSchema>;

export const progressQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  level: z.string().min(1),
  asOf: isoDate,
  /** Comma-separated organisation kinds, e.g. "commune,ward,township" for commune-level figures. */
  kinds: csv,
  /** Comma-separated organisation levels, e.g. "grassroots_committee". */
  orgLevels: csv,
});

const voteShareSchema = z.object({ votes: z.number(), base: z.number() }).nullable();
const deadlineEvalSchema = z
  .object({ deadline: z.string(), daysEarly: z.number(), onTime: z.boolean(), phrase: z.string() })
  .nullable();

export const progressDtoSchema = z.object({
  seasonCode: z.string(),
  level: z.string(),
  asOf: z.string(),
  total: z.number(),
  held: z.number(),
  heldPercent: z.string(),
  notHeld: z.number(),
  unscheduled: z.number(),
  onTimeProvince: z.number().nullable(),
  onTimeCentral: z.number().nullable(),
  pilots: z.object({ total: z.number(), held: z.number() }),
  contentsComplete: z.number(),
  committeeAppointed: z.number(),
  resultsRecorded: z.number(),
  directSecretary: z.number(),
  oneRoundFull: z.number(),
  confirmed: z.number(),
  confirmationsPending: z.number(),
  resultsPending: z.number(),
  secretaryVoteShareMin: voteShareSchema,
  secretaryVoteShareMax: voteShareSchema,
  /** "85,00%" / "100,00%" */
  secretaryVoteShareMinText: z.string().nullable(),
  secretaryVoteShareMaxText: z.string().nullable(),
  firstHeldOn: z.string().nullable(),
  lastHeldOn: z.string().nullable(),
  /** When everything is held: the last day against each deadline, with the Vietnamese phrase. */
  completion: z.object({ province: deadlineEvalSchema, central: deadlineEvalSchema }).nullable(),
});
export type ProgressDto = z.infer<typeof progressDtoSchema>;

export const childProgressSchema = z.array(
  z.object({
    orgId: z.number(),
    name: z.string(),
    level: z.string(),
    total: z.number(),
    held: z.number(),
    heldPercent: z.string(),
    resultsRecorded: z.number(),
    onTimeProvince: z.number().nullable(),
  }),
);
export type ChildProgressDto = z.infer<typeof childProgressSchema>;

export const curvesQuerySchema = z.object({ orgId: z.coerce.number().int().positive(), asOf: isoDate });
export const curvesDtoSchema = z.array(
  z.object({
    level: z.string(),
    name: z.string(),
    total: z.number(),
    provinceDeadline: z.string().nullable(),
    centralDeadline: z.string().nullable(),
    points: z.array(z.object({ day: z.string(), held: z.number() })),
  }),
);
export type CurvesDto = z.infer<typeof curvesDtoSchema>;

export const lateQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  asOf: isoDate,
  level: z.string().optional(),
  against: z.enum(["province", "central", "binding"]).default("binding"),
});
export const lateDtoSchema = z.array(
  z.object({
    orgId: z.number(),
    name: z.string(),
    path: z.string(),
    pathNames: z.array(z.string()),
    orgLevel: z.string(),
    seasonLevel: z.string(),
    reason: z.enum(["not_scheduled", "not_held", "results_not_recorded"]),
    reasonText: z.string(),
    deadline: z.string(),
    daysOverdue: z.number(),
    plannedStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
);
export type LateDto = z.infer<typeof lateDtoSchema>;

export const congressRecordDtoSchema = z.object({
  /** The congress's id (elections: `POST /api/elections { congressId }`, `GET /api/elections?congressId=`). */
  id: z.number(),
  type: z.enum(CONGRESS_TYPES),
  pilot: z.boolean(),
  status: z.enum(CONGRESS_STATUSES),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  venue: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  contents: z.array(z.enum(CONGRESS_CONTENTS)),
  committeeAppointed: z.boolean(),
  convened: z.number().nullable(),
  present: z.number().nullable(),
  resultsRecordedOn: z.string().nullable(),
  committeeSeatsDecided: z.number().nullable(),
  committeeSeatsElected: z.number().nullable(),
  electedInOneRoundFull: z.boolean().nullable(),
  secretaryElectedDirectly: z.boolean().nullable(),
  secretaryVotes: z.number().nullable(),
  secretaryVoteBase: z.number().nullable(),
  confirmation: z.object({ decisionNumber: z.string(), date: z.string() }).nullable(),
});

export const congressDtoSchema = z.object({
  seasonId: z.number(),
  org: z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() }),
  /** The season level the organisation's congress belongs to; null when the season does not cover it. */
  seasonLevel: z.string().nullable(),
  congress: congressRecordDtoSchema.nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Ordering warnings (e.g. planned before its branches finished), in Vietnamese. */
  warnings: z.array(z.string()),
});
export type CongressDto = z.infer<typeof congressDtoSchema>;

export const congressListQuerySchema = z.object({
  /** The parent whose direct children's congresses are listed. */
  parentId: z.coerce.number().int().positive(),
});
export const congressListSchema = z.array(congressDtoSchema);

export const planBodySchema = z.object({
  type: z.enum(CONGRESS_TYPES),
  pilot: z.boolean().default(false),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  venue: z.string().trim().max(TEXT_LIMITS.venue).nullable().default(null),
  contactName: z.string().trim().max(TEXT_LIMITS.contactName).nullable().default(null),
  contactPhone: z.string().trim().max(TEXT_LIMITS.contactPhone).nullable().default(null),
});
export type PlanBody = z.infer<typeof planBodySchema>;

export const congressEventBodySchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("reschedule"),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    venue: z.string().trim().max(TEXT_LIMITS.venue).nullable(),
  }),
  z.object({
    type: z.literal("hold"),
    actualStart: isoDate,
    actualEnd: isoDate,
    contents: z.array(z.enum(CONGRESS_CONTENTS)),
    committeeAppointed: z.boolean(),
    convened: count,
    present: count,
  }),
  z.object({
    type: z.literal("record_results"),
    recordedOn: isoDate,
    committeeSeatsDecided: count.nullable(),
    committeeSeatsElected: count.nullable(),
    electedInOneRoundFull: z.boolean().nullable(),
    secretaryElectedDirectly: z.boolean(),
    secretaryVotes: count.nullable(),
    secretaryVoteBase: count.nullable(),
  }),
  z.object({
    type: z.literal("confirm"),
    decisionNumber: z
      .string()
      .trim()
      .min(1, "Số quyết định chuẩn y không được để trống")
      .max(TEXT_LIMITS.decisionNumber),
    date: isoDate,
  }),
  z.object({
    type: z.literal("correct_results"),
    reason: z
      .string()
      .trim()
      .min(
        CORRECTION_REASON_MIN_LENGTH,
        `Hãy ghi lý do sửa kết quả (ít nhất ${CORRECTION_REASON_MIN_LENGTH} ký tự)`,
      )
      .max(1000),
    convened: count,
    present: count,
    committeeSeatsDecided: count.nullable(),
    committeeSeatsElected: count.nullable(),
    electedInOneRoundFull: z.boolean().nullable(),
    secretaryElectedDirectly: z.boolean(),
    secretaryVotes: count.nullable(),
    secretaryVoteBase: count.nullable(),
  }),
]);
export type CongressEventBody = z.infer<typeof congressEventBodySchema>;

export const importCongressQuerySchema = z.object({ dryRun: queryBoolean.default(false) });
export const importCongressResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  changed: z.number(),
  unchanged: z.number(),
});
export type ImportCongressResultDto = z.infer<typeof importCongressResultSchema>;

const docInput = z.object({
  number: z.string().trim().min(1, "Số văn bản không được để trống"),
  date: isoDate,
  issuer: z.string().trim().min(1, "Cơ quan ban hành không được để trống"),
  title: z.string().trim().optional(),
});

export const createSeasonBodySchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, "Mã mùa đại hội chỉ gồm chữ không dấu, số và . _ -"),
  name: z.string().trim().min(1, "Tên mùa đại hội không được để trống"),
  rootOrgId: z.number().int().positive(),
  term: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  plan: docInput,
  directive: docInput,
  levels: z
    .array(
      z.object({
        code: z.string().trim().min(1),
        name: z.string().trim().min(1),
        order: z.number().int(),
        orgLevels: z.array(z.string().min(1)).min(1),
        term: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
        window: z.object({ start: isoDate, end: isoDate }),
        provinceDeadline: isoDate.nullable(),
        centralDeadline: isoDate.nullable(),
      }),
    )
    .min(1, "Cần ít nhất một cấp đại hội"),
});
export type CreateSeasonBody = z.infer<typeof createSeasonBodySchema>;

export const seasonLevelParamsSchema = seasonParamsSchema.extend({ levelCode: z.string().min(1) });
export const updateSeasonLevelBodySchema = z.object({
  name: z.string().trim().min(1).optional(),
  window: z.object({ start: isoDate, end: isoDate }).optional(),
  provinceDeadline: isoDate.nullable().optional(),
  centralDeadline: isoDate.nullable().optional(),
  term: z.object({ startYear: z.number().int(), endYear: z.number().int() }).optional(),
});
export type UpdateSeasonLevelBody = z.infer<typeof updateSeasonLevelBodySchema>;
