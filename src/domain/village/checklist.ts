/**
 * The legal steps before a village-head election day, per commune: the decision and plan at least
 * 20 days before, the election team at least 10 days before, the public notice at least 7 days
 * before. Each step is done (on or before its last day), late (done after it, or not done once it
 * has passed) or not yet due.
 */
import { addDays } from "../congress/calendar.ts";
import { formatDate, type IsoDate } from "../format/date.ts";

export const LEGAL_STEPS = [
  { key: "decision", label: "Quyết định và kế hoạch bầu trưởng thôn", daysBefore: 20 },
  { key: "team", label: "Thành lập tổ bầu cử", daysBefore: 10 },
  { key: "notice", label: "Niêm yết danh sách, thông báo công khai", daysBefore: 7 },
] as const;
export type LegalStepKey = (typeof LEGAL_STEPS)[number]["key"];

export type StepStatus = "done" | "late" | "not-due";
export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  done: "Đã thực hiện đúng hạn",
  late: "Trễ hạn",
  "not-due": "Chưa đến hạn",
};

export type CommuneStepDates = Readonly<Record<LegalStepKey, IsoDate | null>>;

export interface ChecklistStep {
  readonly key: LegalStepKey;
  readonly label: string;
  /** The last day the step may be done. */
  readonly dueBy: IsoDate;
  readonly doneOn: IsoDate | null;
  readonly status: StepStatus;
  readonly explanation: string;
}

export function legalStepDeadlines(electionDate: IsoDate): Readonly<Record<LegalStepKey, IsoDate>> {
  return {
    decision: addDays(electionDate, -20),
    team: addDays(electionDate, -10),
    notice: addDays(electionDate, -7),
  };
}

/** The checklist of one commune as of `today`. */
export function communeChecklist(
  electionDate: IsoDate,
  dates: CommuneStepDates,
  today: IsoDate,
): ChecklistStep[] {
  const due = legalStepDeadlines(electionDate);
  return LEGAL_STEPS.map((s) => {
    const doneOn = dates[s.key];
    const dueBy = due[s.key];
    const rule = `chậm nhất ${s.daysBefore} ngày trước ngày bầu ${formatDate(electionDate)}, tức ngày ${formatDate(dueBy)}`;
    let status: StepStatus;
    let explanation: string;
    if (doneOn !== null) {
      status = doneOn <= dueBy ? "done" : "late";
      explanation =
        status === "done"
          ? `Thực hiện ngày ${formatDate(doneOn)}, đúng hạn (${rule})`
          : `Thực hiện ngày ${formatDate(doneOn)}, trễ hạn (${rule})`;
    } else if (today > dueBy) {
      status = "late";
      explanation = `Chưa thực hiện, đã quá hạn (${rule})`;
    } else {
      status = "not-due";
      explanation = `Chưa thực hiện, chưa đến hạn (${rule})`;
    }
    return { key: s.key, label: s.label, dueBy, doneOn, status, explanation };
  });
}

export interface ChecklistSummary {
  readonly communes: number;
  readonly byStep: readonly {
    readonly key: LegalStepKey;
    readonly label: string;
    readonly done: number;
    readonly late: number;
    readonly notDue: number;
  }[];
}

/** How many communes have each step done on time, late, or not yet due. */
export function summariseChecklists(lists: readonly (readonly ChecklistStep[])[]): ChecklistSummary {
  return {
    communes: lists.length,
    byStep: LEGAL_STEPS.map((s) => {
      const steps = lists.map((l) => l.find((x) => x.key === s.key)!);
      return {
        key: s.key,
        label: s.label,
        done: steps.filter((x) => x.status === "done").length,
        late: steps.filter((x) => x.status === "late").length,
        notDue: steps.filter((x) => x.status === "not-due").length,
      };
    }),
  };
}
