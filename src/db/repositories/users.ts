/**
 * All SQL about accounts: users, grants, sessions and login attempts. Rows are mapped explicitly;
 * password hashes leave this file only through `findUserForLogin`.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Role } from "../../domain/accounts/index.ts";
import type { Db } from "../client.ts";
import { appUser, loginAttempt, organisation, userGrant, userSession } from "../schema.ts";

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly passwordChangedAt: Date | null;
  readonly lastLoginAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface GrantRecord {
  readonly id: number;
  readonly userId: number;
  readonly role: Role;
  readonly orgId: number | null;
  readonly orgCode: string | null;
  readonly orgName: string | null;
  /** The granted organisation's ltree path: the subtree the grant covers. */
  readonly orgPath: string | null;
  readonly congressRef: string | null;
  readonly petitions: boolean;
  readonly createdAt: Date;
}

const userColumns = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  mustChangePassword: appUser.mustChangePassword,
  disabled: appUser.disabled,
  passwordChangedAt: appUser.passwordChangedAt,
  lastLoginAt: appUser.lastLoginAt,
  createdAt: appUser.createdAt,
  updatedAt: appUser.updatedAt,
};

const grantColumns = {
  id: userGrant.id,
  userId: userGrant.userId,
  role: userGrant.role,
  orgId: userGrant.orgId,
  orgCode: organisation.code,
  orgName: organisation.name,
  orgPath: organisation.path,
  congressRef: userGrant.congressRef,
  petitions: userGrant.petitions,
  createdAt: userGrant.createdAt,
};

function asGrant(r: { role: string } & Omit<GrantRecord, "role">): GrantRecord {
  return { ...r, role: r.role as Role };
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(appUser);
  return rows[0]?.n ?? 0;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  const rows = await db.select(userColumns).from(appUser).where(eq(appUser.id, id));
  return rows[0] ?? null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const rows = await db.select(userColumns).from(appUser).where(eq(appUser.username, username));
  return rows[0] ?? null;
}

export async function findUserForLogin(
  db: Db,
  username: string,
): Promise<(UserRecord & { readonly passwordHash: string }) | null> {
  const rows = await db
    .select({ ...userColumns, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(eq(appUser.username, username));
  return rows[0] ?? null;
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | null> {
  const rows = await db
    .select({ passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(eq(appUser.id, userId));
  return rows[0]?.passwordHash ?? null;
}

export async function listUsers(db: Db, ids?: readonly number[]): Promise<UserRecord[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select(userColumns)
    .from(appUser)
    .where(ids ? inArray(appUser.id, [...ids]) : undefined)
    .orderBy(asc(appUser.username));
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly now: Date;
}

export async function insertUser(db: Db, u: NewUser): Promise<UserRecord> {
  const [row] = await db
    .insert(appUser)
    .values({
      username: u.username,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      mustChangePassword: u.mustChangePassword,
      passwordChangedAt: u.now,
      createdAt: u.now,
      updatedAt: u.now,
    })
    .returning(userColumns);
  return row!;
}

export async function updateUserFields(
  db: Db,
  id: number,
  fields: {
    readonly displayName?: string;
    readonly disabled?: boolean;
    readonly passwordHash?: string;
    readonly mustChangePassword?: boolean;
    readonly passwordChangedAt?: Date;
    readonly lastLoginAt?: Date;
    readonly updatedAt?: Date;
  },
): Promise<UserRecord> {
  const [row] = await db.update(appUser).set(fields).where(eq(appUser.id, id)).returning(userColumns);
  return row!;
}

// ---------------------------------------------------------------- grants

export async function listGrants(db: Db, userIds: readonly number[]): Promise<GrantRecord[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select(grantColumns)
    .from(userGrant)
    .leftJoin(organisation, eq(organisation.id, userGrant.orgId))
    .where(inArray(userGrant.userId, [...userIds]))
    .orderBy(asc(userGrant.userId), asc(userGrant.id));
  return rows.map(asGrant);
}

export async function findGrant(db: Db, id: number): Promise<GrantRecord | null> {
  const rows = await db
    .select(grantColumns)
    .from(userGrant)
    .leftJoin(organisation, eq(organisation.id, userGrant.orgId))
    .where(eq(userGrant.id, id));
  return rows[0] ? asGrant(rows[0]) : null;
}

/** Users holding at least one grant on an organisation inside one of `paths` (for officers' lists). */
export async function userIdsWithGrantsUnder(db: Db, paths: readonly string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: userGrant.userId })
    .from(userGrant)
    .innerJoin(organisation, eq(organisation.id, userGrant.orgId))
    .where(sql`${sql.raw(`'{${paths.join(",")}}'`)}::ltree[] @> ${organisation.path}`);
  return rows.map((r) => r.userId);
}

export interface NewGrant {
  readonly userId: number;
  readonly role: Role;
  readonly orgId: number | null;
  readonly congressRef: string | null;
  readonly petitions: boolean;
  readonly createdBy: number | null;
  readonly now: Date;
}

export async function insertGrant(db: Db, g: NewGrant): Promise<number> {
  const [row] = await db
    .insert(userGrant)
    .values({
      userId: g.userId,
      role: g.role,
      orgId: g.orgId,
      congressRef: g.congressRef,
      petitions: g.petitions,
      createdBy: g.createdBy,
      createdAt: g.now,
    })
    .returning({ id: userGrant.id });
  return row!.id;
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
  await db.delete(userGrant).where(eq(userGrant.id, id));
}

/** Active administrators other than `exceptUserId` (the last one may not be removed). */
export async function countOtherActiveAdmins(db: Db, exceptUserId: number): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(userGrant)
    .innerJoin(appUser, eq(appUser.id, userGrant.userId))
    .where(
      and(eq(userGrant.role, "admin"), eq(appUser.disabled, false), sql`${appUser.id} <> ${exceptUserId}`),
    );
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------- sessions

export interface SessionRecord {
  readonly id: string;
  readonly userId: number;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export async function insertSession(
  db: Db,
  s: SessionRecord & { readonly ip: string | null; readonly userAgent: string | null },
): Promise<void> {
  await db.insert(userSession).values({
    id: s.id,
    userId: s.userId,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    ip: s.ip,
    userAgent: s.userAgent?.slice(0, 500) ?? null,
  });
}

export async function findSession(db: Db, id: string): Promise<SessionRecord | null> {
  const rows = await db
    .select({
      id: userSession.id,
      userId: userSession.userId,
      createdAt: userSession.createdAt,
      lastSeenAt: userSession.lastSeenAt,
      expiresAt: userSession.expiresAt,
    })
    .from(userSession)
    .where(eq(userSession.id, id));
  return rows[0] ?? null;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(userSession).where(eq(userSession.id, id));
}

/** Ends every session of a user except `keepId` (the caller's own, when they reset themselves). */
export async function deleteUserSessions(db: Db, userId: number, keepId: string | null): Promise<number> {
  const rows = await db
    .delete(userSession)
    .where(
      keepId
        ? and(eq(userSession.userId, userId), sql`${userSession.id} <> ${keepId}`)
        : eq(userSession.userId, userId),
    )
    .returning({ id: userSession.id });
  return rows.length;
}

export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const rows = await db.select({ n: count() }).from(userSession).where(eq(userSession.userId, userId));
  return rows[0]?.n ?? 0;
}

/** Housekeeping: sessions past their absolute expiry, or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Db, now: Date, idleBefore: Date): Promise<void> {
  await db
    .delete(userSession)
    .where(or(lt(userSession.expiresAt, now), lt(userSession.lastSeenAt, idleBefore)));
}

// ---------------------------------------------------------------- login attempts

export async function recordLoginAttempt(
  db: Db,
  a: { readonly at: Date; readonly username: string; readonly ip: string; readonly success: boolean },
): Promise<void> {
  await db.insert(loginAttempt).values(a);
}

/**
 * Failures for `username` since `since` and after its last success, with the newest failure's
 * time (the lockout runs from there).
 */
export async function recentFailuresForUsername(
  db: Db,
  username: string,
  since: Date,
): Promise<{ failures: number; lastFailureAt: Date | null }> {
  const lastSuccess = await db
    .select({ at: loginAttempt.at })
    .from(loginAttempt)
    .where(
      and(eq(loginAttempt.username, username), eq(loginAttempt.success, true), gte(loginAttempt.at, since)),
    )
    .orderBy(desc(loginAttempt.at))
    .limit(1);
  const from = lastSuccess[0] && lastSuccess[0].at > since ? lastSuccess[0].at : since;
  const rows = await db
    .select({ n: count(), last: sql<Date | null>`max(${loginAttempt.at})`.mapWith(loginAttempt.at) })
    .from(loginAttempt)
    .where(
      and(eq(loginAttempt.username, username), eq(loginAttempt.success, false), gt(loginAttempt.at, from)),
    );
  return { failures: rows[0]?.n ?? 0, lastFailureAt: rows[0]?.last ?? null };
}

export async function recentFailuresForAddress(
  db: Db,
  ip: string,
  since: Date,
): Promise<{ failures: number; lastFailureAt: Date | null }> {
  const rows = await db
    .select({ n: count(), last: sql<Date | null>`max(${loginAttempt.at})`.mapWith(loginAttempt.at) })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.ip, ip), eq(loginAttempt.success, false), gt(loginAttempt.at, since)));
  return { failures: rows[0]?.n ?? 0, lastFailureAt: rows[0]?.last ?? null };
}

/** Keeps the attempts table small: attempts older than `before` no longer count for anything. */
export async function deleteOldLoginAttempts(db: Db, before: Date): Promise<void> {
  await db.delete(loginAttempt).where(lt(loginAttempt.at, before));
}
