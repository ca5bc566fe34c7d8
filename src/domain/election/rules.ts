/**
 * Rule sets as data. Each kind of election (Party election under Quyết định 190-QĐ/TW, village-head
 * election under "Dân tin – Đảng cử") has its own settings; the points BRIEF §3/§6 marks as not
 * fully certain are settings with the default given there, never constants scattered in code.
 * The two sets are never mixed: every decision switches on `ruleSet.kind`.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { DEFAULT_PERCENT_RULE, type PercentRule } from "../format/number.ts";

/** What a Party election elects. */
export const OFFICES = [
  "committee",
  "standing_committee",
  "secretary",
  "deputy_secretary",
  "inspection_commission",
  "inspection_chair",
  "upper_congress_delegates",
] as const;
export type Office = (typeof OFFICES)[number];
export const officeSchema = z.enum(OFFICES);

export const OFFICE_LABELS: Readonly<Record<Office, string>> = {
  committee: "Ban Chấp hành (cấp ủy)",
  standing_committee: "Ban Thường vụ",
  secretary: "Bí thư",
  deputy_secretary: "Phó Bí thư",
  inspection_commission: "Ủy ban Kiểm tra",
  inspection_chair: "Chủ nhiệm Ủy ban Kiểm tra",
  upper_congress_delegates: "Đại biểu dự đại hội cấp trên",
};

/** How a percentage ceiling (30% of 55 seats = 16,5) becomes a whole number of people. */
export const CEILING_ROUNDINGS = ["floor", "half-up", "ceil"] as const;
export type CeilingRounding = (typeof CEILING_ROUNDINGS)[number];

/** Invalidity grounds beyond the three the regulation always applies (BRIEF §3, on by default). */
export interface ExtraInvalidityGrounds {
  /** A name written in that is not on the list. */
  readonly addedName: boolean;
  /** A signature or any mark that could identify the voter. */
  readonly identifyingMark: boolean;
  /** A single-name agree/disagree ballot with both boxes or neither box ticked. */
  readonly singleNameBothOrNeither: boolean;
}

export const extraInvalidityGroundsSchema = z.object({
  addedName: z.boolean().default(true),
  identifyingMark: z.boolean().default(true),
  singleNameBothOrNeither: z.boolean().default(true),
}) satisfies z.ZodType<ExtraInvalidityGrounds>;

export const DEFAULT_EXTRA_INVALIDITY_GROUNDS: ExtraInvalidityGrounds = {
  addedName: true,
  identifyingMark: true,
  singleNameBothOrNeither: true,
};

export const percentRuleSchema = z.object({
  decimals: z.number().int().min(0).max(6),
  mode: z.enum(["half-up", "half-even", "truncate"]),
  trimZeros: z.boolean(),
}) satisfies z.ZodType<PercentRule>;

export interface Party190Settings {
  readonly extraInvalidityGrounds: ExtraInvalidityGrounds;
  /** At a committee conference, members absent with leave are taken out of the base N. */
  readonly conferenceSubtractsAbsentWithLeave: boolean;
  /** How many candidates a direct secretary election may have (usually one). */
  readonly secretaryCandidatesMax: 1 | 2;
  /** The surplus may not exceed this share of the seats. */
  readonly surplusCeilingPercent: number;
  /** How that ceiling becomes a number of people (default: never more than the exact share). */
  readonly surplusCeilingRounding: CeilingRounding;
  /** The convening committee's own list carries between these shares of surplus. */
  readonly conveningSurplusMinPercent: number;
  readonly conveningSurplusMaxPercent: number;
  /** Bodies with seats in [smallBodyMinSeats, smallBodyMaxSeats] take at most `smallBodyMaxSurplus`. */
  readonly smallBodyMinSeats: number;
  readonly smallBodyMaxSeats: number;
  readonly smallBodyMaxSurplus: number;
  /** A nominee from the floor needs strictly more than this share of those present. */
  readonly floorNomineeApprovalPercent: number;
  /**
   * Which names the preliminary opinion vote ranks when the list is too long: only the extra
   * names from the floor (BRIEF's reading) or the whole list.
   */
  readonly preliminaryVoteScope: "floor-nominees" | "whole-list";
  /** Offices whose list must carry a surplus. */
  readonly surplusRequiredFor: readonly Office[];
  /** Offices whose list is held to the surplus ceiling. */
  readonly surplusCeilingAppliesTo: readonly Office[];
  /** A branch that has not elected its secretary after this round has one appointed. */
  readonly branchSecretaryRoundsBeforeAppointment: number;
  /**
   * Delegates to the upper congress: a shortfall is voted on again ("bầu tiếp"); the congress may
   * leave places open only from this round on (default 2: the first round's shortfall is re-voted).
   */
  readonly delegateRoundsBeforeLeavingOpen: number;
  /** How percentages of N are written in explanations. */
  readonly percentRule: PercentRule;
}

export const party190SettingsSchema = z
  .object({
    extraInvalidityGrounds: extraInvalidityGroundsSchema.default(DEFAULT_EXTRA_INVALIDITY_GROUNDS),
    conferenceSubtractsAbsentWithLeave: z.boolean().default(true),
    secretaryCandidatesMax: z.union([z.literal(1), z.literal(2)]).default(1),
    surplusCeilingPercent: z.number().min(0).max(100).default(30),
    surplusCeilingRounding: z.enum(CEILING_ROUNDINGS).default("floor"),
    conveningSurplusMinPercent: z.number().min(0).max(100).default(10),
    conveningSurplusMaxPercent: z.number().min(0).max(100).default(15),
    smallBodyMinSeats: z.number().int().min(1).default(3),
    smallBodyMaxSeats: z.number().int().min(1).default(5),
    smallBodyMaxSurplus: z.number().int().min(0).default(1),
    floorNomineeApprovalPercent: z.number().min(0).max(100).default(30),
    preliminaryVoteScope: z.enum(["floor-nominees", "whole-list"]).default("floor-nominees"),
    surplusRequiredFor: z.array(officeSchema).default(["committee", "standing_committee"]),
    surplusCeilingAppliesTo: z
      .array(officeSchema)
      .default(["committee", "standing_committee", "inspection_commission", "upper_congress_delegates"]),
    branchSecretaryRoundsBeforeAppointment: z.number().int().min(1).default(3),
    delegateRoundsBeforeLeavingOpen: z.number().int().min(1).default(2),
    percentRule: percentRuleSchema.default(DEFAULT_PERCENT_RULE),
  })
  .superRefine((s, ctx) => {
    if (s.conveningSurplusMinPercent > s.conveningSurplusMaxPercent) {
      ctx.addIssue({
        code: "custom",
        path: ["conveningSurplusMinPercent"],
        message: "Tỷ lệ số dư tối thiểu của danh sách do cấp ủy giới thiệu lớn hơn tỷ lệ tối đa",
      });
    }
    if (s.smallBodyMinSeats > s.smallBodyMaxSeats) {
      ctx.addIssue({
        code: "custom",
        path: ["smallBodyMinSeats"],
        message: "Số lượng tối thiểu của cơ quan nhỏ lớn hơn số lượng tối đa",
      });
    }
  }) satisfies z.ZodType<Party190Settings>;

export const DEFAULT_PARTY_190_SETTINGS: Party190Settings = party190SettingsSchema.parse({});

export interface VillageHeadSettings {
  /** Who votes: household representatives (the usual form) or all voters of the village. */
  readonly electorate: "household-representatives" | "voters";
  /** The meeting is valid only with strictly more than this share of the electorate present. */
  readonly quorumPercent: number;
  /** The winner needs strictly more than this share of the whole electorate (not of those present). */
  readonly winnerPercentOfElectorate: number;
  /** After this many failed attempts the commune People's Committee appoints an interim head. */
  readonly attemptsBeforeInterimHead: number;
  readonly extraInvalidityGrounds: ExtraInvalidityGrounds;
  readonly percentRule: PercentRule;
}

export const villageHeadSettingsSchema = z.object({
  electorate: z.enum(["household-representatives", "voters"]).default("household-representatives"),
  quorumPercent: z.number().min(0).max(100).default(50),
  winnerPercentOfElectorate: z.number().min(0).max(100).default(50),
  attemptsBeforeInterimHead: z.number().int().min(1).default(2),
  extraInvalidityGrounds: extraInvalidityGroundsSchema.default(DEFAULT_EXTRA_INVALIDITY_GROUNDS),
  percentRule: percentRuleSchema.default(DEFAULT_PERCENT_RULE),
}) satisfies z.ZodType<VillageHeadSettings>;

export const DEFAULT_VILLAGE_HEAD_SETTINGS: VillageHeadSettings = villageHeadSettingsSchema.parse({});

export interface Party190RuleSet {
  readonly kind: "party-190";
  readonly settings: Party190Settings;
}

export interface VillageHeadRuleSet {
  readonly kind: "village-head";
  readonly settings: VillageHeadSettings;
}

export type RuleSet = Party190RuleSet | VillageHeadRuleSet;

export const party190RuleSetSchema = z.object({
  kind: z.literal("party-190"),
  settings: party190SettingsSchema.prefault({}),
}) satisfies z.ZodType<Party190RuleSet>;

export const villageHeadRuleSetSchema = z.object({
  kind: z.literal("village-head"),
  settings: villageHeadSettingsSchema.prefault({}),
}) satisfies z.ZodType<VillageHeadRuleSet>;

export const ruleSetSchema = z.discriminatedUnion("kind", [
  party190RuleSetSchema,
  villageHeadRuleSetSchema,
]) satisfies z.ZodType<RuleSet>;

/** The default rule set: Quyết định 190-QĐ/TW with BRIEF's defaults. */
export const PARTY_190: Party190RuleSet = { kind: "party-190", settings: DEFAULT_PARTY_190_SETTINGS };
export const VILLAGE_HEAD: VillageHeadRuleSet = {
  kind: "village-head",
  settings: DEFAULT_VILLAGE_HEAD_SETTINGS,
};

/**
 * `count` is strictly more than `percent`% of `total`, in exact integer arithmetic (so "more than
 * 30%" of 10 present needs 4, and "more than half" of 346 needs 174).
 */
export function exceedsPercent(count: number, total: number, percent: number): boolean {
  // Percent settings may carry decimals (e.g. 12,5): scale by 1000 to stay in integers.
  const scaled = Math.round(percent * 1000);
  return count * 100_000 > total * scaled;
}

/** The share `percent`% of `whole`, made a whole number by `rounding`. */
export function roundShare(whole: number, percent: number, rounding: CeilingRounding): number {
  const scaledPercent = Math.round(percent * 1000);
  const numerator = whole * scaledPercent;
  const denominator = 100_000;
  switch (rounding) {
    case "floor":
      return Math.floor(numerator / denominator);
    case "ceil":
      return Math.ceil(numerator / denominator);
    case "half-up":
      return Math.floor((2 * numerator + denominator) / (2 * denominator));
    default:
      return throwIllegalValue(rounding, "rounding");
  }
}

/** Alternates (dự khuyết) are elected only with delegates to the upper congress. */
export const ALTERNATES_ONLY_FOR_DELEGATES =
  "Chỉ bầu đại biểu dự khuyết khi bầu đại biểu dự đại hội cấp trên";

export function alternatesAllowed(office: string, alternateSeats: number): boolean {
  return alternateSeats <= 0 || office === "upper_congress_delegates";
}
