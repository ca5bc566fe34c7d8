import { type Actor, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgById } from "../db/repositories/organisations.ts";
import * as repo from "../db/repositories/users.ts";
import { checkPasswordStrength, ROLE_NAMES, type Role, roleNeedsOrg } from "../domain/accounts/index.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { type Access, type Principal, pathInScope } from "./access.ts";
import {
  type AuthPolicy,
  DEFAULT_AUTH_POLICY,
  generatePassword,
  grantView,
  hashPassword,
  userView,
} from "./accounts.ts";
import { type AppError, errors } from "./errors.ts";

// ---------------------------------------------------------------- managing users

/**
 * An administrator manages everyone; an officer manages a non-administrator all of whose grants lie
 * inside the officer's subtrees ("anyone who administers the organisation above").
 */
export function canManageUser(access: Access, grants: readonly repo.GrantRecord[]): boolean {
  if (access.isAdmin) return true;
  if (!access.canWrite || grants.length === 0) return false;
  return grants.every(
    (g) => g.role !== "admin" && g.orgPath !== null && pathInScope(access.writeScope, g.orgPath),
  );
}

export interface GrantInput {
  readonly role: Role;
  readonly orgId?: number | null | undefined;
  readonly congressRef?: string | null | undefined;
  readonly petitions?: boolean | undefined;
}

export interface UserWithGrants {
  readonly user: repo.UserRecord;
  readonly grants: readonly repo.GrantRecord[];
}

async function checkGrant(tx: Db, access: Access, g: GrantInput): Promise<Result<number | null, AppError>> {
  if (g.role === "admin") {
    if (!access.isAdmin) return err(errors.forbidden("cấp quyền quản trị"));
    if (g.orgId) return err(errors.grantInvalid("Quyền quản trị áp dụng toàn tỉnh; không chọn đơn vị"));
    return ok(null);
  }
  if (roleNeedsOrg(g.role) && !g.orgId)
    return err(errors.grantInvalid(`Quyền "${ROLE_NAMES[g.role]}" cần chọn đơn vị`));
  const org = await findOrgById(tx, access.writeScope, g.orgId!);
  if (!org) return err(errors.notFound("đơn vị", g.orgId!));
  if (g.petitions) {
    // Letters (đơn thư) are narrower than other data: only a grant that has them may pass them on.
    if (g.role !== "officer")
      return err(errors.grantInvalid("Chỉ quyền Cán bộ tổ chức mới kèm được quyền giải quyết đơn thư"));
    if (!pathInScope(access.petitionsScope, org.path))
      return err(errors.forbidden("cấp quyền giải quyết đơn thư"));
  }
  return ok(org.id);
}

async function insertGrantAudited(
  tx: Db,
  principal: Principal,
  user: repo.UserRecord,
  g: GrantInput,
  orgId: number | null,
  now: Date,
): Promise<repo.GrantRecord> {
  const id = await repo.insertGrant(tx, {
    userId: user.id,
    role: g.role,
    orgId,
    congressRef: g.congressRef ?? null,
    petitions: g.petitions ?? false,
    createdBy: principal.actor.userId,
    now,
  });
  const grant = (await repo.findGrant(tx, id))!;
  await appendAudit(tx, principal.actor, [
    {
      action: "grant.create",
      entity: "user_grant",
      entityId: id,
      orgId,
      before: null,
      after: grantView(grant, user.username),
    },
  ]);
  return grant;
}

export interface CreateUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly GrantInput[];
  /** Without one, a one-time password is generated; either way it must be changed at first login. */
  readonly password?: string | undefined;
  readonly mustChangePassword?: boolean | undefined;
}

/** Creates a user with their grants; returns the one-time password to hand over once. */
export async function createUser(
  db: Db,
  policy: AuthPolicy,
  principal: Principal,
  input: CreateUserInput,
): Promise<Result<UserWithGrants & { readonly password: string }, AppError>> {
  const username = input.username.trim().toLowerCase();
  if (!principal.access.isAdmin && input.grants.length === 0)
    return err(errors.grantInvalid("Cần cấp ít nhất một quyền trong phạm vi đơn vị của bạn"));
  const password = input.password ?? generatePassword();
  const problems = checkPasswordStrength(password, username);
  if (problems.length > 0) return err(errors.weakPassword(problems));
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, username)) return err(errors.usernameTaken(username));
    const orgIds: (number | null)[] = [];
    for (const g of input.grants) {
      const checked = await checkGrant(tx, principal.access, g);
      if (!checked.ok) return checked;
      orgIds.push(checked.value);
    }
    const now = policy.now();
    const user = await repo.insertUser(tx, {
      username,
      displayName: input.displayName.trim(),
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? true,
      now,
    });
    await appendAudit(tx, principal.actor, [
      {
        action: "user.create",
        entity: "user",
        entityId: user.id,
        orgId: orgIds[0] ?? null,
        before: null,
        after: userView(user),
      },
    ]);
    const grants: repo.GrantRecord[] = [];
    for (const [i, g] of input.grants.entries())
      grants.push(await insertGrantAudited(tx, principal, user, g, orgIds[i]!, now));
    return ok({ user, grants, password });
  });
}

/** Loads a user the principal may manage; others are "not found" (their existence does not leak). */
async function loadManaged(
  tx: Db,
  principal: Principal,
  userId: number,
): Promise<Result<UserWithGrants, AppError>> {
  const user = await repo.findUserById(tx, userId);
  if (!user) return err(errors.notFound("người dùng", userId));
  const grants = await repo.listGrants(tx, [userId]);
  if (!canManageUser(principal.access, grants)) return err(errors.notFound("người dùng", userId));
  return ok({ user, grants });
}

export async function listManagedUsers(db: Db, principal: Principal): Promise<UserWithGrants[]> {
  const access = principal.access;
  let users: repo.UserRecord[];
  if (access.isAdmin) users = await repo.listUsers(db);
  else if (access.writeScope.kind === "subtrees")
    users = await repo.listUsers(db, await repo.userIdsWithGrantsUnder(db, access.writeScope.paths));
  else users = [];
  const grants = await repo.listGrants(
    db,
    users.map((u) => u.id),
  );
  const byUser = Map.groupBy(grants, (g) => g.userId);
  return users
    .map((user) => ({ user, grants: byUser.get(user.id) ?? [] }))
    .filter((u) => canManageUser(access, u.grants));
}

export async function getManagedUser(db: Db, principal: Principal, userId: number) {
  return loadManaged(db, principal, userId);
}

export async function updateUser(
  db: Db,
  policy: AuthPolicy,
  principal: Principal,
  userId: number,
  input: { readonly displayName?: string | undefined; readonly disabled?: boolean | undefined },
): Promise<Result<UserWithGrants, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadManaged(tx, principal, userId);
    if (!loaded.ok) return loaded;
    const { user, grants } = loaded.value;
    if (input.disabled === true && !user.disabled && grants.some((g) => g.role === "admin")) {
      if ((await repo.countOtherActiveAdmins(tx, user.id)) === 0) return err(errors.lastAdmin());
    }
    const now = policy.now();
    const updated = await repo.updateUserFields(tx, userId, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      updatedAt: now,
    });
    if (input.disabled === true) await repo.deleteUserSessions(tx, userId, null);
    await appendAudit(tx, principal.actor, [
      {
        action: "user.update",
        entity: "user",
        entityId: userId,
        orgId: grants[0]?.orgId ?? null,
        before: userView(user),
        after: userView(updated),
      },
    ]);
    return ok({ user: updated, grants });
  });
}

/** A new one-time password; the user must change it at next login and loses every other session. */
export async function resetPassword(
  db: Db,
  policy: AuthPolicy,
  principal: Principal,
  userId: number,
): Promise<
  Result<
    { readonly user: repo.UserRecord; readonly password: string; readonly sessionsEnded: number },
    AppError
  >
> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const loaded = await loadManaged(tx, principal, userId);
    if (!loaded.ok) return loaded;
    const { user, grants } = loaded.value;
    const now = policy.now();
    const updated = await repo.updateUserFields(tx, userId, {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: now,
      updatedAt: now,
    });
    const sessionsEnded = await repo.deleteUserSessions(tx, userId, principal.sessionId);
    await appendAudit(tx, principal.actor, [
      {
        action: "user.password_reset",
        entity: "user",
        entityId: userId,
        orgId: grants[0]?.orgId ?? null,
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: true, sessionsEnded },
      },
    ]);
    return ok({ user: updated, password, sessionsEnded });
  });
}

export async function addGrant(
  db: Db,
  policy: AuthPolicy,
  principal: Principal,
  userId: number,
  input: GrantInput,
): Promise<Result<repo.GrantRecord, AppError>> {
  return db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) return err(errors.notFound("người dùng", userId));
    const existing = await repo.listGrants(tx, [userId]);
    // An officer may give a first grant to a user without any, or add to a user they manage.
    if (existing.length > 0 && !canManageUser(principal.access, existing))
      return err(errors.notFound("người dùng", userId));
    if (existing.length === 0 && !principal.access.canWrite) return err(errors.forbidden("cấp quyền"));
    const checked = await checkGrant(tx, principal.access, input);
    if (!checked.ok) return checked;
    const orgId = checked.value;
    const duplicate = existing.find(
      (g) => g.role === input.role && g.orgId === orgId && g.congressRef === (input.congressRef ?? null),
    );
    if (duplicate) return err(errors.grantInvalid("Người dùng đã có quyền này"));
    return ok(await insertGrantAudited(tx, principal, user, input, orgId, policy.now()));
  });
}

export async function removeGrant(
  db: Db,
  principal: Principal,
  userId: number,
  grantId: number,
): Promise<Result<void, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadManaged(tx, principal, userId);
    if (!loaded.ok) return loaded;
    const grant = loaded.value.grants.find((g) => g.id === grantId);
    if (!grant) return err(errors.notFound("quyền", grantId));
    if (grant.role === "admin" && (await repo.countOtherActiveAdmins(tx, userId)) === 0)
      return err(errors.lastAdmin());
    await repo.deleteGrant(tx, grantId);
    await appendAudit(tx, principal.actor, [
      {
        action: "grant.delete",
        entity: "user_grant",
        entityId: grantId,
        orgId: grant.orgId,
        before: grantView(grant, loaded.value.user.username),
        after: null,
      },
    ]);
    return ok();
  });
}

// ---------------------------------------------------------------- administrators from the command line

/**
 * Creates an administrator with a one-time password (changed at first login). Used on first start
 * of an empty database and by `daihoi users create-admin`.
 */
export async function createAdministrator(
  db: Db,
  actor: Actor,
  username = "admin",
  policy: AuthPolicy = DEFAULT_AUTH_POLICY,
): Promise<Result<{ readonly username: string; readonly password: string }, AppError>> {
  const created = await createUser(
    db,
    policy,
    {
      actor,
      access: {
        isAdmin: true,
        readScope: { kind: "all" },
        writeScope: { kind: "all" },
        canWrite: true,
        petitionsScope: { kind: "all" },
      },
      sessionId: null,
    },
    { username, displayName: "Quản trị hệ thống", grants: [{ role: "admin" }] },
  );
  if (!created.ok) return created;
  return ok({ username: created.value.user.username, password: created.value.password });
}

/** On an empty users table: the first administrator `admin`, or null when there are users already. */
export async function ensureFirstAdministrator(
  db: Db,
  actor: Actor,
): Promise<{ readonly username: string; readonly password: string } | null> {
  if ((await repo.countUsers(db)) > 0) return null;
  const created = await createAdministrator(db, actor);
  return created.ok ? created.value : null;
}

/** A user by username (the command line acts as a named member), or null. */
export async function findUserByName(db: Db, username: string): Promise<repo.UserRecord | null> {
  return (await repo.findUserByUsername(db, username)) ?? null;
}
