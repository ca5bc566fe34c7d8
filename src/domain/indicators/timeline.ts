/**
 * An indicator over time: for every member of its population, the spans of days during which it
 * is a member and counted (numerator) or not. On any day D, the members whose span covers D are
 * exactly those `evaluateIndicator` counts on D — the property test checks it on the demo
 * province for the whole catalog — so the database can keep dated counts per subtree (a roll-up,
 * like the congress one) and answer "on D" for a whole country without loading it.
 *
 * A member's test can change only on a day something it looks at changes: the start or end of a
 * post of its holder, of the organisation, of the organisation's village or of the holders of the
 * organisation's posts (officer conditions), a congress status date, a birthday that crosses an
 * age of the definition, a dissolution. The test is evaluated on each such day.
 */
import { ok, type Result } from "../basics/result.ts";
import type { CongressRecord } from "../congress/record.ts";
import { isInScope } from "../congress/scope.ts";
import type { IsoDate } from "../format/date.ts";
import type { Person, Post } from "../people/types.ts";
import { type IndicatorIndex, type IndicatorOrg, idKey } from "./data.ts";
import type { Condition, IndicatorDef } from "./definition.ts";
import {
  compileCondition,
  type DrillItem,
  type Env,
  type IndicatorError,
  type Member,
  matchesOrgFilter,
  validateIndicatorDef,
} from "./evaluate.ts";

/** Before any day the data holds: an organisation without a founding day exists "since always". */
export const EARLIEST_DAY: IsoDate = "0001-01-01";

export interface MemberSpan {
  readonly item: DrillItem;
  /** The member's organisation path. */
  readonly path: string;
  readonly from: IsoDate;
  /** First day out; null: still a member. */
  readonly to: IsoDate | null;
  readonly counted: boolean;
}

export interface TimelineOptions {
  readonly scopePath: string;
  readonly term?: string | undefined;
  readonly seasonCode?: string | undefined;
}

/** The day a person born on `birthDate` turns `years` (29/02 → 01/03 in a common year, as `ageOn`). */
export function birthdayOf(birthDate: IsoDate, years: number): IsoDate {
  const year = Number(birthDate.slice(0, 4)) + years;
  const md = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const y = String(year).padStart(4, "0");
  return md === "02-29" && !leap ? `${y}-03-01` : `${y}-${md}`;
}

function ageYears(c: Condition | null, out: Set<number>): Set<number> {
  if (c === null) return out;
  switch (c.kind) {
    case "age":
      if (c.at === "as_of") {
        out.add(c.years);
        out.add(c.years + 1);
      }
      break;
    case "officer":
    case "not":
      ageYears(c.condition, out);
      break;
    case "all":
    case "any":
      for (const x of c.conditions) ageYears(x, out);
      break;
    default:
      break;
  }
  return out;
}

function congressDays(r: CongressRecord): IsoDate[] {
  const days: IsoDate[] = [];
  if (r.actualEnd) days.push(r.actualEnd);
  if (r.resultsRecordedOn) days.push(r.resultsRecordedOn);
  if (r.confirmation) days.push(r.confirmation.date);
  return days;
}

/**
 * Every member's spans for a definition over an index. Spans of one member are contiguous and in
 * order; a member counted on no day still has its spans (it is in the denominator).
 */
export function indicatorSpans(
  input: IndicatorDef,
  index: IndicatorIndex,
  options: TimelineOptions,
): Result<MemberSpan[], IndicatorError> {
  const checked = validateIndicatorDef(input);
  if (!checked.ok) return checked;
  const def = checked.value;
  const test = def.condition === null ? null : compileCondition(def.condition);
  const congresses = options.seasonCode ? (index.congresses.get(options.seasonCode) ?? new Map()) : null;
  const years = [...ageYears(def.condition, new Set())];
  const pop = def.population;

  // Days of change around a person, and around an organisation (its posts, its village's posts,
  // the holders of its posts).
  const personDays = new Map<string, IsoDate[]>();
  const daysOfPerson = (person: Person | null | undefined): IsoDate[] => {
    if (!person) return [];
    const key = idKey(person.id);
    let days = personDays.get(key);
    if (!days) {
      days = [person.birthDate];
      for (const p of index.postsByPerson.get(key) ?? []) {
        days.push(p.start);
        if (p.end) days.push(p.end);
      }
      for (const y of years) days.push(birthdayOf(person.birthDate, y));
      personDays.set(key, days);
    }
    return days;
  };
  // By organisation id: every version of an organisation has the same posts and congress.
  let postsByOrg: Map<string, Post[]> | null = null;
  const orgDays = new Map<string, IsoDate[]>();
  const daysOfOrg = (org: IndicatorOrg): IsoDate[] => {
    const orgKey = idKey(org.id);
    let days = orgDays.get(orgKey);
    if (days) return days;
    if (postsByOrg === null) {
      postsByOrg = new Map();
      for (const posts of index.postsByKind.values()) {
        for (const p of posts) {
          const owners = [
            p.orgId !== null ? idKey(p.orgId) : undefined,
            p.villageCode !== null ? index.orgByVillage.get(p.villageCode) : undefined,
          ];
          for (const o of owners) {
            if (o === undefined) continue;
            const key = typeof o === "string" ? o : idKey(o.id);
            const list = postsByOrg.get(key);
            if (list) list.push(p);
            else postsByOrg.set(key, [p]);
          }
        }
      }
    }
    days = [];
    for (const p of postsByOrg.get(orgKey) ?? []) {
      days.push(...daysOfPerson(index.personById.get(idKey(p.personId))));
    }
    const record = congresses?.get(idKey(org.id));
    if (record) days.push(...congressDays(record));
    orgDays.set(orgKey, days);
    return days;
  };

  const out: MemberSpan[] = [];
  // One environment, moved from day to day.
  const env: { -readonly [K in keyof Env]: Env[K] } = {
    index,
    asOf: EARLIEST_DAY,
    congresses,
    undecided: false,
  };
  const emit = (m: Member, from: IsoDate, to: IsoDate | null, extra: readonly IsoDate[]) => {
    if (to !== null && to <= from) return;
    const days = [...new Set(extra)].filter((d) => d > from && (to === null || d < to)).sort();
    let spanFrom = from;
    env.asOf = from;
    let counted = test === null || test(m, env);
    for (const day of days) {
      env.asOf = day;
      const now = test === null || test(m, env);
      if (now === counted) continue;
      out.push({ item: m.item, path: m.org.path, from: spanFrom, to: day, counted });
      spanFrom = day;
      counted = now;
    }
    out.push({ item: m.item, path: m.org.path, from: spanFrom, to, counted });
  };
  // A version is in scope when its path (of its own period) passes through the scope's
  // organisation: a subtree that moved is followed through each of its places.
  const scopeId = options.scopePath.split(".").at(-1)!;
  const inScope = (path: string) =>
    isInScope(path, options.scopePath) || `.${path}.`.includes(`.${scopeId}.`);
  const orgOk = (org: IndicatorOrg) => inScope(org.path) && matchesOrgFilter(org, pop.org);
  const aliveUntil = (org: IndicatorOrg): IsoDate | null => org.dissolvedOn ?? null;
  const earlier = (a: IsoDate | null, b: IsoDate | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const later = (a: IsoDate, b: IsoDate | undefined) => (b !== undefined && b > a ? b : a);

  if (pop.subject === "orgs") {
    // One member per version: the organisation counts where and as what it stood in each period.
    for (const org of index.orgs) {
      if (!orgOk(org)) continue;
      const m: Member = {
        item: { id: org.id, orgId: org.id, personId: null },
        org,
        post: null,
        person: null,
      };
      emit(m, later(EARLIEST_DAY, org.validFrom), aliveUntil(org), test === null ? [] : daysOfOrg(org));
    }
    return ok(out);
  }
  for (const kind of new Set(pop.postKinds)) {
    for (const post of index.postsByKind.get(kind) ?? []) {
      const owner =
        post.orgId !== null
          ? idKey(post.orgId)
          : post.villageCode !== null
            ? index.orgByVillage.get(post.villageCode)?.id
            : undefined;
      if (owner === undefined) continue;
      if (pop.period === "term" && post.term !== options.term) continue;
      const person = index.personById.get(idKey(post.personId)) ?? null;
      const end = pop.period === "in_office" ? post.end : null;
      // The post counts under each version of its organisation, within that version's period.
      for (const org of index.orgVersions.get(idKey(owner)) ?? []) {
        if (!orgOk(org)) continue;
        const m: Member = {
          item: { id: post.id, orgId: org.id, personId: post.personId },
          org,
          post,
          person,
        };
        const extra = test === null ? [] : [...daysOfPerson(person), ...daysOfOrg(org)];
        emit(m, later(post.start, org.validFrom), earlier(end, aliveUntil(org)), extra);
      }
    }
  }
  return ok(out);
}

/** Dated changes of the counts: +1/−1 to the denominator and numerator on the days spans begin and end. */
export interface CountEvent {
  readonly path: string;
  readonly day: IsoDate;
  readonly numerator: number;
  readonly denominator: number;
}

export function spanEvents(spans: Iterable<MemberSpan>): CountEvent[] {
  const out: CountEvent[] = [];
  for (const s of spans) {
    const n = s.counted ? 1 : 0;
    out.push({ path: s.path, day: s.from, numerator: n, denominator: 1 });
    if (s.to !== null) out.push({ path: s.path, day: s.to, numerator: -n, denominator: -1 });
  }
  return out;
}
