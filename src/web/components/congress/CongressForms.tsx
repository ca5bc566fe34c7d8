/**
 * One organisation's congress: a form for each step of planned → held → results recorded →
 * confirmed (and the correction of a confirmed result), shown as steps. The server decides what is
 * allowed (status, dates not in the future, present ≤ convened…); a refusal shows its Vietnamese
 * message as is. The facts are in CongressFacts.tsx; the forms in CongressPlanForms.tsx and
 * CongressResultsForms.tsx.
 */

import { Alert, Tabs, Typography } from "antd";
import { useState } from "react";
import type { CongressRecordDto } from "../../api/index.ts";
import { HoldForm, PlanForm } from "./CongressPlanForms.tsx";
import { ConfirmForm, CorrectResultsForm, ResultsForm } from "./CongressResultsForms.tsx";
import type { FormProps } from "./congressFormParts.ts";

type StepKey = "plan" | "hold" | "results" | "confirm" | "correct";

/** The step the record is waiting for, given its status. */
function nextStep(c: CongressRecordDto | null): StepKey {
  if (!c) return "plan";
  switch (c.status) {
    case "planned":
      return "hold";
    case "held":
      return "results";
    case "results_recorded":
    case "confirmed":
      return "confirm";
  }
}

export function CongressSteps({ seasonId, dto }: FormProps) {
  const c = dto.congress;
  const status = c?.status ?? null;
  const [active, setActive] = useState<StepKey>(nextStep(c));
  if (dto.seasonLevel === null)
    return (
      <Alert type="info" showIcon title="Đơn vị không thuộc cấp nào tổ chức đại hội trong nhiệm kỳ này." />
    );
  // Remount the forms when the record changes so that they start from the saved values.
  const version = `${status}-${c?.plannedStart}-${c?.actualEnd}-${c?.resultsRecordedOn}`;
  const items = [
    {
      key: "plan",
      label: c ? "Kế hoạch / đổi lịch" : "Lập kế hoạch",
      disabled: !(status === null || status === "planned"),
      children: <PlanForm key={version} seasonId={seasonId} dto={dto} />,
    },
    {
      key: "hold",
      label: "Đã tổ chức",
      disabled: status !== "planned",
      children: <HoldForm key={version} seasonId={seasonId} dto={dto} />,
    },
    {
      key: "results",
      label: "Kết quả",
      disabled: status !== "held",
      children: <ResultsForm key={version} seasonId={seasonId} dto={dto} />,
    },
    {
      key: "confirm",
      label: "Chuẩn y",
      disabled: status !== "results_recorded",
      children:
        status === "confirmed" ? (
          <Typography.Text>Kết quả đại hội đã được chuẩn y.</Typography.Text>
        ) : (
          <ConfirmForm key={version} seasonId={seasonId} dto={dto} />
        ),
    },
  ];
  items.push({
    key: "correct",
    label: "Sửa kết quả",
    disabled: !(status === "results_recorded" || status === "confirmed"),
    children:
      status === "results_recorded" || status === "confirmed" ? (
        <CorrectResultsForm key={version} seasonId={seasonId} dto={dto} />
      ) : (
        <Typography.Text>Chỉ sửa khi đã nhập kết quả.</Typography.Text>
      ),
  });
  const enabled = items.find((i) => i.key === active && !i.disabled) ? active : nextStep(c);
  return (
    <Tabs
      data-testid="congress-steps"
      activeKey={enabled}
      onChange={(k) => setActive(k as StepKey)}
      items={items}
    />
  );
}
