import { ROLE_NAMES } from "../../../domain/accounts/index.ts";
import type { Grant, User } from "../../../services/accounts.ts";
import type { GrantDto, UserDto } from "./schema.ts";

export function presentGrant(g: Grant): GrantDto {
  return {
    id: g.id,
    role: g.role,
    roleName: ROLE_NAMES[g.role],
    orgId: g.orgId,
    orgCode: g.orgCode,
    orgName: g.orgName,
    congressRef: g.congressRef,
    petitions: g.petitions,
  };
}

export function presentUser(u: { user: User; grants: readonly Grant[] }): UserDto {
  return {
    id: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    mustChangePassword: u.user.mustChangePassword,
    disabled: u.user.disabled,
    lastLoginAt: u.user.lastLoginAt?.toISOString() ?? null,
    createdAt: u.user.createdAt.toISOString(),
    grants: u.grants.map(presentGrant),
  };
}
