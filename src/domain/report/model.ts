/**
 * A report in the Party document format (Hướng dẫn 36-HD/VPTW): a heading block, sections that
 * mix the officer's own text with data blocks, a signature block and the recipients. Pure values:
 * the figures are frozen numbers, the text around them is filled from templates here, and the
 * exports (.docx, .xlsx, JSON, the web page) only lay the same value out.
 *
 * The JSON form is a stable, documented schema (docs/report-format.md): `reportSchema`.
 */
import { z } from "zod";
import { formatNumber, formatPercent, type PercentRule, type RoundingMode } from "../format/number.ts";

export const REPORT_SCHEMA_VERSION = 1;

/** One number of the report: a count, or a ratio numerator/denominator with its percentage. */
export interface Figure {
  /** Stable id within the template: "branch_congresses_held". */
  readonly id: string;
  readonly label: string;
  /** What is counted, in words an officer checks against the data. */
  readonly definition: string;
  readonly numerator: number;
  /** null: a plain count (47 pilot congresses). */
  readonly denominator: number | null;
  /** As printed with the figure's rounding ("96,35%"); null for a plain count or a zero denominator. */
  readonly percent: string | null;
  /** numerator / denominator × 100, unrounded; null when there is none. */
  readonly percentValue: number | null;
  /** Decimals the percentage is printed with. */
  readonly decimals: number;
  /** The day the count is read on. */
  readonly asOf: string;
  /** Where it comes from: "progress:grassroots", "indicator:commune_committee_women". */
  readonly source: string;
}

/** A piece of a filled sentence; `figureId` marks the text that came from a figure. */
export interface Segment {
  readonly text: string;
  readonly figureId?: string | undefined;
}

export type Block =
  /** The officer's own words: editable, kept across regenerations. */
  | { readonly kind: "text"; readonly id: string; readonly text: string; readonly placeholder?: string }
  /** A sentence template filled from the figures. */
  | {
      readonly kind: "data";
      readonly id: string;
      readonly template: string;
      readonly segments: readonly Segment[];
    }
  | {
      readonly kind: "table";
      readonly id: string;
      readonly title: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface ReportHeading {
  /** "ĐẢNG BỘ TỈNH QUẢNG NINH" (upper case). */
  readonly superiorBody: string;
  /** "TỈNH ỦY" (bold upper case). */
  readonly issuingBody: string;
  /** "Số 12-BC/TU"; "Số    -BC/TU" until the office numbers it. */
  readonly numberSymbol: string;
  readonly place: string;
  /** ISO day of the dateline. */
  readonly date: string;
  readonly documentType: string;
  readonly summary: string;
}

export interface SignatureBlock {
  /** "T/M BAN THƯỜNG VỤ". */
  readonly onBehalfOf: string;
  /** "PHÓ BÍ THƯ". */
  readonly post: string;
  readonly name: string;
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly template: string;
  readonly org: { readonly id: number; readonly code: string; readonly name: string };
  readonly season: { readonly code: string; readonly term: string };
  readonly asOf: string;
  readonly rounding: RoundingSetting;
  readonly heading: ReportHeading;
  readonly sections: readonly Section[];
  readonly signature: SignatureBlock;
  readonly recipients: readonly string[];
  readonly figures: readonly Figure[];
}

/**
 * "as_printed": each figure keeps the decimals the template gives it (the seed prints 96,35% but
 * 29,3% and 61%); "uniform": one rule for every figure.
 */
export type RoundingSetting =
  | { readonly kind: "as_printed"; readonly mode: RoundingMode }
  | { readonly kind: "uniform"; readonly rule: PercentRule };

export const DEFAULT_ROUNDING: RoundingSetting = { kind: "as_printed", mode: "half-up" };

// ---------------------------------------------------------------------------------------------
// Schemas (the JSON form)

const roundingModeSchema = z.enum(["half-up", "half-even", "truncate"]);

export const roundingSettingSchema: z.ZodType<RoundingSetting> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("as_printed"), mode: roundingModeSchema }),
  z.object({
    kind: z.literal("uniform"),
    rule: z.object({
      decimals: z.number().int().min(0).max(6),
      mode: roundingModeSchema,
      trimZeros: z.boolean(),
    }),
  }),
]);

export const figureSchema = z
  .object({
    id: z.string().min(1),
    label: z.string(),
    definition: z.string(),
    numerator: z.number().int().min(0),
    denominator: z.number().int().min(0).nullable(),
    percent: z.string().nullable(),
    percentValue: z.number().nullable(),
    decimals: z.number().int().min(0),
    asOf: z.string(),
    source: z.string(),
  })
  .superRefine((f, ctx) => {
    if (f.denominator !== null && f.numerator > f.denominator)
      ctx.addIssue({ code: "custom", path: ["numerator"], message: "Tử số lớn hơn mẫu số" });
  });

const segmentSchema = z.object({ text: z.string(), figureId: z.string().optional() });

export const blockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), id: z.string(), text: z.string(), placeholder: z.string().optional() }),
  z.object({
    kind: z.literal("data"),
    id: z.string(),
    template: z.string(),
    segments: z.array(segmentSchema),
  }),
  z.object({
    kind: z.literal("table"),
    id: z.string(),
    title: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
]);

export const reportHeadingSchema = z.object({
  superiorBody: z.string(),
  issuingBody: z.string(),
  numberSymbol: z.string(),
  place: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  documentType: z.string(),
  summary: z.string(),
});

export const signatureBlockSchema = z.object({ onBehalfOf: z.string(), post: z.string(), name: z.string() });

export const reportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    template: z.string(),
    org: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    season: z.object({ code: z.string(), term: z.string() }),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    rounding: roundingSettingSchema,
    heading: reportHeadingSchema,
    sections: z.array(z.object({ id: z.string(), title: z.string(), blocks: z.array(blockSchema) })),
    signature: signatureBlockSchema,
    recipients: z.array(z.string()),
    figures: z.array(figureSchema),
  })
  .superRefine((r, ctx) => {
    const ids = new Set(r.figures.map((f) => f.id));
    for (const [si, s] of r.sections.entries()) {
      for (const [bi, b] of s.blocks.entries()) {
        if (b.kind !== "data") continue;
        for (const [gi, seg] of b.segments.entries()) {
          if (seg.figureId !== undefined && !ids.has(seg.figureId))
            ctx.addIssue({
              code: "custom",
              path: ["sections", si, "blocks", bi, "segments", gi, "figureId"],
              message: `Không có số liệu "${seg.figureId}"`,
            });
        }
      }
    }
  });

// ---------------------------------------------------------------------------------------------
// Figures and templates

export interface FigureInput {
  readonly id: string;
  readonly label: string;
  readonly definition: string;
  readonly numerator: number;
  readonly denominator: number | null;
  /** Decimals as the report prints this figure. */
  readonly decimals: number;
  readonly asOf: string;
  readonly source: string;
}

export function ruleForFigure(decimals: number, rounding: RoundingSetting): PercentRule {
  switch (rounding.kind) {
    case "as_printed":
      return { decimals, mode: rounding.mode, trimZeros: true };
    case "uniform":
      return rounding.rule;
  }
}

export function makeFigure(input: FigureInput, rounding: RoundingSetting): Figure {
  const rule = ruleForFigure(input.decimals, rounding);
  const hasShare = input.denominator !== null && input.denominator > 0;
  return {
    ...input,
    decimals: rule.decimals,
    percent: hasShare ? formatPercent(input.numerator, input.denominator!, rule) : null,
    percentValue: hasShare ? (input.numerator / input.denominator!) * 100 : null,
  };
}

/**
 * The fields a template may use: `{id}` is "4.925/4.925 (100%)" (or "47" for a count),
 * `{id.ratio}` "4.925/4.925", `{id.pct}` "100%", `{id.num}`, `{id.den}`.
 */
export function figureField(f: Figure, field: string | undefined): string {
  const num = formatNumber(f.numerator);
  const den = f.denominator === null ? "" : formatNumber(f.denominator);
  const ratio = f.denominator === null ? num : `${num}/${den}`;
  switch (field) {
    case undefined:
      return f.percent === null ? ratio : `${ratio} (${f.percent})`;
    case "ratio":
      return ratio;
    case "pct":
      return f.percent ?? "–";
    case "num":
      return num;
    case "den":
      return den;
    default:
      throw new Error(`unknown figure field "${field}"`);
  }
}

/**
 * Fills "có {branch.ratio} ({branch.pct}) chi bộ…" from the figures. `{$name}` takes a plain value
 * (a date, a phrase) from `values`. Unknown names are bugs in a template: they throw.
 */
export function fillTemplate(
  template: string,
  figures: ReadonlyMap<string, Figure>,
  values: Readonly<Record<string, string>> = {},
): Segment[] {
  const out: Segment[] = [];
  const re = /\{([$\w]+)(?:\.(\w+))?\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    const name = m[1]!;
    if (name.startsWith("$")) {
      const v = values[name.slice(1)];
      if (v === undefined) throw new Error(`template value "${name}" missing`);
      out.push({ text: v });
    } else {
      const f = figures.get(name);
      if (!f) throw new Error(`template figure "${name}" missing`);
      out.push({ text: figureField(f, m[2]), figureId: f.id });
    }
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join("");
}

/** The plain text of a block (a table is its title). */
export function blockText(b: Block): string {
  switch (b.kind) {
    case "text":
      return b.text;
    case "data":
      return segmentsText(b.segments);
    case "table":
      return b.title;
  }
}

/** Section titles and block texts, one a line: what a reader of the document sees. */
export function reportPlainText(r: Pick<Report, "sections">): string {
  return r.sections.flatMap((s) => [s.title, ...s.blocks.map(blockText)]).join("\n");
}

/** The figures whose numbers differ between two snapshots (for "what changed since"). */
export interface FigureChange {
  readonly id: string;
  readonly label: string;
  readonly before: {
    readonly numerator: number;
    readonly denominator: number | null;
    readonly percent: string | null;
  } | null;
  readonly after: {
    readonly numerator: number;
    readonly denominator: number | null;
    readonly percent: string | null;
  } | null;
}

export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const pick = (f: Figure) => ({ numerator: f.numerator, denominator: f.denominator, percent: f.percent });
  const a = new Map(before.map((f) => [f.id, f]));
  const b = new Map(after.map((f) => [f.id, f]));
  const out: FigureChange[] = [];
  for (const [id, f] of b) {
    const old = a.get(id);
    if (!old) out.push({ id, label: f.label, before: null, after: pick(f) });
    else if (old.numerator !== f.numerator || old.denominator !== f.denominator || old.percent !== f.percent)
      out.push({ id, label: f.label, before: pick(old), after: pick(f) });
  }
  for (const [id, f] of a) if (!b.has(id)) out.push({ id, label: f.label, before: pick(f), after: null });
  return out;
}
