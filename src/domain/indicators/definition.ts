/**
 * An indicator is DATA: a serialisable definition made of composable parts, so that users define
 * new ones in the UI without code (issue 6). `indicatorDefSchema` validates one at the boundary.
 *
 * - population: what is counted in the denominator. Either posts (secretaries of commune-level
 *   organisations in office on D; committee members elected for a term) or organisations
 *   (coal-sector branches, directly-subordinate committees), selected by an organisation filter;
 * - condition: what puts a member of the population in the numerator (a woman; also chairs the
 *   People's Committee of the same commune; the branch's congress elected its secretary directly);
 * - target: comparison, value and due date ("≥ 75% during the term");
 * - baselines: a value typed from an old report, or the same indicator computed for an earlier
 *   date or term;
 * - aggregates: min / max / mean of a measure over the members (secretary vote shares).
 *
 * The scope (a subtree), the day and the rounding rule are not part of the definition: they are
 * given at evaluation (`evaluateIndicator`).
 */
import { z } from "zod";
import { isoDateSchema } from "../congress/season.ts";
import type { IsoDate } from "../format/date.ts";
import {
  GENDERS,
  type Gender,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  POST_KINDS,
  type PostKind,
} from "../people/types.ts";

/** Organisations of these levels, kinds, sectors (each list: any of; lists together: all of). */
export interface OrgFilter {
  readonly levels?: readonly string[] | undefined;
  readonly kinds?: readonly string[] | undefined;
  readonly sectors?: readonly string[] | undefined;
  /** Only organisations carrying all these tags. */
  readonly tags?: readonly string[] | undefined;
}

/**
 * Which posts are in the population on day D:
 * - "in_office": held on D (start ≤ D < end);
 * - "term": of the term given at evaluation (the season's term, "2020–2025") and begun by D,
 *   whether or not the holder has since left: "committee members elected in the season".
 */
export type PostPeriod = "in_office" | "term";

export type Population =
  | {
      readonly subject: "posts";
      readonly postKinds: readonly PostKind[];
      readonly org: OrgFilter;
      readonly period: PostPeriod;
    }
  | { readonly subject: "orgs"; readonly org: OrgFilter };

export const COMPARISONS = [">=", "<=", "=", "<", ">"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Where a second post must be held, relative to the member's organisation. */
export type PostPlace =
  /** In the same organisation (the commune whose People's Committee, the workshop headed). */
  | "same_org"
  /** The village the member's organisation (a village branch) serves. */
  | "org_village"
  /** Anywhere. */
  | "anywhere";

export const CONGRESS_FACTS = [
  "held",
  "pilot",
  "all_contents",
  "one_round_full",
  "secretary_elected_directly",
  "committee_appointed",
] as const;
export type CongressFact = (typeof CONGRESS_FACTS)[number];

export const CONGRESS_FACT_LABELS: Readonly<Record<CongressFact, string>> = {
  held: "đã tổ chức đại hội",
  pilot: "là đại hội điểm",
  all_contents: "đại hội đủ 4 nội dung",
  one_round_full: "bầu cấp ủy một lần đủ số lượng",
  secretary_elected_directly: "bầu bí thư trực tiếp tại đại hội",
  committee_appointed: "cấp ủy được chỉ định",
};

export type Condition =
  // About the person holding the post (posts population, or inside `officer`).
  | { readonly kind: "gender"; readonly gender: Gender }
  | {
      readonly kind: "age";
      readonly comparison: Comparison;
      readonly years: number;
      /** Age on the evaluation day, or on the day the post began (the election). */
      readonly at: "as_of" | "post_start";
    }
  | { readonly kind: "ethnicity"; readonly values: readonly string[] }
  | { readonly kind: "membership"; readonly status: MembershipStatus }
  | { readonly kind: "locality"; readonly value: "local" | "not_local" }
  | {
      readonly kind: "holds_post";
      readonly postKinds: readonly PostKind[];
      readonly at: PostPlace;
      /** Only posts with one of these titles (unit heads: "Giám đốc"). */
      readonly titles?: readonly string[] | undefined;
    }
  // About the organisation (the member itself, or the organisation of the post).
  | { readonly kind: "org"; readonly filter: OrgFilter }
  | { readonly kind: "congress"; readonly fact: CongressFact }
  | { readonly kind: "officer"; readonly postKind: PostKind; readonly condition: Condition }
  // Combinators.
  | { readonly kind: "all"; readonly conditions: readonly Condition[] }
  | { readonly kind: "any"; readonly conditions: readonly Condition[] }
  | { readonly kind: "not"; readonly condition: Condition };

export interface Target {
  readonly comparison: Comparison;
  /** A percentage of the denominator, or a count of the numerator. */
  readonly unit: "percent" | "count";
  readonly value: number;
  /** The day by which it must hold; null: from the start (always due). */
  readonly due: IsoDate | null;
  /** "trong nhiệm kỳ", "từ đầu nhiệm kỳ". */
  readonly dueLabel?: string | undefined;
}

export type Baseline =
  | {
      readonly kind: "reported";
      /** "Nhiệm kỳ trước", "Năm 2014". */
      readonly label: string;
      /** Counts as typed (454/1.021), when the report gave them. */
      readonly numerator: number | null;
      readonly denominator: number | null;
      /** The percentage as printed (44,5), when the report gave one. */
      readonly percent: number | null;
      readonly source?: string | undefined;
    }
  | {
      readonly kind: "computed";
      readonly label: string;
      /** Evaluate the same indicator on this day and/or for this term instead. */
      readonly asOf?: IsoDate | undefined;
      readonly term?: string | undefined;
      readonly seasonCode?: string | undefined;
    };

export const AGGREGATE_MEASURES = ["secretary_vote_share", "age"] as const;
/** Secretary vote share: of the member organisation's congress (or the post's). Age: of the person on D. */
export type AggregateMeasure = (typeof AGGREGATE_MEASURES)[number];

export interface AggregateDef {
  readonly measure: AggregateMeasure;
  readonly over: "numerator" | "denominator";
}

/** A figure printed in a report, for the page to show beside the computed value. */
export interface ReportedFigure {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly asOf?: IsoDate | undefined;
  readonly source: string;
}

export interface IndicatorDef {
  /** Stable code: "commune_secretary_chairs_people_committee". */
  readonly code: string;
  readonly name: string;
  /** What is counted, in words an officer checks against the report. */
  readonly description: string;
  readonly population: Population;
  /** null: every member counts (a plain count such as the number of pilots is its own condition). */
  readonly condition: Condition | null;
  readonly target?: Target | null | undefined;
  readonly baselines?: readonly Baseline[] | undefined;
  readonly aggregates?: readonly AggregateDef[] | undefined;
  /** The figure of the report the value must reproduce, when there is one. */
  readonly reported?: ReportedFigure | null | undefined;
  /** Grouping on the indicators page: "Năm điểm đổi mới", "Kết quả đại hội"… */
  readonly group?: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const codeList = (what: string) => z.array(z.string().min(1, `${what} không được để trống`));

export const orgFilterSchema = z.object({
  levels: codeList("Cấp tổ chức").optional(),
  kinds: codeList("Loại hình").optional(),
  sectors: codeList("Ngành").optional(),
  tags: codeList("Nhãn").optional(),
}) satisfies z.ZodType<OrgFilter>;

const postKindSchema = z.enum(POST_KINDS, { message: "Loại chức vụ không hợp lệ" });

export const populationSchema = z.discriminatedUnion("subject", [
  z.object({
    subject: z.literal("posts"),
    postKinds: z.array(postKindSchema).min(1, "Phải chọn ít nhất một chức vụ cho tập hợp"),
    org: orgFilterSchema,
    period: z.enum(["in_office", "term"], { message: "Thời điểm phải là đương nhiệm hoặc theo nhiệm kỳ" }),
  }),
  z.object({ subject: z.literal("orgs"), org: orgFilterSchema }),
]) satisfies z.ZodType<Population>;

const comparisonSchema = z.enum(COMPARISONS, { message: "Phép so sánh phải là ≥, ≤, =, < hoặc >" });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("gender"),
      gender: z.enum(GENDERS, { message: "Giới tính phải là Nam hoặc Nữ" }),
    }),
    z.object({
      kind: z.literal("age"),
      comparison: comparisonSchema,
      years: z.number().int("Tuổi phải là số nguyên").min(0, "Tuổi không được âm").max(120, "Tuổi quá lớn"),
      at: z.enum(["as_of", "post_start"]),
    }),
    z.object({
      kind: z.literal("ethnicity"),
      values: z.array(z.string().trim().min(1)).min(1, "Phải chọn ít nhất một dân tộc"),
    }),
    z.object({ kind: z.literal("membership"), status: z.enum(MEMBERSHIP_STATUSES) }),
    z.object({ kind: z.literal("locality"), value: z.enum(["local", "not_local"]) }),
    z.object({
      kind: z.literal("holds_post"),
      postKinds: z.array(postKindSchema).min(1, "Phải chọn ít nhất một chức vụ kiêm nhiệm"),
      at: z.enum(["same_org", "org_village", "anywhere"]),
      titles: z.array(z.string().trim().min(1)).optional(),
    }),
    z.object({ kind: z.literal("org"), filter: orgFilterSchema }),
    z.object({ kind: z.literal("congress"), fact: z.enum(CONGRESS_FACTS) }),
    z.object({ kind: z.literal("officer"), postKind: postKindSchema, condition: conditionSchema }),
    z.object({
      kind: z.literal("all"),
      conditions: z.array(conditionSchema).min(1, "Phải có ít nhất một điều kiện"),
    }),
    z.object({
      kind: z.literal("any"),
      conditions: z.array(conditionSchema).min(1, "Phải có ít nhất một điều kiện"),
    }),
    z.object({ kind: z.literal("not"), condition: conditionSchema }),
  ]),
);

export const targetSchema = z
  .object({
    comparison: comparisonSchema,
    unit: z.enum(["percent", "count"]),
    value: z.number().min(0, "Giá trị chỉ tiêu không được âm"),
    due: isoDateSchema.nullable(),
    dueLabel: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.unit === "percent" && t.value > 100) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Chỉ tiêu tỷ lệ không được quá 100%" });
    }
    if (t.unit === "count" && !Number.isInteger(t.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Chỉ tiêu số lượng phải là số nguyên" });
    }
  }) satisfies z.ZodType<Target>;

const countSchema = z.number().int("Số lượng phải là số nguyên").min(0, "Số lượng không được âm");

export const baselineSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("reported"),
      label: z.string().trim().min(1, "Phải ghi tên mốc so sánh"),
      numerator: countSchema.nullable(),
      denominator: countSchema.nullable(),
      percent: z.number().min(0, "Tỷ lệ không được âm").max(100, "Tỷ lệ không được quá 100%").nullable(),
      source: z.string().optional(),
    })
    .superRefine((b, ctx) => {
      if ((b.numerator === null) !== (b.denominator === null)) {
        ctx.addIssue({ code: "custom", path: ["denominator"], message: "Phải ghi cả tử số và mẫu số" });
      }
      if (b.numerator === null && b.percent === null) {
        ctx.addIssue({ code: "custom", path: ["percent"], message: "Phải ghi tử số/mẫu số hoặc tỷ lệ" });
      }
      if (b.denominator === 0)
        ctx.addIssue({ code: "custom", path: ["denominator"], message: "Mẫu số phải lớn hơn 0" });
      if (b.numerator !== null && b.denominator !== null && b.numerator > b.denominator) {
        ctx.addIssue({ code: "custom", path: ["numerator"], message: "Tử số lớn hơn mẫu số" });
      }
    }),
  z
    .object({
      kind: z.literal("computed"),
      label: z.string().trim().min(1, "Phải ghi tên mốc so sánh"),
      asOf: isoDateSchema.optional(),
      term: z.string().min(1).optional(),
      seasonCode: z.string().min(1).optional(),
    })
    .refine((b) => b.asOf !== undefined || b.term !== undefined || b.seasonCode !== undefined, {
      message: "Mốc tính lại phải ghi ngày, nhiệm kỳ hoặc mùa đại hội",
      path: ["asOf"],
    }),
]) satisfies z.ZodType<Baseline>;

export const aggregateDefSchema = z.object({
  measure: z.enum(AGGREGATE_MEASURES),
  over: z.enum(["numerator", "denominator"]),
}) satisfies z.ZodType<AggregateDef>;

export const reportedFigureSchema = z.object({
  numerator: countSchema.nullable(),
  denominator: countSchema.nullable(),
  percent: z.number().min(0).max(100).nullable(),
  asOf: isoDateSchema.optional(),
  source: z.string().trim().min(1, "Phải ghi nguồn số liệu"),
}) satisfies z.ZodType<ReportedFigure>;

/** Conditions about a person make sense only where there is a person: posts, or inside `officer`. */
export function conditionNeedsPerson(c: Condition): boolean {
  switch (c.kind) {
    case "gender":
    case "age":
    case "ethnicity":
    case "membership":
    case "locality":
    case "holds_post":
      return true;
    case "org":
    case "congress":
    case "officer":
      return false;
    case "all":
    case "any":
      return c.conditions.some(conditionNeedsPerson);
    case "not":
      return conditionNeedsPerson(c.condition);
  }
}

export const indicatorDefSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, "Mã chỉ tiêu không được để trống")
      .max(80, "Mã chỉ tiêu dài quá 80 ký tự")
      .regex(/^[a-z0-9_]+$/, "Mã chỉ tiêu chỉ gồm chữ thường không dấu, số và dấu _"),
    name: z
      .string()
      .trim()
      .min(1, "Tên chỉ tiêu không được để trống")
      .max(300, "Tên chỉ tiêu dài quá 300 ký tự"),
    description: z.string().trim().min(1, "Phải ghi cách tính chỉ tiêu"),
    population: populationSchema,
    condition: conditionSchema.nullable(),
    target: targetSchema.nullable().optional(),
    baselines: z.array(baselineSchema).optional(),
    aggregates: z.array(aggregateDefSchema).optional(),
    reported: reportedFigureSchema.nullable().optional(),
    group: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.population.subject === "orgs" && d.condition !== null && conditionNeedsPerson(d.condition)) {
      ctx.addIssue({
        code: "custom",
        path: ["condition"],
        message:
          "Tập hợp là tổ chức: điều kiện về người phải đặt trong điều kiện về người giữ chức vụ của tổ chức",
      });
    }
    (d.aggregates ?? []).forEach((a, i) => {
      if (a.measure === "age" && d.population.subject !== "posts") {
        ctx.addIssue({
          code: "custom",
          path: ["aggregates", i, "measure"],
          message: "Chỉ tính tuổi khi tập hợp là người giữ chức vụ",
        });
      }
    });
  }) satisfies z.ZodType<IndicatorDef>;
