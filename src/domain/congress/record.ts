/**
 * One organisation's congress in one season (BRIEF §2): the plan, the actual dates, what it held
 * and what it elected, and where it stands in planned → held → results_recorded → confirmed.
 *
 * Every step carries its date (actual end, results recorded on, confirmation date), so the status
 * of a congress "as of" any day is derived from the record alone: `statusAsOf`.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { checkLength } from "../basics/limits.ts";
import type { IsoDate } from "../format/date.ts";
import { isoDateSchema, type OrgId, orgIdSchema } from "./season.ts";

export const CONGRESS_TYPES = ["members", "delegates"] as const;
/** Đại hội đảng viên | đại hội đại biểu. */
export type CongressType = (typeof CONGRESS_TYPES)[number];

export const CONGRESS_TYPE_LABELS: Readonly<Record<CongressType, string>> = {
  members: "Đại hội đảng viên",
  delegates: "Đại hội đại biểu",
};

/** The four contents of a full congress, in the order they are held. */
export const CONGRESS_CONTENTS = [
  "review_and_direction",
  "upper_documents",
  "elect_committee",
  "elect_delegates",
] as const;
export type CongressContent = (typeof CONGRESS_CONTENTS)[number];

export const CONGRESS_CONTENT_LABELS: Readonly<Record<CongressContent, string>> = {
  review_and_direction: "Tổng kết nhiệm kỳ qua, quyết định phương hướng nhiệm kỳ tới",
  upper_documents: "Thảo luận, góp ý dự thảo văn kiện của cấp trên",
  elect_committee: "Bầu cấp ủy",
  elect_delegates: "Bầu đại biểu đi dự đại hội cấp trên",
};

export const CONGRESS_STATUSES = ["planned", "held", "results_recorded", "confirmed"] as const;
export type CongressStatus = (typeof CONGRESS_STATUSES)[number];

export const CONGRESS_STATUS_LABELS: Readonly<Record<CongressStatus, string>> = {
  planned: "Đã lên kế hoạch",
  held: "Đã tổ chức",
  results_recorded: "Đã nhập kết quả",
  confirmed: "Đã chuẩn y",
};

/** The upper committee's decision confirming (chuẩn y) the results. */
export interface Confirmation {
  readonly decisionNumber: string;
  readonly date: IsoDate;
}

export interface CongressRecord {
  readonly orgId: OrgId;
  readonly seasonCode: string;
  readonly type: CongressType;
  readonly pilot: boolean;
  readonly status: CongressStatus;
  readonly plannedStart: IsoDate;
  readonly plannedEnd: IsoDate;
  readonly venue: string | null;
  /** Set from `held` on. */
  readonly actualStart: IsoDate | null;
  readonly actualEnd: IsoDate | null;
  /** Contents actually held; empty while planned. */
  readonly contents: readonly CongressContent[];
  /** The committee was appointed by the upper committee, not elected (e.g. merged organisations). */
  readonly committeeAppointed: boolean;
  /** Members (members' congress) or delegates (delegates' congress) convened and present. */
  readonly convened: number | null;
  readonly present: number | null;
  /** Set from `results_recorded` on. */
  readonly resultsRecordedOn: IsoDate | null;
  readonly committeeSeatsDecided: number | null;
  readonly committeeSeatsElected: number | null;
  /** Bầu một lần đủ số lượng: the committee filled in the first round. */
  readonly electedInOneRoundFull: boolean | null;
  /** Bầu bí thư trực tiếp tại đại hội. */
  readonly secretaryElectedDirectly: boolean | null;
  /** Votes for the secretary and the base N they are a share of (BRIEF §3). */
  readonly secretaryVotes: number | null;
  readonly secretaryVoteBase: number | null;
  /** Set when `confirmed`. */
  readonly confirmation: Confirmation | null;
}

export const congressContentSchema = z.enum(CONGRESS_CONTENTS);

const count = z.number().int().min(0);

export const confirmationSchema = z.object({
  decisionNumber: z.string().trim().min(1, "Số quyết định chuẩn y không được để trống"),
  date: isoDateSchema,
}) satisfies z.ZodType<Confirmation>;

/**
 * A stored record, with the invariants that keep it coherent: each status has exactly the
 * fields its steps fill, dates follow each other, present ≤ convened, elected ≤ decided,
 * votes ≤ base. Errors name the exact field.
 */
export const congressRecordSchema = z
  .object({
    orgId: orgIdSchema,
    seasonCode: z.string().min(1),
    type: z.enum(CONGRESS_TYPES),
    pilot: z.boolean(),
    status: z.enum(CONGRESS_STATUSES),
    plannedStart: isoDateSchema,
    plannedEnd: isoDateSchema,
    venue: z.string().nullable(),
    actualStart: isoDateSchema.nullable(),
    actualEnd: isoDateSchema.nullable(),
    contents: z.array(congressContentSchema),
    committeeAppointed: z.boolean(),
    convened: count.nullable(),
    present: count.nullable(),
    resultsRecordedOn: isoDateSchema.nullable(),
    committeeSeatsDecided: count.nullable(),
    committeeSeatsElected: count.nullable(),
    electedInOneRoundFull: z.boolean().nullable(),
    secretaryElectedDirectly: z.boolean().nullable(),
    secretaryVotes: count.nullable(),
    secretaryVoteBase: count.nullable(),
    confirmation: confirmationSchema.nullable(),
  })
  .superRefine((r, ctx) => {
    for (const issue of congressRecordIssues(r)) ctx.addIssue({ code: "custom", ...issue });
  }) satisfies z.ZodType<CongressRecord>;

export interface RecordIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** The record's invariants, as a list of (field, Vietnamese message); empty when coherent. */
export function congressRecordIssues(r: CongressRecord): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (r.plannedEnd < r.plannedStart) add(["plannedEnd"], "Ngày kết thúc dự kiến trước ngày bắt đầu dự kiến");
  const longVenue = checkLength("Địa điểm", "venue", r.venue);
  if (longVenue) add(["venue"], longVenue);
  const longNumber = checkLength("Số quyết định chuẩn y", "decisionNumber", r.confirmation?.decisionNumber);
  if (longNumber) add(["confirmation", "decisionNumber"], longNumber);
  const seen = new Set<CongressContent>();
  r.contents.forEach((c, i) => {
    if (seen.has(c)) add(["contents", i], "Nội dung đại hội bị trùng");
    seen.add(c);
  });
  if (r.committeeAppointed && seen.has("elect_committee")) {
    add(["committeeAppointed"], "Cấp ủy chỉ định thì đại hội không có nội dung bầu cấp ủy");
  }
  if (r.present !== null && r.convened !== null && r.present > r.convened) {
    add(["present"], `Số có mặt (${r.present}) lớn hơn số triệu tập (${r.convened})`);
  }
  if (
    r.committeeSeatsElected !== null &&
    r.committeeSeatsDecided !== null &&
    r.committeeSeatsElected > r.committeeSeatsDecided
  ) {
    add(
      ["committeeSeatsElected"],
      `Số cấp ủy viên trúng cử (${r.committeeSeatsElected}) lớn hơn số lượng đại hội quyết định (${r.committeeSeatsDecided})`,
    );
  }
  if (r.electedInOneRoundFull === true && r.committeeSeatsElected !== r.committeeSeatsDecided) {
    add(["electedInOneRoundFull"], "Bầu một lần đủ số lượng nhưng số trúng cử khác số lượng quyết định");
  }
  if (r.secretaryVotes !== null || r.secretaryVoteBase !== null) {
    if (r.secretaryElectedDirectly !== true) {
      add(["secretaryVotes"], "Chỉ ghi số phiếu bầu bí thư khi bí thư được bầu trực tiếp tại đại hội");
    }
    if (r.secretaryVotes === null || r.secretaryVoteBase === null) {
      add(["secretaryVoteBase"], "Cần cả số phiếu bầu bí thư và cơ số tính tỷ lệ");
    } else if (r.secretaryVoteBase === 0) {
      add(["secretaryVoteBase"], "Cơ số tính tỷ lệ phiếu bầu bí thư phải lớn hơn 0");
    } else if (r.secretaryVotes > r.secretaryVoteBase) {
      add(
        ["secretaryVotes"],
        `Số phiếu bầu bí thư (${r.secretaryVotes}) lớn hơn cơ số (${r.secretaryVoteBase})`,
      );
    }
  }

  const held = r.status !== "planned";
  const recorded = r.status === "results_recorded" || r.status === "confirmed";
  const confirmed = r.status === "confirmed";
  if (held) {
    if (r.actualStart === null) add(["actualStart"], "Đại hội đã tổ chức phải có ngày bắt đầu thực tế");
    if (r.actualEnd === null) add(["actualEnd"], "Đại hội đã tổ chức phải có ngày kết thúc thực tế");
    if (r.actualStart !== null && r.actualEnd !== null && r.actualEnd < r.actualStart) {
      add(["actualEnd"], "Ngày kết thúc thực tế trước ngày bắt đầu thực tế");
    }
    if (r.contents.length === 0) add(["contents"], "Đại hội đã tổ chức phải có ít nhất một nội dung");
  } else {
    if (r.actualStart !== null) add(["actualStart"], "Đại hội chưa tổ chức không có ngày thực tế");
    if (r.actualEnd !== null) add(["actualEnd"], "Đại hội chưa tổ chức không có ngày thực tế");
    if (r.contents.length > 0) add(["contents"], "Đại hội chưa tổ chức chưa có nội dung đã thực hiện");
  }
  if (recorded) {
    if (r.resultsRecordedOn === null) add(["resultsRecordedOn"], "Thiếu ngày nhập kết quả");
    else if (r.actualEnd !== null && r.resultsRecordedOn < r.actualEnd) {
      add(["resultsRecordedOn"], "Ngày nhập kết quả trước ngày kết thúc đại hội");
    }
    if (r.secretaryElectedDirectly === null) add(["secretaryElectedDirectly"], "Thiếu thông tin bầu bí thư");
    if (seen.has("elect_committee")) {
      if (r.committeeSeatsDecided === null) add(["committeeSeatsDecided"], "Thiếu số lượng cấp ủy");
      if (r.committeeSeatsElected === null) add(["committeeSeatsElected"], "Thiếu số cấp ủy trúng cử");
      if (r.electedInOneRoundFull === null) add(["electedInOneRoundFull"], "Thiếu thông tin bầu một lần đủ");
    }
  } else {
    for (const field of [
      "resultsRecordedOn",
      "committeeSeatsDecided",
      "committeeSeatsElected",
      "electedInOneRoundFull",
      "secretaryElectedDirectly",
      "secretaryVotes",
      "secretaryVoteBase",
    ] as const) {
      if (r[field] !== null) add([field], "Chưa nhập kết quả thì chưa có trường này");
    }
  }
  if (confirmed) {
    if (r.confirmation === null) add(["confirmation"], "Đã chuẩn y phải có số và ngày quyết định");
    else if (r.resultsRecordedOn !== null && r.confirmation.date < r.resultsRecordedOn) {
      add(["confirmation", "date"], "Ngày chuẩn y trước ngày nhập kết quả");
    }
  } else if (r.confirmation !== null) {
    add(["confirmation"], "Chưa chuẩn y thì chưa có quyết định chuẩn y");
  }
  return issues;
}

/** Where a congress stood at the end of day `asOf`, from the dates its steps carry. */
export function statusAsOf(r: CongressRecord, asOf: IsoDate): CongressStatus {
  const rank = statusRank(r.status);
  if (rank >= statusRank("confirmed") && r.confirmation !== null && r.confirmation.date <= asOf) {
    return "confirmed";
  }
  if (rank >= statusRank("results_recorded") && r.resultsRecordedOn !== null && r.resultsRecordedOn <= asOf) {
    return "results_recorded";
  }
  if (rank >= statusRank("held") && r.actualEnd !== null && r.actualEnd <= asOf) return "held";
  return "planned";
}

/** 0 planned, 1 held, 2 results recorded, 3 confirmed. */
export function statusRank(status: CongressStatus): number {
  switch (status) {
    case "planned":
      return 0;
    case "held":
      return 1;
    case "results_recorded":
      return 2;
    case "confirmed":
      return 3;
    default:
      return throwIllegalValue(status, "congress status");
  }
}

export function hasAllContents(r: CongressRecord): boolean {
  return CONGRESS_CONTENTS.every((c) => r.contents.includes(c));
}

/** A planned record with no facts yet. */
export function plannedCongress(input: {
  readonly orgId: OrgId;
  readonly seasonCode: string;
  readonly type: CongressType;
  readonly pilot?: boolean;
  readonly plannedStart: IsoDate;
  readonly plannedEnd?: IsoDate;
  readonly venue?: string | null;
}): CongressRecord {
  return {
    orgId: input.orgId,
    seasonCode: input.seasonCode,
    type: input.type,
    pilot: input.pilot ?? false,
    status: "planned",
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd ?? input.plannedStart,
    venue: input.venue ?? null,
    actualStart: null,
    actualEnd: null,
    contents: [],
    committeeAppointed: false,
    convened: null,
    present: null,
    resultsRecordedOn: null,
    committeeSeatsDecided: null,
    committeeSeatsElected: null,
    electedInOneRoundFull: null,
    secretaryElectedDirectly: null,
    secretaryVotes: null,
    secretaryVoteBase: null,
    confirmation: null,
  };
}
