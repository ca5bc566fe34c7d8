/**
 * Accounts: login and sessions, passwords, one's own password, and the audit views of users and
 * grants (managing users is services/users.ts). Never an audit entry with a password or its hash.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import type { GrantRecord, UserRecord } from "../db/repositories/users.ts";
import * as repo from "../db/repositories/users.ts";
import { checkPasswordStrength } from "../domain/accounts/index.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { type Access, accessFromGrants, type Principal } from "./access.ts";
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

export function userView(u: repo.UserRecord) {
  return {
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
  };
}

export function grantView(g: repo.GrantRecord, username: string) {
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
