/**
 * The indicators of an organisation on a day, and who is counted in one (the drill-down).
 */

import type { Db } from "../../db/client.ts";
import type { SeasonRow } from "../../db/repositories/congresses.ts";
import { listSeasons } from "../../db/repositories/congresses.ts";
import { unitsOf } from "../../db/repositories/indicator-rollup.ts";
import { listBigNodeCandidates } from "../../db/repositories/indicators.ts";
import type { OrgRecord } from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { ALL_SCOPE } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type DrillItem,
  evaluateIndicator,
  type IndicatorError,
  type IndicatorValue,
  idKey,
  orgOn,
} from "../../domain/indicators/index.ts";
import { POST_KIND_LABELS } from "../../domain/people/types.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { evaluateByRollup, isRollupNode, refreshStaleUnits } from "../indicator-rollup.ts";
import {
  findOrgAndSeason,
  type IndicatorEntry,
  type IndicatorQuery,
  listIndicatorEntries,
  loadContext,
} from "./context.ts";

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
  for (const node of await listBigNodeCandidates(db)) {
    if (!(await isRollupNode(db, node.path))) continue;
    const units = await unitsOf(db, node.id);
    for (const s of seasons) counted += await refreshStaleUnits(db, s, units, defs);
  }
  return counted;
}
