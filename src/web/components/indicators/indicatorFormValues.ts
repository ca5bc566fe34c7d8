/**
 * The indicator form's values and the definition they stand for, both ways (pure).
 */

import dayjs, { type Dayjs } from "dayjs";
import type { Condition, IndicatorDef } from "../../../domain/indicators/definition.ts";
import { POST_KIND_LABELS } from "../../../domain/people/types.ts";

export type ConditionKind =
  | "gender"
  | "age"
  | "locality"
  | "holds_post"
  | "org"
  | "congress"
  | "membership"
  | "ethnicity";

interface ConditionRow {
  negate?: boolean;
  kind: ConditionKind;
  gender?: "male" | "female";
  comparison?: ">=" | "<=" | "<" | ">" | "=";
  years?: number;
  locality?: "local" | "not_local";
  postKinds?: string[];
  at?: "same_org" | "org_village" | "anywhere";
  titles?: string[];
  levels?: string[];
  kinds?: string[];
  sectors?: string[];
  tags?: string[];
  fact?: string;
  membership?: "official" | "probationary";
  ethnicities?: string[];
}

export interface FormValues {
  code: string;
  name: string;
  description: string;
  group?: string;
  subject: "posts" | "orgs";
  postKinds?: string[];
  period?: "in_office" | "term";
  levels?: string[];
  kinds?: string[];
  sectors?: string[];
  tags?: string[];
  combinator: "all" | "any";
  conditions: ConditionRow[];
  hasTarget: boolean;
  targetComparison?: ">=" | "<=" | "=";
  targetUnit?: "percent" | "count";
  targetValue?: number;
  targetDue?: Dayjs | null;
  /** Administrators: a definition for the whole province rather than the organisation viewed. */
  provinceWide?: boolean;
}

export const POST_OPTIONS = Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label }));
export const KIND_OPTIONS: { value: ConditionKind; label: string }[] = [
  { value: "gender", label: "Giới tính" },
  { value: "age", label: "Tuổi" },
  { value: "locality", label: "Người địa phương" },
  { value: "holds_post", label: "Kiêm nhiệm chức vụ" },
  { value: "org", label: "Thuộc loại tổ chức" },
  { value: "congress", label: "Đại hội của tổ chức" },
  { value: "membership", label: "Đảng viên" },
  { value: "ethnicity", label: "Dân tộc" },
];
export const COMPARISONS = [">=", "<=", "=", "<", ">"].map((c) => ({
  value: c,
  label: c.replace(">=", "≥").replace("<=", "≤"),
}));

const nonEmpty = (xs: string[] | undefined) => (xs && xs.length > 0 ? xs : undefined);

function toCondition(r: ConditionRow): Condition {
  let c: Condition;
  switch (r.kind) {
    case "gender":
      c = { kind: "gender", gender: r.gender ?? "female" };
      break;
    case "age":
      c = { kind: "age", comparison: r.comparison ?? "<", years: r.years ?? 40, at: "as_of" };
      break;
    case "locality":
      c = { kind: "locality", value: r.locality ?? "not_local" };
      break;
    case "holds_post":
      c = {
        kind: "holds_post",
        postKinds: (r.postKinds ?? []) as never,
        at: r.at ?? "same_org",
        titles: nonEmpty(r.titles),
      };
      break;
    case "org":
      c = {
        kind: "org",
        filter: {
          levels: nonEmpty(r.levels),
          kinds: nonEmpty(r.kinds),
          sectors: nonEmpty(r.sectors),
          tags: nonEmpty(r.tags),
        },
      };
      break;
    case "congress":
      c = { kind: "congress", fact: (r.fact ?? "held") as never };
      break;
    case "membership":
      c = { kind: "membership", status: r.membership ?? "official" };
      break;
    case "ethnicity":
      c = { kind: "ethnicity", values: r.ethnicities ?? [] };
      break;
  }
  return r.negate ? { kind: "not", condition: c } : c;
}

function fromCondition(c: Condition): ConditionRow | null {
  const negate = c.kind === "not";
  const x = c.kind === "not" ? c.condition : c;
  const base = { negate };
  switch (x.kind) {
    case "gender":
      return { ...base, kind: "gender", gender: x.gender };
    case "age":
      return { ...base, kind: "age", comparison: x.comparison, years: x.years };
    case "locality":
      return { ...base, kind: "locality", locality: x.value };
    case "holds_post":
      return {
        ...base,
        kind: "holds_post",
        postKinds: [...x.postKinds],
        at: x.at,
        titles: x.titles ? [...x.titles] : [],
      };
    case "org":
      return {
        ...base,
        kind: "org",
        levels: [...(x.filter.levels ?? [])],
        kinds: [...(x.filter.kinds ?? [])],
        sectors: [...(x.filter.sectors ?? [])],
        tags: [...(x.filter.tags ?? [])],
      };
    case "congress":
      return { ...base, kind: "congress", fact: x.fact };
    case "membership":
      return { ...base, kind: "membership", membership: x.status };
    case "ethnicity":
      return { ...base, kind: "ethnicity", ethnicities: [...x.values] };
    default:
      return null;
  }
}

export function toDefinition(v: FormValues): IndicatorDef {
  const org = {
    levels: nonEmpty(v.levels),
    kinds: nonEmpty(v.kinds),
    sectors: nonEmpty(v.sectors),
    tags: nonEmpty(v.tags),
  };
  const conditions = (v.conditions ?? []).map(toCondition);
  return {
    code: v.code,
    name: v.name,
    description: v.description,
    group: v.group || undefined,
    population:
      v.subject === "orgs"
        ? { subject: "orgs", org }
        : { subject: "posts", postKinds: (v.postKinds ?? []) as never, org, period: v.period ?? "in_office" },
    condition:
      conditions.length === 0
        ? null
        : conditions.length === 1
          ? conditions[0]!
          : { kind: v.combinator, conditions },
    target: v.hasTarget
      ? {
          comparison: v.targetComparison ?? ">=",
          unit: v.targetUnit ?? "percent",
          value: v.targetValue ?? 0,
          due: v.targetDue ? v.targetDue.format("YYYY-MM-DD") : null,
        }
      : null,
  };
}

export function toFormValues(def: IndicatorDef): FormValues {
  const p = def.population;
  const c = def.condition;
  const list = c === null ? [] : c.kind === "all" || c.kind === "any" ? c.conditions : [c];
  return {
    code: def.code,
    name: def.name,
    description: def.description,
    group: def.group,
    subject: p.subject,
    postKinds: p.subject === "posts" ? [...p.postKinds] : [],
    period: p.subject === "posts" ? p.period : "in_office",
    levels: [...(p.org.levels ?? [])],
    kinds: [...(p.org.kinds ?? [])],
    sectors: [...(p.org.sectors ?? [])],
    tags: [...(p.org.tags ?? [])],
    combinator: c?.kind === "any" ? "any" : "all",
    conditions: list.map(fromCondition).filter((r): r is ConditionRow => r !== null),
    hasTarget: Boolean(def.target),
    targetComparison: (def.target?.comparison as FormValues["targetComparison"]) ?? ">=",
    targetUnit: def.target?.unit ?? "percent",
    targetValue: def.target?.value,
    targetDue: def.target?.due ? dayjs(def.target.due) : null,
  };
}
