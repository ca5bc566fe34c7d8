/**
 * All SQL about elections, their lists, bundles, clerk entries, ballots and the entry log. Scope
 * checks are the service's (an election is seen through its congress's organisation, or through a
 * counting-committee grant on the congress), so these functions take ids the service has checked.
 */
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Ballot } from "../../domain/election/index.ts";
import type { Db } from "../client.ts";
import { congress, organisation, season, seasonLevel, userGrant } from "../schema.ts";
import {
  election,
  electionBallot,
  electionBundle,
  electionCandidate,
  electionEntry,
  electionLog,
} from "../schema-elections.ts";

export type ElectionRow = typeof election.$inferSelect;
export type ElectionInsert = typeof election.$inferInsert;
export type CandidateRow = typeof electionCandidate.$inferSelect;
export type BundleRow = typeof electionBundle.$inferSelect;
export type EntryRow = typeof electionEntry.$inferSelect;
export type BallotRow = typeof electionBallot.$inferSelect;
export type LogRow = typeof electionLog.$inferSelect;

/** An election with what its checks and documents need: its congress, organisation and season. */
export interface ElectionContext {
  readonly election: ElectionRow;
  readonly congress: {
    readonly id: number;
    readonly seasonId: number;
    readonly orgId: number;
    readonly status: string;
    readonly type: string;
  };
  readonly org: {
    readonly id: number;
    readonly path: string;
    readonly name: string;
    readonly level: string;
    readonly kind: string;
  };
  readonly season: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly termStart: number;
    readonly termEnd: number;
  };
  /** The term of the congress's level (branches 2020–2022 in the 2020 season); null: the season's. */
  readonly levelTerm: { readonly start: number; readonly end: number } | null;
}

const contextColumns = {
  election,
  congressId: congress.id,
  seasonId: congress.seasonId,
  orgId: congress.orgId,
  congressStatus: congress.status,
  congressType: congress.type,
  orgPath: sql<string>`${organisation.path}::text`,
  orgName: organisation.name,
  orgLevel: organisation.levelCode,
  orgKind: organisation.kindCode,
  levelTermStart: seasonLevel.termStart,
  levelTermEnd: seasonLevel.termEnd,
  seasonCode: season.code,
  seasonName: season.name,
  termStart: season.termStart,
  termEnd: season.termEnd,
};

type ContextRaw = {
  election: ElectionRow;
  congressId: number;
  seasonId: number;
  orgId: number;
  congressStatus: string;
  congressType: string;
  orgPath: string;
  orgName: string;
  orgLevel: string;
  orgKind: string;
  levelTermStart: number | null;
  levelTermEnd: number | null;
  seasonCode: string;
  seasonName: string;
  termStart: number;
  termEnd: number;
};

function toContext(r: ContextRaw): ElectionContext {
  return {
    election: r.election,
    congress: {
      id: r.congressId,
      seasonId: r.seasonId,
      orgId: r.orgId,
      status: r.congressStatus,
      type: r.congressType,
    },
    org: { id: r.orgId, path: r.orgPath, name: r.orgName, level: r.orgLevel, kind: r.orgKind },
    season: {
      id: r.seasonId,
      code: r.seasonCode,
      name: r.seasonName,
      termStart: r.termStart,
      termEnd: r.termEnd,
    },
    levelTerm:
      r.levelTermStart !== null && r.levelTermEnd !== null
        ? { start: r.levelTermStart, end: r.levelTermEnd }
        : null,
  };
}

function contextQuery(db: Db) {
  return db
    .select(contextColumns)
    .from(election)
    .innerJoin(congress, eq(congress.id, election.congressId))
    .innerJoin(organisation, eq(organisation.id, congress.orgId))
    .innerJoin(season, eq(season.id, congress.seasonId))
    .leftJoin(
      seasonLevel,
      and(eq(seasonLevel.seasonId, congress.seasonId), eq(seasonLevel.code, congress.levelCode)),
    );
}

/**
 * The organisation and its ancestors, nearest first, with their names and kinds: the minutes'
 * dateline takes the place name of the nearest administrative unit.
 */
export async function listOrgChain(db: Db, path: string): Promise<{ name: string; kind: string }[]> {
  const ids = path.split(".").map(Number);
  const rows = await db
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kindCode })
    .from(organisation)
    .where(inArray(organisation.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .reverse()
    .flatMap((id) => (byId.has(id) ? [{ name: byId.get(id)!.name, kind: byId.get(id)!.kind }] : []));
}

/**
 * `lock` takes the election row FOR NO KEY UPDATE (serialises changes to one count); not FOR UPDATE,
 * which would block the key-share locks inserts of log rows and entries take, and deadlock.
 */
export async function findElectionContext(db: Db, id: number, lock = false): Promise<ElectionContext | null> {
  const q = contextQuery(db).where(eq(election.id, id));
  const rows = (lock ? await q.for("no key update", { of: election }) : await q) as ContextRaw[];
  return rows[0] ? toContext(rows[0]) : null;
}

export async function listElectionContexts(
  db: Db,
  filter: { readonly congressId?: number | undefined },
): Promise<ElectionContext[]> {
  const rows = (await contextQuery(db)
    .where(filter.congressId !== undefined ? eq(election.congressId, filter.congressId) : sql`true`)
    .orderBy(asc(election.congressId), asc(election.id))) as ContextRaw[];
  return rows.map(toContext);
}

/** The congress an election is created for, with its organisation's path (scope checks). */
export async function findCongressForElection(
  db: Db,
  congressId: number,
): Promise<{ id: number; orgId: number; orgPath: string; orgName: string } | null> {
  const rows = await db
    .select({
      id: congress.id,
      orgId: congress.orgId,
      orgPath: sql<string>`${organisation.path}::text`,
      orgName: organisation.name,
    })
    .from(congress)
    .innerJoin(organisation, eq(organisation.id, congress.orgId))
    .where(eq(congress.id, congressId));
  return rows[0] ?? null;
}

export async function insertElection(db: Db, values: ElectionInsert): Promise<number> {
  const [row] = await db.insert(election).values(values).returning({ id: election.id });
  return row!.id;
}

export async function updateElection(db: Db, id: number, values: Partial<ElectionInsert>): Promise<void> {
  await db
    .update(election)
    .set({ ...values, updatedAt: new Date(), version: sql`${election.version} + 1` })
    .where(eq(election.id, id));
}

export async function listCandidates(db: Db, electionIds: readonly number[]): Promise<CandidateRow[]> {
  if (electionIds.length === 0) return [];
  return db
    .select()
    .from(electionCandidate)
    .where(inArray(electionCandidate.electionId, [...electionIds]))
    .orderBy(asc(electionCandidate.electionId), asc(electionCandidate.position));
}

export async function replaceCandidates(
  db: Db,
  electionId: number,
  list: readonly Omit<typeof electionCandidate.$inferInsert, "electionId" | "position">[],
): Promise<void> {
  await db.delete(electionCandidate).where(eq(electionCandidate.electionId, electionId));
  if (list.length === 0) return;
  await db.insert(electionCandidate).values(list.map((c, i) => ({ ...c, electionId, position: i + 1 })));
}

// --- bundles ----------------------------------------------------------------------------------

export async function listBundles(db: Db, electionId: number): Promise<BundleRow[]> {
  return db
    .select()
    .from(electionBundle)
    .where(eq(electionBundle.electionId, electionId))
    .orderBy(asc(electionBundle.number));
}

export async function findBundle(
  db: Db,
  electionId: number,
  bundleId: number,
  lock = false,
): Promise<BundleRow | null> {
  const q = db
    .select()
    .from(electionBundle)
    .where(and(eq(electionBundle.electionId, electionId), eq(electionBundle.id, bundleId)));
  const rows = lock ? await q.for("no key update") : await q;
  return rows[0] ?? null;
}

export async function insertBundles(
  db: Db,
  electionId: number,
  bundles: readonly { number: number; expectedBallots: number }[],
): Promise<number[]> {
  if (bundles.length === 0) return [];
  const rows = await db
    .insert(electionBundle)
    .values(bundles.map((b) => ({ ...b, electionId })))
    .returning({ id: electionBundle.id });
  return rows.map((r) => r.id);
}

export async function updateBundle(
  db: Db,
  bundleId: number,
  values: Partial<typeof electionBundle.$inferInsert>,
): Promise<void> {
  await db.update(electionBundle).set(values).where(eq(electionBundle.id, bundleId));
}

// --- entries ----------------------------------------------------------------------------------

export interface EntryWithCount extends EntryRow {
  readonly bundleNumber: number;
  readonly ballotCount: number;
}

const liveCount = sql<number>`(select count(*)::int from ${electionBallot} b where b.entry_id = ${electionEntry.id} and b.undone_at is null)`;

export async function listEntries(
  db: Db,
  electionId: number,
  filter: { readonly bundleId?: number; readonly liveOnly?: boolean } = {},
): Promise<EntryWithCount[]> {
  const rows = await db
    .select({ entry: electionEntry, bundleNumber: electionBundle.number, ballotCount: liveCount })
    .from(electionEntry)
    .innerJoin(electionBundle, eq(electionBundle.id, electionEntry.bundleId))
    .where(
      and(
        eq(electionEntry.electionId, electionId),
        filter.bundleId !== undefined ? eq(electionEntry.bundleId, filter.bundleId) : sql`true`,
        filter.liveOnly ? ne(electionEntry.status, "discarded") : sql`true`,
      ),
    )
    .orderBy(asc(electionBundle.number), asc(electionEntry.id));
  return rows.map((r) => ({ ...r.entry, bundleNumber: r.bundleNumber, ballotCount: Number(r.ballotCount) }));
}

export async function findEntry(
  db: Db,
  electionId: number,
  entryId: number,
  lock = false,
): Promise<EntryRow | null> {
  const q = db
    .select()
    .from(electionEntry)
    .where(and(eq(electionEntry.electionId, electionId), eq(electionEntry.id, entryId)));
  const rows = lock ? await q.for("no key update") : await q;
  return rows[0] ?? null;
}

export async function findLiveEntryOf(db: Db, bundleId: number, userId: number): Promise<EntryRow | null> {
  const rows = await db
    .select()
    .from(electionEntry)
    .where(
      and(
        eq(electionEntry.bundleId, bundleId),
        eq(electionEntry.clerkUserId, userId),
        ne(electionEntry.status, "discarded"),
      ),
    );
  return rows[0] ?? null;
}

/** Inserts a live entry; null when the clerk already has one (a concurrent start). */
export async function insertEntry(
  db: Db,
  values: { electionId: number; bundleId: number; clerkUserId: number; clerkLabel: string },
): Promise<number | null> {
  const rows = await db
    .insert(electionEntry)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: electionEntry.id });
  return rows[0]?.id ?? null;
}

export async function setEntryStatus(
  db: Db,
  entryIds: readonly number[],
  status: "entering" | "finished" | "discarded",
): Promise<void> {
  if (entryIds.length === 0) return;
  await db
    .update(electionEntry)
    .set({ status, finishedAt: status === "finished" ? new Date() : null })
    .where(inArray(electionEntry.id, [...entryIds]));
}

// --- ballots ----------------------------------------------------------------------------------

export async function findBallotByKey(db: Db, key: string): Promise<BallotRow | null> {
  const rows = await db.select().from(electionBallot).where(eq(electionBallot.idempotencyKey, key));
  return rows[0] ?? null;
}

export async function nextSeq(db: Db, entryId: number): Promise<number> {
  const rows = await db
    .select({ m: sql<number>`coalesce(max(${electionBallot.seq}), 0)::int` })
    .from(electionBallot)
    .where(eq(electionBallot.entryId, entryId));
  return Number(rows[0]?.m ?? 0) + 1;
}

/** Inserts a ballot unless its key exists (a concurrent retry): returns null then. */
export async function insertBallot(
  db: Db,
  values: { entryId: number; electionId: number; seq: number; ballot: Ballot; idempotencyKey: string },
): Promise<BallotRow | null> {
  const rows = await db
    .insert(electionBallot)
    .values(values)
    .onConflictDoNothing({ target: electionBallot.idempotencyKey })
    .returning();
  return rows[0] ?? null;
}

/** Ballots of entries in entry order (live only unless `withUndone`). */
export async function listBallots(
  db: Db,
  entryIds: readonly number[],
  withUndone = false,
): Promise<BallotRow[]> {
  if (entryIds.length === 0) return [];
  const rows = await db
    .select()
    .from(electionBallot)
    .where(
      and(
        inArray(electionBallot.entryId, [...entryIds]),
        withUndone ? sql`true` : isNull(electionBallot.undoneAt),
      ),
    )
    .orderBy(asc(electionBallot.entryId), asc(electionBallot.seq));
  return rows;
}

export async function markUndone(db: Db, ballotId: number): Promise<void> {
  await db.update(electionBallot).set({ undoneAt: new Date() }).where(eq(electionBallot.id, ballotId));
}

export async function countLiveBallots(db: Db, entryId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(electionBallot)
    .where(and(eq(electionBallot.entryId, entryId), isNull(electionBallot.undoneAt)));
  return Number(rows[0]?.n ?? 0);
}

/** The ballots that stand: those of each accepted bundle's accepted entry, in bundle order. */
export async function acceptedBallots(db: Db, electionId: number): Promise<Ballot[]> {
  const rows = await db
    .select({ ballot: electionBallot.ballot })
    .from(electionBallot)
    .innerJoin(electionBundle, eq(electionBundle.acceptedEntryId, electionBallot.entryId))
    .where(
      and(
        eq(electionBundle.electionId, electionId),
        eq(electionBundle.status, "accepted"),
        isNull(electionBallot.undoneAt),
      ),
    )
    .orderBy(asc(electionBundle.number), asc(electionBallot.seq));
  return rows.map((r) => r.ballot);
}

// --- log --------------------------------------------------------------------------------------

export async function appendLog(
  db: Db,
  rows: readonly Omit<typeof electionLog.$inferInsert, "id">[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(electionLog).values([...rows]);
}

export async function listLog(
  db: Db,
  electionId: number,
  after: number,
  limit: number | null,
): Promise<LogRow[]> {
  const q = db
    .select()
    .from(electionLog)
    .where(and(eq(electionLog.electionId, electionId), gt(electionLog.id, after)))
    .orderBy(asc(electionLog.id));
  return limit === null ? q : q.limit(limit);
}

export async function notifyElection(db: Db, channel: string, payload: unknown): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

/** The newest season's congress of an organisation (demo seeding). */
export async function findLatestCongressOfOrg(db: Db, orgId: number): Promise<number | null> {
  const rows = await db
    .select({ id: congress.id })
    .from(congress)
    .where(eq(congress.orgId, orgId))
    .orderBy(desc(congress.seasonId))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Points the users' counting-committee grants without a congress at `congressId`; returns how many. */
export async function assignCountingGrants(
  db: Db,
  userIds: readonly number[],
  congressId: number,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .update(userGrant)
    .set({ congressRef: String(congressId) })
    .where(
      and(
        inArray(userGrant.userId, [...userIds]),
        eq(userGrant.role, "counting_member"),
        isNull(userGrant.congressRef),
      ),
    )
    .returning({ id: userGrant.id });
  return rows.length;
}

/** Live ballots of an entry and the next sequence number, in one query (the append path). */
export async function entryCounts(db: Db, entryId: number): Promise<{ live: number; nextSeq: number }> {
  const rows = await db
    .select({
      live: sql<number>`count(*) filter (where ${electionBallot.undoneAt} is null)::int`,
      max: sql<number>`coalesce(max(${electionBallot.seq}), 0)::int`,
    })
    .from(electionBallot)
    .where(eq(electionBallot.entryId, entryId));
  return { live: Number(rows[0]?.live ?? 0), nextSeq: Number(rows[0]?.max ?? 0) + 1 };
}

export async function countCandidates(db: Db, electionId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(electionCandidate)
    .where(eq(electionCandidate.electionId, electionId));
  return Number(rows[0]?.n ?? 0);
}
