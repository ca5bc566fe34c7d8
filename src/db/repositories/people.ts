/**
 * All SQL about people, their posts and local overrides. A person is in a caller's scope when one
 * of their posts is held in an organisation of the scope (a village head: the village's branch or
 * commune); a person without posts only in the whole-province scope.
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  Gender,
  Hometown,
  LocalOverride,
  MembershipStatus,
  Person,
  Post,
  PostKind,
  TheoryLevel,
} from "../../domain/people/types.ts";
import type { Db } from "../client.ts";
import { organisation, person, personLocalOverride, post, village } from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

export interface PersonRecord extends Person {
  readonly id: number;
  readonly code: string;
  readonly localOverrides: readonly (LocalOverride & { readonly orgId: number })[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PostRecord extends Post {
  readonly id: number;
  readonly personId: number;
  readonly orgId: number | null;
  /** The organisation's name, or the village's for a village head. */
  readonly placeName: string | null;
  /** The organisation that puts the post in a scope (for a village head: the village's branch or commune). */
  readonly scopeOrgId: number | null;
}

/** The organisation a post belongs to for scoping: its own, or the village's branch or commune. */
const postOrgJoin = sql`left join village v on v.code = p.village_code
  join organisation o on o.id = coalesce(p.org_id, v.branch_id, v.commune_id)`;

/** SQL: the person (column `personIdColumn`) has a post in the scope. */
export function personInScope(scope: Scope, personIdColumn: SQL | unknown = person.id): SQL {
  if (scope.kind === "all") return sql`true`;
  return sql`exists (select 1 from post p ${postOrgJoin}
    where p.person_id = ${personIdColumn} and ${inScope(scope, sql`o.path`)})`;
}

const personColumns = {
  id: person.id,
  code: person.code,
  fullName: person.fullName,
  gender: person.gender,
  birthDate: person.birthDate,
  ethnicity: person.ethnicity,
  hometownProvinceCode: person.hometownProvinceCode,
  hometownProvinceName: person.hometownProvinceName,
  hometownDistrictCode: person.hometownDistrictCode,
  hometownDistrictName: person.hometownDistrictName,
  hometownCommuneCode: person.hometownCommuneCode,
  hometownCommuneName: person.hometownCommuneName,
  membershipStatus: person.membershipStatus,
  joinedOn: person.joinedOn,
  officialOn: person.officialOn,
  education: person.education,
  politicalTheory: person.politicalTheory,
  createdAt: person.createdAt,
  updatedAt: person.updatedAt,
};

type PersonRow = {
  id: number;
  code: string;
  fullName: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  hometownProvinceCode: string;
  hometownProvinceName: string;
  hometownDistrictCode: string | null;
  hometownDistrictName: string | null;
  hometownCommuneCode: string | null;
  hometownCommuneName: string | null;
  membershipStatus: string | null;
  joinedOn: string | null;
  officialOn: string | null;
  education: string | null;
  politicalTheory: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function hometownOf(r: PersonRow): Hometown {
  return {
    province: { code: r.hometownProvinceCode, name: r.hometownProvinceName },
    district:
      r.hometownDistrictCode === null
        ? null
        : { code: r.hometownDistrictCode, name: r.hometownDistrictName ?? r.hometownDistrictCode },
    commune:
      r.hometownCommuneCode === null
        ? null
        : { code: r.hometownCommuneCode, name: r.hometownCommuneName ?? r.hometownCommuneCode },
  };
}

function toPersonRecord(
  r: PersonRow,
  overrides: readonly (LocalOverride & { orgId: number })[],
): PersonRecord {
  return {
    id: r.id,
    code: r.code,
    fullName: r.fullName,
    gender: r.gender as Gender,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity,
    hometown: hometownOf(r),
    membership:
      r.membershipStatus === null
        ? null
        : {
            status: r.membershipStatus as MembershipStatus,
            joinedOn: r.joinedOn!,
            officialOn: r.officialOn,
          },
    education: r.education,
    politicalTheory: r.politicalTheory as TheoryLevel | null,
    localOverrides: overrides,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function overridesOf(db: Db, ids: readonly number[]) {
  const out = new Map<number, (LocalOverride & { orgId: number })[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      personId: personLocalOverride.personId,
      orgId: personLocalOverride.orgId,
      local: personLocalOverride.local,
      reason: personLocalOverride.reason,
    })
    .from(personLocalOverride)
    .where(inArray(personLocalOverride.personId, [...ids]));
  for (const r of rows) {
    const list = out.get(r.personId) ?? [];
    list.push({ orgId: r.orgId, local: r.local, reason: r.reason });
    out.set(r.personId, list);
  }
  return out;
}

async function withOverrides(db: Db, rows: PersonRow[]): Promise<PersonRecord[]> {
  const overrides = await overridesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPersonRecord(r, overrides.get(r.id) ?? []));
}

export async function findPerson(db: Db, scope: Scope, id: number): Promise<PersonRecord | null> {
  const rows = await db
    .select(personColumns)
    .from(person)
    .where(and(eq(person.id, id), personInScope(scope)));
  return rows[0] ? ((await withOverrides(db, rows))[0] ?? null) : null;
}

export async function findPeopleByIds(db: Db, scope: Scope, ids: readonly number[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(person)
    .where(and(inArray(person.id, [...ids]), personInScope(scope)));
  return withOverrides(db, rows);
}

export interface PeopleSearch {
  readonly foldedQuery?: string | undefined;
  /** Only people with a post (in office on `asOf`, or any) in this subtree. */
  readonly withinPath?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function searchPeople(
  db: Db,
  scope: Scope,
  q: PeopleSearch,
): Promise<{ total: number; items: PersonRecord[] }> {
  const conds: (SQL | undefined)[] = [personInScope(scope)];
  if (q.foldedQuery) {
    const escaped = q.foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`);
    conds.push(sql`${person.searchName} like ${`%${escaped}%`}`);
  }
  if (q.withinPath) {
    conds.push(sql`exists (select 1 from post p ${postOrgJoin}
      where p.person_id = ${person.id} and o.path <@ ${q.withinPath}::ltree)`);
  }
  const where = and(...conds)!;
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(person).where(where);
  const rows = await db
    .select(personColumns)
    .from(person)
    .where(where)
    .orderBy(
      ...(q.foldedQuery
        ? [
            sql`case when ${person.searchName} like ${`${q.foldedQuery}%`} or ${person.searchName} like ${`% ${q.foldedQuery}%`} then 0 else 1 end`,
          ]
        : []),
      asc(person.searchName),
      asc(person.id),
    )
    .limit(q.limit)
    .offset(q.offset);
  return { total: countRow?.n ?? 0, items: await withOverrides(db, rows) };
}

/** People with the same duplicate key as any of `keys` (the whole register: duplicates cross scopes). */
export async function findPeopleByDuplicateKeys(db: Db, keys: readonly string[]): Promise<PersonRecord[]> {
  if (keys.length === 0) return [];
  const out: PersonRow[] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    out.push(
      ...(await db
        .select(personColumns)
        .from(person)
        .where(inArray(person.duplicateKey, keys.slice(i, i + 5000)))),
    );
  }
  return withOverrides(db, out);
}

export async function findPeopleByCodes(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, PersonRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select(personColumns)
    .from(person)
    .where(inArray(person.code, [...codes]));
  return new Map((await withOverrides(db, rows)).map((p) => [p.code, p]));
}

/** Reserves ids so codes ("NS000123") can be given before insert. */
export async function reservePersonIds(db: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const res = (await db.execute(
    sql`select nextval(pg_get_serial_sequence('person', 'id'))::int as id from generate_series(1, ${n})`,
  )) as unknown as { rows: { id: number }[] };
  return res.rows.map((r) => Number(r.id));
}

export interface PersonValues {
  readonly code: string;
  readonly fullName: string;
  readonly searchName: string;
  readonly duplicateKey: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly ethnicity: string;
  readonly hometown: Hometown;
  readonly membership: Person["membership"];
  readonly education: string | null;
  readonly politicalTheory: TheoryLevel | null;
}

function personJson(id: number, p: PersonValues) {
  return {
    id,
    code: p.code,
    full_name: p.fullName,
    search_name: p.searchName,
    duplicate_key: p.duplicateKey,
    gender: p.gender,
    birth_date: p.birthDate,
    ethnicity: p.ethnicity,
    hp_code: p.hometown.province.code,
    hp_name: p.hometown.province.name,
    hd_code: p.hometown.district?.code ?? null,
    hd_name: p.hometown.district?.name ?? null,
    hc_code: p.hometown.commune?.code ?? null,
    hc_name: p.hometown.commune?.name ?? null,
    m_status: p.membership?.status ?? null,
    joined_on: p.membership?.joinedOn ?? null,
    official_on: p.membership?.officialOn ?? null,
    education: p.education,
    political_theory: p.politicalTheory,
  };
}

/**
 * Inserts or updates people by id (ids reserved first for new ones). One JSON parameter per batch:
 * thousands of bound parameters cost seconds.
 */
export async function upsertPeople(
  db: Db,
  rows: readonly { id: number; values: PersonValues }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = JSON.stringify(rows.slice(i, i + 5000).map((r) => personJson(r.id, r.values)));
    await db.execute(sql`
      insert into person (id, code, full_name, search_name, duplicate_key, gender, birth_date, ethnicity,
        hometown_province_code, hometown_province_name, hometown_district_code, hometown_district_name,
        hometown_commune_code, hometown_commune_name, membership_status, joined_on, official_on,
        education, political_theory)
      select x.id, x.code, x.full_name, x.search_name, x.duplicate_key, x.gender, x.birth_date::date,
        x.ethnicity, x.hp_code, x.hp_name, x.hd_code, x.hd_name, x.hc_code, x.hc_name, x.m_status,
        x.joined_on::date, x.official_on::date, x.education, x.political_theory
        from json_to_recordset(${batch}::json) as x(id int, code text, full_name text, search_name text,
          duplicate_key text, gender text, birth_date text, ethnicity text, hp_code text, hp_name text,
          hd_code text, hd_name text, hc_code text, hc_name text, m_status text, joined_on text,
          official_on text, education text, political_theory text)
      on conflict (id) do update set code = excluded.code, full_name = excluded.full_name,
        search_name = excluded.search_name, duplicate_key = excluded.duplicate_key,
        gender = excluded.gender, birth_date = excluded.birth_date, ethnicity = excluded.ethnicity,
        hometown_province_code = excluded.hometown_province_code,
        hometown_province_name = excluded.hometown_province_name,
        hometown_district_code = excluded.hometown_district_code,
        hometown_district_name = excluded.hometown_district_name,
        hometown_commune_code = excluded.hometown_commune_code,
        hometown_commune_name = excluded.hometown_commune_name,
        membership_status = excluded.membership_status, joined_on = excluded.joined_on,
        official_on = excluded.official_on, education = excluded.education,
        political_theory = excluded.political_theory, updated_at = now()`);
  }
}

export async function replaceLocalOverrides(
  db: Db,
  personIds: readonly number[],
  overrides: readonly { personId: number; orgId: number; local: boolean; reason: string }[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db.delete(personLocalOverride).where(inArray(personLocalOverride.personId, [...personIds]));
  if (overrides.length > 0) await db.insert(personLocalOverride).values([...overrides]);
}

export interface NewPost {
  readonly personId: number;
  readonly kind: PostKind;
  readonly orgId: number | null;
  readonly villageCode: string | null;
  readonly term: string | null;
  readonly title: string | null;
  readonly start: string;
  readonly end: string | null;
}

export async function insertPosts(db: Db, posts: readonly NewPost[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < posts.length; i += 10_000) {
    const batch = JSON.stringify(
      posts.slice(i, i + 10_000).map((p) => ({
        person_id: p.personId,
        kind: p.kind,
        org_id: p.orgId,
        village_code: p.villageCode,
        term: p.term,
        title: p.title,
        start_on: p.start,
        end_on: p.end,
      })),
    );
    const res = (await db.execute(sql`
      insert into post (person_id, kind, org_id, village_code, term, title, start_on, end_on)
      select x.person_id, x.kind, x.org_id, x.village_code, x.term, x.title, x.start_on::date, x.end_on::date
        from json_to_recordset(${batch}::json) as x(person_id int, kind text, org_id int, village_code text,
          term text, title text, start_on text, end_on text)
      returning id`)) as unknown as { rows: { id: number }[] };
    ids.push(...res.rows.map((r) => Number(r.id)));
  }
  return ids;
}

export async function setPostEnd(db: Db, id: number, end: string | null): Promise<void> {
  await db.update(post).set({ endOn: end, updatedAt: sql`now()` }).where(eq(post.id, id));
}

const postSelect = sql`select p.id, p.person_id as "personId", p.kind, p.org_id as "orgId",
  p.village_code as "villageCode", p.term, p.title, p.start_on::text as "start", p.end_on::text as "end",
  coalesce(po.name, v.name) as "placeName", o.id as "scopeOrgId"
  from post p
  left join organisation po on po.id = p.org_id
  left join village v on v.code = p.village_code
  left join organisation o on o.id = coalesce(p.org_id, v.branch_id, v.commune_id)`;

function toPostRecord(r: Record<string, unknown>): PostRecord {
  return {
    id: Number(r.id),
    personId: Number(r.personId),
    kind: r.kind as PostKind,
    orgId: r.orgId === null ? null : Number(r.orgId),
    villageCode: (r.villageCode as string | null) ?? null,
    term: (r.term as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    start: r.start as string,
    end: (r.end as string | null) ?? null,
    placeName: (r.placeName as string | null) ?? null,
    scopeOrgId: r.scopeOrgId === null ? null : Number(r.scopeOrgId),
  };
}

export async function listPostsOfPeople(db: Db, personIds: readonly number[]): Promise<PostRecord[]> {
  if (personIds.length === 0) return [];
  const res = (await db.execute(
    sql`${postSelect} where p.person_id = any(${`{${personIds.join(",")}}`}::int[]) order by p.start_on, p.id`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map(toPostRecord);
}

/** A post whose organisation (or village) is in the scope. */
export async function findPost(db: Db, scope: Scope, id: number): Promise<PostRecord | null> {
  const res = (await db.execute(
    sql`${postSelect} where p.id = ${id} and o.id is not null and ${inScope(scope, sql`o.path`)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows[0] ? toPostRecord(res.rows[0]) : null;
}

export async function findPostsByIds(db: Db, ids: readonly number[]): Promise<PostRecord[]> {
  if (ids.length === 0) return [];
  const res = (await db.execute(
    sql`${postSelect} where p.id = any(${`{${ids.join(",")}}`}::int[])`,
  )) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map(toPostRecord);
}

/** Organisations by id in the scope, with path, for checking posts' places. */
export async function orgsInScope(
  db: Db,
  scope: Scope,
  ids: readonly number[],
): Promise<Map<number, { id: number; path: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, path: organisation.path, name: organisation.name })
    .from(organisation)
    .where(and(inArray(organisation.id, [...ids]), inScope(scope, organisation.path)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Villages by code in the scope (through their branch or commune). */
export async function villagesInScope(
  db: Db,
  scope: Scope,
  codes: readonly string[],
): Promise<Map<string, { code: string; name: string; orgId: number }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: village.code, name: village.name, orgId: organisation.id })
    .from(village)
    .innerJoin(organisation, sql`${organisation.id} = coalesce(${village.branchId}, ${village.communeId})`)
    .where(and(inArray(village.code, [...codes]), inScope(scope, organisation.path)));
  return new Map(rows.map((r) => [r.code, r]));
}

// ---------------------------------------------------------------------------------------------
// Loading for the indicator engine

/**
 * The people holding a post in the subtree, and every post they hold (a condition may look at a
 * post held elsewhere). Rows come back as the domain's plain values.
 */
export async function loadPeopleAndPostsInSubtree(
  db: Db,
  rootPath: string,
  /** Only people holding a post exactly at `rootPath`, not in its subtree. */
  exact = false,
): Promise<{ people: PersonRecord[]; posts: Post[] }> {
  return loadPeopleAndPosts(db, exact ? sql`o.path = ${rootPath}::ltree` : sql`o.path <@ ${rootPath}::ltree`);
}

/**
 * People holding a post in one of these organisations (or in a village one of them serves), with
 * all their posts: an organisation's history (issue 15) is followed by id, wherever it stood.
 */
export async function loadPeopleAndPostsOfOrgs(
  db: Db,
  orgIds: readonly number[],
): Promise<{ people: PersonRecord[]; posts: Post[] }> {
  if (orgIds.length === 0) return { people: [], posts: [] };
  return loadPeopleAndPosts(db, sql`o.id = any(${`{${orgIds.join(",")}}`}::int[])`);
}

/** `within`: a condition on the post's organisation `o`. */
async function loadPeopleAndPosts(db: Db, within: SQL): Promise<{ people: PersonRecord[]; posts: Post[] }> {
  const ids = sql`(select distinct p.person_id from post p ${postOrgJoin} where ${within})`;
  const postRes = (await db.execute(sql`
    select p.id, p.person_id as "personId", p.kind, p.org_id as "orgId", p.village_code as "villageCode",
      p.term, p.title, p.start_on::text as "start", p.end_on::text as "end"
      from post p where p.person_id in ${ids}`)) as unknown as { rows: Record<string, unknown>[] };
  const peopleRows = await db.select(personColumns).from(person).where(sql`${person.id} in ${ids}`);
  const overrideRows = await db
    .select({
      personId: personLocalOverride.personId,
      orgId: personLocalOverride.orgId,
      local: personLocalOverride.local,
      reason: personLocalOverride.reason,
    })
    .from(personLocalOverride)
    .where(sql`${personLocalOverride.personId} in ${ids}`);
  const overrides = new Map<number, (LocalOverride & { orgId: number })[]>();
  for (const r of overrideRows) {
    const list = overrides.get(r.personId) ?? [];
    list.push({ orgId: r.orgId, local: r.local, reason: r.reason });
    overrides.set(r.personId, list);
  }
  return {
    people: peopleRows.map((r) => toPersonRecord(r, overrides.get(r.id) ?? [])),
    posts: postRes.rows.map((r) => ({
      id: Number(r.id),
      personId: Number(r.personId),
      kind: r.kind as PostKind,
      orgId: r.orgId === null ? null : Number(r.orgId),
      villageCode: (r.villageCode as string | null) ?? null,
      term: (r.term as string | null) ?? null,
      title: (r.title as string | null) ?? null,
      start: r.start as string,
      end: (r.end as string | null) ?? null,
    })),
  };
}
