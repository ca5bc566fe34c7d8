/**
 * The congress lifecycle: planned → held → results_recorded → confirmed, one event at a time.
 * `transitionCongress` is pure: it returns the next record or the reason the event is refused,
 * in Vietnamese, naming the field. "Today" is an input so that a date in the future is caught
 * without reading a clock.
 */
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatDate, type IsoDate } from "../format/date.ts";
import {
  CONGRESS_STATUS_LABELS,
  type CongressContent,
  type CongressRecord,
  type CongressStatus,
  congressRecordIssues,
} from "./record.ts";

export type CongressEvent =
  | {
      readonly type: "reschedule";
      readonly plannedStart: IsoDate;
      readonly plannedEnd: IsoDate;
      readonly venue: string | null;
    }
  | {
      readonly type: "hold";
      readonly actualStart: IsoDate;
      readonly actualEnd: IsoDate;
      readonly contents: readonly CongressContent[];
      readonly committeeAppointed: boolean;
      readonly convened: number;
      readonly present: number;
    }
  | {
      readonly type: "record_results";
      readonly recordedOn: IsoDate;
      readonly committeeSeatsDecided: number | null;
      readonly committeeSeatsElected: number | null;
      readonly electedInOneRoundFull: boolean | null;
      readonly secretaryElectedDirectly: boolean;
      readonly secretaryVotes: number | null;
      readonly secretaryVoteBase: number | null;
    }
  | { readonly type: "confirm"; readonly decisionNumber: string; readonly date: IsoDate }
  | {
      /**
       * Corrects the figures of a congress whose results are recorded or confirmed (a mistyped
       * vote count): the status stays, the reason is required and goes into the audit log, and
       * every figure read from the record (roll-ups, indicators, reports) follows (issue 17).
       */
      readonly type: "correct_results";
      readonly reason: string;
      readonly convened: number;
      readonly present: number;
      readonly committeeSeatsDecided: number | null;
      readonly committeeSeatsElected: number | null;
      readonly electedInOneRoundFull: boolean | null;
      readonly secretaryElectedDirectly: boolean;
      readonly secretaryVotes: number | null;
      readonly secretaryVoteBase: number | null;
    };

/** The shortest reason a correction of recorded results is accepted with. */
export const CORRECTION_REASON_MIN_LENGTH = 10;

export type CongressEventType = CongressEvent["type"];

export type CongressTransitionErrorCode =
  | "illegal_transition"
  | "date_in_future"
  | "end_before_start"
  | "present_exceeds_convened"
  | "results_before_congress_end"
  | "confirmation_before_results"
  | "reason_required"
  | "nothing_to_correct"
  | "invalid_record";

export interface CongressTransitionError {
  readonly code: CongressTransitionErrorCode;
  /** The field at fault, when there is one. */
  readonly field: string | null;
  readonly message: string;
}

export interface TransitionContext {
  /** The calendar day the change is made on: no actual date may be after it. */
  readonly today: IsoDate;
}

const EVENT_LABELS: Readonly<Record<CongressEventType, string>> = {
  reschedule: "đổi lịch đại hội",
  hold: "ghi nhận đại hội đã tổ chức",
  record_results: "nhập kết quả đại hội",
  confirm: "chuẩn y kết quả",
  correct_results: "sửa kết quả đã nhập",
};

/** The status an event requires. */
function requiredStatus(event: CongressEventType): CongressStatus {
  switch (event) {
    case "reschedule":
      return "planned";
    case "hold":
      return "planned";
    case "record_results":
      return "held";
    case "confirm":
      return "results_recorded";
    case "correct_results":
      return "results_recorded";
    default:
      return throwIllegalValue(event, "congress event");
  }
}

function fail(
  code: CongressTransitionErrorCode,
  field: string | null,
  message: string,
): Result<CongressRecord, CongressTransitionError> {
  return err({ code, field, message });
}

function illegal(
  record: CongressRecord,
  event: CongressEventType,
): Result<CongressRecord, CongressTransitionError> {
  const status = CONGRESS_STATUS_LABELS[record.status].toLowerCase();
  const reason = (() => {
    switch (event) {
      case "record_results":
        return record.status === "planned"
          ? "Chưa thể nhập kết quả: đại hội chưa được tổ chức"
          : `Không thể nhập kết quả: đại hội ở trạng thái "${status}"`;
      case "confirm":
        return record.status === "planned" || record.status === "held"
          ? "Chưa thể chuẩn y: chưa nhập kết quả đại hội"
          : "Kết quả đại hội đã được chuẩn y";
      case "hold":
        return `Đại hội đã được ghi nhận tổ chức (trạng thái "${status}")`;
      case "reschedule":
        return `Không thể đổi lịch: đại hội ở trạng thái "${status}"`;
      case "correct_results":
        return `Chỉ sửa kết quả khi đã nhập hoặc đã chuẩn y kết quả (đại hội ở trạng thái "${status}")`;
      default:
        return throwIllegalValue(event, "congress event");
    }
  })();
  return fail("illegal_transition", "status", `${reason} (${EVENT_LABELS[event]})`);
}

function notInFuture(
  field: string,
  date: IsoDate,
  today: IsoDate,
  what: string,
): Result<CongressRecord, CongressTransitionError> | null {
  return date > today
    ? fail("date_in_future", field, `${what} (${formatDate(date)}) sau ngày hôm nay (${formatDate(today)})`)
    : null;
}

/** Applies one event to a record, or says why it cannot. The returned record satisfies the schema. */
export function transitionCongress(
  record: CongressRecord,
  event: CongressEvent,
  context: TransitionContext,
): Result<CongressRecord, CongressTransitionError> {
  const allowed =
    event.type === "correct_results"
      ? record.status === "results_recorded" || record.status === "confirmed"
      : record.status === requiredStatus(event.type);
  if (!allowed) return illegal(record, event.type);
  let next: CongressRecord;
  switch (event.type) {
    case "reschedule":
      if (event.plannedEnd < event.plannedStart) {
        return fail("end_before_start", "plannedEnd", "Ngày kết thúc dự kiến trước ngày bắt đầu dự kiến");
      }
      next = {
        ...record,
        plannedStart: event.plannedStart,
        plannedEnd: event.plannedEnd,
        venue: event.venue,
      };
      break;
    case "hold": {
      const future =
        notInFuture("actualStart", event.actualStart, context.today, "Ngày bắt đầu đại hội") ??
        notInFuture("actualEnd", event.actualEnd, context.today, "Ngày kết thúc đại hội");
      if (future) return future;
      if (event.actualEnd < event.actualStart) {
        return fail("end_before_start", "actualEnd", "Ngày kết thúc đại hội trước ngày bắt đầu");
      }
      if (event.present > event.convened) {
        return fail(
          "present_exceeds_convened",
          "present",
          `Số có mặt (${event.present}) lớn hơn số triệu tập (${event.convened})`,
        );
      }
      next = {
        ...record,
        status: "held",
        actualStart: event.actualStart,
        actualEnd: event.actualEnd,
        contents: [...event.contents],
        committeeAppointed: event.committeeAppointed,
        convened: event.convened,
        present: event.present,
      };
      break;
    }
    case "record_results": {
      const future = notInFuture("recordedOn", event.recordedOn, context.today, "Ngày nhập kết quả");
      if (future) return future;
      if (record.actualEnd !== null && event.recordedOn < record.actualEnd) {
        return fail(
          "results_before_congress_end",
          "recordedOn",
          `Ngày nhập kết quả (${formatDate(event.recordedOn)}) trước ngày kết thúc đại hội (${formatDate(record.actualEnd)})`,
        );
      }
      next = {
        ...record,
        status: "results_recorded",
        resultsRecordedOn: event.recordedOn,
        committeeSeatsDecided: event.committeeSeatsDecided,
        committeeSeatsElected: event.committeeSeatsElected,
        electedInOneRoundFull: event.electedInOneRoundFull,
        secretaryElectedDirectly: event.secretaryElectedDirectly,
        secretaryVotes: event.secretaryVotes,
        secretaryVoteBase: event.secretaryVoteBase,
      };
      break;
    }
    case "correct_results": {
      if (event.reason.trim().length < CORRECTION_REASON_MIN_LENGTH)
        return fail(
          "reason_required",
          "reason",
          `Hãy ghi lý do sửa kết quả (ít nhất ${CORRECTION_REASON_MIN_LENGTH} ký tự): lý do được lưu vào nhật ký`,
        );
      if (event.present > event.convened)
        return fail(
          "present_exceeds_convened",
          "present",
          `Số có mặt (${event.present}) lớn hơn số được triệu tập (${event.convened})`,
        );
      next = {
        ...record,
        convened: event.convened,
        present: event.present,
        committeeSeatsDecided: event.committeeSeatsDecided,
        committeeSeatsElected: event.committeeSeatsElected,
        electedInOneRoundFull: event.electedInOneRoundFull,
        secretaryElectedDirectly: event.secretaryElectedDirectly,
        secretaryVotes: event.secretaryVotes,
        secretaryVoteBase: event.secretaryVoteBase,
      };
      const keys = [
        "convened",
        "present",
        "committeeSeatsDecided",
        "committeeSeatsElected",
        "electedInOneRoundFull",
        "secretaryElectedDirectly",
        "secretaryVotes",
        "secretaryVoteBase",
      ] as const;
      if (keys.every((k) => next[k] === record[k]))
        return fail("nothing_to_correct", null, "Số liệu sửa giống số liệu đã nhập: không có gì để sửa");
      break;
    }
    case "confirm": {
      const future = notInFuture("date", event.date, context.today, "Ngày quyết định chuẩn y");
      if (future) return future;
      if (record.resultsRecordedOn !== null && event.date < record.resultsRecordedOn) {
        return fail(
          "confirmation_before_results",
          "date",
          `Ngày chuẩn y (${formatDate(event.date)}) trước ngày nhập kết quả (${formatDate(record.resultsRecordedOn)})`,
        );
      }
      next = {
        ...record,
        status: "confirmed",
        confirmation: { decisionNumber: event.decisionNumber.trim(), date: event.date },
      };
      break;
    }
    default:
      return throwIllegalValue(event, "congress event");
  }
  const issue = congressRecordIssues(next)[0];
  if (issue) return fail("invalid_record", issue.path.join("."), issue.message);
  return ok(next);
}
