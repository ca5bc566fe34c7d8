/**
 * Congress season use-cases. Every change to a congress goes through the domain's lifecycle
 * (`transitionCongress`), updates the progress roll-up of every ancestor, appends an audit entry and
 * notifies listening servers, all in one transaction.
 */
import { type Actor, appendAudit, canonicalJson } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/congresses.ts";
import * as histRepo from "../db/repositories/org-history.ts";
import * as orgRepo from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import {
  type CongressEvent,
  type CongressOrg,
  type CongressRecord,
  type CongressType,
  checkCongressOrder,
  computeLateList,
  computeProgress,
  congressRecordIssues,
  findSeasonLevel,
  LATE_REASON_LABELS,
  type LateAgainst,
  type LateEntry,
  type Progress,
  plannedCongress,
  type Season,
  type SeasonLevel,
  seasonLevelIndex,
  seasonSchema,
  transitionCongress,
} from "../domain/congress/index.ts";
import {
  extremesFromKeys,
  progressFromRollup,
  type RollupMetric,
  rollupEvents,
} from "../domain/congress/rollup.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../domain/format/date.ts";
import { formatPercent } from "../domain/format/number.ts";
import { compareVietnamese } from "../domain/format/text.ts";
import {
  type CongressRow,
  readCongressXlsx,
  writeChildrenProgressSheet,
  writeCongressSheet,
  writeLateSheet,
} from "../io/excel/congress-sheet.ts";
import type { FileIssue } from "../io/excel/org-sheet.ts";
import { type AppError, errors } from "./errors.ts";

/** The channel every server process LISTENs on; payload: {"seasonId":1,"path":"1.2.3"}. */
export const CONGRESS_EVENTS_CHANNEL = "daihoi_congress";

export interface CongressFilter {
  readonly orgLevels?: readonly string[] | undefined;
  readonly kinds?: readonly string[] | undefined;
}

const congressError = (code: string, status: number, message: string, details?: unknown): AppError => ({
  code,
  status,
  message,
  ...(details !== undefined ? { details } : {}),
});

/** The season without its pilot list unless asked (progress never needs it; ordering warnings do). */
async function loadSeason(
  db: Db,
  seasonId: number,
  withPilots = false,
): Promise<Result<repo.SeasonRow, AppError>> {
  const s = await repo.findSeason(db, seasonId, { pilots: withPilots });
  return s ? ok(s) : err(errors.notFound("mùa đại hội", seasonId));
}

/** Ancestor ids from an ltree path of ids, the organisation itself included. */
const ancestorsOf = (path: string) => path.split(".").map(Number);

/** Whether a dated path (of any period) lies inside the season's root. */
const through = (path: string, rootId: number) => ancestorsOf(path).includes(rootId);

/**
 * The roll-up rows of one organisation over its dated versions: each version counts under the
 * ancestors, level and kind of its own period and only within it, so a move or merger on D changes
 * sums from D on and never before. `sign` -1 takes the events away.
 */
function segmentDeltas(
  s: repo.SeasonRow,
  segments: readonly histRepo.OrgSegment[],
  congress: CongressRecord | null,
  sign: 1 | -1,
): repo.RollupDelta[] {
  const levelIndex = seasonLevelIndex(s.season);
  const out: repo.RollupDelta[] = [];
  for (const seg of segments) {
    const level = levelIndex.get(seg.level);
    if (!level || !through(seg.path, s.rootOrgId)) continue;
    const events = rollupEvents({ validFrom: seg.from, dissolvedOn: seg.to }, congress, level);
    out.push({
      ancestorIds: ancestorsOf(seg.path),
      levelCode: level.code,
      orgLevel: seg.level,
      orgKind: seg.kind,
      events: sign === 1 ? events : events.map((e) => ({ ...e, n: -e.n })),
    });
  }
  return out;
}

/** The roll-up change when congresses change (their organisations' dated versions stay as they are). */
async function congressDeltas(
  db: Db,
  s: repo.SeasonRow,
  changes: readonly { orgId: number; before: CongressRecord | null; after: CongressRecord | null }[],
): Promise<repo.RollupDelta[]> {
  const segments = groupSegments(await histRepo.listSegments(db, [...new Set(changes.map((c) => c.orgId))]));
  return changes.flatMap((c) => [
    ...segmentDeltas(s, segments.get(c.orgId) ?? [], c.before, -1),
    ...segmentDeltas(s, segments.get(c.orgId) ?? [], c.after, 1),
  ]);
}

function groupSegments(segments: readonly histRepo.OrgSegment[]): Map<number, histRepo.OrgSegment[]> {
  const out = new Map<number, histRepo.OrgSegment[]>();
  for (const seg of segments) {
    const list = out.get(seg.orgId);
    if (list) list.push(seg);
    else out.set(seg.orgId, [seg]);
  }
  return out;
}

export async function createSeason(
  db: Db,
  actor: Actor,
  input: Season,
  rootOrgId: number,
): Promise<Result<number, AppError>> {
  const parsed = seasonSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return err(
      congressError("SEASON_INVALID", 422, `Mùa đại hội không hợp lệ (${i.path.join(".")}): ${i.message}`),
    );
  }
  return db.transaction(async (tx) => {
    const root = await orgRepo.findOrgById(tx, { kind: "all" }, rootOrgId);
    if (!root) return err(errors.notFound("đơn vị", rootOrgId));
    if (await repo.findSeasonByCode(tx, input.code)) {
      return err(congressError("SEASON_CODE_TAKEN", 409, `Mùa đại hội mã "${input.code}" đã có`));
    }
    const id = await repo.insertSeason(tx, input, rootOrgId);
    await rebuildRollup(tx, id);
    await appendAudit(tx, actor, [
      {
        action: "season.create",
        entity: "season",
        entityId: id,
        orgId: rootOrgId,
        before: null,
        after: input,
      },
    ]);
    return ok(id);
  });
}

/**
 * Recomputes a season's roll-up from the organisations' dated versions and the congresses. Used
 * after bulk loads; the incremental path must always agree with it (tests check).
 */
export async function rebuildRollup(db: Db, seasonId: number): Promise<void> {
  const s = (await repo.findSeason(db, seasonId))!;
  const levelIndex = seasonLevelIndex(s.season);
  const segments = groupSegments(await histRepo.listSegmentsThrough(db, s.rootOrgId, [...levelIndex.keys()]));
  const congresses = new Map(
    (await repo.listCongressesOfOrgs(db, seasonId, s.season.code, null)).map((c) => [c.orgId, c.record]),
  );
  await repo.clearRollup(db, seasonId);
  // In chunks, so memory stays bounded at national scale (each chunk's sums are added to the rows).
  const orgIds = [...segments.keys()];
  for (let i = 0; i < orgIds.length; i += 20_000) {
    const deltas = orgIds
      .slice(i, i + 20_000)
      .flatMap((id) => segmentDeltas(s, segments.get(id)!, congresses.get(id) ?? null, 1));
    await repo.applyRollup(db, seasonId, deltas);
  }
}

/** Rebuilds every season's roll-up (after a bulk import). */
export async function rebuildAllRollups(db: Db): Promise<void> {
  for (const s of await repo.listSeasons(db)) await rebuildRollup(db, s.id);
}

/**
 * Organisations' dated versions changed (founded, moved, renamed, merged, dissolved on a day):
 * every season's roll-up takes away their events over the versions before and adds those over the
 * versions after. Periods before the change's day are identical on both sides and cancel, so
 * figures before that day cannot change.
 */
export async function syncVersionsInRollups(
  db: Db,
  before: readonly histRepo.OrgSegment[],
  after: readonly histRepo.OrgSegment[],
): Promise<void> {
  const orgIds = [...new Set([...before, ...after].map((x) => x.orgId))];
  if (orgIds.length === 0) return;
  const b = groupSegments(before);
  const a = groupSegments(after);
  for (const s of await repo.listSeasons(db)) {
    const congresses = new Map(
      (await repo.listCongressesOfOrgs(db, s.id, s.season.code, orgIds)).map((c) => [c.orgId, c.record]),
    );
    const deltas = orgIds.flatMap((id) => [
      ...segmentDeltas(s, b.get(id) ?? [], congresses.get(id) ?? null, -1),
      ...segmentDeltas(s, a.get(id) ?? [], congresses.get(id) ?? null, 1),
    ]);
    await repo.applyRollup(db, s.id, deltas);
  }
}

export interface PlanInput {
  readonly type: CongressType;
  readonly pilot: boolean;
  readonly plannedStart: IsoDate;
  readonly plannedEnd: IsoDate;
  readonly venue: string | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

export type CongressChange =
  | { readonly kind: "plan"; readonly plan: PlanInput }
  | { readonly kind: "event"; readonly event: CongressEvent };

/** Plans a congress (creating its record) or applies one lifecycle event to it. */
export async function changeCongress(
  db: Db,
  actor: Actor,
  scope: Scope,
  seasonId: number,
  orgId: number,
  change: CongressChange,
  today: IsoDate,
): Promise<Result<repo.CongressRow, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const { season } = loaded.value;
    const org = await orgRepo.findOrgById(tx, scope, orgId);
    if (!org) return err(errors.notFound("đơn vị", orgId));
    const level = seasonLevelIndex(season).get(org.level);
    if (!level) {
      return err(congressError("CONGRESS_LEVEL", 422, `${org.name} không thuộc cấp nào của ${season.name}`));
    }
    const existing = await repo.findCongress(tx, scope, seasonId, orgId, season.code);
    const before = existing?.record ?? null;
    let after: CongressRecord;
    let contact = { name: existing?.contactName ?? null, phone: existing?.contactPhone ?? null };
    if (change.kind === "plan") {
      const p = change.plan;
      if (!isValidIsoDate(p.plannedStart) || !isValidIsoDate(p.plannedEnd)) {
        return err(congressError("CONGRESS_INVALID", 400, "Ngày dự kiến không hợp lệ"));
      }
      contact = { name: p.contactName, phone: p.contactPhone };
      if (before === null) {
        after = plannedCongress({
          orgId,
          seasonCode: season.code,
          type: p.type,
          pilot: p.pilot,
          plannedStart: p.plannedStart,
          plannedEnd: p.plannedEnd,
          venue: p.venue,
        });
      } else {
        const moved = transitionCongress(
          before,
          { type: "reschedule", plannedStart: p.plannedStart, plannedEnd: p.plannedEnd, venue: p.venue },
          { today },
        );
        if (!moved.ok)
          return err(
            congressError("CONGRESS_TRANSITION", 422, moved.error.message, {
              field: moved.error.field,
              rule: moved.error.code,
            }),
          );
        after = { ...moved.value, type: p.type, pilot: p.pilot };
      }
      const issues = congressRecordIssues(after);
      if (issues.length > 0)
        return err(
          congressError("CONGRESS_INVALID", 422, issues[0]!.message, { field: issues[0]!.path.join(".") }),
        );
    } else {
      if (before === null) {
        return err(
          congressError(
            "CONGRESS_NOT_PLANNED",
            422,
            `${org.name} chưa có kế hoạch đại hội trong ${season.name}; hãy lập kế hoạch trước`,
          ),
        );
      }
      const next = transitionCongress(before, change.event, { today });
      if (!next.ok)
        return err(
          congressError("CONGRESS_TRANSITION", 422, next.error.message, {
            field: next.error.field,
            rule: next.error.code,
          }),
        );
      after = next.value;
    }
    const id = await repo.upsertCongress(tx, seasonId, level.code, { ...after, orgId }, contact);
    await repo.applyRollup(tx, seasonId, await congressDeltas(tx, loaded.value, [{ orgId, before, after }]));
    await appendAudit(tx, actor, [
      {
        action: change.kind === "plan" ? "congress.plan" : `congress.${change.event.type}`,
        entity: "congress",
        entityId: id,
        orgId,
        before: before
          ? {
              ...before,
              contact: { name: existing?.contactName ?? null, phone: existing?.contactPhone ?? null },
            }
          : null,
        after: { ...after, contact },
      },
    ]);
    await repo.notifyCongressChange(tx, CONGRESS_EVENTS_CHANNEL, { seasonId, path: org.path });
    return ok((await repo.findCongress(tx, { kind: "all" }, seasonId, orgId, season.code))!);
  });
}

/** Loads a season's congresses for organisations (by code) in one go: the demo and bulk imports. */
export async function insertSeasonCongresses(
  db: Db,
  actor: Actor,
  seasonId: number,
  records: readonly (CongressRecord & { orgId: number })[],
): Promise<void> {
  const s = (await repo.findSeason(db, seasonId))!;
  const levelIndex = seasonLevelIndex(s.season);
  const orgs = new Map(
    (
      await repo.listOrgsForSeason(db, (await orgRepo.findOrgById(db, { kind: "all" }, s.rootOrgId))!.path, [
        ...levelIndex.keys(),
      ])
    ).map((o) => [o.id, o]),
  );
  await repo.insertCongresses(
    db,
    records.map((r) => ({ seasonId, levelCode: levelIndex.get(orgs.get(r.orgId)!.level)!.code, record: r })),
  );
  await rebuildRollup(db, seasonId);
  await appendAudit(
    db,
    actor,
    records.map((r) => ({
      action: "congress.load",
      entity: "congress",
      entityId: `${seasonId}:${r.orgId}`,
      orgId: r.orgId,
      before: null,
      after: r,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading progress

export interface ProgressRequest {
  readonly seasonId: number;
  readonly orgId: number;
  readonly level: string;
  readonly asOf: IsoDate;
  readonly filter?: CongressFilter;
}

/**
 * The organisation as it stood on `day` in the caller's scope (scopes follow the tree of the day
 * asked for); one founded later but in scope today reads as itself today (its figures are zero then).
 */
async function orgOn(
  db: Db,
  scope: Scope,
  orgId: number,
  day: IsoDate,
): Promise<{ id: number; path: string; name: string; level: string } | null> {
  const seg = await histRepo.findSegmentOn(db, scope, orgId, day);
  if (seg) return { id: seg.orgId, path: seg.path, name: seg.name, level: seg.level };
  return orgRepo.findOrgById(db, scope, orgId);
}

async function progressFor(
  db: Db,
  s: repo.SeasonRow,
  org: { id: number; path: string },
  levelCode: string,
  asOf: IsoDate,
  filter: CongressFilter,
): Promise<Result<Progress, AppError>> {
  const level = findSeasonLevel(s.season, levelCode);
  if (!level)
    return err(congressError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${levelCode}"`));
  const { metrics, aliveKeys } = await repo.sumRollupWithExtremes(db, s.id, org.id, level.code, asOf, filter);
  return ok(
    progressFromRollup(
      s.season.code,
      level,
      org.path,
      asOf,
      { asOf: Object.fromEntries(metrics) as Partial<Record<RollupMetric, number>> },
      extremesFromKeys(aliveKeys),
    ),
  );
}

export async function getProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<Progress, AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  return progressFor(db, s.value, org, req.level, req.asOf, req.filter ?? {});
}

export interface ChildProgressRow {
  readonly orgId: number;
  readonly name: string;
  readonly level: string;
  readonly total: number;
  readonly held: number;
  readonly resultsRecorded: number;
  readonly onTimeProvince: number | null;
}

/** One row per direct child: held/total of the level in each child's subtree (children with none left out). */
export async function getChildrenProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<ChildProgressRow[], AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const level = findSeasonLevel(s.value.season, req.level);
  if (!level)
    return err(congressError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${req.level}"`));
  // The children of that day, with that day's names.
  const children = (await histRepo.listChildrenOn(db, scope, org.id, req.asOf)).map((c) => ({
    id: c.orgId,
    name: c.name,
    level: c.level,
  }));
  const sums = await repo.sumRollup(
    db,
    s.value.id,
    children.map((c) => c.id),
    level.code,
    req.asOf,
    req.filter ?? {},
  );
  return ok(
    children
      .map((c) => {
        const m = sums.get(c.id)!;
        return {
          orgId: c.id,
          name: c.name,
          level: c.level,
          total: m.get("exists") ?? 0,
          held: m.get("held") ?? 0,
          resultsRecorded: m.get("results_recorded") ?? 0,
          onTimeProvince: level.provinceDeadline === null ? null : (m.get("held_by_province_deadline") ?? 0),
        };
      })
      .filter((r) => r.total > 0)
      .sort((a, b) => compareVietnamese(a.name, b.name)),
  );
}

export interface CurvePoint {
  readonly day: IsoDate;
  readonly held: number;
}

/** Cumulative held counts per season level, from the roll-up's daily sums. */
export async function getCurves(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
  asOf: IsoDate,
): Promise<
  Result<
    {
      level: string;
      name: string;
      total: number;
      provinceDeadline: string | null;
      centralDeadline: string | null;
      points: CurvePoint[];
    }[],
    AppError
  >
> {
  const s = await loadSeason(db, seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, orgId, asOf);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const perDay = await repo.heldPerDay(db, seasonId, org.id, asOf);
  const out = [];
  for (const level of s.value.season.levels) {
    const totals = (await repo.sumRollup(db, seasonId, [org.id], level.code, asOf)).get(org.id)!;
    let cum = 0;
    const points = perDay
      .filter((p) => p.levelCode === level.code)
      .map((p) => {
        cum += Number(p.n);
        return { day: p.day, held: cum };
      });
    out.push({
      level: level.code,
      name: level.name,
      total: totals.get("exists") ?? 0,
      provinceDeadline: level.provinceDeadline,
      centralDeadline: level.centralDeadline,
      points,
    });
  }
  return ok(out);
}

export interface LateRow extends LateEntry {
  /** Names from the top of the tree down to the parent: who to call sits in this chain. */
  readonly pathNames: string[];
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

export async function getLateList(
  db: Db,
  scope: Scope,
  req: { seasonId: number; orgId: number; asOf: IsoDate; level?: string | undefined; against: LateAgainst },
): Promise<Result<LateRow[], AppError>> {
  const s = await loadSeason(db, req.seasonId);
  if (!s.ok) return s;
  const org = await orgOn(db, scope, req.orgId, req.asOf);
  if (!org) return err(errors.notFound("đơn vị", req.orgId));
  const levels = req.level ? [findSeasonLevel(s.value.season, req.level)] : s.value.season.levels;
  if (levels.some((l) => l === undefined))
    return err(congressError("SEASON_LEVEL_UNKNOWN", 400, `Mùa đại hội không có cấp "${req.level}"`));
  const candidates = await repo.listLateCandidates(
    db,
    s.value.id,
    org.id,
    levels.flatMap((l) => l!.orgLevels),
    req.asOf,
  );
  const records = candidates
    .filter((c) => c.congress)
    .map((c) => repo.toCongressRow(c.congress!, s.value.season.code));
  const late = computeLateList(
    candidates.map((c) => c.org),
    records.map((r) => r.record),
    s.value.season,
    { scopePath: org.path, asOf: req.asOf, level: req.level, against: req.against },
  );
  if (!late.ok) return err(congressError("SEASON_LEVEL_UNKNOWN", 400, late.error.message));
  const contacts = new Map(records.map((r) => [r.orgId, r]));
  const ancestorIds = new Set<number>();
  for (const e of late.value) for (const a of e.path.split(".").slice(0, -1)) ancestorIds.add(Number(a));
  const names = await histRepo.namesOn(db, [...ancestorIds], req.asOf);
  return ok(
    late.value.map((e) => ({
      ...e,
      pathNames: e.path
        .split(".")
        .slice(0, -1)
        .map((a) => names.get(Number(a)) ?? "?"),
      contactName: contacts.get(Number(e.orgId))?.contactName ?? null,
      contactPhone: contacts.get(Number(e.orgId))?.contactPhone ?? null,
    })),
  );
}

/** The reference computation over every row (tests and the benchmark compare the roll-up with it). */
export async function getProgressNaive(db: Db, req: ProgressRequest): Promise<Progress> {
  const s = (await repo.findSeason(db, req.seasonId))!;
  // The tree as it stood on the day: the versions valid then, with that period's paths.
  const org = (await orgOn(db, { kind: "all" }, req.orgId, req.asOf))!;
  const levelIndex = seasonLevelIndex(s.season);
  const orgs: CongressOrg[] = (await histRepo.listSubtreeOn(db, req.orgId, req.asOf, [...levelIndex.keys()]))
    .filter((o) => through(o.path, s.rootOrgId))
    .map((o) => ({
      id: o.orgId,
      parentId: o.parentId,
      path: o.path,
      level: o.level,
      kind: o.kind,
      name: o.name,
      dissolvedOn: null,
    }));
  const congresses = (
    await repo.listCongressesOfOrgs(
      db,
      s.id,
      s.season.code,
      orgs.map((o) => Number(o.id)),
    )
  ).map((c) => c.record);
  const r = computeProgress(orgs, congresses, s.season, {
    scopePath: org.path,
    level: req.level,
    asOf: req.asOf,
    orgLevels: req.filter?.orgLevels,
    kinds: req.filter?.kinds,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export interface CongressView {
  readonly seasonId: number;
  readonly org: { id: number; code: string; name: string; level: string };
  readonly seasonLevel: string | null;
  readonly congress: CongressRecord | null;
  /** The congress row's id (elections refer to it), null while not planned. */
  readonly congressId: number | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly warnings: string[];
}

/** Ordering warnings for some organisations, checked among their parent's subtree (siblings, descendants). */
async function orderingWarnings(
  db: Db,
  s: repo.SeasonRow,
  parentPath: string,
): Promise<Map<number, string[]>> {
  const levelIndex = seasonLevelIndex(s.season);
  const orgs = await repo.listOrgsForSeason(db, parentPath, [...levelIndex.keys()]);
  const congresses = (await repo.listCongressesInSubtree(db, s.id, s.season.code, parentPath)).map(
    (c) => c.record,
  );
  const out = new Map<number, string[]>();
  for (const w of checkCongressOrder(orgs, congresses, s.season)) {
    const id = Number(w.orgId);
    out.set(id, [...(out.get(id) ?? []), w.message]);
  }
  return out;
}

export async function getCongress(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
): Promise<Result<CongressView, AppError>> {
  const s = await loadSeason(db, seasonId, true);
  if (!s.ok) return s;
  const org = await orgRepo.findOrgById(db, scope, orgId);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const c = await repo.findCongress(db, scope, seasonId, orgId, s.value.season.code);
  const parentPath = org.path.includes(".") ? org.path.slice(0, org.path.lastIndexOf(".")) : org.path;
  const warnings = (await orderingWarnings(db, s.value, parentPath)).get(org.id) ?? [];
  return ok({
    seasonId,
    org: { id: org.id, code: org.code, name: org.name, level: org.level },
    seasonLevel: seasonLevelIndex(s.value.season).get(org.level)?.code ?? null,
    congress: c?.record ?? null,
    congressId: c?.id ?? null,
    contactName: c?.contactName ?? null,
    contactPhone: c?.contactPhone ?? null,
    warnings,
  });
}

/** The congresses of a parent's direct children: the table an officer updates one by one. */
export async function listChildCongresses(
  db: Db,
  scope: Scope,
  seasonId: number,
  parentId: number,
): Promise<Result<CongressView[], AppError>> {
  const s = await loadSeason(db, seasonId, true);
  if (!s.ok) return s;
  const parent = await orgRepo.findOrgById(db, scope, parentId);
  if (!parent) return err(errors.notFound("đơn vị", parentId));
  const levelIndex = seasonLevelIndex(s.value.season);
  const children = (await orgRepo.listChildren(db, scope, parent.id, false)).filter((c) =>
    levelIndex.has(c.level),
  );
  const congresses = new Map(
    (await repo.listCongressesInSubtree(db, seasonId, s.value.season.code, parent.path)).map((c) => [
      c.orgId,
      c,
    ]),
  );
  const warnings = await orderingWarnings(db, s.value, parent.path);
  return ok(
    children.map((child) => {
      const c = congresses.get(child.id);
      return {
        seasonId,
        org: { id: child.id, code: child.code, name: child.name, level: child.level },
        seasonLevel: levelIndex.get(child.level)?.code ?? null,
        congress: c?.record ?? null,
        congressId: c?.id ?? null,
        contactName: c?.contactName ?? null,
        contactPhone: c?.contactPhone ?? null,
        warnings: warnings.get(child.id) ?? [],
      };
    }),
  );
}

export async function listSeasons(db: Db): Promise<repo.SeasonRow[]> {
  return repo.listSeasons(db);
}

// ---------------------------------------------------------------------------------------------
// Files: bulk congress records, the late list

export interface CongressImportSummary {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * All-or-nothing bulk update of congress records from .xlsx: every row is checked (organisation in
 * scope and covered by the season, record coherent, no date after today) before anything is
 * written; unchanged rows are skipped, so a retried upload changes nothing.
 */
export async function importCongressFile(
  db: Db,
  actor: Actor,
  scope: Scope,
  seasonId: number,
  data: Uint8Array,
  options: { dryRun: boolean; today: IsoDate },
): Promise<Result<CongressImportSummary, AppError>> {
  const parsed = await readCongressXlsx(data);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { sheet, rows, columnOf } = parsed.value;
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const { season } = loaded.value;
    const levelIndex = seasonLevelIndex(season);
    const issues: FileIssue[] = [];
    const bad = (row: number, field: string | null, rule: string, message: string) =>
      issues.push({ sheet, row, column: field ? columnOf(field) : null, field, rule, message });
    const seen = new Map<string, number>();
    const plan: {
      org: orgRepo.OrgRecord;
      level: SeasonLevel;
      before: repo.CongressRow | null;
      record: CongressRecord;
      row: CongressRow;
    }[] = [];
    for (const row of rows) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        bad(row.rowNumber, "code", "duplicate_code", `Mã "${row.code}" trùng với dòng ${first}`);
        continue;
      }
      seen.set(row.code, row.rowNumber);
      const org = await orgRepo.findOrgByCode(tx, scope, row.code);
      if (!org) {
        bad(row.rowNumber, "code", "unknown_org", `Không có đơn vị mã "${row.code}" trong phạm vi của bạn`);
        continue;
      }
      const level = levelIndex.get(org.level);
      if (!level) {
        bad(row.rowNumber, "code", "not_in_season", `${org.name} không thuộc cấp nào của ${season.name}`);
        continue;
      }
      const record: CongressRecord = { ...row.record, orgId: org.id, seasonCode: season.code };
      for (const i of congressRecordIssues(record))
        bad(row.rowNumber, String(i.path[0] ?? ""), "invalid_record", i.message);
      for (const [field, day] of [
        ["actualEnd", record.actualEnd],
        ["resultsRecordedOn", record.resultsRecordedOn],
        ["confirmationDate", record.confirmation?.date ?? null],
      ] as const) {
        if (day !== null && day > options.today)
          bad(row.rowNumber, field, "date_in_future", `Ngày ${formatDate(day)} ở sau hôm nay`);
      }
      plan.push({
        org,
        level,
        before: await repo.findCongress(tx, scope, seasonId, org.id, season.code),
        record,
        row,
      });
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.row - b.row);
      return err(errors.importInvalid(issues, issues.length));
    }
    const changes = plan.filter(
      (p) =>
        !p.before ||
        canonicalJson(p.before.record) !== canonicalJson(p.record) ||
        p.before.contactName !== p.row.contactName ||
        p.before.contactPhone !== p.row.contactPhone,
    );
    const summary = {
      dryRun: options.dryRun,
      rows: rows.length,
      changed: changes.length,
      unchanged: plan.length - changes.length,
    };
    if (options.dryRun || changes.length === 0) return ok(summary);
    for (const c of changes) {
      await repo.upsertCongress(
        tx,
        seasonId,
        c.level.code,
        { ...c.record, orgId: c.org.id },
        { name: c.row.contactName, phone: c.row.contactPhone },
      );
    }
    await repo.applyRollup(
      tx,
      seasonId,
      await congressDeltas(
        tx,
        loaded.value,
        changes.map((c) => ({ orgId: c.org.id, before: c.before?.record ?? null, after: c.record })),
      ),
    );
    await appendAudit(
      tx,
      actor,
      changes.map((c) => ({
        action: "congress.import",
        entity: "congress",
        entityId: `${seasonId}:${c.org.id}`,
        orgId: c.org.id,
        before: c.before?.record ?? null,
        after: { ...c.record, contact: { name: c.row.contactName, phone: c.row.contactPhone } },
      })),
    );
    const root = (await orgRepo.findOrgById(tx, { kind: "all" }, loaded.value.rootOrgId))!;
    await repo.notifyCongressChange(tx, CONGRESS_EVENTS_CHANNEL, { seasonId, path: root.path });
    return ok(summary);
  });
}

/** The congress sheet for a subtree: the template to fill, with what is already known. */
export async function exportCongressFile(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const s = await loadSeason(db, seasonId);
  if (!s.ok) return s;
  const org = await orgRepo.findOrgById(db, scope, orgId);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const levelIndex = seasonLevelIndex(s.value.season);
  const orgs = (await repo.listOrgsForSeason(db, org.path, [...levelIndex.keys()])).filter(
    (o) => o.dissolvedOn === null,
  );
  const congresses = new Map(
    (await repo.listCongressesInSubtree(db, seasonId, s.value.season.code, org.path)).map((c) => [
      c.orgId,
      c,
    ]),
  );
  orgs.sort((a, b) => (a.path < b.path ? -1 : 1));
  const data = await writeCongressSheet(
    orgs.map((o) => {
      const c = congresses.get(o.id);
      return {
        code: o.code,
        name: o.name,
        record: c?.record ?? null,
        contactName: c?.contactName ?? null,
        contactPhone: c?.contactPhone ?? null,
      };
    }),
  );
  return ok({ fileName: `dai-hoi-${s.value.season.code}-${org.code}.xlsx`, data });
}

export async function exportLateList(
  db: Db,
  scope: Scope,
  req: { seasonId: number; orgId: number; asOf: IsoDate; level?: string | undefined; against: LateAgainst },
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const late = await getLateList(db, scope, req);
  if (!late.ok) return late;
  const org = (await orgRepo.findOrgById(db, scope, req.orgId))!;
  const data = await writeLateSheet(
    late.value.map((e) => ({ ...e, reasonText: LATE_REASON_LABELS[e.reason] })),
    `Đơn vị chậm tiến độ đại hội — ${org.name} — tính đến ngày ${formatDate(req.asOf)}`,
  );
  return ok({ fileName: `cham-tien-do-${org.code}-${req.asOf}.xlsx`, data });
}

export interface SeasonLevelChange {
  readonly name?: string | undefined;
  readonly window?: { start: IsoDate; end: IsoDate } | undefined;
  readonly provinceDeadline?: IsoDate | null | undefined;
  readonly centralDeadline?: IsoDate | null | undefined;
  readonly term?: { startYear: number; endYear: number } | undefined;
}

/**
 * Changes a season level's name, window, term or deadlines. On-time figures are decided against
 * the deadlines when a congress is written, so the season's roll-up is rebuilt.
 */
export async function updateSeasonLevel(
  db: Db,
  actor: Actor,
  seasonId: number,
  levelCode: string,
  change: SeasonLevelChange,
): Promise<Result<repo.SeasonRow, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const before = findSeasonLevel(loaded.value.season, levelCode);
    if (!before)
      return err(congressError("SEASON_LEVEL_UNKNOWN", 404, `Mùa đại hội không có cấp "${levelCode}"`));
    const after: SeasonLevel = {
      ...before,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.window !== undefined ? { window: change.window } : {}),
      ...(change.provinceDeadline !== undefined ? { provinceDeadline: change.provinceDeadline } : {}),
      ...(change.centralDeadline !== undefined ? { centralDeadline: change.centralDeadline } : {}),
      ...(change.term !== undefined ? { term: change.term } : {}),
    };
    const checked = seasonSchema.safeParse({
      ...loaded.value.season,
      levels: loaded.value.season.levels.map((l) => (l.code === levelCode ? after : l)),
    });
    if (!checked.success) {
      const i = checked.error.issues[0]!;
      return err(
        congressError("SEASON_INVALID", 422, `Mùa đại hội không hợp lệ (${i.path.join(".")}): ${i.message}`),
      );
    }
    await repo.updateSeasonLevel(tx, seasonId, after);
    await rebuildRollup(tx, seasonId);
    await appendAudit(tx, actor, [
      {
        action: "season.level.update",
        entity: "season",
        entityId: `${seasonId}:${levelCode}`,
        orgId: loaded.value.rootOrgId,
        before,
        after,
      },
    ]);
    return ok((await repo.findSeason(tx, seasonId))!);
  });
}

/** The children table of the dashboard as .xlsx. */
export async function exportChildrenProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const rows = await getChildrenProgress(db, scope, req);
  if (!rows.ok) return rows;
  const org = (await orgRepo.findOrgById(db, scope, req.orgId))!;
  const season = (await repo.findSeason(db, req.seasonId))!;
  const level = findSeasonLevel(season.season, req.level)!;
  const data = await writeChildrenProgressSheet(
    rows.value.map((r) => ({ ...r, heldPercent: formatPercent(r.held, r.total) })),
    `Tiến độ đại hội ${level.name.toLowerCase()} — ${org.name} — tính đến ngày ${formatDate(req.asOf)}`,
  );
  return ok({ fileName: `tien-do-${level.code}-${org.code}-${req.asOf}.xlsx`, data });
}

/** Results a closed election count writes into its congress's record (services/elections.ts). */
export type CongressResultFields = Partial<
  Pick<
    CongressRecord,
    | "committeeSeatsDecided"
    | "committeeSeatsElected"
    | "electedInOneRoundFull"
    | "secretaryElectedDirectly"
    | "secretaryVotes"
    | "secretaryVoteBase"
  >
>;

/**
 * Writes an election's results into the congress record: records the results when the congress is
 * held, or amends the recorded ones (a secretary elected after the committee). Audited; the rollup
 * follows. A congress not yet recorded as held is left alone (an error value says why).
 */
export async function amendCongressResults(
  db: Db,
  actor: Actor,
  congressId: number,
  fields: CongressResultFields,
  today: IsoDate,
): Promise<Result<repo.CongressRow, AppError>> {
  const ref = await repo.findCongressRef(db, congressId);
  if (!ref) return err(errors.notFound("đại hội", congressId));
  const loaded = await loadSeason(db, ref.seasonId);
  if (!loaded.ok) return loaded;
  const { season } = loaded.value;
  const existing = await repo.findCongress(db, { kind: "all" }, ref.seasonId, ref.orgId, season.code);
  if (!existing) return err(errors.notFound("đại hội", congressId));
  const before = existing.record;
  if (before.status === "planned")
    return err(
      congressError(
        "CONGRESS_NOT_HELD",
        422,
        "Đại hội chưa được ghi nhận là đã tổ chức; hãy ghi nhận rồi nhập kết quả",
      ),
    );
  if (before.status === "held") {
    return changeCongress(
      db,
      actor,
      { kind: "all" },
      ref.seasonId,
      ref.orgId,
      {
        kind: "event",
        event: {
          type: "record_results",
          recordedOn: today,
          committeeSeatsDecided: fields.committeeSeatsDecided ?? before.committeeSeatsDecided,
          committeeSeatsElected: fields.committeeSeatsElected ?? before.committeeSeatsElected,
          electedInOneRoundFull: fields.electedInOneRoundFull ?? before.electedInOneRoundFull,
          secretaryElectedDirectly:
            fields.secretaryElectedDirectly ?? before.secretaryElectedDirectly ?? false,
          secretaryVotes: fields.secretaryVotes ?? before.secretaryVotes,
          secretaryVoteBase: fields.secretaryVoteBase ?? before.secretaryVoteBase,
        },
      },
      today,
    );
  }
  const after: CongressRecord = { ...before, ...fields };
  const issues = congressRecordIssues(after);
  if (issues.length > 0)
    return err(
      congressError("CONGRESS_INVALID", 422, issues[0]!.message, { field: issues[0]!.path.join(".") }),
    );
  const org = await orgRepo.findOrgById(db, { kind: "all" }, ref.orgId);
  const level = seasonLevelIndex(season).get(org!.level);
  if (!org || !level) return err(errors.notFound("đại hội", congressId));
  const contact = { name: existing.contactName, phone: existing.contactPhone };
  await repo.upsertCongress(db, ref.seasonId, level.code, { ...after, orgId: ref.orgId }, contact);
  await repo.applyRollup(
    db,
    ref.seasonId,
    await congressDeltas(db, (await repo.findSeason(db, ref.seasonId))!, [
      { orgId: ref.orgId, before, after },
    ]),
  );
  await appendAudit(db, actor, [
    {
      action: "congress.amend_results",
      entity: "congress",
      entityId: congressId,
      orgId: ref.orgId,
      before,
      after,
    },
  ]);
  await repo.notifyCongressChange(db, CONGRESS_EVENTS_CHANNEL, { seasonId: ref.seasonId, path: org.path });
  return ok((await repo.findCongress(db, { kind: "all" }, ref.seasonId, ref.orgId, season.code))!);
}
