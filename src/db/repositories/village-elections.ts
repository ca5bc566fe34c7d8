/**
 * All SQL about village-head election days: the day, the communes' legal steps, each village's
 * rounds, candidates and result. A village is in a caller's scope when its commune is.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { VillageElectionStatus, VillageRoundOutcome } from "../../domain/village/index.ts";
import type { Db } from "../client.ts";
import {
  organisation,
  villageElectionCandidate,
  villageElectionDay,
  villageElectionResult,
  villageElectionRound,
  villageElectionStep,
} from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

export interface ElectionDayRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly electionDate: string;
  readonly termStart: number;
  readonly termEnd: number;
  readonly rootOrgId: number;
  readonly rootPath: string;
  readonly rootName: string;
  readonly seasonId: number | null;
  /** Public holidays skipped when counting working days (besides weekends). */
  readonly holidays: readonly string[];
}

const dayColumns = {
  id: villageElectionDay.id,
  code: villageElectionDay.code,
  name: villageElectionDay.name,
  electionDate: villageElectionDay.electionDate,
  termStart: villageElectionDay.termStart,
  termEnd: villageElectionDay.termEnd,
  rootOrgId: villageElectionDay.rootOrgId,
  rootPath: organisation.path,
  rootName: organisation.name,
  seasonId: villageElectionDay.seasonId,
  holidays: villageElectionDay.holidays,
};

export async function listDays(db: Db): Promise<ElectionDayRecord[]> {
  return db
    .select(dayColumns)
    .from(villageElectionDay)
    .innerJoin(organisation, eq(organisation.id, villageElectionDay.rootOrgId))
    .orderBy(asc(villageElectionDay.electionDate), asc(villageElectionDay.id));
}

export async function findDay(db: Db, id: number): Promise<ElectionDayRecord | null> {
  const rows = await db
    .select(dayColumns)
    .from(villageElectionDay)
    .innerJoin(organisation, eq(organisation.id, villageElectionDay.rootOrgId))
    .where(eq(villageElectionDay.id, id));
  return rows[0] ?? null;
}

export async function findDayByCode(db: Db, code: string): Promise<{ id: number } | null> {
  const rows = await db
    .select({ id: villageElectionDay.id })
    .from(villageElectionDay)
    .where(eq(villageElectionDay.code, code));
  return rows[0] ?? null;
}

export async function insertDay(
  db: Db,
  d: {
    code: string;
    name: string;
    electionDate: string;
    termStart: number;
    termEnd: number;
    rootOrgId: number;
    seasonId: number | null;
    holidays?: readonly string[];
  },
): Promise<number> {
  const [row] = await db
    .insert(villageElectionDay)
    .values({ ...d, holidays: [...(d.holidays ?? [])] })
    .returning({ id: villageElectionDay.id });
  return row!.id;
}

/** A village with its commune and the commune's parent (the district-level committee). */
export interface VillageRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly branchId: number | null;
  readonly communeId: number;
  readonly communeName: string;
  readonly communePath: string;
  readonly districtId: number;
  readonly districtName: string;
}

const villageRefSelect = sql`select v.id, v.code, v.name, v.kind, v.branch_id as "branchId",
  c.id as "communeId", c.name as "communeName", c.path::text as "communePath",
  d.id as "districtId", d.name as "districtName"
  from village v
  join organisation c on c.id = v.commune_id
  join organisation d on d.id = c.parent_id`;

function toVillageRef(r: Record<string, unknown>): VillageRef {
  return {
    id: Number(r.id),
    code: r.code as string,
    name: r.name as string,
    kind: r.kind as string,
    branchId: r.branchId === null ? null : Number(r.branchId),
    communeId: Number(r.communeId),
    communeName: r.communeName as string,
    communePath: r.communePath as string,
    districtId: Number(r.districtId),
    districtName: r.districtName as string,
  };
}

export async function findVillage(db: Db, scope: Scope, id: number): Promise<VillageRef | null> {
  const res = (await db.execute(
    sql`${villageRefSelect} where v.id = ${id} and ${inScope(scope, sql`c.path`)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows[0] ? toVillageRef(res.rows[0]) : null;
}

export async function findVillagesByCodes(
  db: Db,
  scope: Scope,
  rootPath: string,
  codes: readonly string[],
): Promise<Map<string, VillageRef>> {
  if (codes.length === 0) return new Map();
  const res = (await db.execute(
    sql`${villageRefSelect} where v.code = any(${`{${codes.map((c) => `"${c.replace(/["\\]/g, "")}"`).join(",")}}`}::text[])
      and c.path <@ ${rootPath}::ltree and ${inScope(scope, sql`c.path`)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return new Map(res.rows.map((r) => [r.code as string, toVillageRef(r)]));
}

/** The villages under `path` (an organisation's subtree) in the scope, with their result on the day. */
export interface VillageRow extends VillageRef {
  readonly status: VillageElectionStatus | null;
  readonly explanation: string | null;
  readonly headName: string | null;
  readonly headGender: string | null;
  readonly headEthnicity: string | null;
  readonly headPersonId: number | null;
  readonly winnerVotes: number | null;
  readonly winnerElectorate: number | null;
  readonly electorate: number | null;
  readonly present: number | null;
}

export async function listVillagesUnder(
  db: Db,
  scope: Scope,
  dayId: number,
  path: string,
): Promise<VillageRow[]> {
  const res = (await db.execute(sql`
    select v.id, v.code, v.name, v.kind, v.branch_id as "branchId",
      c.id as "communeId", c.name as "communeName", c.path::text as "communePath",
      d.id as "districtId", d.name as "districtName",
      r.status, r.explanation, r.head_name as "headName", r.head_gender as "headGender",
      r.head_ethnicity as "headEthnicity", r.head_person_id as "headPersonId",
      r.winner_votes as "winnerVotes", r.winner_electorate as "winnerElectorate",
      r.electorate, r.present
    from village v
    join organisation c on c.id = v.commune_id
    join organisation d on d.id = c.parent_id
    left join village_election_result r on r.village_id = v.id and r.day_id = ${dayId}
    where (c.path <@ ${path}::ltree or v.branch_id in (select id from organisation where path <@ ${path}::ltree))
      and ${inScope(scope, sql`c.path`)}
    order by d.name, c.name, v.id`)) as unknown as { rows: Record<string, unknown>[] };
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return res.rows.map((r) => ({
    ...toVillageRef(r),
    status: (r.status as VillageElectionStatus | null) ?? null,
    explanation: (r.explanation as string | null) ?? null,
    headName: (r.headName as string | null) ?? null,
    headGender: (r.headGender as string | null) ?? null,
    headEthnicity: (r.headEthnicity as string | null) ?? null,
    headPersonId: n(r.headPersonId),
    winnerVotes: n(r.winnerVotes),
    winnerElectorate: n(r.winnerElectorate),
    electorate: n(r.electorate),
    present: n(r.present),
  }));
}

/** Commune-level organisations under `path` in the scope, with their district and steps. */
export interface CommuneStepsRow {
  readonly communeId: number;
  readonly communeName: string;
  readonly communePath: string;
  readonly districtId: number;
  readonly districtName: string;
  readonly villages: number;
  readonly decisionOn: string | null;
  readonly teamOn: string | null;
  readonly noticeOn: string | null;
}

export async function listCommuneSteps(
  db: Db,
  scope: Scope,
  dayId: number,
  path: string,
): Promise<CommuneStepsRow[]> {
  const res = (await db.execute(sql`
    select c.id as "communeId", c.name as "communeName", c.path::text as "communePath",
      d.id as "districtId", d.name as "districtName", count(v.id)::int as villages,
      s.decision_on::text as "decisionOn", s.team_on::text as "teamOn", s.notice_on::text as "noticeOn"
    from organisation c
    join organisation d on d.id = c.parent_id
    join village v on v.commune_id = c.id
    left join village_election_step s on s.commune_id = c.id and s.day_id = ${dayId}
    where c.path <@ ${path}::ltree and ${inScope(scope, sql`c.path`)}
    group by c.id, d.id, s.decision_on, s.team_on, s.notice_on
    order by d.name, c.name`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    communeId: Number(r.communeId),
    communeName: r.communeName as string,
    communePath: r.communePath as string,
    districtId: Number(r.districtId),
    districtName: r.districtName as string,
    villages: Number(r.villages),
    decisionOn: (r.decisionOn as string | null) ?? null,
    teamOn: (r.teamOn as string | null) ?? null,
    noticeOn: (r.noticeOn as string | null) ?? null,
  }));
}

export async function upsertSteps(
  db: Db,
  rows: readonly {
    dayId: number;
    communeId: number;
    decisionOn: string | null;
    teamOn: string | null;
    noticeOn: string | null;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(villageElectionStep)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: [villageElectionStep.dayId, villageElectionStep.communeId],
        set: {
          decisionOn: sql`excluded.decision_on`,
          teamOn: sql`excluded.team_on`,
          noticeOn: sql`excluded.notice_on`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export interface CandidateRow {
  readonly position: number;
  readonly fullName: string;
  readonly nomination: string;
  readonly personId: number | null;
  readonly gender: string;
  readonly birthDate: string | null;
  readonly ethnicity: string;
  readonly votes: number;
  readonly elected: boolean;
}

export interface RoundRow {
  readonly id: number;
  readonly dayId: number;
  readonly villageId: number;
  readonly attempt: number;
  readonly heldOn: string;
  readonly electorate: number;
  readonly present: number;
  readonly method: string;
  readonly issued: number | null;
  readonly collected: number | null;
  readonly valid: number | null;
  readonly invalid: number | null;
  readonly team: readonly string[];
  /** Approvals of the voting method and of the election team among those present (null: not recorded). */
  readonly methodApprovals: number | null;
  readonly teamApprovals: number | null;
  readonly outcome: VillageRoundOutcome;
  readonly explanation: string;
  readonly decision: unknown;
  readonly recordedAt: Date;
  readonly candidates: readonly CandidateRow[];
}

export type NewRound = Omit<RoundRow, "id" | "recordedAt" | "candidates"> & {
  readonly recordedBy: number | null;
  readonly candidates: readonly CandidateRow[];
};

/** Inserts rounds with their candidates (bulk for the demo and imports); returns the ids in order. */
export async function insertRounds(db: Db, rounds: readonly NewRound[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rounds.length; i += 500) {
    const batch = rounds.slice(i, i + 500);
    const inserted = await db
      .insert(villageElectionRound)
      .values(
        batch.map((r) => ({
          dayId: r.dayId,
          villageId: r.villageId,
          attempt: r.attempt,
          heldOn: r.heldOn,
          electorate: r.electorate,
          present: r.present,
          method: r.method,
          issued: r.issued,
          collected: r.collected,
          valid: r.valid,
          invalid: r.invalid,
          team: [...r.team],
          methodApprovals: r.methodApprovals,
          teamApprovals: r.teamApprovals,
          outcome: r.outcome,
          explanation: r.explanation,
          decision: r.decision,
          recordedBy: r.recordedBy,
        })),
      )
      .returning({ id: villageElectionRound.id });
    const batchIds = inserted.map((x) => x.id);
    ids.push(...batchIds);
    const candidates = batch.flatMap((r, k) => r.candidates.map((c) => ({ ...c, roundId: batchIds[k]! })));
    for (let j = 0; j < candidates.length; j += 1000) {
      await db.insert(villageElectionCandidate).values(candidates.slice(j, j + 1000));
    }
  }
  return ids;
}

export async function listRounds(db: Db, dayId: number, villageIds: readonly number[]): Promise<RoundRow[]> {
  if (villageIds.length === 0) return [];
  const rounds = await db
    .select()
    .from(villageElectionRound)
    .where(
      and(eq(villageElectionRound.dayId, dayId), inArray(villageElectionRound.villageId, [...villageIds])),
    )
    .orderBy(asc(villageElectionRound.villageId), asc(villageElectionRound.attempt));
  if (rounds.length === 0) return [];
  const candidates = await db
    .select()
    .from(villageElectionCandidate)
    .where(
      inArray(
        villageElectionCandidate.roundId,
        rounds.map((r) => r.id),
      ),
    )
    .orderBy(asc(villageElectionCandidate.roundId), asc(villageElectionCandidate.position));
  const byRound = new Map<number, CandidateRow[]>();
  for (const c of candidates) {
    const list = byRound.get(c.roundId) ?? [];
    list.push({
      position: c.position,
      fullName: c.fullName,
      nomination: c.nomination,
      personId: c.personId,
      gender: c.gender,
      birthDate: c.birthDate,
      ethnicity: c.ethnicity,
      votes: c.votes,
      elected: c.elected,
    });
    byRound.set(c.roundId, list);
  }
  return rounds.map((r) => ({
    id: r.id,
    dayId: r.dayId,
    villageId: r.villageId,
    attempt: r.attempt,
    heldOn: r.heldOn,
    electorate: r.electorate,
    present: r.present,
    method: r.method,
    issued: r.issued,
    collected: r.collected,
    valid: r.valid,
    invalid: r.invalid,
    team: r.team,
    methodApprovals: r.methodApprovals,
    teamApprovals: r.teamApprovals,
    outcome: r.outcome as VillageRoundOutcome,
    explanation: r.explanation,
    decision: r.decision,
    recordedAt: r.recordedAt,
    candidates: byRound.get(r.id) ?? [],
  }));
}

export interface ResultValues {
  readonly dayId: number;
  readonly villageId: number;
  readonly status: VillageElectionStatus;
  readonly explanation: string;
  readonly headName: string | null;
  readonly headGender: string | null;
  readonly headEthnicity: string | null;
  readonly headPersonId: number | null;
  readonly headPostId: number | null;
  readonly winnerVotes: number | null;
  readonly winnerElectorate: number | null;
  readonly electorate: number | null;
  readonly present: number | null;
  readonly interimDecision: string | null;
  readonly interimOn: string | null;
  /** The commune People's Committee's recognition: decision number, day, signed by. */
  readonly recognitionDecision: string | null;
  readonly recognisedOn: string | null;
  readonly recognisedBy: string | null;
}

export async function findResult(db: Db, dayId: number, villageId: number): Promise<ResultValues | null> {
  return (await listResults(db, dayId, [villageId])).get(villageId) ?? null;
}

/** The results of some villages of a day, by village id. */
export async function listResults(
  db: Db,
  dayId: number,
  villageIds: readonly number[],
): Promise<Map<number, ResultValues>> {
  if (villageIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(villageElectionResult)
    .where(
      and(eq(villageElectionResult.dayId, dayId), inArray(villageElectionResult.villageId, [...villageIds])),
    );
  return new Map(rows.map((r) => [r.villageId, toResultValues(r)]));
}

function toResultValues(r: typeof villageElectionResult.$inferSelect): ResultValues {
  return {
    dayId: r.dayId,
    villageId: r.villageId,
    status: r.status as VillageElectionStatus,
    explanation: r.explanation,
    headName: r.headName,
    headGender: r.headGender,
    headEthnicity: r.headEthnicity,
    headPersonId: r.headPersonId,
    headPostId: r.headPostId,
    winnerVotes: r.winnerVotes,
    winnerElectorate: r.winnerElectorate,
    electorate: r.electorate,
    present: r.present,
    interimDecision: r.interimDecision,
    interimOn: r.interimOn,
    recognitionDecision: r.recognitionDecision,
    recognisedOn: r.recognisedOn,
    recognisedBy: r.recognisedBy,
  };
}

export async function upsertResults(db: Db, rows: readonly ResultValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(villageElectionResult)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r })))
      .onConflictDoUpdate({
        target: [villageElectionResult.dayId, villageElectionResult.villageId],
        set: {
          status: sql`excluded.status`,
          explanation: sql`excluded.explanation`,
          headName: sql`excluded.head_name`,
          headGender: sql`excluded.head_gender`,
          headEthnicity: sql`excluded.head_ethnicity`,
          headPersonId: sql`excluded.head_person_id`,
          headPostId: sql`excluded.head_post_id`,
          winnerVotes: sql`excluded.winner_votes`,
          winnerElectorate: sql`excluded.winner_electorate`,
          electorate: sql`coalesce(${villageElectionResult.electorate}, excluded.electorate)`,
          present: sql`coalesce(${villageElectionResult.present}, excluded.present)`,
          interimDecision: sql`excluded.interim_decision`,
          interimOn: sql`excluded.interim_on`,
          recognitionDecision: sql`excluded.recognition_decision`,
          recognisedOn: sql`excluded.recognised_on`,
          recognisedBy: sql`excluded.recognised_by`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Serialises writes to one village's rounds (two officers saving at once). */
export async function lockVillage(db: Db, dayId: number, villageId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${8_000_000 + dayId}, ${villageId})`);
}

/** Open village-head posts of these villages (by code), with their holders. */
export async function openVillageHeadPosts(
  db: Db,
  villageCodes: readonly string[],
): Promise<{ id: number; personId: number; villageCode: string; start: string }[]> {
  if (villageCodes.length === 0) return [];
  const res = (await db.execute(sql`
    select id, person_id as "personId", village_code as "villageCode", start_on::text as start
    from post where kind = 'village_head' and end_on is null
      and village_code = any(${`{${villageCodes.map((c) => `"${c.replace(/["\\]/g, "")}"`).join(",")}}`}::text[])
    order by id`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    id: Number(r.id),
    personId: Number(r.personId),
    villageCode: r.villageCode as string,
    start: r.start as string,
  }));
}

/**
 * The link to the Party: for each village branch (by organisation id), its secretary in office on
 * `asOf` (names, person ids) and the village's head in office on `asOf`.
 */
export async function branchSecretariesAndHeads(
  db: Db,
  villageIds: readonly number[],
  asOf: string,
): Promise<
  Map<
    number,
    { secretaries: { personId: number; name: string }[]; heads: { personId: number; name: string }[] }
  >
> {
  const out = new Map<
    number,
    { secretaries: { personId: number; name: string }[]; heads: { personId: number; name: string }[] }
  >();
  if (villageIds.length === 0) return out;
  const res = (await db.execute(sql`
    select v.id as "villageId", 'secretary' as role, p.person_id as "personId", pe.full_name as name
      from village v join post p on p.org_id = v.branch_id and p.kind = 'secretary'
      join person pe on pe.id = p.person_id
      where v.id = any(${`{${villageIds.join(",")}}`}::int[])
        and p.start_on <= ${asOf}::date and (p.end_on is null or p.end_on > ${asOf}::date)
    union all
    select v.id, 'head', p.person_id, pe.full_name
      from village v join post p on p.village_code = v.code and p.kind = 'village_head'
      join person pe on pe.id = p.person_id
      where v.id = any(${`{${villageIds.join(",")}}`}::int[])
        and p.start_on <= ${asOf}::date and (p.end_on is null or p.end_on > ${asOf}::date)`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  for (const r of res.rows) {
    const id = Number(r.villageId);
    const entry = out.get(id) ?? { secretaries: [], heads: [] };
    (r.role === "secretary" ? entry.secretaries : entry.heads).push({
      personId: Number(r.personId),
      name: r.name as string,
    });
    out.set(id, entry);
  }
  return out;
}

/** The territory codes the nearest ancestor of `path` records (for a newly registered head's hometown). */
export async function provinceOf(db: Db, path: string): Promise<{ code: string | null; name: string }> {
  const res = (await db.execute(sql`
    select territory_province as code, name from organisation
    where path @> ${path}::ltree and territory_province is not null
    order by depth desc limit 1`)) as unknown as { rows: { code: string; name: string }[] };
  const root = (await db.execute(sql`
    select code, name from organisation where path @> ${path}::ltree order by depth asc limit 1`)) as unknown as {
    rows: { code: string; name: string }[];
  };
  return { code: res.rows[0]?.code ?? root.rows[0]?.code ?? null, name: root.rows[0]?.name ?? "" };
}

export async function notifyVillageChange(db: Db, channel: string, payload: unknown): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

/** The village a branch serves, in the scope. */
export async function findVillageOfBranch(
  db: Db,
  scope: Scope,
  branchId: number,
): Promise<VillageRef | null> {
  const res = (await db.execute(
    sql`${villageRefSelect} join organisation b on b.id = v.branch_id
      where v.branch_id = ${branchId} and ${inScope(scope, sql`b.path`)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows[0] ? toVillageRef(res.rows[0]) : null;
}
