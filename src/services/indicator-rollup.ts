/**
 * Indicators for the biggest subtrees (a whole country, issue 6) without loading them: each
 * child of the node (and the node itself, for members placed exactly on it) is a unit whose
 * counts are kept by day in the database (indicator_rollup), computed from the unit's loaded data
 * by the same engine (`indicatorSpans`: exact on every day). A request reads one row per unit and
 * indicator; a unit is counted again when an audit entry about its subtree is newer than its rows
 * or an indicator's definition changed. A province, a district or a commune is small enough for
 * the loaded path (services/indicators/).
 */
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { listCongressesOfOrgs, listSeasons, type SeasonRow } from "../db/repositories/congresses.ts";
import {
  countOrgsInSubtree,
  pathCountsFor,
  type RollupRow,
  type RollupUnit,
  readUnitCounts,
  replaceUnitRollup,
  staleUnits,
  unitsOf,
} from "../db/repositories/indicator-rollup.ts";
import {
  latestAuditId,
  loadIndicatorOrgVersions,
  loadVillagesOfOrgs,
} from "../db/repositories/indicators.ts";
import { listSegments } from "../db/repositories/org-history.ts";
import type { OrgRecord } from "../db/repositories/organisations.ts";
import { loadPeopleAndPostsOfOrgs } from "../db/repositories/people.ts";
import { ok, type Result } from "../domain/basics/result.ts";
import type { PercentRule } from "../domain/format/number.ts";
import {
  type ComputedBaseline,
  type Counts,
  type IndicatorDef,
  type IndicatorError,
  type IndicatorValue,
  indexIndicatorData,
  indicatorSpans,
  presentIndicatorValue,
  spanEvents,
  validateIndicatorDef,
} from "../domain/indicators/index.ts";

/**
 * Subtrees with at least this many organisations are read from the roll-up (a province has
 * ~6.000; a country ~360.000). Setting: DAIHOI_INDICATOR_ROLLUP_MIN_ORGS.
 */
export const rollupMinOrgs = (): number => Number(process.env.DAIHOI_INDICATOR_ROLLUP_MIN_ORGS ?? 20_000);

/** The code and a hash of the definition: an edited definition is a new key, counted anew. */
export function defKey(def: IndicatorDef): string {
  return `${def.code}:${createHash("sha256").update(JSON.stringify(def)).digest("hex").slice(0, 12)}`;
}

const termOf = (s: SeasonRow) => `${s.season.term.startYear}–${s.season.term.endYear}`;

const bigCache = new WeakMap<Db, Map<string, { version: number; big: boolean }>>();

/** Whether the subtree is read from the roll-up (cached until the next write). */
export async function isRollupNode(db: Db, path: string, minOrgs = rollupMinOrgs()): Promise<boolean> {
  const version = await latestAuditId(db);
  let cache = bigCache.get(db);
  if (!cache) {
    cache = new Map();
    bigCache.set(db, cache);
  }
  const key = `${path}|${minOrgs}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.big;
  const big = (await countOrgsInSubtree(db, path)) >= minOrgs;
  cache.set(key, { version, big });
  return big;
}

/** Counts a unit's definitions by day and replaces its rows. */
export async function refreshUnit(
  db: Db,
  season: SeasonRow,
  unit: RollupUnit,
  defs: readonly IndicatorDef[],
): Promise<void> {
  // The version before loading: a write during the load makes the rows stale, never wrongly fresh.
  const version = await latestAuditId(db);
  // Every version through the unit, of every period (issue 15): each span is counted for the unit
  // only while its organisation stood directly under the node through the unit.
  const orgs = await loadIndicatorOrgVersions(db, unit.id, unit.selfOnly);
  const orgIds = [...new Set(orgs.map((o) => Number(o.id)))];
  const [villages, pp, congresses] = [
    await loadVillagesOfOrgs(db, orgIds),
    await loadPeopleAndPostsOfOrgs(db, orgIds),
    await listCongressesOfOrgs(db, season.id, season.season.code, orgIds),
  ];
  const index = indexIndicatorData({
    orgs,
    villages,
    people: pp.people,
    posts: pp.posts,
    congresses: congresses.map((c) => c.record),
  });
  const rows: RollupRow[] = [];
  for (const def of defs) {
    const spans = indicatorSpans(def, index, {
      scopePath: unit.path,
      term: termOf(season),
      seasonCode: season.season.code,
    });
    if (!spans.ok) continue;
    const byDay = new Map<string, { n: number; d: number }>();
    for (const e of spanEvents(spans.value)) {
      if (!pathCountsFor(e.path, unit)) continue;
      const cur = byDay.get(e.day);
      if (cur) {
        cur.n += e.numerator;
        cur.d += e.denominator;
      } else byDay.set(e.day, { n: e.numerator, d: e.denominator });
    }
    let n = 0;
    let d = 0;
    for (const day of [...byDay.keys()].sort()) {
      const change = byDay.get(day)!;
      if (change.n === 0 && change.d === 0) continue;
      n += change.n;
      d += change.d;
      rows.push({ defKey: defKey(def), day, numerator: n, denominator: d });
    }
  }
  await replaceUnitRollup(
    db,
    season.id,
    unit,
    version,
    defs.map((def) => defKey(def)),
    rows,
  );
}

/** Brings the units' rows up to date for these definitions; returns how many units were counted. */
export async function refreshStaleUnits(
  db: Db,
  season: SeasonRow,
  units: readonly RollupUnit[],
  defs: readonly IndicatorDef[],
): Promise<number> {
  const stale = await staleUnits(
    db,
    season.id,
    units,
    defs.map((d) => defKey(d)),
  );
  for (const unit of stale) await refreshUnit(db, season, unit, defs);
  return stale.length;
}

export interface RollupEvaluation {
  readonly def: IndicatorDef;
  /** The value, or why the definition cannot be counted (as the loaded path says it). */
  readonly result: Result<IndicatorValue, IndicatorError>;
}

/**
 * The definitions' values for a big node on a day, with the breakdown by child, targets and
 * baselines. Drill-down lists and min / max / mean aggregates need the members themselves: they
 * are given for a child (a province), not here.
 */
export async function evaluateByRollup(
  db: Db,
  org: OrgRecord,
  season: SeasonRow,
  defs: readonly IndicatorDef[],
  q: { readonly asOf: string; readonly percentRule?: PercentRule | undefined },
): Promise<RollupEvaluation[]> {
  const checked = defs.map((def) => ({ def, check: validateIndicatorDef(def) }));
  const valid = checked.flatMap((c) => (c.check.ok ? [c.def] : []));
  const units = await unitsOf(db, org.id);
  // Other seasons only when a baseline names one.
  const named = valid.some((d) =>
    (d.baselines ?? []).some(
      (b) => b.kind === "computed" && (b.seasonCode !== undefined || b.term !== undefined),
    ),
  );
  const seasons = named ? await listSeasons(db) : [season];
  const seasonFor = (b: ComputedBaseline): SeasonRow | null =>
    b.seasonCode !== undefined
      ? (seasons.find((s) => s.season.code === b.seasonCode) ?? null)
      : b.term !== undefined
        ? (seasons.find((s) => termOf(s) === b.term) ?? null)
        : season;

  // Every (season, day) to read: the value's and each computed baseline's.
  const reads = new Map<string, { season: SeasonRow; asOf: string }>();
  const readKey = (s: SeasonRow, asOf: string) => `${s.id}|${asOf}`;
  reads.set(readKey(season, q.asOf), { season, asOf: q.asOf });
  for (const def of valid) {
    for (const b of def.baselines ?? []) {
      if (b.kind !== "computed") continue;
      const s = seasonFor(b);
      if (s) reads.set(readKey(s, b.asOf ?? q.asOf), { season: s, asOf: b.asOf ?? q.asOf });
    }
  }
  const refreshed = new Set<number>();
  const counts = new Map<string, Map<string, Map<string, Counts>>>(); // read → defKey → unit → counts
  for (const [key, r] of reads) {
    if (!refreshed.has(r.season.id)) {
      await refreshStaleUnits(db, r.season, units, valid);
      refreshed.add(r.season.id);
    }
    const byDef = new Map<string, Map<string, Counts>>();
    for (const c of await readUnitCounts(
      db,
      r.season.id,
      units,
      valid.map((d) => defKey(d)),
      r.asOf,
    )) {
      let byUnit = byDef.get(c.defKey);
      if (!byUnit) {
        byUnit = new Map();
        byDef.set(c.defKey, byUnit);
      }
      byUnit.set(`${c.unitId}|${c.selfOnly}`, { numerator: c.numerator, denominator: c.denominator });
    }
    counts.set(key, byDef);
  }

  // Each unit under its path and name of the day (a unit that did not stand under the node then
  // has no counts that day).
  const segments = await listSegments(
    db,
    units.map((u) => u.id),
  );
  const pathOn = new Map<number, { path: string; name: string }>();
  for (const seg of segments) {
    if (seg.from <= q.asOf && (seg.to === null || seg.to > q.asOf)) pathOn.set(seg.orgId, seg);
  }
  const unitPath = (u: RollupUnit) => (u.selfOnly ? org.path : (pathOn.get(u.id)?.path ?? u.path));
  const orgNames = new Map(
    units.map((u) => [
      unitPath(u),
      { id: u.id, name: u.selfOnly ? org.name : (pathOn.get(u.id)?.name ?? u.name) },
    ]),
  );
  const total = (byUnit: Map<string, Counts> | undefined): Counts => {
    let numerator = 0;
    let denominator = 0;
    for (const c of byUnit?.values() ?? []) {
      numerator += c.numerator;
      denominator += c.denominator;
    }
    return { numerator, denominator };
  };
  const options = {
    scopePath: org.path,
    asOf: q.asOf,
    percentRule: q.percentRule,
    term: termOf(season),
    seasonCode: season.season.code,
  };
  return checked.map(({ def, check }): RollupEvaluation => {
    if (!check.ok) return { def, result: check };
    const byUnit = counts.get(readKey(season, q.asOf))?.get(defKey(def));
    const children = new Map<string, Counts>();
    for (const u of units) {
      const c = byUnit?.get(`${u.id}|${u.selfOnly}`);
      if (c && c.denominator > 0) children.set(unitPath(u), c);
    }
    const value = presentIndicatorValue(
      def,
      {
        ...total(byUnit),
        children,
        orgNames,
        members: { numerator: [], denominator: [] },
        undecidedLocality: [],
        aggregates: [],
      },
      options,
      (b) => {
        const s = seasonFor(b);
        if (!s) return { numerator: 0, denominator: 0 };
        return total(counts.get(readKey(s, b.asOf ?? q.asOf))?.get(defKey(def)));
      },
    );
    return { def, result: ok(value) };
  });
}
