/** All SQL about seasons, congresses and the progress roll-up. */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type {
  CongressRecord,
  CongressStatus,
  CongressType,
  Season,
  SeasonLevel,
} from "../../domain/congress/index.ts";
import { ROLLUP_METRICS, type RollupEvent } from "../../domain/congress/rollup.ts";
import type { Db } from "../client.ts";
import {
  congress,
  congressRollup,
  organisation,
  organisationVersion,
  season,
  seasonLevel,
} from "../schema.ts";
import { pathThrough, validOn } from "./org-history.ts";
import { inScope, type Scope } from "./scope.ts";

export interface SeasonRow {
  readonly id: number;
  readonly rootOrgId: number;
  readonly season: Season;
}

function toSeason(
  s: typeof season.$inferSelect,
  levels: (typeof seasonLevel.$inferSelect)[],
  pilotOrgIds: number[],
): Season {
  return {
    code: s.code,
    name: s.name,
    term: { startYear: s.termStart, endYear: s.termEnd },
    plan: {
      number: s.planNumber,
      date: s.planDate,
      issuer: s.planIssuer,
      ...(s.planTitle ? { title: s.planTitle } : {}),
      ...(s.planPlace ? { place: s.planPlace } : {}),
    },
    directive: {
      number: s.directiveNumber,
      date: s.directiveDate,
      issuer: s.directiveIssuer,
      ...(s.directiveTitle ? { title: s.directiveTitle } : {}),
    },
    levels: levels
      .sort((a, b) => a.order - b.order)
      .map(
        (l): SeasonLevel => ({
          code: l.code,
          name: l.name,
          order: l.order,
          orgLevels: l.orgLevels,
          term: { startYear: l.termStart, endYear: l.termEnd },
          window: { start: l.windowStart, end: l.windowEnd },
          provinceDeadline: l.provinceDeadline,
          centralDeadline: l.centralDeadline,
        }),
      ),
    pilotOrgIds,
  };
}

export async function listSeasons(db: Db): Promise<SeasonRow[]> {
  const rows = await db.select().from(season).orderBy(asc(season.termStart), asc(season.id));
  const out: SeasonRow[] = [];
  for (const r of rows) out.push((await findSeason(db, r.id))!);
  return out;
}

/** A season; its pilot list (thousands at national scale) only when the caller needs it. */
export async function findSeason(
  db: Db,
  id: number,
  options: { pilots?: boolean } = {},
): Promise<SeasonRow | null> {
  const [s] = await db.select().from(season).where(eq(season.id, id));
  if (!s) return null;
  const levels = await db.select().from(seasonLevel).where(eq(seasonLevel.seasonId, id));
  const pilots =
    options.pilots === false
      ? []
      : await db
          .select({ orgId: congress.orgId })
          .from(congress)
          .where(and(eq(congress.seasonId, id), eq(congress.pilot, true)));
  return {
    id: s.id,
    rootOrgId: s.rootOrgId,
    season: toSeason(
      s,
      levels,
      pilots.map((p) => p.orgId),
    ),
  };
}

export async function findSeasonByCode(db: Db, code: string): Promise<SeasonRow | null> {
  const [s] = await db.select({ id: season.id }).from(season).where(eq(season.code, code));
  return s ? findSeason(db, s.id) : null;
}

export async function insertSeason(db: Db, s: Season, rootOrgId: number): Promise<number> {
  const [row] = await db
    .insert(season)
    .values({
      code: s.code,
      name: s.name,
      termStart: s.term.startYear,
      termEnd: s.term.endYear,
      planNumber: s.plan.number,
      planDate: s.plan.date,
      planIssuer: s.plan.issuer,
      planTitle: s.plan.title ?? null,
      planPlace: s.plan.place ?? null,
      directiveNumber: s.directive.number,
      directiveDate: s.directive.date,
      directiveIssuer: s.directive.issuer,
      directiveTitle: s.directive.title ?? null,
      rootOrgId,
    })
    .returning({ id: season.id });
  await db.insert(seasonLevel).values(
    s.levels.map((l) => ({
      seasonId: row!.id,
      code: l.code,
      name: l.name,
      order: l.order,
      orgLevels: [...l.orgLevels],
      termStart: l.term.startYear,
      termEnd: l.term.endYear,
      windowStart: l.window.start,
      windowEnd: l.window.end,
      provinceDeadline: l.provinceDeadline,
      centralDeadline: l.centralDeadline,
    })),
  );
  return row!.id;
}

export interface CongressRow {
  readonly id: number;
  readonly seasonId: number;
  readonly orgId: number;
  readonly levelCode: string;
  readonly record: CongressRecord;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly updatedAt: Date;
}

const congressColumns = {
  id: congress.id,
  seasonId: congress.seasonId,
  orgId: congress.orgId,
  levelCode: congress.levelCode,
  type: congress.type,
  pilot: congress.pilot,
  status: congress.status,
  plannedStart: congress.plannedStart,
  plannedEnd: congress.plannedEnd,
  venue: congress.venue,
  actualStart: congress.actualStart,
  actualEnd: congress.actualEnd,
  contents: congress.contents,
  committeeAppointed: congress.committeeAppointed,
  convened: congress.convened,
  present: congress.present,
  resultsRecordedOn: congress.resultsRecordedOn,
  committeeSeatsDecided: congress.committeeSeatsDecided,
  committeeSeatsElected: congress.committeeSeatsElected,
  electedInOneRoundFull: congress.electedInOneRoundFull,
  secretaryElectedDirectly: congress.secretaryElectedDirectly,
  secretaryVotes: congress.secretaryVotes,
  secretaryVoteBase: congress.secretaryVoteBase,
  confirmationNumber: congress.confirmationNumber,
  confirmationDate: congress.confirmationDate,
  contactName: congress.contactName,
  contactPhone: congress.contactPhone,
  updatedAt: congress.updatedAt,
};

function toCongressRow(r: Record<string, unknown>, seasonCode: string): CongressRow {
  const x = r;
  return {
    id: x.id as number,
    seasonId: x.seasonId as number,
    orgId: x.orgId as number,
    levelCode: x.levelCode as string,
    contactName: (x.contactName as string | null) ?? null,
    contactPhone: (x.contactPhone as string | null) ?? null,
    updatedAt: x.updatedAt as Date,
    record: {
      orgId: x.orgId as number,
      seasonCode,
      type: x.type as CongressType,
      pilot: x.pilot as boolean,
      status: x.status as CongressStatus,
      plannedStart: x.plannedStart as string,
      plannedEnd: x.plannedEnd as string,
      venue: (x.venue as string | null) ?? null,
      actualStart: (x.actualStart as string | null) ?? null,
      actualEnd: (x.actualEnd as string | null) ?? null,
      contents: (x.contents as CongressRecord["contents"]) ?? [],
      committeeAppointed: x.committeeAppointed as boolean,
      convened: (x.convened as number | null) ?? null,
      present: (x.present as number | null) ?? null,
      resultsRecordedOn: (x.resultsRecordedOn as string | null) ?? null,
      committeeSeatsDecided: (x.committeeSeatsDecided as number | null) ?? null,
      committeeSeatsElected: (x.committeeSeatsElected as number | null) ?? null,
      electedInOneRoundFull: (x.electedInOneRoundFull as boolean | null) ?? null,
      secretaryElectedDirectly: (x.secretaryElectedDirectly as boolean | null) ?? null,
      secretaryVotes: (x.secretaryVotes as number | null) ?? null,
      secretaryVoteBase: (x.secretaryVoteBase as number | null) ?? null,
      confirmation:
        x.confirmationNumber && x.confirmationDate
          ? { decisionNumber: x.confirmationNumber as string, date: x.confirmationDate as string }
          : null,
    },
  };
}

function recordColumns(r: CongressRecord) {
  return {
    type: r.type,
    pilot: r.pilot,
    status: r.status,
    plannedStart: r.plannedStart,
    plannedEnd: r.plannedEnd,
    venue: r.venue,
    actualStart: r.actualStart,
    actualEnd: r.actualEnd,
    contents: [...r.contents],
    committeeAppointed: r.committeeAppointed,
    convened: r.convened,
    present: r.present,
    resultsRecordedOn: r.resultsRecordedOn,
    committeeSeatsDecided: r.committeeSeatsDecided,
    committeeSeatsElected: r.committeeSeatsElected,
    electedInOneRoundFull: r.electedInOneRoundFull,
    secretaryElectedDirectly: r.secretaryElectedDirectly,
    secretaryVotes: r.secretaryVotes,
    secretaryVoteBase: r.secretaryVoteBase,
    confirmationNumber: r.confirmation?.decisionNumber ?? null,
    confirmationDate: r.confirmation?.date ?? null,
  };
}

export async function findCongress(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
  seasonCode: string,
): Promise<CongressRow | null> {
  const rows = await db
    .select(congressColumns)
    .from(congress)
    .innerJoin(organisation, eq(organisation.id, congress.orgId))
    .where(
      and(eq(congress.seasonId, seasonId), eq(congress.orgId, orgId), inScope(scope, organisation.path)),
    );
  return rows[0] ? toCongressRow(rows[0], seasonCode) : null;
}

export async function upsertCongress(
  db: Db,
  seasonId: number,
  levelCode: string,
  record: CongressRecord & { orgId: number },
  contact: { name: string | null; phone: string | null },
): Promise<number> {
  const values = {
    seasonId,
    orgId: record.orgId,
    levelCode,
    ...recordColumns(record),
    contactName: contact.name,
    contactPhone: contact.phone,
  };
  const [row] = await db
    .insert(congress)
    .values(values)
    .onConflictDoUpdate({
      target: [congress.seasonId, congress.orgId],
      set: {
        ...recordColumns(record),
        levelCode,
        contactName: contact.name,
        contactPhone: contact.phone,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: congress.id });
  return row!.id;
}

/** Bulk insert for seeding (no existing rows for these organisations): one JSON parameter per batch. */
export async function insertCongresses(
  db: Db,
  rows: readonly { seasonId: number; levelCode: string; record: CongressRecord & { orgId: number } }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const batch = JSON.stringify(
      rows.slice(i, i + 10_000).map((r) => ({
        seasonId: r.seasonId,
        orgId: r.record.orgId,
        levelCode: r.levelCode,
        ...recordColumns(r.record),
      })),
    );
    await db.execute(sql`
      insert into congress (season_id, org_id, level_code, type, pilot, status, planned_start, planned_end, venue,
        actual_start, actual_end, contents, committee_appointed, convened, present, results_recorded_on,
        committee_seats_decided, committee_seats_elected, elected_in_one_round_full, secretary_elected_directly,
        secretary_votes, secretary_vote_base, confirmation_number, confirmation_date)
      select x."seasonId", x."orgId", x."levelCode", x.type, x.pilot, x.status, x."plannedStart"::date, x."plannedEnd"::date, x.venue,
        x."actualStart"::date, x."actualEnd"::date, array(select json_array_elements_text(x.contents)), x."committeeAppointed",
        x.convened, x.present, x."resultsRecordedOn"::date, x."committeeSeatsDecided", x."committeeSeatsElected",
        x."electedInOneRoundFull", x."secretaryElectedDirectly", x."secretaryVotes", x."secretaryVoteBase",
        x."confirmationNumber", x."confirmationDate"::date
      from json_to_recordset(${batch}::json) as x("seasonId" int, "orgId" int, "levelCode" text, type text, pilot boolean,
        status text, "plannedStart" text, "plannedEnd" text, venue text, "actualStart" text, "actualEnd" text, contents json,
        "committeeAppointed" boolean, convened int, present int, "resultsRecordedOn" text, "committeeSeatsDecided" int,
        "committeeSeatsElected" int, "electedInOneRoundFull" boolean, "secretaryElectedDirectly" boolean,
        "secretaryVotes" int, "secretaryVoteBase" int, "confirmationNumber" text, "confirmationDate" text)`);
  }
}

/** Organisations of the given levels in a subtree, as the congress domain needs them. */
export interface CongressOrgRow {
  readonly id: number;
  readonly parentId: number | null;
  readonly path: string;
  readonly level: string;
  readonly kind: string;
  readonly name: string;
  readonly code: string;
  readonly dissolvedOn: string | null;
}

export async function listOrgsForSeason(
  db: Db,
  rootPath: string,
  orgLevels: readonly string[],
): Promise<CongressOrgRow[]> {
  return db
    .select({
      id: organisation.id,
      parentId: organisation.parentId,
      path: organisation.path,
      level: organisation.levelCode,
      kind: organisation.kindCode,
      name: organisation.name,
      code: organisation.code,
      dissolvedOn: organisation.dissolvedOn,
    })
    .from(organisation)
    .where(
      and(sql`${organisation.path} <@ ${rootPath}::ltree`, inArray(organisation.levelCode, [...orgLevels])),
    );
}

export async function listCongressesInSubtree(
  db: Db,
  seasonId: number,
  seasonCode: string,
  rootPath: string,
  /** Only the organisation at `rootPath`, not its subtree. */
  exact = false,
): Promise<CongressRow[]> {
  const rows = await db
    .select(congressColumns)
    .from(congress)
    .innerJoin(organisation, eq(organisation.id, congress.orgId))
    .where(
      and(
        eq(congress.seasonId, seasonId),
        exact
          ? sql`${organisation.path} = ${rootPath}::ltree`
          : sql`${organisation.path} <@ ${rootPath}::ltree`,
      ),
    );
  return rows.map((r) => toCongressRow(r, seasonCode));
}

/** A season's congresses of some organisations (null: all), wherever they sit in the tree today. */
export async function listCongressesOfOrgs(
  db: Db,
  seasonId: number,
  seasonCode: string,
  orgIds: readonly number[] | null,
): Promise<CongressRow[]> {
  const chunks: (readonly number[] | null)[] = [];
  if (orgIds === null) chunks.push(null);
  else for (let i = 0; i < orgIds.length; i += 20_000) chunks.push(orgIds.slice(i, i + 20_000));
  const out: CongressRow[] = [];
  for (const chunk of chunks) {
    const rows = await db
      .select(congressColumns)
      .from(congress)
      .where(
        and(
          eq(congress.seasonId, seasonId),
          chunk === null ? undefined : inArray(congress.orgId, [...chunk]),
        ),
      );
    // Not push(...rows): a whole country's congresses (~358.000) overflow the call stack.
    for (const r of rows) out.push(toCongressRow(r, seasonCode));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Roll-up

export interface RollupDelta {
  readonly ancestorIds: readonly number[];
  readonly levelCode: string;
  readonly orgLevel: string;
  readonly orgKind: string;
  readonly events: readonly RollupEvent[];
}

/** Adds the events to every ancestor, summing deltas first (one upsert row per key). */
export async function applyRollup(db: Db, seasonId: number, deltas: readonly RollupDelta[]): Promise<void> {
  const sums = new Map<
    string,
    {
      ancestorId: number;
      levelCode: string;
      orgLevel: string;
      orgKind: string;
      metric: string;
      day: string;
      n: number;
    }
  >();
  for (const d of deltas) {
    for (const e of d.events) {
      for (const a of d.ancestorIds) {
        // Each event counts under its organisation level and kind (for filtered figures) and under
        // ALL_DIMS (for the unfiltered ones, which then read a fraction of the rows).
        for (const [orgLevel, orgKind] of [
          [d.orgLevel, d.orgKind],
          [ALL_DIMS, ALL_DIMS],
        ] as const) {
          const key = `${a}|${d.levelCode}|${orgLevel}|${orgKind}|${e.metric}|${e.day}`;
          const cur = sums.get(key);
          if (cur) cur.n += e.n;
          else
            sums.set(key, {
              ancestorId: a,
              levelCode: d.levelCode,
              orgLevel,
              orgKind,
              metric: e.metric,
              day: e.day,
              n: e.n,
            });
        }
      }
    }
  }
  const rows = [...sums.values()].filter((r) => r.n !== 0);
  // One JSON parameter per batch: building tens of thousands of bound parameters costs seconds.
  for (let i = 0; i < rows.length; i += 20_000) {
    const batch = JSON.stringify(rows.slice(i, i + 20_000));
    await db.execute(sql`
      insert into congress_rollup (season_id, ancestor_id, level_code, org_level, org_kind, metric, day, n)
      select ${seasonId}::int, x."ancestorId", x."levelCode", x."orgLevel", x."orgKind", x.metric, x.day::date, x.n
        from json_to_recordset(${batch}::json)
          as x("ancestorId" int, "levelCode" text, "orgLevel" text, "orgKind" text, metric text, day text, n int)
      on conflict (season_id, ancestor_id, level_code, metric, org_level, org_kind, day)
      do update set n = congress_rollup.n + excluded.n`);
    // Only the keys just written can have come to zero: delete those through the unique key (a
    // delete over the whole season scanned every roll-up row on each write; a 549-row plan spent
    // most of its time there).
    await db.execute(sql`
      delete from congress_rollup r
       using json_to_recordset(${batch}::json)
          as x("ancestorId" int, "levelCode" text, "orgLevel" text, "orgKind" text, metric text, day text, n int)
       where r.season_id = ${seasonId}::int and r.ancestor_id = x."ancestorId" and r.level_code = x."levelCode"
         and r.metric = x.metric collate "C" and r.org_level = x."orgLevel" and r.org_kind = x."orgKind"
         and r.day = x.day::date and r.n = 0`);
  }
}

export async function clearRollup(db: Db, seasonId: number): Promise<void> {
  await db.delete(congressRollup).where(eq(congressRollup.seasonId, seasonId));
}

export interface RollupFilter {
  readonly orgLevels?: readonly string[] | undefined;
  readonly kinds?: readonly string[] | undefined;
}

/** The organisation level and kind of the roll-up rows that count every organisation. */
export const ALL_DIMS = "*";

function filterConds(f: RollupFilter): (SQL | undefined)[] {
  if (!f.orgLevels && !f.kinds)
    return [eq(congressRollup.orgLevel, ALL_DIMS), eq(congressRollup.orgKind, ALL_DIMS)];
  return [
    sql`${congressRollup.orgLevel} <> ${ALL_DIMS}`,
    f.orgLevels ? inArray(congressRollup.orgLevel, [...f.orgLevels]) : undefined,
    f.kinds ? inArray(congressRollup.orgKind, [...f.kinds]) : undefined,
  ];
}

/** Sums per ancestor and metric as of a day (the extreme-value keys left out). */
export async function sumRollup(
  db: Db,
  seasonId: number,
  ancestorIds: readonly number[],
  levelCode: string,
  asOf: string,
  filter: RollupFilter = {},
): Promise<Map<number, Map<string, number>>> {
  if (ancestorIds.length === 0) return new Map();
  const rows = await db
    .select({
      ancestorId: congressRollup.ancestorId,
      metric: congressRollup.metric,
      n: sql<number>`sum(${congressRollup.n})::int`,
    })
    .from(congressRollup)
    .where(
      and(
        eq(congressRollup.seasonId, seasonId),
        inArray(congressRollup.ancestorId, [...ancestorIds]),
        eq(congressRollup.levelCode, levelCode),
        sql`${congressRollup.day} <= ${asOf}`,
        sql`${congressRollup.metric} not like '%:%'`,
        ...filterConds(filter),
      ),
    )
    .groupBy(congressRollup.ancestorId, congressRollup.metric);
  const out = new Map<number, Map<string, number>>();
  for (const id of ancestorIds) out.set(id, new Map());
  for (const r of rows) out.get(r.ancestorId)!.set(r.metric, Number(r.n));
  return out;
}

/**
 * One ancestor's sums and, computed inside the database, the extreme keys alive as of the day: the
 * first and last `held_on:` day and the lowest and highest `share:votes:base` (ratio, then base).
 */
export async function sumRollupWithExtremes(
  db: Db,
  seasonId: number,
  ancestorId: number,
  levelCode: string,
  asOf: string,
  filter: RollupFilter = {},
): Promise<{ metrics: Map<string, number>; aliveKeys: string[] }> {
  const where = and(
    eq(congressRollup.seasonId, seasonId),
    eq(congressRollup.ancestorId, ancestorId),
    eq(congressRollup.levelCode, levelCode),
    sql`${congressRollup.day} <= ${asOf}`,
    ...filterConds(filter),
  );
  // Named metrics by equality, extremes as the first/last alive key of a range: each part is a short
  // index range, never a scan of every share key (tens of thousands at country level).
  const first = (from: string, to: string, dir: "asc" | "desc") => sql`(
      select ${congressRollup.metric} as metric, 1 as n from ${congressRollup}
       where ${where} and ${congressRollup.metric} >= ${from} and ${congressRollup.metric} < ${to}
       group by ${congressRollup.metric} having sum(${congressRollup.n}) > 0
       order by ${congressRollup.metric} ${sql.raw(dir)} limit 1)`;
  const result = (await db.execute(sql`
    (select ${congressRollup.metric} as metric, sum(${congressRollup.n})::int as n from ${congressRollup}
      where ${where} and ${congressRollup.metric} = any(${sql.raw(`array[${ROLLUP_METRICS.map((m) => `'${m}'`).join(",")}]`)})
      group by ${congressRollup.metric})
    union all ${first("held_on:", "held_on;", "asc")}
    union all ${first("held_on:", "held_on;", "desc")}
    union all ${first("share:", "share;", "asc")}
    union all ${first("share:", "share;", "desc")}
  `)) as unknown as { rows: { metric: string; n: number }[] };
  const metrics = new Map<string, number>();
  const aliveKeys: string[] = [];
  for (const r of result.rows) {
    if (r.metric.includes(":")) aliveKeys.push(r.metric);
    else metrics.set(r.metric, Number(r.n));
  }
  return { metrics, aliveKeys };
}

/** Daily held deltas for the curves of one ancestor, per season level. */
export async function heldPerDay(
  db: Db,
  seasonId: number,
  ancestorId: number,
  asOf: string,
): Promise<{ levelCode: string; day: string; n: number }[]> {
  return db
    .select({
      levelCode: congressRollup.levelCode,
      day: congressRollup.day,
      n: sql<number>`sum(${congressRollup.n})::int`,
    })
    .from(congressRollup)
    .where(
      and(
        eq(congressRollup.seasonId, seasonId),
        eq(congressRollup.ancestorId, ancestorId),
        eq(congressRollup.metric, "held"),
        eq(congressRollup.orgLevel, ALL_DIMS),
        eq(congressRollup.orgKind, ALL_DIMS),
        sql`${congressRollup.day} <= ${asOf}`,
      ),
    )
    .groupBy(congressRollup.levelCode, congressRollup.day)
    .orderBy(asc(congressRollup.levelCode), asc(congressRollup.day));
}

/**
 * Congresses of the late list's candidates: organisations of a level in a subtree as it stood on
 * `asOf` (their versions valid then), with their congress, if any.
 */
export async function listLateCandidates(
  db: Db,
  seasonId: number,
  rootId: number,
  orgLevels: readonly string[],
  asOf: string,
): Promise<{ org: CongressOrgRow; congress: Record<string, unknown> | null }[]> {
  const rows = await db
    .select({
      org: {
        id: organisationVersion.orgId,
        parentId: organisationVersion.parentId,
        path: organisationVersion.path,
        level: organisationVersion.levelCode,
        kind: organisationVersion.kindCode,
        name: organisationVersion.name,
        code: organisation.code,
      },
      c: congressColumns,
    })
    .from(organisationVersion)
    .innerJoin(organisation, eq(organisation.id, organisationVersion.orgId))
    .leftJoin(congress, and(eq(congress.orgId, organisationVersion.orgId), eq(congress.seasonId, seasonId)))
    .where(
      and(
        await pathThrough(db, organisationVersion.path, rootId),
        validOn(asOf),
        inArray(organisationVersion.levelCode, [...orgLevels]),
        // Done as of D: confirmed or results recorded by D are never late.
        sql`(${congress.id} is null or ${congress.resultsRecordedOn} is null or ${congress.resultsRecordedOn} > ${asOf})`,
      ),
    );
  return rows.map((r) => ({
    org: { ...r.org, dissolvedOn: null },
    congress: r.c === null || r.c.id === null ? null : (r.c as Record<string, unknown>),
  }));
}

export { toCongressRow };

export async function updateSeasonLevel(db: Db, seasonId: number, l: SeasonLevel): Promise<void> {
  await db
    .update(seasonLevel)
    .set({
      name: l.name,
      termStart: l.term.startYear,
      termEnd: l.term.endYear,
      windowStart: l.window.start,
      windowEnd: l.window.end,
      provinceDeadline: l.provinceDeadline,
      centralDeadline: l.centralDeadline,
    })
    .where(and(eq(seasonLevel.seasonId, seasonId), eq(seasonLevel.code, l.code)));
}

/** Announces a committed congress change to every listening server (delivered at commit). */
export async function notifyCongressChange(
  db: Db,
  channel: string,
  payload: { seasonId: number; path: string },
): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

/** A congress's season and organisation by its id. */
export async function findCongressRef(
  db: Db,
  congressId: number,
): Promise<{ seasonId: number; orgId: number } | null> {
  const rows = await db
    .select({ seasonId: congress.seasonId, orgId: congress.orgId })
    .from(congress)
    .where(eq(congress.id, congressId));
  return rows[0] ?? null;
}
