import { Tag } from "antd";
import type { PetitionStatus } from "../../../domain/complaints/types.ts";
import { PETITION_STATUS_LABELS } from "../../../domain/complaints/types.ts";

const COLOURS: Record<PetitionStatus, string> = {
  received: "blue",
  triaged: "geekblue",
  in_handling: "orange",
  concluded: "green",
  notified: "green",
  recorded_only: "default",
};

export function PetitionStatusTag({ status, overdueDays }: { status: PetitionStatus; overdueDays?: number }) {
  return (
    <>
      <Tag color={COLOURS[status]} data-testid="petition-status">
        {PETITION_STATUS_LABELS[status]}
      </Tag>
      {overdueDays ? <Tag color="red">Quá hạn {overdueDays} ngày</Tag> : null}
    </>
  );
}
