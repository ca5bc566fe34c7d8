/**
 * The officer's edits of a report: the heading fields, the text blocks (by id), the signature and
 * the recipients. Figures and data sentences are never edited: they come from the data. When a
 * report is regenerated, the edits are carried over to the new one.
 */
import { z } from "zod";
import { err, ok, type Result } from "../basics/result.ts";
import type { Report, ReportHeading, Section, SignatureBlock } from "./model.ts";

export interface ReportEdit {
  readonly heading?: Partial<Omit<ReportHeading, "documentType">> | undefined;
  /** Text block id → new text. */
  readonly texts?: Readonly<Record<string, string>> | undefined;
  readonly signature?: Partial<SignatureBlock> | undefined;
  readonly recipients?: readonly string[] | undefined;
}

export const reportEditSchema = z.object({
  heading: z
    .object({
      superiorBody: z.string().max(200),
      issuingBody: z.string().max(200),
      numberSymbol: z.string().max(60),
      place: z.string().max(100),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD"),
      summary: z.string().max(500),
    })
    .partial()
    .optional(),
  texts: z.record(z.string(), z.string().max(50_000)).optional(),
  signature: z
    .object({ onBehalfOf: z.string().max(100), post: z.string().max(100), name: z.string().max(100) })
    .partial()
    .optional(),
  recipients: z.array(z.string().max(300)).max(50).optional(),
});

export type ReportEditError = {
  readonly code: "unknown_text_block";
  readonly id: string;
  readonly message: string;
};

export function textBlockIds(r: Pick<Report, "sections">): Set<string> {
  return new Set(r.sections.flatMap((s) => s.blocks.filter((b) => b.kind === "text").map((b) => b.id)));
}

function withTexts(sections: readonly Section[], texts: Readonly<Record<string, string>>): Section[] {
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => (b.kind === "text" && b.id in texts ? { ...b, text: texts[b.id]! } : b)),
  }));
}

export function applyReportEdit(r: Report, edit: ReportEdit): Result<Report, ReportEditError> {
  const texts = edit.texts ?? {};
  const ids = textBlockIds(r);
  for (const id of Object.keys(texts)) {
    if (!ids.has(id))
      return err({ code: "unknown_text_block", id, message: `Báo cáo không có đoạn văn "${id}" để sửa` });
  }
  return ok({
    ...r,
    heading: { ...r.heading, ...edit.heading },
    signature: { ...r.signature, ...edit.signature },
    recipients: edit.recipients ? [...edit.recipients] : r.recipients,
    sections: withTexts(r.sections, texts),
  });
}

/** The officer's words of `from` put into a freshly generated `to` (same template). */
export function carryOverEdits(from: Report, to: Report): Report {
  const texts: Record<string, string> = {};
  for (const s of from.sections) for (const b of s.blocks) if (b.kind === "text") texts[b.id] = b.text;
  const ids = textBlockIds(to);
  const kept = Object.fromEntries(Object.entries(texts).filter(([id]) => ids.has(id)));
  return {
    ...to,
    heading: { ...from.heading, date: to.heading.date },
    signature: from.signature,
    recipients: from.recipients,
    sections: withTexts(to.sections, kept),
  };
}
