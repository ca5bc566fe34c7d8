/**
 * After the meeting (Nghị định 59/2023/NĐ-CP): the commune People's Committee recognises the
 * result within 5 working days, and the village head takes office on recognition (issue 17). The
 * meeting's procedural votes — the voting method and the counting team of 3 to 5 — pass only with
 * more than half of those present. Pure: the days are passed in; public holidays are a list the
 * caller supplies (the calendar of non-working days is a setting, not code).
 */
import { z } from "zod";
import { addDays } from "../congress/calendar.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../format/date.ts";
import { formatNumber } from "../format/number.ts";

/** Working days the commune People's Committee has to recognise the result. */
export const RECOGNITION_WORKING_DAYS = 5;

function isWeekend(iso: IsoDate): boolean {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** The `n`-th working day after `from` (Saturdays, Sundays and the given holidays skipped). */
export function addWorkingDays(
  from: IsoDate,
  n: number,
  holidays: ReadonlySet<IsoDate> = new Set(),
): IsoDate {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !holidays.has(day)) left--;
  }
  return day;
}

/** The last day the commune may recognise a meeting held on `heldOn`. */
export function recognitionDeadline(heldOn: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  return addWorkingDays(heldOn, RECOGNITION_WORKING_DAYS, holidays);
}

export type RecognitionProblem =
  | { readonly kind: "before-meeting"; readonly message: string }
  | { readonly kind: "in-future"; readonly message: string };

/**
 * Checks a recognition date: not before the meeting, not after today. Late recognition is recorded
 * (it happened) with `late: true` and a sentence saying by how much.
 */
export function checkRecognition(
  heldOn: IsoDate,
  recognisedOn: IsoDate,
  today: IsoDate,
  holidays: ReadonlySet<IsoDate> = new Set(),
):
  | { readonly ok: true; readonly late: boolean; readonly deadline: IsoDate; readonly note: string }
  | {
      readonly ok: false;
      readonly problem: RecognitionProblem;
    } {
  if (recognisedOn < heldOn)
    return {
      ok: false,
      problem: {
        kind: "before-meeting",
        message: `Ngày công nhận (${formatDate(recognisedOn)}) trước ngày hội nghị bầu (${formatDate(heldOn)})`,
      },
    };
  if (recognisedOn > today)
    return {
      ok: false,
      problem: {
        kind: "in-future",
        message: `Ngày công nhận (${formatDate(recognisedOn)}) sau ngày hôm nay (${formatDate(today)})`,
      },
    };
  const state = recognitionState(heldOn, recognisedOn, today, holidays);
  return {
    ok: true,
    late: state.kind === "recognised" && state.late,
    deadline: state.deadline,
    note: state.note,
  };
}

/** The meeting's procedural votes: how many of those present approved each. */
export interface ProceduralVotes {
  /** The voting method (show of hands or secret ballot). */
  readonly method: number;
  /** The counting team (tổ bầu cử / ban kiểm phiếu) and its members. */
  readonly team: number;
}

export interface ProceduralIssue {
  readonly field: "proceduralVotes.method" | "proceduralVotes.team" | "team";
  readonly message: string;
}

/**
 * The procedural votes pass with strictly more than half of those present; the counting team has
 * 3 to 5 members. Returns every issue, in Vietnamese, naming the field (empty: they pass).
 */
export function checkProceduralVotes(
  present: number,
  votes: ProceduralVotes,
  teamSize: number,
): ProceduralIssue[] {
  const issues: ProceduralIssue[] = [];
  const needed = Math.floor(present / 2) + 1;
  const check = (field: "proceduralVotes.method" | "proceduralVotes.team", what: string, n: number) => {
    if (n > present)
      issues.push({
        field,
        message: `${what}: ${formatNumber(n)} tán thành, nhiều hơn số có mặt (${formatNumber(present)})`,
      });
    else if (n < needed)
      issues.push({
        field,
        message: `${what} chỉ được ${formatNumber(n)}/${formatNumber(present)} người có mặt tán thành, cần quá 1/2 (từ ${formatNumber(needed)} người): chưa được thông qua`,
      });
  };
  check("proceduralVotes.method", "Hình thức bầu", votes.method);
  check("proceduralVotes.team", "Tổ bầu cử", votes.team);
  if (teamSize < 3 || teamSize > 5)
    issues.push({
      field: "team",
      message: `Tổ bầu cử phải có từ 3 đến 5 người (có ${formatNumber(teamSize)})`,
    });
  return issues;
}

/** The commune People's Committee's decision recognising the elected head. */
export interface RecognitionInput {
  /** The decision's number and symbol, e.g. "15/QĐ-UBND". */
  readonly decisionNumber: string;
  readonly recognisedOn: IsoDate;
  /** Who signed it, e.g. "Chủ tịch UBND phường Hồng Gai". */
  readonly recognisedBy: string;
}

export const recognitionSchema = z.object({
  decisionNumber: z
    .string({ error: "Số quyết định công nhận: phải là chữ" })
    .trim()
    .min(1, "Số quyết định công nhận không được để trống")
    .max(100, "Số quyết định công nhận dài quá 100 ký tự"),
  recognisedOn: z
    .string({ error: "Ngày công nhận: phải là ngày" })
    .refine(isValidIsoDate, "Ngày công nhận không hợp lệ"),
  recognisedBy: z
    .string({ error: "Người ký quyết định công nhận: phải là chữ" })
    .trim()
    .min(1, "Người ký quyết định công nhận không được để trống")
    .max(200, "Người ký quyết định công nhận dài quá 200 ký tự"),
});

/** Where an elected head stands with recognition, for the village's page and the API. */
export type RecognitionState =
  | {
      readonly kind: "recognised";
      readonly deadline: IsoDate;
      readonly late: boolean;
      readonly note: string;
    }
  | {
      /** Not yet recognised; `overdue` once the 5 working days have passed (a warning, not a gate). */
      readonly kind: "pending";
      readonly deadline: IsoDate;
      readonly overdue: boolean;
      readonly note: string;
    };

/** The recognition of a head elected at a meeting held on `heldOn`, read on `today`. */
export function recognitionState(
  heldOn: IsoDate,
  recognisedOn: IsoDate | null,
  today: IsoDate,
  holidays: ReadonlySet<IsoDate> = new Set(),
): RecognitionState {
  const deadline = recognitionDeadline(heldOn, holidays);
  if (recognisedOn !== null) {
    const late = recognisedOn > deadline;
    return {
      kind: "recognised",
      deadline,
      late,
      note: late
        ? `Ủy ban nhân dân cấp xã công nhận ngày ${formatDate(recognisedOn)}, quá thời hạn 5 ngày làm việc (đến ${formatDate(deadline)}); trưởng thôn nhận nhiệm vụ từ ngày công nhận`
        : `Ủy ban nhân dân cấp xã công nhận ngày ${formatDate(recognisedOn)}, trong thời hạn 5 ngày làm việc (đến ${formatDate(deadline)}); trưởng thôn nhận nhiệm vụ từ ngày công nhận`,
    };
  }
  const overdue = today > deadline;
  return {
    kind: "pending",
    deadline,
    overdue,
    note: overdue
      ? `Quá hạn công nhận: Ủy ban nhân dân cấp xã phải công nhận kết quả trong 5 ngày làm việc (đến ${formatDate(deadline)}) mà chưa công nhận; trưởng thôn chưa nhận nhiệm vụ`
      : `Chờ Ủy ban nhân dân cấp xã công nhận kết quả (trong 5 ngày làm việc, đến ${formatDate(deadline)}); trưởng thôn nhận nhiệm vụ từ ngày công nhận`,
  };
}
