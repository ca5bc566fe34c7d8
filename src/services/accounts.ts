/**
 * Accounts: login and sessions, passwords, users and their grants. Every change to users or grants
 * appends an audit entry in the same transaction (never a password or its hash).
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { type Actor, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgById } from "../db/repositories/organisations.ts";
import type { GrantRecord, UserRecord } from "../db/repositories/users.ts";
import * as repo from "../db/repositories/users.ts";
import { checkPasswordStrength, ROLE_NAMES, type Role, roleNeedsOrg } from "../domain/accounts/index.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { type Access, accessFromGrants, type Principal, pathInScope } from "./access.ts";
import { type AppError, errors } from "./errors.ts";

/** A user account and one of its grants, as the services return them. */
export type User = UserRecord;
export type Grant = GrantRecord;

// ---------------------------------------------------------------- policy

export interface AuthPolicy {
  /** A session unused for this long ends. */
  readonly idleMs: number;
  /** A session ends this long after login, used or not. */
  readonly absoluteMs: number;
  /** Failed logins for one username (since its last success) before a temporary lockout. */
  readonly maxFailures: number;
  /** Failed logins from one address before that address is locked out. */
  readonly maxFailuresPerAddress: number;
  /** How long a lockout lasts after the last counted failure; also the window failures count in. */
  readonly lockoutMs: number;
  /** The clock (tests inject one). */
  readonly now: () => Date;
}

const MINUTE = 60_000;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  idleMs: 30 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  maxFailures: 5,
  maxFailuresPerAddress: 50,
  lockoutMs: 15 * MINUTE,
  now: () => new Date(),
};

/** DAIHOI_SESSION_IDLE_MINUTES, DAIHOI_SESSION_HOURS, DAIHOI_LOGIN_MAX_FAILURES, DAIHOI_LOCKOUT_MINUTES. */
export function authPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): AuthPolicy {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    ...DEFAULT_AUTH_POLICY,
    idleMs: num("DAIHOI_SESSION_IDLE_MINUTES", 30) * MINUTE,
    absoluteMs: num("DAIHOI_SESSION_HOURS", 12) * 60 * MINUTE,
    maxFailures: num("DAIHOI_LOGIN_MAX_FAILURES", 5),
    maxFailuresPerAddress: num("DAIHOI_LOGIN_MAX_FAILURES_PER_ADDRESS", 50),
    lockoutMs: num("DAIHOI_LOCKOUT_MINUTES", 15) * MINUTE,
  };
}

// ---------------------------------------------------------------- passwords

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id (m=19 MiB, t=2, p=1: the OWASP minimum).
  return hash(password);
}

let dummyHash: Promise<string> | null = null;
/** Verifying against this when the username is unknown makes both answers take as long. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomBytes(16).toString("hex"));
  return dummyHash;
}

const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password people can type: 3 groups of 4, with letters and digits. */
export function generatePassword(): string {
  for (;;) {
    const groups = [0, 1, 2].map(() =>
      Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""),
    );
    const p = groups.join("-");
    if (/\d/.test(p) && /[a-zA-Z]/.test(p)) return p;
  }
}

function sha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// ---------------------------------------------------------------- sessions

export interface SessionUser {
  readonly user: repo.UserRecord;
  readonly grants: readonly repo.GrantRecord[];
  readonly access: Access;
  /** sha256 of the cookie token: the session's id in the database. */
  readonly sessionId: string;
  readonly expiresAt: Date;
}

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string | null;
}

export interface LoginSuccess {
  /** The cookie value: shown to the browser only, stored hashed. */
  readonly token: string;
  readonly session: SessionUser;
}

function minutesLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / MINUTE));
}

export async function login(
  db: Db,
  policy: AuthPolicy,
  input: LoginInput,
): Promise<Result<LoginSuccess, AppError>> {
  const username = input.username.trim().toLowerCase();
  const now = policy.now();
  const since = new Date(now.getTime() - policy.lockoutMs);

  // Attempts are counted for any username, known or not, so a lockout reveals nothing either.
  const [byName, byAddress] = await Promise.all([
    repo.recentFailuresForUsername(db, username, since),
    repo.recentFailuresForAddress(db, input.ip, since),
  ]);
  if (byName.failures >= policy.maxFailures && byName.lastFailureAt)
    return err(
      errors.loginLocked(minutesLeft(byName.lastFailureAt.getTime() + policy.lockoutMs, now.getTime())),
    );
  if (byAddress.failures >= policy.maxFailuresPerAddress && byAddress.lastFailureAt)
    return err(
      errors.loginLocked(minutesLeft(byAddress.lastFailureAt.getTime() + policy.lockoutMs, now.getTime())),
    );

  const found = username ? await repo.findUserForLogin(db, username) : null;
  const passwordOk = await verify(found?.passwordHash ?? (await dummyPasswordHash()), input.password).catch(
    () => false,
  );
  const success = Boolean(found && passwordOk && !found.disabled);
  await repo.recordLoginAttempt(db, { at: now, username: username.slice(0, 100), ip: input.ip, success });
  if (!success || !found) return err(errors.loginFailed());

  const token = randomBytes(32).toString("base64url");
  const sessionId = sha256(token);
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await repo.insertSession(db, {
    id: sessionId,
    userId: found.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  const user = await repo.updateUserFields(db, found.id, { lastLoginAt: now });
  const grants = await repo.listGrants(db, [user.id]);
  return ok({
    token,
    session: { user, grants, access: accessFromGrants(grants), sessionId, expiresAt },
  });
}

/** Don't write last_seen_at on every request: once a minute is precise enough for idle expiry. */
const TOUCH_EVERY_MS = MINUTE;

/** The signed-in user behind a cookie token, or null when there is none or it has expired. */
export async function resolveSession(db: Db, policy: AuthPolicy, token: string): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const session = await repo.findSession(db, id);
  if (!session) return null;
  const now = policy.now();
  if (now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs) {
    await repo.deleteSession(db, id);
    return null;
  }
  const user = await repo.findUserById(db, session.userId);
  if (!user || user.disabled) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  const grants = await repo.listGrants(db, [user.id]);
  return { user, grants, access: accessFromGrants(grants), sessionId: id, expiresAt: session.expiresAt };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

/** Housekeeping, run now and then by the server: expired sessions and attempts that no longer count. */
export async function pruneAuthTables(db: Db, policy: AuthPolicy): Promise<void> {
  const now = policy.now().getTime();
  await repo.deleteExpiredSessions(db, new Date(now), new Date(now - policy.idleMs));
  await repo.deleteOldLoginAttempts(db, new Date(now - Math.max(policy.lockoutMs, 24 * 60 * MINUTE)));
}

// ---------------------------------------------------------------- audit views

function userView(u: repo.UserRecord) {
  return {
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
  };
}

function grantView(g: repo.GrantRecord, username: string) {
  return {
    userId: g.userId,
    username,
    role: g.role,
    orgId: g.orgId,
    orgCode: g.orgCode,
    congressRef: g.congressRef,
    petitions: g.petitions,
  };
}

// ---------------------------------------------------------------- own password

export async function changeOwnPassword(
  db: Db,
  policy: AuthPolicy,
  principal: Principal & { readonly userId: number },
  input: { readonly currentPassword: string; readonly newPassword: string },
): Promise<Result<repo.UserRecord, AppError>> {
  const user = await repo.findUserById(db, principal.userId);
  const current = await repo.findPasswordHash(db, principal.userId);
  if (!user || !current) return err(errors.authRequired());
  if (!(await verify(current, input.currentPassword).catch(() => false)))
    return err(errors.wrongCurrentPassword());
  const problems = checkPasswordStrength(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) problems.push("Mật khẩu mới phải khác mật khẩu hiện tại");
  if (problems.length > 0) return err(errors.weakPassword(problems));
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const now = policy.now();
    const updated = await repo.updateUserFields(tx, user.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    });
    // Whoever might have known the old password loses their sessions; this one stays.
    const ended = await repo.deleteUserSessions(tx, user.id, principal.sessionId);
    await appendAudit(tx, principal.actor, [
      {
        action: "user.password_change",
        entity: "user",
        entityId: user.id,
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: false, otherSessionsEnded: ended },
      },
    ]);
    return ok(updated);
  });
}

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
