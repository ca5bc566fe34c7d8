/**
 * The rules of handling a letter: processed or only recorded, its deadline, the status
 * transitions, overdue detection. Pure.
 */
import { err, ok, type Result } from "../basics/result.ts";
import { addDays, maxDate, minDate } from "../congress/calendar.ts";
import type { IsoDate } from "../format/date.ts";
import { formatDate } from "../format/date.ts";
import {
  PETITION_STATUS_LABELS,
  type PetitionFacts,
  type PetitionKind,
  type PetitionSettings,
  type PetitionStatus,
  type SenderIdentity,
} from "./types.ts";

/** Anonymous and falsely named denunciations are recorded but not processed (when the setting says so). */
export function isRecordOnly(
  kind: PetitionKind,
  identity: SenderIdentity,
  settings: Pick<PetitionSettings, "recordOnlyUnidentifiedDenunciations">,
): boolean {
  return settings.recordOnlyUnidentifiedDenunciations && kind === "denunciation" && identity !== "identified";
}

export type DeadlineRule = "personnel" | "default";

export interface Deadline {
  readonly deadline: IsoDate;
  readonly rule: DeadlineRule;
  /** The explanation shown next to the date. */
  readonly reason: string;
}

/**
 * The default handling period from receipt; for a letter about the personnel of a congress, no
 * later than the lead time before that congress opens (whichever comes first).
 */
export function computeDeadline(
  input: {
    readonly kind: PetitionKind;
    readonly receivedOn: IsoDate;
    readonly concernsPersonnel: boolean;
    readonly congressOpensOn: IsoDate | null;
  },
  settings: Pick<PetitionSettings, "personnelLeadDays" | "handlingDays">,
): Deadline {
  const days = settings.handlingDays[input.kind];
  const byDefault = addDays(input.receivedOn, days);
  // Once the congress has opened the rule can no longer be honoured: the default period applies.
  if (input.concernsPersonnel && input.congressOpensOn && input.congressOpensOn > input.receivedOn) {
    const beforeCongress = addDays(input.congressOpensOn, -settings.personnelLeadDays);
    if (minDate(beforeCongress, byDefault) === beforeCongress)
      return {
        // A letter arriving inside the lead time is due the day it arrives.
        deadline: maxDate(beforeCongress, input.receivedOn),
        rule: "personnel",
        reason: `Liên quan nhân sự đại hội: giải quyết xong trước ngày khai mạc (${formatDate(input.congressOpensOn)}) ${settings.personnelLeadDays} ngày`,
      };
  }
  return { deadline: byDefault, rule: "default", reason: `${days} ngày kể từ ngày tiếp nhận` };
}

export type PetitionAction = "triage" | "start" | "add_step" | "conclude" | "notify";

const ACTION_LABELS: Readonly<Record<PetitionAction, string>> = {
  triage: "phân loại",
  start: "giao xử lý",
  add_step: "ghi bước xử lý",
  conclude: "kết luận",
  notify: "thông báo kết quả",
};

/** Which statuses each action may start from. */
const FROM: Readonly<Record<PetitionAction, readonly PetitionStatus[]>> = {
  triage: ["received", "triaged"],
  start: ["triaged", "in_handling"],
  add_step: ["triaged", "in_handling"],
  conclude: ["in_handling"],
  notify: ["concluded"],
};

/**
 * The status after `action`, or why it is not allowed now. Triage decides between processing
 * and recording only; assigning a handler starts the handling (and may reassign).
 */
export function transition(
  status: PetitionStatus,
  action: PetitionAction,
  options: { readonly recordOnly?: boolean } = {},
): Result<PetitionStatus, string> {
  if (!FROM[action].includes(status))
    return err(
      `Không thể ${ACTION_LABELS[action]} khi đơn đang ở trạng thái "${PETITION_STATUS_LABELS[status]}"`,
    );
  switch (action) {
    case "triage":
      return ok(options.recordOnly ? "recorded_only" : "triaged");
    case "start":
      return ok("in_handling");
    case "add_step":
      return ok(status);
    case "conclude":
      return ok("concluded");
    case "notify":
      return ok("notified");
  }
}

/** Not yet settled: the letter is being processed (a recorded-only letter is not). */
export function isOpen(status: PetitionStatus): boolean {
  return status === "received" || status === "triaged" || status === "in_handling";
}

export function isSettled(status: PetitionStatus): boolean {
  return status === "concluded" || status === "notified";
}

export function isOverdue(p: Pick<PetitionFacts, "status" | "deadline">, today: IsoDate): boolean {
  return isOpen(p.status) && p.deadline !== null && p.deadline < today;
}

/** Days past the deadline (0 when not overdue). */
export function daysOverdue(p: Pick<PetitionFacts, "status" | "deadline">, today: IsoDate): number {
  if (!isOverdue(p, today)) return 0;
  const a = Date.parse(`${p.deadline}T00:00:00Z`);
  const b = Date.parse(`${today}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
