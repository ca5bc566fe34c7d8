/**
 * All SQL about letters (đơn thư). A letter is in a caller's scope when its organisation is; the
 * services pass the petitions scope (narrower than the read scope) for anything showing content.
 * The existence-only questions (how many open letters concern these people, or bear on this
 * congress) take no scope: they return counts, never content.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  Channel,
  CompetentBody,
  Conclusion,
  PetitionKind,
  PetitionSettings,
  PetitionStatus,
  SenderIdentity,
  SenderType,
} from "../../domain/complaints/types.ts";
import type { Db } from "../client.ts";
import {
  congress,
  organisation,
  person,
  petition,
  petitionAttachment,
  petitionSettings,
  petitionStep,
  petitionSubject,
  post,
  season,
} from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

/** Statuses of a letter still being processed (domain `isOpen`). */
export const OPEN_STATUSES: readonly PetitionStatus[] = ["received", "triaged", "in_handling"];

/** What the sender wrote and where it was received: as registered, stored and read back. */
export interface PetitionLetter {
  readonly orgId: number;
  readonly receivedOn: string;
  readonly channel: Channel;
  readonly senderType: SenderType;
  readonly senderIdentity: SenderIdentity;
  readonly senderName: string | null;
  readonly senderAddress: string | null;
  readonly kind: PetitionKind;
  readonly summary: string;
  readonly congressId: number | null;
  readonly concernsPersonnel: boolean;
}

export interface PetitionRecord extends PetitionLetter {
  readonly id: number;
  readonly code: string;
  readonly orgName: string;
  readonly orgPath: string;
  /** The congress's organisation name, season code, and the day it opens (actual or planned). */
  readonly congressOrgId: number | null;
  readonly congressOrgName: string | null;
  readonly congressSeasonId: number | null;
  readonly congressOpensOn: string | null;
  readonly status: PetitionStatus;
  readonly competentBody: CompetentBody | null;
  readonly assigneeName: string | null;
  readonly deadline: string | null;
  readonly deadlineRule: string | null;
  readonly conclusion: Conclusion | null;
  readonly conclusionText: string | null;
  readonly concludedOn: string | null;
  readonly noticeOn: string | null;
  readonly noticeText: string | null;
  readonly duplicateOf: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const congressOrg = sql`(select o2.name from organisation o2 where o2.id = ${congress.orgId})`;

const columns = {
  id: petition.id,
  code: petition.code,
  orgId: petition.orgId,
  orgName: organisation.name,
  orgPath: sql<string>`${organisation.path}::text`,
  receivedOn: petition.receivedOn,
  channel: petition.channel,
  senderType: petition.senderType,
  senderIdentity: petition.senderIdentity,
  senderName: petition.senderName,
  senderAddress: petition.senderAddress,
  kind: petition.kind,
  summary: petition.summary,
  congressId: petition.congressId,
  congressOrgId: congress.orgId,
  congressOrgName: sql<string | null>`${congressOrg}`,
  congressSeasonId: congress.seasonId,
  congressOpensOn: sql<string | null>`coalesce(${congress.actualStart}, ${congress.plannedStart})::text`,
  concernsPersonnel: petition.concernsPersonnel,
  status: petition.status,
  competentBody: petition.competentBody,
  assigneeName: petition.assigneeName,
  deadline: petition.deadline,
  deadlineRule: petition.deadlineRule,
  conclusion: petition.conclusion,
  conclusionText: petition.conclusionText,
  concludedOn: petition.concludedOn,
  noticeOn: petition.noticeOn,
  noticeText: petition.noticeText,
  duplicateOf: petition.duplicateOf,
  createdAt: petition.createdAt,
  updatedAt: petition.updatedAt,
};

type Row = { [K in keyof typeof columns]: unknown };
const asRecord = (r: Row) => r as unknown as PetitionRecord;

function selectPetitions(db: Db) {
  return db
    .select(columns)
    .from(petition)
    .innerJoin(organisation, eq(organisation.id, petition.orgId))
    .leftJoin(congress, eq(congress.id, petition.congressId));
}

export async function findPetition(db: Db, scope: Scope, id: number): Promise<PetitionRecord | null> {
  const rows = await selectPetitions(db).where(and(eq(petition.id, id), inScope(scope, organisation.path)));
  return rows[0] ? asRecord(rows[0]) : null;
}

export interface PetitionFilter {
  readonly withinPath?: string | null;
  readonly status?: PetitionStatus | "open" | "settled" | null;
  readonly kind?: PetitionKind | null;
  readonly congressId?: number | null;
  readonly personId?: number | null;
  /** Open letters whose deadline is before this day. */
  readonly overdueOn?: string | null;
  readonly text?: string | null;
}

function filterConds(scope: Scope, f: PetitionFilter): SQL {
  const conds: SQL[] = [inScope(scope, organisation.path)];
  if (f.withinPath) conds.push(sql`${organisation.path} <@ ${f.withinPath}::ltree`);
  if (f.status === "open") conds.push(inArray(petition.status, [...OPEN_STATUSES]));
  else if (f.status === "settled") conds.push(inArray(petition.status, ["concluded", "notified"]));
  else if (f.status) conds.push(eq(petition.status, f.status));
  if (f.kind) conds.push(eq(petition.kind, f.kind));
  if (f.congressId) conds.push(eq(petition.congressId, f.congressId));
  if (f.personId)
    conds.push(
      sql`exists (select 1 from petition_subject s where s.petition_id = ${petition.id} and s.person_id = ${f.personId})`,
    );
  if (f.overdueOn)
    conds.push(
      and(inArray(petition.status, [...OPEN_STATUSES]), sql`${petition.deadline} < ${f.overdueOn}::date`)!,
    );
  if (f.text) {
    const like = `%${f.text}%`;
    conds.push(sql`(${petition.summary} ilike ${like} or ${petition.code} ilike ${like})`);
  }
  return and(...conds)!;
}

export async function listPetitions(
  db: Db,
  scope: Scope,
  filter: PetitionFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ total: number; items: PetitionRecord[] }> {
  const where = filterConds(scope, filter);
  const q = selectPetitions(db).where(where).orderBy(desc(petition.receivedOn), desc(petition.id)).$dynamic();
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  const total = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(petition)
    .innerJoin(organisation, eq(organisation.id, petition.orgId))
    .where(where);
  return { total: Number(total[0]?.n ?? 0), items: rows.map(asRecord) };
}

export interface PetitionValues extends PetitionLetter {
  readonly status: PetitionStatus;
  readonly createdBy: number | null;
}

export async function insertPetition(tx: Db, v: PetitionValues): Promise<number> {
  const rows = await tx
    .insert(petition)
    .values({
      ...v,
      code: sql`'DT' || lpad(currval(pg_get_serial_sequence('petition', 'id'))::text, 6, '0')`,
    })
    .returning({ id: petition.id });
  return rows[0]!.id;
}

export type PetitionPatch = Partial<{
  status: PetitionStatus;
  competentBody: CompetentBody | null;
  assigneeName: string | null;
  deadline: string | null;
  deadlineRule: string | null;
  conclusion: Conclusion | null;
  conclusionText: string | null;
  concludedOn: string | null;
  noticeOn: string | null;
  noticeText: string | null;
  duplicateOf: number | null;
}>;

export async function updatePetition(tx: Db, id: number, patch: PetitionPatch): Promise<void> {
  await tx
    .update(petition)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(petition.id, id));
}

export interface SubjectRecord {
  readonly petitionId: number;
  readonly personId: number | null;
  readonly personName: string | null;
  readonly personCode: string | null;
  readonly orgId: number | null;
  readonly orgName: string | null;
}

export async function listSubjects(db: Db, petitionIds: readonly number[]): Promise<SubjectRecord[]> {
  if (petitionIds.length === 0) return [];
  return db
    .select({
      petitionId: petitionSubject.petitionId,
      personId: petitionSubject.personId,
      personName: person.fullName,
      personCode: person.code,
      orgId: petitionSubject.orgId,
      orgName: organisation.name,
    })
    .from(petitionSubject)
    .leftJoin(person, eq(person.id, petitionSubject.personId))
    .leftJoin(organisation, eq(organisation.id, petitionSubject.orgId))
    .where(inArray(petitionSubject.petitionId, [...petitionIds]))
    .orderBy(asc(petitionSubject.id));
}

export async function insertSubjects(
  tx: Db,
  petitionId: number,
  subjects: { personIds: readonly number[]; orgIds: readonly number[] },
): Promise<void> {
  const rows = [
    ...subjects.personIds.map((personId) => ({ petitionId, personId, orgId: null })),
    ...subjects.orgIds.map((orgId) => ({ petitionId, personId: null, orgId })),
  ];
  if (rows.length > 0) await tx.insert(petitionSubject).values(rows);
}

/** Which of these ids are people in the register (any scope: the letter names them). */
export async function existingPersonIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(inArray(person.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export interface StepRecord {
  readonly id: number;
  readonly petitionId: number;
  readonly on: string;
  readonly description: string;
  readonly byLabel: string;
  readonly createdAt: Date;
}

export async function listSteps(db: Db, petitionId: number): Promise<StepRecord[]> {
  return db
    .select()
    .from(petitionStep)
    .where(eq(petitionStep.petitionId, petitionId))
    .orderBy(asc(petitionStep.on), asc(petitionStep.id));
}

export async function insertStep(
  tx: Db,
  v: { petitionId: number; on: string; description: string; byLabel: string },
): Promise<StepRecord> {
  const rows = await tx.insert(petitionStep).values(v).returning();
  return rows[0]!;
}

export interface AttachmentRecord {
  readonly id: number;
  readonly petitionId: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: Date;
}

const attachmentColumns = {
  id: petitionAttachment.id,
  petitionId: petitionAttachment.petitionId,
  fileName: petitionAttachment.fileName,
  contentType: petitionAttachment.contentType,
  size: petitionAttachment.size,
  createdAt: petitionAttachment.createdAt,
};

export async function listAttachments(db: Db, petitionId: number): Promise<AttachmentRecord[]> {
  return db
    .select(attachmentColumns)
    .from(petitionAttachment)
    .where(eq(petitionAttachment.petitionId, petitionId))
    .orderBy(asc(petitionAttachment.id));
}

export async function insertAttachment(
  tx: Db,
  v: {
    petitionId: number;
    fileName: string;
    contentType: string;
    data: Uint8Array;
    createdBy: number | null;
  },
): Promise<AttachmentRecord> {
  const rows = await tx
    .insert(petitionAttachment)
    .values({ ...v, size: v.data.byteLength })
    .returning(attachmentColumns);
  return rows[0]!;
}

/** One attachment's bytes, if its letter is in the scope. */
export async function findAttachmentData(
  db: Db,
  scope: Scope,
  petitionId: number,
  attachmentId: number,
): Promise<(AttachmentRecord & { data: Uint8Array }) | null> {
  const rows = await db
    .select({ ...attachmentColumns, data: petitionAttachment.data })
    .from(petitionAttachment)
    .innerJoin(petition, eq(petition.id, petitionAttachment.petitionId))
    .innerJoin(organisation, eq(organisation.id, petition.orgId))
    .where(
      and(
        eq(petitionAttachment.id, attachmentId),
        eq(petitionAttachment.petitionId, petitionId),
        inScope(scope, organisation.path),
      ),
    );
  return rows[0] ?? null;
}

/** Open letters per person among `personIds` (existence only), and those bearing on `congressId`. */
export async function openCountsByPerson(
  db: Db,
  personIds: readonly number[],
  congressId: number | null,
): Promise<Map<number, { open: number; onCongress: number }>> {
  const out = new Map<number, { open: number; onCongress: number }>();
  if (personIds.length === 0) return out;
  const rows = await db
    .select({
      personId: petitionSubject.personId,
      open: sql<number>`count(distinct ${petition.id})::int`,
      onCongress:
        congressId === null
          ? sql<number>`0`
          : sql<number>`count(distinct ${petition.id}) filter (where ${petition.congressId} = ${congressId})::int`,
    })
    .from(petitionSubject)
    .innerJoin(petition, eq(petition.id, petitionSubject.petitionId))
    .where(
      and(inArray(petitionSubject.personId, [...personIds]), inArray(petition.status, [...OPEN_STATUSES])),
    )
    .groupBy(petitionSubject.personId);
  for (const r of rows)
    if (r.personId !== null) out.set(r.personId, { open: Number(r.open), onCongress: Number(r.onCongress) });
  return out;
}

/** How many open letters bear on a congress (existence only). */
export async function countOpenOnCongress(db: Db, congressId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(petition)
    .where(and(eq(petition.congressId, congressId), inArray(petition.status, [...OPEN_STATUSES])));
  return Number(rows[0]?.n ?? 0);
}

export interface CongressRef {
  readonly id: number;
  readonly orgId: number;
  readonly orgName: string;
  readonly orgPath: string;
  readonly seasonId: number;
  readonly seasonCode: string;
  readonly opensOn: string;
}

/** A congress whose organisation is in the scope, by id or by season and organisation. */
export async function findCongressRef(
  db: Db,
  scope: Scope,
  key: number | { readonly seasonId: number; readonly orgId: number },
): Promise<CongressRef | null> {
  const match =
    typeof key === "number"
      ? eq(congress.id, key)
      : and(eq(congress.seasonId, key.seasonId), eq(congress.orgId, key.orgId));
  const rows = await db
    .select({
      id: congress.id,
      orgId: congress.orgId,
      orgName: organisation.name,
      orgPath: sql<string>`${organisation.path}::text`,
      seasonId: congress.seasonId,
      seasonCode: season.code,
      opensOn: sql<string>`coalesce(${congress.actualStart}, ${congress.plannedStart})::text`,
    })
    .from(congress)
    .innerJoin(organisation, eq(organisation.id, congress.orgId))
    .innerJoin(season, eq(season.id, congress.seasonId))
    .where(and(match, inScope(scope, organisation.path)));
  return rows[0] ?? null;
}

export async function readSettings(db: Db): Promise<PetitionSettings | null> {
  const rows = await db.select().from(petitionSettings).where(eq(petitionSettings.id, 1));
  const r = rows[0];
  if (!r) return null;
  return {
    recordOnlyUnidentifiedDenunciations: r.recordOnlyUnidentifiedDenunciations,
    personnelLeadDays: r.personnelLeadDays,
    handlingDays: r.handlingDays,
  };
}

export async function writeSettings(tx: Db, s: PetitionSettings, userId: number | null): Promise<void> {
  const values = {
    recordOnlyUnidentifiedDenunciations: s.recordOnlyUnidentifiedDenunciations,
    personnelLeadDays: s.personnelLeadDays,
    handlingDays: s.handlingDays,
    updatedAt: new Date(),
    updatedBy: userId,
  };
  await tx
    .insert(petitionSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: petitionSettings.id, set: values });
}

/** Organisations on the way from the root to each path (ids), for grouping under children. */
export async function orgPathOf(db: Db, scope: Scope, orgId: number): Promise<string | null> {
  const rows = await db
    .select({ path: sql<string>`${organisation.path}::text` })
    .from(organisation)
    .where(and(eq(organisation.id, orgId), inScope(scope, organisation.path)));
  return rows[0]?.path ?? null;
}

/** Someone holding a post of `kind` in the organisation (no end date), for the demo's letters. */
export async function findPostHolder(db: Db, orgId: number, kind: string): Promise<number | null> {
  const rows = await db
    .select({ personId: post.personId })
    .from(post)
    .where(and(eq(post.orgId, orgId), eq(post.kind, kind), sql`${post.endOn} is null`))
    .orderBy(asc(post.id))
    .limit(1);
  return rows[0]?.personId ?? null;
}
