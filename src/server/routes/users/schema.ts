/**
 * Request and response schemas of the account routes (users, grants, the signed-in user). The web
 * app imports the inferred types from here (types only).
 */
import { z } from "zod";
import { roleSchema, usernameSchema } from "../../../domain/accounts/index.ts";

export const grantSchema = z.object({
  id: z.number(),
  role: roleSchema,
  roleName: z.string(),
  orgId: z.number().nullable(),
  orgCode: z.string().nullable(),
  orgName: z.string().nullable(),
  congressRef: z.string().nullable(),
  petitions: z.boolean(),
});
export type GrantDto = z.infer<typeof grantSchema>;

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export type UserDto = z.infer<typeof userSchema>;

export const userListSchema = z.array(userSchema);

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const grantIdParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  grantId: z.coerce.number().int().positive(),
});

export const grantBodySchema = z.object({
  role: roleSchema,
  orgId: z.number().int().positive().nullable().optional(),
  /** The congress a counting-committee member counts (filled by the election issue). */
  congressRef: z.string().trim().max(64).nullable().optional(),
  petitions: z.boolean().optional(),
});
export type GrantBody = z.infer<typeof grantBodySchema>;

export const createUserBodySchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, "Chưa nhập họ tên").max(200),
  grants: z.array(grantBodySchema).max(20).default([]),
});
export type CreateUserBody = z.input<typeof createUserBodySchema>;

export const updateUserBodySchema = z.object({
  displayName: z.string().trim().min(1, "Chưa nhập họ tên").max(200).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** A user together with the one-time password to hand over (shown once). */
export const userWithPasswordSchema = z.object({ user: userSchema, password: z.string() });
export type UserWithPasswordDto = z.infer<typeof userWithPasswordSchema>;
