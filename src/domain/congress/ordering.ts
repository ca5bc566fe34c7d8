/**
 * Which congress may come before which (BRIEF §2, "order and windows"): an organisation's
 * congress comes after the congresses of the organisations under it that belong to an earlier
 * season level (a grassroots committee after its branches, a district after its grassroots
 * organisations), pilots come before the other congresses of their level under the same upper
 * organisation, and congresses keep to their level's window.
 *
 * These are warnings, not errors: the plan is the officers' to make, the product points out what
 * breaks the usual order. Dates used are the actual ones when held, else the planned ones.
 */
import { formatDate, type IsoDate } from "../format/date.ts";
import type { CongressRecord } from "./record.ts";
import type { CongressOrg } from "./scope.ts";
import { type OrgId, type Season, type SeasonLevel, seasonLevelIndex } from "./season.ts";

export interface OrderedOrg {
  readonly orgId: OrgId;
  readonly name: string;
  /** End date (actual or planned) of that organisation's congress; null when it has none. */
  readonly end: IsoDate | null;
}

export type CongressOrderWarning =
  | {
      readonly rule: "before_lower_level";
      readonly orgId: OrgId;
      readonly start: IsoDate;
      /** The organisations below whose congresses have not ended before `start`. */
      readonly unfinished: readonly OrderedOrg[];
      readonly message: string;
    }
  | {
      readonly rule: "before_pilot";
      readonly orgId: OrgId;
      readonly start: IsoDate;
      readonly pilots: readonly OrderedOrg[];
      readonly message: string;
    }
  | {
      readonly rule: "outside_window";
      readonly orgId: OrgId;
      readonly start: IsoDate;
      readonly end: IsoDate;
      readonly window: { readonly start: IsoDate; readonly end: IsoDate };
      readonly message: string;
    }
  | {
      readonly rule: "pilot_mismatch";
      readonly orgId: OrgId;
      /** Chosen as a pilot by the plan. */
      readonly inPlan: boolean;
      readonly message: string;
    };

/** How many names a message lists before "và N đơn vị khác". */
const NAMES_SHOWN = 3;

function effectiveStart(c: CongressRecord): IsoDate {
  return c.actualStart ?? c.plannedStart;
}
function effectiveEnd(c: CongressRecord): IsoDate {
  return c.actualEnd ?? c.plannedEnd;
}

function listNames(items: readonly OrderedOrg[]): string {
  const shown = items
    .slice(0, NAMES_SHOWN)
    .map((o) => `${o.name} (${o.end === null ? "chưa có lịch" : formatDate(o.end)})`);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} và ${rest} đơn vị khác` : shown.join(", ");
}

function when(c: CongressRecord): string {
  return c.actualStart !== null ? "tổ chức" : "dự kiến";
}

/**
 * All ordering warnings for a season, in tree order (by path) and, for one organisation, in the
 * order of the rules above.
 */
export function checkCongressOrder(
  orgs: Iterable<CongressOrg>,
  congresses: Iterable<CongressRecord>,
  season: Season,
): CongressOrderWarning[] {
  const levelOf = seasonLevelIndex(season);
  const byOrg = new Map<OrgId, CongressRecord>();
  for (const c of congresses) if (c.seasonCode === season.code) byOrg.set(c.orgId, c);
  const orgList = [...orgs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const children = new Map<OrgId, CongressOrg[]>();
  for (const o of orgList) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }
  const pilotsInPlan = new Set<OrgId>(season.pilotOrgIds);

  /**
   * The nearest organisations below `org` that hold a congress of an earlier season level; the
   * walk stops at them (their own check covers what is under them) and passes through
   * organisations that hold no congress in the season.
   */
  const lowerOf = (org: CongressOrg, level: SeasonLevel, start: IsoDate): CongressOrg[] => {
    const found: CongressOrg[] = [];
    const stack = [...(children.get(org.id) ?? [])].reverse();
    while (stack.length > 0) {
      const o = stack.pop()!;
      if (o.dissolvedOn != null && o.dissolvedOn <= start) continue;
      const l = levelOf.get(o.level);
      if (l !== undefined && l.order < level.order) {
        found.push(o);
        continue;
      }
      stack.push(...[...(children.get(o.id) ?? [])].reverse());
    }
    return found;
  };

  const warnings: CongressOrderWarning[] = [];
  for (const org of orgList) {
    const level = levelOf.get(org.level);
    const c = byOrg.get(org.id);
    if (!level) continue;
    const inPlan = pilotsInPlan.has(org.id);
    if (c && c.pilot !== inPlan) {
      warnings.push({
        rule: "pilot_mismatch",
        orgId: org.id,
        inPlan,
        message: inPlan
          ? `${org.name} được kế hoạch chọn làm đại hội điểm nhưng đại hội chưa được đánh dấu là đại hội điểm`
          : `${org.name} được đánh dấu đại hội điểm nhưng không có trong danh sách đại hội điểm của kế hoạch`,
      });
    }
    if (!c) continue;
    const start = effectiveStart(c);
    const end = effectiveEnd(c);

    const unfinished: OrderedOrg[] = [];
    for (const lower of lowerOf(org, level, start)) {
      const lc = byOrg.get(lower.id);
      const lowerEnd = lc ? effectiveEnd(lc) : null;
      if (lowerEnd === null || lowerEnd >= start) {
        unfinished.push({ orgId: lower.id, name: lower.name, end: lowerEnd });
      }
    }
    if (unfinished.length > 0) {
      warnings.push({
        rule: "before_lower_level",
        orgId: org.id,
        start,
        unfinished,
        message: `Đại hội ${org.name} ${when(c)} ngày ${formatDate(start)}, trước khi ${unfinished.length} tổ chức trực thuộc hoàn thành đại hội: ${listNames(unfinished)}`,
      });
    }

    if (!c.pilot && org.parentId !== null) {
      const pilots: OrderedOrg[] = [];
      for (const sibling of children.get(org.parentId) ?? []) {
        if (sibling.id === org.id || levelOf.get(sibling.level) !== level) continue;
        const sc = byOrg.get(sibling.id);
        if (!sc?.pilot) continue;
        const pilotEnd = effectiveEnd(sc);
        if (pilotEnd >= start) pilots.push({ orgId: sibling.id, name: sibling.name, end: pilotEnd });
      }
      if (pilots.length > 0) {
        warnings.push({
          rule: "before_pilot",
          orgId: org.id,
          start,
          pilots,
          message: `Đại hội ${org.name} ${when(c)} ngày ${formatDate(start)}, trước khi đại hội điểm cùng cấp kết thúc: ${listNames(pilots)}`,
        });
      }
    }

    if (start < level.window.start || end > level.window.end) {
      warnings.push({
        rule: "outside_window",
        orgId: org.id,
        start,
        end,
        window: level.window,
        message: `Đại hội ${org.name} (${formatDate(start)}–${formatDate(end)}) nằm ngoài thời gian kế hoạch cho ${level.name} (${formatDate(level.window.start)}–${formatDate(level.window.end)})`,
      });
    }
  }
  return warnings;
}
