/**
 * The indicator engine: `evaluateIndicator(def, data, options)` → numerator, denominator, the
 * percentage with the report's rounding rule, the target's status, the change against each
 * baseline, min / max / mean aggregates, a breakdown by child organisation and the ids behind
 * every count for drill-down.
 *
 * Linear in the data: one pass over the population, and per member a look-up of the few posts the
 * person or organisation holds (`indexIndicatorData` builds the maps once; pass the index to
 * evaluate a whole catalog over it).
 */
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { type CongressRecord, hasAllContents, statusAsOf } from "../congress/record.ts";
import { isInScope } from "../congress/scope.ts";
import type { OrgId } from "../congress/season.ts";
import { formatDate, type IsoDate } from "../format/date.ts";
import {
  DEFAULT_PERCENT_RULE,
  formatNumber,
  formatPercent,
  formatPercentValue,
  type PercentRule,
} from "../format/number.ts";
import { ageOn, isInOffice } from "../people/dates.ts";
import { decideLocality } from "../people/local.ts";
import type { Person, PersonId, Post } from "../people/types.ts";
import {
  type IndicatorData,
  type IndicatorIndex,
  type IndicatorOrg,
  idKey,
  indexIndicatorData,
  isIndicatorIndex,
  orgOn,
  validOn,
} from "./data.ts";
import {
  type AggregateDef,
  type Baseline,
  type Comparison,
  type Condition,
  type IndicatorDef,
  indicatorDefSchema,
  type OrgFilter,
  type Target,
} from "./definition.ts";
import {
  compareFractions,
  divideFractions,
  type Fraction,
  formatPoints,
  formatTimes,
  percentToFraction,
  subtractFractions,
} from "./rational.ts";

export interface EvaluateOptions {
  /** Path of the subtree's root: the province, a district, a commune. */
  readonly scopePath: string;
  readonly asOf: IsoDate;
  readonly percentRule?: PercentRule | undefined;
  /** The term of "term" populations: "2020–2025". */
  readonly term?: string | undefined;
  /** The season of congress conditions and vote shares: "2020-2025". */
  readonly seasonCode?: string | undefined;
  /** Leave out the drill-down lists (benchmarks, whole-country roll-ups). Default true. */
  readonly members?: boolean | undefined;
}

export type IndicatorError =
  | {
      readonly code: "invalid_definition";
      readonly message: string;
      readonly issues: readonly { readonly path: string; readonly message: string }[];
    }
  | { readonly code: "term_required"; readonly message: string }
  | { readonly code: "season_required"; readonly message: string };

/** One member of a count, for the drill-down: a post (with its holder) or an organisation. */
export interface DrillItem {
  readonly id: number | string;
  readonly orgId: OrgId;
  readonly personId: PersonId | null;
}

export type TargetStatus = "met" | "not_met" | "not_yet_due" | "no_data";

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  met: "Đạt",
  not_met: "Chưa đạt",
  not_yet_due: "Chưa đến hạn",
  no_data: "Chưa có số liệu",
};

export interface TargetEvaluation {
  readonly target: Target;
  readonly status: TargetStatus;
  readonly statusLabel: string;
  /** "≥ 75% trong nhiệm kỳ (hạn 31/12/2025)". */
  readonly text: string;
}

export interface BaselineComparison {
  readonly label: string;
  readonly kind: Baseline["kind"];
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The baseline's share with the rule ("44,47%"); a typed percentage as typed ("20,20%"). */
  readonly percent: string;
  /** As the old report printed it, when it printed one ("44,5%"). */
  readonly printedPercent: string | null;
  /** Current share − baseline share, in percentage points; null when either has no share. */
  readonly points: number | null;
  readonly pointsText: string | null;
  /** Current share ÷ baseline share; null when either has no share or the baseline is 0. */
  readonly ratio: number | null;
  readonly ratioText: string | null;
}

export interface AggregateExtreme {
  readonly value: number;
  readonly text: string;
  /** The members at that value. */
  readonly ids: readonly (number | string)[];
}

export interface AggregateValue {
  readonly measure: AggregateDef["measure"];
  readonly over: AggregateDef["over"];
  /** Members with a value (a congress without votes recorded has none). */
  readonly count: number;
  readonly min: AggregateExtreme | null;
  readonly max: AggregateExtreme | null;
  readonly mean: { readonly value: number; readonly text: string } | null;
}

export interface ChildValue {
  /** The child organisation's path, or the scope's own path for members at the root itself. */
  readonly path: string;
  readonly orgId: OrgId | null;
  readonly name: string | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: string;
}

export interface IndicatorValue {
  readonly code: string;
  readonly name: string;
  readonly scopePath: string;
  readonly asOf: IsoDate;
  readonly subject: "posts" | "orgs";
  readonly numerator: number;
  readonly denominator: number;
  /** "96,35%"; "–" when the denominator is 0. */
  readonly percent: string;
  readonly percentValue: number | null;
  /** "871/904 (96,35%)". */
  readonly ratioText: string;
  readonly target: TargetEvaluation | null;
  readonly baselines: readonly BaselineComparison[];
  readonly aggregates: readonly AggregateValue[];
  readonly byChild: readonly ChildValue[];
  readonly members: { readonly numerator: readonly DrillItem[]; readonly denominator: readonly DrillItem[] };
  /** Members whose "local" could not be decided (hometown recorded loosely): they need an override. */
  readonly undecidedLocality: readonly DrillItem[];
}

// ---------------------------------------------------------------------------------------------

/** One member of a population, as the conditions see it. */
export interface Member {
  readonly item: DrillItem;
  readonly org: IndicatorOrg;
  readonly post: Post | null;
  readonly person: Person | null;
}

export interface Env {
  readonly index: IndicatorIndex;
  readonly asOf: IsoDate;
  readonly congresses: ReadonlyMap<string, CongressRecord> | null;
  /** Set by a locality condition that could not decide. */
  undecided: boolean;
}

export type Test = (m: Member, env: Env) => boolean;

export function matchesOrgFilter(org: IndicatorOrg, f: OrgFilter): boolean {
  if (f.levels && f.levels.length > 0 && !f.levels.includes(org.level)) return false;
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(org.kind)) return false;
  if (f.sectors && f.sectors.length > 0 && !(org.sector && f.sectors.includes(org.sector))) return false;
  if (f.tags && f.tags.length > 0 && !f.tags.every((t) => org.tags?.includes(t))) return false;
  return true;
}

export function compareWith(comparison: Comparison, sign: -1 | 0 | 1): boolean {
  switch (comparison) {
    case ">=":
      return sign >= 0;
    case "<=":
      return sign <= 0;
    case "=":
      return sign === 0;
    case "<":
      return sign < 0;
    case ">":
      return sign > 0;
    default:
      return throwIllegalValue(comparison, "comparison");
  }
}

const signOf = (a: number, b: number): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

/** Turns a condition into a test once, so that the per-member work is a few look-ups. */
export function compileCondition(c: Condition): Test {
  switch (c.kind) {
    case "gender":
      return (m) => m.person?.gender === c.gender;
    case "age":
      return (m, env) => {
        if (!m.person) return false;
        const day = c.at === "post_start" && m.post ? m.post.start : env.asOf;
        if (day < m.person.birthDate) return false;
        return compareWith(c.comparison, signOf(ageOn(m.person.birthDate, day), c.years));
      };
    case "ethnicity":
      return (m) => m.person !== null && c.values.includes(m.person.ethnicity);
    case "membership":
      return (m) => m.person?.membership?.status === c.status;
    case "locality":
      return (m, env) => {
        if (!m.person) return false;
        const d = decideLocality(m.person, m.org.id, m.org.territory ?? null);
        if (d.locality === "unknown") {
          env.undecided = true;
          return false;
        }
        return d.locality === c.value;
      };
    case "holds_post": {
      const place = c.at;
      return (m, env) => {
        if (!m.person) return false;
        const posts = env.index.postsByPerson.get(idKey(m.person.id)) ?? [];
        return posts.some((p) => {
          if (p === m.post || !c.postKinds.includes(p.kind) || !isInOffice(p, env.asOf)) return false;
          if (c.titles && c.titles.length > 0 && !(p.title !== null && c.titles.includes(p.title)))
            return false;
          switch (place) {
            case "same_org":
              return p.orgId !== null && idKey(p.orgId) === idKey(m.org.id);
            case "org_village": {
              const served = p.villageCode === null ? undefined : env.index.orgByVillage.get(p.villageCode);
              return served !== undefined && idKey(served.id) === idKey(m.org.id);
            }
            case "anywhere":
              return true;
            default:
              return throwIllegalValue(place, "post place");
          }
        });
      };
    }
    case "org":
      return (m) => matchesOrgFilter(m.org, c.filter);
    case "congress":
      return (m, env) => {
        const record = env.congresses?.get(idKey(m.org.id));
        if (!record) return false;
        const status = statusAsOf(record, env.asOf);
        const held = status !== "planned";
        const recorded = status === "results_recorded" || status === "confirmed";
        switch (c.fact) {
          case "held":
            return held;
          case "pilot":
            return record.pilot;
          case "all_contents":
            return held && hasAllContents(record);
          case "one_round_full":
            return recorded && record.electedInOneRoundFull === true;
          case "secretary_elected_directly":
            return recorded && record.secretaryElectedDirectly === true;
          case "committee_appointed":
            return held && record.committeeAppointed;
          default:
            return throwIllegalValue(c.fact, "congress fact");
        }
      };
    case "officer": {
      const inner = compileCondition(c.condition);
      return (m, env) => {
        const posts = env.index.postsByOrgKind.get(`${c.postKind}|${idKey(m.org.id)}`) ?? [];
        return posts.some((post) => {
          if (!isInOffice(post, env.asOf)) return false;
          const person = env.index.personById.get(idKey(post.personId)) ?? null;
          return inner({ item: m.item, org: m.org, post, person }, env);
        });
      };
    }
    case "all": {
      const tests = c.conditions.map(compileCondition);
      return (m, env) => tests.every((t) => t(m, env));
    }
    case "any": {
      const tests = c.conditions.map(compileCondition);
      return (m, env) => tests.some((t) => t(m, env));
    }
    case "not": {
      const inner = compileCondition(c.condition);
      return (m, env) => !inner(m, env);
    }
    default:
      return throwIllegalValue(c, "condition");
  }
}

export function needsTerm(def: IndicatorDef): boolean {
  return def.population.subject === "posts" && def.population.period === "term";
}

export function needsSeason(def: IndicatorDef): boolean {
  const walk = (c: Condition): boolean => {
    switch (c.kind) {
      case "congress":
        return true;
      case "officer":
      case "not":
        return walk(c.condition);
      case "all":
      case "any":
        return c.conditions.some(walk);
      default:
        return false;
    }
  };
  return (
    (def.condition !== null && walk(def.condition)) ||
    (def.aggregates ?? []).some((a) => a.measure === "secretary_vote_share")
  );
}

/** The members of the population, in data order. */
function* selectPopulation(
  def: IndicatorDef,
  index: IndicatorIndex,
  options: EvaluateOptions,
): Generator<Member> {
  const { scopePath, asOf } = options;
  const pop = def.population;
  // Each organisation as it stood on the day: its version valid then (none: it did not exist).
  const orgOk = (org: IndicatorOrg) =>
    isInScope(org.path, scopePath) && validOn(org, asOf) && matchesOrgFilter(org, pop.org);
  if (pop.subject === "orgs") {
    for (const org of index.orgs) {
      if (orgOk(org))
        yield { item: { id: org.id, orgId: org.id, personId: null }, org, post: null, person: null };
    }
    return;
  }
  for (const kind of new Set(pop.postKinds)) {
    for (const post of index.postsByKind.get(kind) ?? []) {
      const owner =
        post.orgId !== null
          ? post.orgId
          : post.villageCode !== null
            ? index.orgByVillage.get(post.villageCode)?.id
            : undefined;
      const org = owner === undefined ? undefined : orgOn(index, owner, asOf);
      if (!org || !orgOk(org)) continue;
      const inPeriod =
        pop.period === "in_office"
          ? isInOffice(post, asOf)
          : post.term === options.term && post.start <= asOf;
      if (!inPeriod) continue;
      yield {
        item: { id: post.id, orgId: org.id, personId: post.personId },
        org,
        post,
        person: index.personById.get(idKey(post.personId)) ?? null,
      };
    }
  }
}

/** Status of a target for these counts on D: met whenever it holds; otherwise not yet due before the due day. */
export function evaluateTarget(
  target: Target,
  numerator: number,
  denominator: number,
  asOf: IsoDate,
): TargetStatus {
  let holds: boolean;
  if (target.unit === "percent") {
    if (denominator === 0) return "no_data";
    holds = compareWith(
      target.comparison,
      compareFractions({ num: numerator, den: denominator }, percentToFraction(target.value)),
    );
  } else holds = compareWith(target.comparison, signOf(numerator, target.value));
  if (holds) return "met";
  return target.due !== null && asOf < target.due ? "not_yet_due" : "not_met";
}

const COMPARISON_SIGNS: Readonly<Record<Comparison, string>> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  "<": "<",
  ">": ">",
};

/** "≥ 75% trong nhiệm kỳ (hạn 31/12/2025)", "= 3 (từ đầu nhiệm kỳ)". */
export function describeTarget(target: Target, rule: PercentRule = DEFAULT_PERCENT_RULE): string {
  const value =
    target.unit === "percent"
      ? formatPercentValue(target.value, { ...rule, trimZeros: true })
      : formatNumber(target.value);
  const when = [target.dueLabel, target.due !== null ? `hạn ${formatDate(target.due)}` : null].filter(
    Boolean,
  );
  const head = `${COMPARISON_SIGNS[target.comparison]} ${value}`;
  if (when.length === 0) return head;
  return target.dueLabel && target.due !== null
    ? `${head} ${target.dueLabel} (hạn ${formatDate(target.due)})`
    : `${head} ${when.join(" ")}`;
}

export interface Counts {
  readonly numerator: number;
  readonly denominator: number;
}

function compareToBaseline(
  current: Counts,
  label: string,
  kind: Baseline["kind"],
  base: { numerator: number | null; denominator: number | null; percent: number | null },
  rule: PercentRule,
): BaselineComparison {
  const baseFraction: Fraction | null =
    base.numerator !== null && base.denominator !== null && base.denominator > 0
      ? { num: base.numerator, den: base.denominator }
      : base.percent !== null
        ? percentToFraction(base.percent)
        : null;
  const percent =
    base.numerator !== null && base.denominator !== null
      ? formatPercent(base.numerator, base.denominator, rule)
      : base.percent !== null
        ? formatPercentValue(base.percent, rule)
        : "–";
  const printedPercent =
    kind === "reported" && base.percent !== null
      ? formatPercentValue(base.percent, { ...rule, trimZeros: true })
      : null;
  if (baseFraction === null || current.denominator === 0) {
    return {
      label,
      kind,
      ...pick(base),
      percent,
      printedPercent,
      points: null,
      pointsText: null,
      ratio: null,
      ratioText: null,
    };
  }
  const now: Fraction = { num: current.numerator, den: current.denominator };
  const diff = subtractFractions(now, baseFraction);
  const ratio = divideFractions(now, baseFraction);
  return {
    label,
    kind,
    ...pick(base),
    percent,
    printedPercent,
    points: (diff.num / diff.den) * 100,
    pointsText: formatPoints(diff, rule),
    ratio: ratio === null ? null : ratio.num / ratio.den,
    ratioText: ratio === null ? null : formatTimes(ratio, rule),
  };
}

const pick = (b: { numerator: number | null; denominator: number | null }) => ({
  numerator: b.numerator,
  denominator: b.denominator,
});

function aggregate(
  def: AggregateDef,
  members: readonly Member[],
  env: Env,
  rule: PercentRule,
): AggregateValue {
  const values: { id: number | string; value: Fraction }[] = [];
  for (const m of members) {
    switch (def.measure) {
      case "secretary_vote_share": {
        const c = env.congresses?.get(idKey(m.org.id));
        if (!c) break;
        const status = statusAsOf(c, env.asOf);
        if (status !== "results_recorded" && status !== "confirmed") break;
        if (c.secretaryElectedDirectly !== true || c.secretaryVotes === null) break;
        if (c.secretaryVoteBase === null || c.secretaryVoteBase <= 0) break;
        values.push({ id: m.item.id, value: { num: c.secretaryVotes, den: c.secretaryVoteBase } });
        break;
      }
      case "age":
        if (m.person && m.person.birthDate <= env.asOf) {
          values.push({ id: m.item.id, value: { num: ageOn(m.person.birthDate, env.asOf), den: 1 } });
        }
        break;
      default:
        throwIllegalValue(def.measure, "aggregate measure");
    }
  }
  if (values.length === 0)
    return { measure: def.measure, over: def.over, count: 0, min: null, max: null, mean: null };
  let min = values[0]!.value;
  let max = min;
  for (const { value } of values) {
    if (compareFractions(value, min) < 0) min = value;
    if (compareFractions(value, max) > 0) max = value;
  }
  const isShare = def.measure === "secretary_vote_share";
  const text = (f: Fraction) => (isShare ? formatPercent(f.num, f.den, rule) : formatNumber(f.num / f.den));
  const number = (f: Fraction) => (isShare ? (f.num / f.den) * 100 : f.num / f.den);
  const extreme = (f: Fraction): AggregateExtreme => ({
    value: number(f),
    text: text(f),
    ids: values.filter((v) => compareFractions(v.value, f) === 0).map((v) => v.id),
  });
  const meanValue = values.reduce((s, v) => s + number(v.value), 0) / values.length;
  return {
    measure: def.measure,
    over: def.over,
    count: values.length,
    min: extreme(min),
    max: extreme(max),
    mean: {
      value: meanValue,
      text: isShare
        ? formatPercentValue(Math.round(meanValue * 1e4) / 1e4, rule)
        : formatNumber(meanValue, 1),
    },
  };
}

/** The child of `scopePath` that `path` lies under ("QN.HL" for "QN.HL.HONGGAI.KP1" in "QN"). */
export function childPathOf(path: string, scopePath: string): string {
  if (path === scopePath) return scopePath;
  const rest = path.slice(scopePath.length + 1);
  const dot = rest.indexOf(".");
  return `${scopePath}.${dot < 0 ? rest : rest.slice(0, dot)}`;
}

function zodIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Checks a definition before it is stored or evaluated: every error names its field. */
export function validateIndicatorDef(input: unknown): Result<IndicatorDef, IndicatorError> {
  const parsed = indicatorDefSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = zodIssues(parsed.error);
  return err({
    code: "invalid_definition",
    message: `Chỉ tiêu không hợp lệ: ${issues.map((i) => `${i.path || "(gốc)"}: ${i.message}`).join("; ")}`,
    issues,
  });
}

export function evaluateIndicator(
  input: IndicatorDef,
  data: IndicatorData | IndicatorIndex,
  options: EvaluateOptions,
): Result<IndicatorValue, IndicatorError> {
  const checked = validateIndicatorDef(input);
  if (!checked.ok) return checked;
  const def = checked.value;
  if (needsTerm(def) && !options.term) {
    return err({
      code: "term_required",
      message: `Chỉ tiêu "${def.name}" tính theo nhiệm kỳ: phải chọn nhiệm kỳ`,
    });
  }
  if (needsSeason(def) && !options.seasonCode) {
    return err({
      code: "season_required",
      message: `Chỉ tiêu "${def.name}" tính theo đại hội: phải chọn mùa đại hội`,
    });
  }
  const index = isIndicatorIndex(data) ? data : indexIndicatorData(data);
  return ok(evaluateChecked(def, index, options));
}

function evaluateChecked(def: IndicatorDef, index: IndicatorIndex, options: EvaluateOptions): IndicatorValue {
  const rule = options.percentRule ?? DEFAULT_PERCENT_RULE;
  const keepMembers = options.members ?? true;
  const env: Env = {
    index,
    asOf: options.asOf,
    congresses: options.seasonCode ? (index.congresses.get(options.seasonCode) ?? new Map()) : null,
    undecided: false,
  };
  const test = def.condition === null ? null : compileCondition(def.condition);
  const aggregates = def.aggregates ?? [];
  const needNumeratorMembers = aggregates.some((a) => a.over === "numerator");
  const needDenominatorMembers = aggregates.some((a) => a.over === "denominator");

  let numerator = 0;
  let denominator = 0;
  const numeratorItems: DrillItem[] = [];
  const denominatorItems: DrillItem[] = [];
  const undecided: DrillItem[] = [];
  const numeratorMembers: Member[] = [];
  const denominatorMembers: Member[] = [];
  const children = new Map<string, { numerator: number; denominator: number }>();

  for (const m of selectPopulation(def, index, options)) {
    env.undecided = false;
    const counted = test === null || test(m, env);
    if (env.undecided) undecided.push(m.item);
    denominator++;
    const childPath = childPathOf(m.org.path, options.scopePath);
    let child = children.get(childPath);
    if (!child) {
      child = { numerator: 0, denominator: 0 };
      children.set(childPath, child);
    }
    child.denominator++;
    if (keepMembers) denominatorItems.push(m.item);
    if (needDenominatorMembers) denominatorMembers.push(m);
    if (counted) {
      numerator++;
      child.numerator++;
      if (keepMembers) numeratorItems.push(m.item);
      if (needNumeratorMembers) numeratorMembers.push(m);
    }
  }

  const orgNames = new Map<string, { readonly id: OrgId; readonly name: string | null }>();
  if (children.size > 0)
    for (const o of index.orgs)
      if (children.has(o.path) && validOn(o, options.asOf))
        orgNames.set(o.path, { id: o.id, name: o.name ?? null });
  return presentIndicatorValue(
    def,
    {
      numerator,
      denominator,
      children,
      orgNames,
      members: { numerator: numeratorItems, denominator: denominatorItems },
      undecidedLocality: undecided,
      aggregates: aggregates.map((a) =>
        aggregate(a, a.over === "numerator" ? numeratorMembers : denominatorMembers, env, rule),
      ),
    },
    options,
    (b) =>
      evaluateChecked({ ...def, baselines: [], aggregates: [], target: null }, index, {
        ...options,
        asOf: b.asOf ?? options.asOf,
        term: b.term ?? options.term,
        seasonCode: b.seasonCode ?? options.seasonCode,
        members: false,
      }),
  );
}

/** What was counted, before it is presented: the engine's pass, or a roll-up read from the database. */
export interface CountedIndicator {
  readonly numerator: number;
  readonly denominator: number;
  /** By child path of the scope (the scope's own path for members at the root). */
  readonly children: ReadonlyMap<string, { readonly numerator: number; readonly denominator: number }>;
  readonly orgNames: ReadonlyMap<string, { readonly id: OrgId; readonly name: string | null }>;
  readonly members: { readonly numerator: readonly DrillItem[]; readonly denominator: readonly DrillItem[] };
  readonly undecidedLocality: readonly DrillItem[];
  readonly aggregates: readonly AggregateValue[];
}

export type ComputedBaseline = Extract<Baseline, { kind: "computed" }>;

/**
 * Percentages, target status, baselines and the breakdown for counts made elsewhere. `countAt`
 * counts the same indicator for a computed baseline (another day, term or season).
 */
export function presentIndicatorValue(
  def: IndicatorDef,
  counted: CountedIndicator,
  options: EvaluateOptions,
  countAt: (b: ComputedBaseline) => Counts,
): IndicatorValue {
  const rule = options.percentRule ?? DEFAULT_PERCENT_RULE;
  const { numerator, denominator } = counted;
  const counts = { numerator, denominator };
  const byChild: ChildValue[] = [...counted.children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, c]) => {
      const org = counted.orgNames.get(path);
      return {
        path,
        orgId: org?.id ?? null,
        name: org?.name ?? null,
        numerator: c.numerator,
        denominator: c.denominator,
        percent: formatPercent(c.numerator, c.denominator, rule),
      };
    });

  const baselines = (def.baselines ?? []).map((b): BaselineComparison => {
    switch (b.kind) {
      case "reported":
        return compareToBaseline(counts, b.label, b.kind, b, rule);
      case "computed": {
        const then = countAt(b);
        return compareToBaseline(
          counts,
          b.label,
          b.kind,
          { numerator: then.numerator, denominator: then.denominator, percent: null },
          rule,
        );
      }
      default:
        return throwIllegalValue(b, "baseline");
    }
  });

  const target = def.target ?? null;
  return {
    code: def.code,
    name: def.name,
    scopePath: options.scopePath,
    asOf: options.asOf,
    subject: def.population.subject,
    numerator,
    denominator,
    percent: formatPercent(numerator, denominator, rule),
    percentValue: denominator === 0 ? null : (numerator / denominator) * 100,
    ratioText: `${formatNumber(numerator)}/${formatNumber(denominator)} (${formatPercent(numerator, denominator, rule)})`,
    target:
      target === null
        ? null
        : (() => {
            const status = evaluateTarget(target, numerator, denominator, options.asOf);
            return {
              target,
              status,
              statusLabel: TARGET_STATUS_LABELS[status],
              text: describeTarget(target, rule),
            };
          })(),
    baselines,
    aggregates: counted.aggregates,
    byChild,
    members: counted.members,
    undecidedLocality: counted.undecidedLocality,
  };
}

export interface CatalogValue {
  readonly code: string;
  readonly result: Result<IndicatorValue, IndicatorError>;
}

/** Every definition over one index of the data. */
export function evaluateCatalog(
  defs: readonly IndicatorDef[],
  data: IndicatorData | IndicatorIndex,
  options: EvaluateOptions,
): CatalogValue[] {
  const index = isIndicatorIndex(data) ? data : indexIndicatorData(data);
  return defs.map((def) => ({ code: def.code, result: evaluateIndicator(def, index, options) }));
}
