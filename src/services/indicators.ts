/**
 * Structure indicators through the database: load the plain values of a subtree (organisations
 * with their territory and tags, villages, people, posts, the season's congresses), then call the
 * pure engine (src/domain/indicators). A route never counts; neither does SQL.
 */
import { type Actor, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import {
  findSeason,
  listCongressesOfOrgs,
  listSeasons,
  type SeasonRow,
} from "../db/repositories/congresses.ts";
import { unitsOf } from "../db/repositories/indicator-rollup.ts";
import * as repo from "../db/repositories/indicators.ts";
import { findSegmentOn } from "../db/repositories/org-history.ts";
import { findOrgById, type OrgRecord } from "../db/repositories/organisations.ts";
import { loadPeopleAndPostsOfOrgs, type PersonRecord } from "../db/repositories/people.ts";
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { DEFAULT_PERCENT_RULE, type PercentRule } from "../domain/format/number.ts";
import {
  type DrillItem,
  type EvaluateOptions,
  evaluateIndicator,
  INDICATOR_CATALOG,
  type IndicatorDef,
  type IndicatorError,
  type IndicatorIndex,
  type IndicatorValue,
  idKey,
  indexIndicatorData,
  orgOn,
  validateIndicatorDef,
} from "../domain/indicators/index.ts";
import { POST_KIND_LABELS } from "../domain/people/types.ts";
import { type AppError, appError, errors } from "./errors.ts";
import { evaluateByRollup, isRollupNode, refreshStaleUnits } from "./indicator-rollup.ts";

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

async function findOrgAndSeason(
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

async function loadContext(db: Db, scope: Scope, q: IndicatorQuery): Promise<Result<Context, AppError>> {
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

export interface IndicatorRow {
  readonly entry: IndicatorEntry;
  readonly value: IndicatorValue | null;
  readonly error: IndicatorError | null;
}

export interface IndicatorValues {
  readonly org: OrgRecord;
  readonly season: SeasonRow | null;
  readonly asOf: string;
  readonly rows: readonly IndicatorRow[];
}

/** Every indicator (catalog + user-defined) for the subtree on a day. */
export async function evaluateIndicators(
  db: Db,
  scope: Scope,
  q: IndicatorQuery,
): Promise<Result<IndicatorValues, AppError>> {
  const found = await findOrgAndSeason(db, scope, q);
  if (!found.ok) return found;
  const { org, season } = found.value;
  if (season && (await isRollupNode(db, org.path))) {
    // A country: read from the roll-up rather than load hundreds of thousands of organisations.
    const entries = (await listIndicatorEntries(db, scope)).filter(
      (e) => !q.codes || q.codes.includes(e.def.code),
    );
    const values = await evaluateByRollup(
      db,
      org,
      season,
      entries.map((e) => e.def),
      q,
    );
    const rows = values.map(
      ({ result }, i): IndicatorRow => ({
        entry: entries[i]!,
        value: result.ok ? result.value : null,
        error: result.ok ? null : result.error,
      }),
    );
    return ok({ org, season, asOf: q.asOf, rows });
  }
  const ctx = await loadContext(db, scope, q);
  if (!ctx.ok) return ctx;
  const { index, options, entries } = ctx.value;
  const rows = entries
    .filter((e) => !q.codes || q.codes.includes(e.def.code))
    .map((entry): IndicatorRow => {
      const r = evaluateIndicator(entry.def, index, options);
      return r.ok ? { entry, value: r.value, error: null } : { entry, value: null, error: r.error };
    });
  return ok({ org: ctx.value.org, season: ctx.value.season, asOf: q.asOf, rows });
}

export interface DrillMember {
  readonly id: number | string;
  readonly orgId: number;
  readonly orgName: string;
  readonly personId: number | null;
  readonly personCode: string | null;
  readonly personName: string | null;
  /** "Bí thư (2020–2025) từ 20/05/2020". */
  readonly postText: string | null;
}

export interface DrillDown {
  readonly org: OrgRecord;
  readonly entry: IndicatorEntry;
  readonly value: IndicatorValue;
  readonly side: "numerator" | "denominator" | "not_counted";
  readonly total: number;
  readonly members: readonly DrillMember[];
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Who is counted: the people or organisations of the numerator, the denominator, or those not counted. */
export async function drillIndicator(
  db: Db,
  scope: Scope,
  q: IndicatorQuery & {
    readonly code: string;
    readonly side: "numerator" | "denominator" | "not_counted";
    readonly childOrgId?: number | undefined;
    readonly limit: number;
    readonly offset: number;
  },
): Promise<Result<DrillDown, AppError>> {
  const found = await findOrgAndSeason(db, scope, q);
  if (!found.ok) return found;
  if (found.value.season && (await isRollupNode(db, found.value.org.path))) {
    // The members of a country are listed one child (a province) at a time.
    if (q.childOrgId === undefined || q.childOrgId === q.orgId) {
      return err(
        appError(
          "INDICATOR_DRILL_NEEDS_CHILD",
          422,
          `${found.value.org.name} quá lớn để liệt kê một lần: chọn một đơn vị trực thuộc để xem danh sách`,
        ),
      );
    }
    return drillIndicator(db, scope, { ...q, orgId: q.childOrgId, childOrgId: undefined });
  }
  const ctx = await loadContext(db, scope, q);
  if (!ctx.ok) return ctx;
  const { index, options, entries, people } = ctx.value;
  const entry = entries.find((e) => e.def.code === q.code);
  if (!entry) return err(errors.notFound("chỉ tiêu", q.code));
  const r = evaluateIndicator(entry.def, index, { ...options, members: true });
  if (!r.ok) {
    const code = (
      {
        invalid_definition: "INVALID_DEFINITION",
        term_required: "TERM_REQUIRED",
        season_required: "SEASON_REQUIRED",
      } as const
    )[r.error.code];
    return err(appError(code, 422, r.error.message));
  }
  const value = r.value;
  let items: readonly DrillItem[];
  if (q.side === "not_counted") {
    const counted = new Set(value.members.numerator.map((m) => idKey(m.id)));
    items = value.members.denominator.filter((m) => !counted.has(idKey(m.id)));
  } else items = value.members[q.side];
  if (q.childOrgId !== undefined) {
    const child = orgOn(index, q.childOrgId, q.asOf);
    if (!child) return err(errors.notFound("đơn vị", q.childOrgId));
    const prefix = `${child.path}.`;
    items = items.filter((m) => {
      const o = orgOn(index, m.orgId, q.asOf);
      return o !== undefined && (o.path === child.path || o.path.startsWith(prefix));
    });
  }
  const postById = new Map<
    string,
    { kind: string; term: string | null; start: string; title: string | null }
  >();
  if (value.subject === "posts") {
    for (const list of index.postsByKind.values()) for (const p of list) postById.set(idKey(p.id), p);
  }
  const page = items.slice(q.offset, q.offset + q.limit);
  const members = page.map((m): DrillMember => {
    const person = m.personId === null ? null : (people.get(idKey(m.personId)) ?? null);
    const post = value.subject === "posts" ? postById.get(idKey(m.id)) : undefined;
    return {
      id: m.id,
      orgId: Number(m.orgId),
      orgName: (orgOn(index, m.orgId, q.asOf) ?? index.orgById.get(idKey(m.orgId)))?.name ?? String(m.orgId),
      personId: person?.id ?? null,
      personCode: person?.code ?? null,
      personName: person?.fullName ?? null,
      postText: post
        ? `${POST_KIND_LABELS[post.kind as keyof typeof POST_KIND_LABELS] ?? post.kind}${post.title ? ` (${post.title})` : ""}${post.term ? `, nhiệm kỳ ${post.term}` : ""}, từ ${dmy(post.start)}`
        : null,
    };
  });
  return ok({
    org: ctx.value.org,
    entry,
    value: { ...value, members: { numerator: [], denominator: [] } },
    side: q.side,
    total: items.length,
    members,
  });
}

// ---------------------------------------------------------------------------------------------
// User-defined indicators

export interface IndicatorDefinitionInput {
  readonly definition: unknown;
  /** The organisation it belongs to (an officer's); null: the whole province (administrators). */
  readonly orgId: number | null;
}

function invalid(e: IndicatorError): AppError {
  return appError(
    "INDICATOR_INVALID",
    422,
    e.message,
    e.code === "invalid_definition" ? { issues: e.issues } : undefined,
  );
}

async function checkDefinition(
  db: Db,
  scope: Scope,
  input: IndicatorDefinitionInput,
  currentId: number | null,
): Promise<Result<IndicatorDef, AppError>> {
  const checked = validateIndicatorDef(input.definition);
  if (!checked.ok) return err(invalid(checked.error));
  const def = checked.value;
  if (INDICATOR_CATALOG.some((c) => c.code === def.code)) {
    return err(appError("INDICATOR_CODE_TAKEN", 409, `Mã chỉ tiêu "${def.code}" trùng chỉ tiêu có sẵn`));
  }
  const same = await repo.findIndicatorDefinitionByCode(db, def.code);
  if (same && same.id !== currentId) {
    return err(appError("INDICATOR_CODE_TAKEN", 409, `Mã chỉ tiêu "${def.code}" đã được dùng`));
  }
  if (input.orgId === null) {
    if (scope.kind !== "all") {
      return err(errors.forbidden("định nghĩa chỉ tiêu chung cho cả tỉnh (hãy chọn đơn vị của bạn)"));
    }
  } else if (!(await findOrgById(db, scope, input.orgId))) {
    return err(errors.notFound("đơn vị", input.orgId));
  }
  return ok(def);
}

export async function createIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: IndicatorDefinitionInput,
): Promise<Result<IndicatorEntry, AppError>> {
  return db.transaction(async (tx) => {
    const checked = await checkDefinition(tx, scope, input, null);
    if (!checked.ok) return checked;
    const def = checked.value;
    const id = await repo.insertIndicatorDefinition(tx, {
      code: def.code,
      definition: def,
      orgId: input.orgId,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor, [
      {
        action: "indicator.create",
        entity: "indicator_definition",
        entityId: id,
        orgId: input.orgId,
        before: null,
        after: def,
      },
    ]);
    return ok({ def, customId: id, customOrgId: input.orgId });
  });
}

async function findEditable(
  db: Db,
  scope: Scope,
  id: number,
): Promise<Result<repo.IndicatorDefinitionRecord, AppError>> {
  const rec = await repo.findIndicatorDefinition(db, scope, id);
  if (!rec) return err(errors.notFound("chỉ tiêu", id));
  if (rec.orgId === null && scope.kind !== "all") {
    return err(errors.forbidden("sửa hoặc xóa chỉ tiêu chung của cả tỉnh"));
  }
  return ok(rec);
}

export async function updateIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: IndicatorDefinitionInput,
): Promise<Result<IndicatorEntry, AppError>> {
  return db.transaction(async (tx) => {
    const rec = await findEditable(tx, scope, id);
    if (!rec.ok) return rec;
    const checked = await checkDefinition(tx, scope, input, id);
    if (!checked.ok) return checked;
    const def = checked.value;
    await repo.updateIndicatorDefinition(tx, id, { code: def.code, definition: def });
    await appendAudit(tx, actor, [
      {
        action: "indicator.update",
        entity: "indicator_definition",
        entityId: id,
        orgId: rec.value.orgId,
        before: rec.value.definition,
        after: def,
      },
    ]);
    return ok({ def, customId: id, customOrgId: rec.value.orgId });
  });
}

export async function deleteIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
): Promise<Result<void, AppError>> {
  return db.transaction(async (tx) => {
    const rec = await findEditable(tx, scope, id);
    if (!rec.ok) return rec;
    await repo.deleteIndicatorDefinition(tx, id);
    await appendAudit(tx, actor, [
      {
        action: "indicator.delete",
        entity: "indicator_definition",
        entityId: id,
        orgId: rec.value.orgId,
        before: rec.value.definition,
        after: null,
      },
    ]);
    return ok();
  });
}

/**
 * Counts the indicator roll-up of every big subtree (a country) for every season, so that the
 * first request on a newly loaded database reads counted rows rather than counting every unit
 * (~1 minute at national scale). Called after bulk loads (benchmarks, imports of a whole country);
 * returns the number of units counted.
 */
export async function warmIndicatorRollups(db: Db): Promise<number> {
  const entries = await listIndicatorEntries(db, ALL_SCOPE);
  const defs = entries.map((e) => e.def);
  const seasons = await listSeasons(db);
  let counted = 0;
  for (const node of await repo.listBigNodeCandidates(db)) {
    if (!(await isRollupNode(db, node.path))) continue;
    const units = await unitsOf(db, node.id);
    for (const s of seasons) counted += await refreshStaleUnits(db, s, units, defs);
  }
  return counted;
}
