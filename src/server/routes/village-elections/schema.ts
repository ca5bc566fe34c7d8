import { z } from "zod";
import {
  NOMINATIONS,
  SHARE_BANDS,
  STEP_STATUS_LABELS,
  VILLAGE_STATUS_LABELS,
  VOTING_METHODS,
} from "../../../domain/village/index.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");
const statusSchema = z.enum(Object.keys(VILLAGE_STATUS_LABELS) as [keyof typeof VILLAGE_STATUS_LABELS]);

export const dayParamsSchema = z.object({ dayId: z.coerce.number().int().positive() });
export const villageParamsSchema = dayParamsSchema.extend({ villageId: z.coerce.number().int().positive() });
export const communeParamsSchema = dayParamsSchema.extend({ communeId: z.coerce.number().int().positive() });
export const branchParamsSchema = z.object({ orgId: z.coerce.number().int().positive() });
export const orgQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const checklistQuerySchema = orgQuerySchema.extend({ asOf: isoDate.optional() });

export const electionDaySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  electionDate: z.string(),
  termStart: z.number(),
  termEnd: z.number(),
  rootOrgId: z.number(),
  rootName: z.string(),
  seasonId: z.number().nullable(),
  holidays: z.array(z.string()),
});
export type ElectionDayDto = z.infer<typeof electionDaySchema>;

export const createDayBodySchema = z.object({
  code: z.string().trim().min(1, "Mã không được để trống"),
  name: z.string().trim().min(1, "Tên không được để trống"),
  electionDate: isoDate,
  termStart: z.number().int().min(2000).max(2100),
  termEnd: z.number().int().min(2000).max(2100),
  rootOrgId: z.number().int().positive(),
  seasonId: z.number().int().positive().nullable().default(null),
  /** Public holidays skipped when counting the commune's 5 working days to recognise a result. */
  holidays: z.array(isoDate).max(60).default([]),
});

const areaRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  districtId: z.number(),
  total: z.number(),
  reported: z.number(),
  elected: z.number(),
  reElection: z.number(),
  reportedPercent: z.string(),
});

const dashboardVillageSchema = z.object({
  villageId: z.number(),
  villageName: z.string(),
  communeId: z.number(),
  communeName: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  status: statusSchema,
  electorate: z.number().nullable(),
  present: z.number().nullable(),
  winnerVotes: z.number().nullable(),
  winnerElectorate: z.number().nullable(),
  headName: z.string().nullable(),
  headGender: z.enum(["male", "female"]).nullable(),
  headEthnicity: z.string().nullable(),
  explanation: z.string().nullable(),
});

export const dashboardSchema = z.object({
  day: electionDaySchema,
  org: z.object({ id: z.number(), name: z.string() }),
  dashboard: z.object({
    total: z.number(),
    reported: z.number(),
    reportedPercent: z.string(),
    elected: z.number(),
    reElectionNeeded: z.number(),
    interimNeeded: z.number(),
    interimAppointed: z.number(),
    electorate: z.number(),
    present: z.number(),
    turnoutPercent: z.string(),
    shareBands: z.array(
      z.object({
        key: z.enum(SHARE_BANDS.map((b) => b.key) as [string, ...string[]]),
        label: z.string(),
        count: z.number(),
        percent: z.string(),
      }),
    ),
    womenHeads: z.number(),
    womenHeadsPercent: z.string(),
    ethnicMinorityHeads: z.number(),
    ethnicMinorityHeadsPercent: z.string(),
    byDistrict: z.array(areaRowSchema),
    byCommune: z.array(areaRowSchema),
    reElectionList: z.array(dashboardVillageSchema),
  }),
});
export type DashboardDto = z.infer<typeof dashboardSchema>;

const stepSchema = z.object({
  key: z.enum(["decision", "team", "notice"]),
  label: z.string(),
  dueBy: z.string(),
  doneOn: z.string().nullable(),
  status: z.enum(Object.keys(STEP_STATUS_LABELS) as [keyof typeof STEP_STATUS_LABELS]),
  explanation: z.string(),
});

export const checklistSchema = z.object({
  day: electionDaySchema,
  org: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  summary: z.object({
    communes: z.number(),
    byStep: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        done: z.number(),
        late: z.number(),
        notDue: z.number(),
      }),
    ),
  }),
  communes: z.array(
    z.object({
      communeId: z.number(),
      communeName: z.string(),
      districtId: z.number(),
      districtName: z.string(),
      villages: z.number(),
      decisionOn: z.string().nullable(),
      teamOn: z.string().nullable(),
      noticeOn: z.string().nullable(),
      steps: z.array(stepSchema),
    }),
  ),
});
export type ChecklistDto = z.infer<typeof checklistSchema>;

export const stepsBodySchema = z.object({
  decisionOn: isoDate.nullable(),
  teamOn: isoDate.nullable(),
  noticeOn: isoDate.nullable(),
});

const villageRefSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  branchId: z.number().nullable(),
  communeId: z.number(),
  communeName: z.string(),
  districtId: z.number(),
  districtName: z.string(),
});

export const villageListSchema = z.object({
  day: electionDaySchema,
  org: z.object({ id: z.number(), name: z.string() }),
  villages: z.array(
    villageRefSchema.extend({
      status: statusSchema,
      statusLabel: z.string(),
      headName: z.string().nullable(),
      explanation: z.string().nullable(),
    }),
  ),
});
export type VillageListDto = z.infer<typeof villageListSchema>;

const candidateSchema = z.object({
  position: z.number(),
  fullName: z.string(),
  nomination: z.enum(NOMINATIONS),
  personId: z.number().nullable(),
  gender: z.enum(["male", "female"]),
  birthDate: z.string().nullable(),
  ethnicity: z.string(),
  votes: z.number(),
  elected: z.boolean(),
});

export const villageElectionSchema = z.object({
  day: electionDaySchema,
  village: villageRefSchema,
  rounds: z.array(
    z.object({
      id: z.number(),
      attempt: z.number(),
      heldOn: z.string(),
      electorate: z.number(),
      present: z.number(),
      method: z.enum(VOTING_METHODS),
      issued: z.number().nullable(),
      collected: z.number().nullable(),
      valid: z.number().nullable(),
      invalid: z.number().nullable(),
      team: z.array(z.string()),
      /** The procedural votes: approvals among those present of the method and the team (null: not recorded). */
      proceduralVotes: z.object({ method: z.number(), team: z.number() }).nullable(),
      outcome: z.string(),
      explanation: z.string(),
      /** The rule set's whole result: quorum, threshold, each candidate's explanation. */
      decision: z.unknown(),
      recordedAt: z.string(),
      candidates: z.array(candidateSchema),
    }),
  ),
  result: z
    .object({
      status: statusSchema,
      statusLabel: z.string(),
      explanation: z.string(),
      headName: z.string().nullable(),
      headPersonId: z.number().nullable(),
      headPostId: z.number().nullable(),
      interimDecision: z.string().nullable(),
      interimOn: z.string().nullable(),
      /** The commune People's Committee's recognition decision (null: not yet recognised). */
      recognitionDecision: z.string().nullable(),
      recognisedOn: z.string().nullable(),
      recognisedBy: z.string().nullable(),
    })
    .nullable(),
  /**
   * For an elected head: recognised (with whether it was within the 5 working days) or pending
   * (with the deadline and whether it has passed: a warning). Null when nobody was elected.
   */
  recognition: z
    .object({
      kind: z.enum(["recognised", "pending"]),
      deadline: z.string(),
      late: z.boolean(),
      note: z.string(),
    })
    .nullable(),
  next: z.union([
    z.object({ attempt: z.union([z.literal(1), z.literal(2)]) }),
    z.object({ closed: z.string() }),
  ]),
  link: z.object({
    asOf: z.string(),
    secretaries: z.array(z.object({ personId: z.number(), name: z.string() })),
    heads: z.array(z.object({ personId: z.number(), name: z.string() })),
    secretaryIsHead: z.boolean(),
  }),
});
export type VillageElectionDto = z.infer<typeof villageElectionSchema>;

/** The body of a round: checked in full by the domain (Vietnamese messages per field). */
export const roundBodySchema = z.object({
  attempt: z.number(),
  heldOn: z.string(),
  electorate: z.number(),
  present: z.number(),
  method: z.string(),
  issued: z.number().nullable(),
  collected: z.number().nullable(),
  valid: z.number().nullable(),
  invalid: z.number().nullable(),
  candidates: z.array(
    z.object({
      fullName: z.string(),
      nomination: z.string(),
      personId: z.number().nullable(),
      gender: z.string(),
      birthDate: z.string().nullable(),
      ethnicity: z.string(),
      votes: z.number(),
    }),
  ),
  team: z.array(z.string()),
  /** Approvals of the voting method and of the election team (checked: > 1/2 of those present). */
  proceduralVotes: z.object({ method: z.number(), team: z.number() }).nullable().optional(),
});

/** The commune People's Committee's decision recognising the elected head. */
export const recognitionBodySchema = z.object({
  decisionNumber: z.string().trim().min(1, "Số quyết định công nhận không được để trống").max(100),
  recognisedOn: isoDate,
  recognisedBy: z.string().trim().min(1, "Người ký quyết định công nhận không được để trống").max(200),
});

export const interimBodySchema = z.object({
  fullName: z.string().trim().min(1, "Họ và tên không được để trống"),
  personId: z.number().int().positive().nullable(),
  gender: z.enum(["male", "female"]),
  birthDate: isoDate.nullable(),
  ethnicity: z.string().trim().min(1).default("Kinh"),
  appointedOn: isoDate,
  decisionNumber: z.string().trim().min(1, "Số quyết định không được để trống"),
});

export const importResultSchema = z.object({
  rows: z.number(),
  elected: z.number(),
  reElection: z.number(),
  unchanged: z.number(),
});
