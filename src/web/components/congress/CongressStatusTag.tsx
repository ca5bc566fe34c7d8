import { Tag } from "antd";
import { CONGRESS_STATUS_LABELS, type CongressStatus } from "../../../domain/congress/record.ts";

const COLOURS: Readonly<Record<CongressStatus, string>> = {
  planned: "blue",
  held: "gold",
  results_recorded: "green",
  confirmed: "purple",
};

/** planned / held / results recorded / confirmed, or "no plan yet" for an organisation without a record. */
export function CongressStatusTag({ status }: { status: CongressStatus | null | undefined }) {
  if (!status)
    return (
      <Tag data-testid="congress-status" data-status="none">
        Chưa có kế hoạch
      </Tag>
    );
  return (
    <Tag color={COLOURS[status]} data-testid="congress-status" data-status={status}>
      {CONGRESS_STATUS_LABELS[status]}
    </Tag>
  );
}
