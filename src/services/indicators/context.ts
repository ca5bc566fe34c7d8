/**
 * Structure indicators through the database: load the plain values of a subtree (organisations
 * with their territory and tags, villages, people, posts, the season's congresses), then call the
 * pure engine (src/domain/indicators). A route never counts; neither does SQL.
 *
 * This module: the indicator catalogue, the organisation and season asked about, and the loaded
 * subtree (cached per database by the audit version).
 */

import type { Db } from "../../db/client.ts";
import {
  findSeason,
  listCongressesOfOrgs,
  listSeasons,
  type SeasonRow,
} from "../../db/repositories/congresses.ts";
import * as repo from "../../db/repositories/indicators.ts";
import { findSegmentOn } from "../../db/repositories/org-history.ts";
import { findOrgById, type OrgRecord } from "../../db/repositories/organisations.ts";
import { loadPeopleAndPostsOfOrgs, type PersonRecord } from "../../db/repositories/people.ts";
import { ALL_SCOPE, type Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { DEFAULT_PERCENT_RULE, type PercentRule } from "../../domain/format/number.ts";
import {
  type EvaluateOptions,
  INDICATOR_CATALOG,
  type IndicatorDef,
  type IndicatorIndex,
  idKey,
  indexIndicatorData,
  validateIndicatorDef,
} from "../../domain/indicators/index.ts";
import { type AppError, errors } from "../errors.ts";

export interface IndicatorQuery {
  readonly orgId: number;
  readonly asOf: string;
  /** The season of congress conditions and "term" populations; default: the latest season. */
  readonly seasonId?: number | undefined;
  readonly percentRule?: PercentRule | undefined;
  /** Only these indicators (default: the whole catalog and the user-defined ones). */
  readonly codes?: readonly string[] | undefined;
}

export interface IndicatorEntry {
  readonly def: IndicatorDef;
  /** null: built in (the catalog); otherwise the stored definition's id. */
  readonly customId: number | null;
  readonly customOrgId: number | null;
}

interface Context {
  readonly org: OrgRecord;
  readonly season: SeasonRow | null;
  readonly index: IndicatorIndex;
  readonly options: EvaluateOptions;
  readonly entries: readonly IndicatorEntry[];
  readonly people: ReadonlyMap<string, PersonRecord>;
}

const termOf = (s: SeasonRow) => `${s.season.term.startYear}–${s.season.term.endYear}`;

/** The catalog followed by the definitions users made (visible in the scope). */
export async function listIndicatorEntries(db: Db, scope: Scope): Promise<IndicatorEntry[]> {
  const custom = await repo.listIndicatorDefinitions(db, scope);
  const out: IndicatorEntry[] = INDICATOR_CATALOG.map((def) => ({ def, customId: null, customOrgId: null }));
  for (const c of custom) {
    const checked = validateIndicatorDef(c.definition);
    // A stored definition that no longer validates is skipped rather than breaking the page.
    if (checked.ok) out.push({ def: checked.value, customId: c.id, customOrgId: c.orgId });
  }
  return out;
}

/**
 * The organisation as it stood on the day asked for (its path, name, level then; scopes follow
 * the tree of that day), or as it is today when it did not exist then (its figures are zero).
 */
export async function findOrgOn(
  db: Db,
  scope: Scope,
  orgId: number,
  asOf: string,
): Promise<OrgRecord | null> {
  const seg = await findSegmentOn(db, scope, orgId, asOf);
  if (!seg) return findOrgById(db, scope, orgId);
  const today = await findOrgById(db, ALL_SCOPE, orgId);
  if (!today) return null;
  return {
    ...today,
    name: seg.name,
    level: seg.level,
    kind: seg.kind,
    sector: seg.sector,
    parentId: seg.parentId,
    path: seg.path,
    depth: seg.depth,
  };
}

export async function findOrgAndSeason(
  db: Db,
  scope: Scope,
  q: IndicatorQuery,
): Promise<Result<{ org: OrgRecord; season: SeasonRow | null }, AppError>> {
  const org = await findOrgOn(db, scope, q.orgId, q.asOf);
  if (!org) return err(errors.notFound("đơn vị", q.orgId));
  let season: SeasonRow | null = null;
  if (q.seasonId !== undefined) {
    season = await findSeason(db, q.seasonId);
    if (!season) return err(errors.notFound("mùa đại hội", q.seasonId));
  } else {
    const all = await listSeasons(db);
    season = all.at(-1) ?? null;
  }
  return ok({ org, season });
}

export async function loadContext(
  db: Db,
  scope: Scope,
  q: IndicatorQuery,
): Promise<Result<Context, AppError>> {
  const found = await findOrgAndSeason(db, scope, q);
  if (!found.ok) return found;
  const { org, season } = found.value;
  const entries = await listIndicatorEntries(db, scope);
  const { index, people } = await loadSubtree(db, org.id, season);
  return ok({
    org,
    season,
    index,
    entries,
    people,
    options: {
      scopePath: org.path,
      asOf: q.asOf,
      percentRule: q.percentRule ?? DEFAULT_PERCENT_RULE,
      term: season ? termOf(season) : undefined,
      seasonCode: season?.season.code,
      members: false,
    },
  });
}

interface LoadedSubtree {
  readonly index: IndicatorIndex;
  readonly people: ReadonlyMap<string, PersonRecord>;
}

/**
 * Loaded subtrees, per database, kept while nothing was written: every write appends an audit
 * entry in its own transaction, so the newest audit id is a version of all the data, shared by
 * every server process. Loading the province costs about a second on PGlite; counting its whole
 * catalog over the loaded index about 50 ms. A few entries only (the province is ~20 MB).
 */
const CACHE_SIZE = 4;
const subtreeCache = new WeakMap<Db, Map<string, { version: number; loaded: LoadedSubtree }>>();

async function loadSubtree(db: Db, rootId: number, season: SeasonRow | null): Promise<LoadedSubtree> {
  const version = await repo.latestAuditId(db);
  let cache = subtreeCache.get(db);
  if (!cache) {
    cache = new Map();
    subtreeCache.set(db, cache);
  }
  const key = `${rootId}|${season?.id ?? ""}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit.loaded;
  }
  // Every version of the subtree through time (issue 15): the engine picks each day's.
  const orgs = await repo.loadIndicatorOrgVersions(db, rootId);
  const orgIds = [...new Set(orgs.map((o) => Number(o.id)))];
  const [villages, peopleAndPosts, congresses] = [
    await repo.loadVillagesOfOrgs(db, orgIds),
    await loadPeopleAndPostsOfOrgs(db, orgIds),
    season ? await listCongressesOfOrgs(db, season.id, season.season.code, orgIds) : [],
  ];
  const loaded: LoadedSubtree = {
    index: indexIndicatorData({
      orgs,
      villages,
      people: peopleAndPosts.people,
      posts: peopleAndPosts.posts,
      congresses: congresses.map((c) => c.record),
    }),
    people: new Map(peopleAndPosts.people.map((p) => [idKey(p.id), p])),
  };
  cache.delete(key);
  cache.set(key, { version, loaded });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loaded;
}
