/**
 * Request and response schemas of the people routes. The web app imports the inferred types from
 * here (types only). Shapes are checked here (400); the person's and posts' rules (dates, which
 * fields a post kind needs) by the domain's schemas in the service (422, naming the field).
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/basics/limits.ts";
import { GENDERS, MEMBERSHIP_STATUSES, POST_KINDS, THEORY_LEVELS } from "../../../domain/people/types.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD");

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

const placeSchema = z.object({ code: z.string().trim().min(1), name: z.string().trim().min(1) });

export const hometownBodySchema = z.object({
  province: placeSchema,
  district: placeSchema.nullable(),
  commune: placeSchema.nullable(),
});

export const membershipBodySchema = z.object({
  status: z.enum(MEMBERSHIP_STATUSES),
  joinedOn: isoDate,
  officialOn: isoDate.nullable(),
});

export const localOverrideBodySchema = z.object({
  orgId: z.number().int().positive(),
  local: z.boolean(),
  reason: z.string().trim().min(1, "Phải ghi lý do").max(1000),
});

export const personBodySchema = z.object({
  code: z.string().trim().max(40).optional(),
  fullName: z.string().trim().min(1, "Họ và tên không được để trống").max(TEXT_LIMITS.personName),
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  ethnicity: z.string().trim().min(1, "Dân tộc không được để trống").max(TEXT_LIMITS.ethnicity),
  hometown: hometownBodySchema,
  membership: membershipBodySchema.nullable(),
  education: z.string().trim().max(200).nullable().optional(),
  politicalTheory: z.enum(THEORY_LEVELS).nullable().optional(),
  localOverrides: z.array(localOverrideBodySchema).max(50).optional(),
});
export type PersonBody = z.infer<typeof personBodySchema>;

export const postBodySchema = z.object({
  kind: z.enum(POST_KINDS),
  orgId: z.number().int().positive().nullable(),
  villageCode: z.string().trim().min(1).nullable(),
  term: z.string().trim().min(1).max(40).nullable(),
  title: z.string().trim().min(1).max(80).nullable(),
  start: isoDate,
  end: isoDate.nullable(),
});
export type PostBody = z.infer<typeof postBodySchema>;

export const createPersonBodySchema = personBodySchema.extend({
  posts: z.array(postBodySchema).max(50).default([]),
  /** The officer checked the look-alike already in the register: this is a different person. */
  differentPerson: z.boolean().default(false),
});
export type CreatePersonBody = z.input<typeof createPersonBodySchema>;

export const endPostBodySchema = z.object({ end: isoDate.nullable() });
export type EndPostBody = z.infer<typeof endPostBodySchema>;

export const postSchema = z.object({
  id: z.number(),
  kind: z.enum(POST_KINDS),
  kindLabel: z.string(),
  orgId: z.number().nullable(),
  villageCode: z.string().nullable(),
  /** The organisation's (or the village's) name. */
  placeName: z.string().nullable(),
  term: z.string().nullable(),
  title: z.string().nullable(),
  start: z.string(),
  end: z.string().nullable(),
});
export type PostDto = z.infer<typeof postSchema>;

export const personSchema = z.object({
  id: z.number(),
  code: z.string(),
  fullName: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  ethnicity: z.string(),
  hometown: hometownBodySchema,
  membership: membershipBodySchema.nullable(),
  education: z.string().nullable(),
  politicalTheory: z.enum(THEORY_LEVELS).nullable(),
  localOverrides: z.array(localOverrideBodySchema),
  posts: z.array(postSchema),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof personSchema>;

export const peopleSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** Only people with a post in this organisation's subtree. */
  within: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const peopleSearchResultSchema = z.object({ total: z.number(), items: z.array(personSchema) });
export type PeopleSearchResult = z.infer<typeof peopleSearchResultSchema>;

export const peopleImportResultSchema = z.object({
  dryRun: z.boolean(),
  peopleCreated: z.number(),
  peopleUpdated: z.number(),
  postsCreated: z.number(),
  postsUpdated: z.number(),
});
export type PeopleImportResultDto = z.infer<typeof peopleImportResultSchema>;

export const exportQuerySchema = z.object({ orgId: z.coerce.number().int().positive() });
