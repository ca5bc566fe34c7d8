/**
 * One organisation's congress: its facts, and a form for each step of planned → held → results
 * recorded → confirmed. The server decides what is allowed (status, dates not in the future, present
 * ≤ convened…); a refusal shows its Vietnamese message as is.
 */
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Tabs,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import {
  CONGRESS_CONTENT_LABELS,
  CONGRESS_CONTENTS,
  CONGRESS_TYPE_LABELS,
  CONGRESS_TYPES,
  type CongressContent,
  type CongressType,
} from "../../../domain/congress/record.ts";
import { formatDate } from "../../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../../domain/format/number.ts";
import {
  type CongressDto,
  type CongressEventBody,
  type CongressRecordDto,
  useCongressEvent,
  usePlanCongress,
} from "../../api/index.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

const DATE_FORMAT = "DD/MM/YYYY";
const iso = (d: Dayjs) => d.format("YYYY-MM-DD");
const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

export function formatDateRange(start: string | null, end: string | null): string {
  if (!start) return "—";
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

const yesNo = (v: boolean | null) => (v === null ? "—" : v ? "Có" : "Không");

// ---------------------------------------------------------------- facts

export function CongressFacts({ dto }: { dto: CongressDto }) {
  const c = dto.congress;
  if (!c)
    return (
      <Typography.Paragraph type="secondary" data-testid="congress-facts-empty">
        Đơn vị chưa có kế hoạch đại hội trong nhiệm kỳ này.
        {dto.contactName &&
          ` Người liên hệ: ${dto.contactName}${dto.contactPhone ? `, ${dto.contactPhone}` : ""}.`}
      </Typography.Paragraph>
    );
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "type", label: "Hình thức", children: CONGRESS_TYPE_LABELS[c.type] },
    { key: "pilot", label: "Đại hội điểm", children: c.pilot ? "Có" : "Không" },
    { key: "planned", label: "Thời gian dự kiến", children: formatDateRange(c.plannedStart, c.plannedEnd) },
    { key: "venue", label: "Địa điểm", children: c.venue ?? "—" },
    { key: "actual", label: "Thời gian tổ chức", children: formatDateRange(c.actualStart, c.actualEnd) },
    {
      key: "attendance",
      label: "Triệu tập / có mặt",
      children: c.convened === null ? "—" : `${formatNumber(c.convened)} / ${formatNumber(c.present ?? 0)}`,
    },
    {
      key: "contents",
      label: "Nội dung",
      span: "filled",
      children:
        c.actualStart === null ? (
          "—"
        ) : (
          <span>
            {c.contents.length === CONGRESS_CONTENTS.length
              ? "Đủ 4 nội dung"
              : `${c.contents.length} nội dung: ${c.contents.map((x) => CONGRESS_CONTENT_LABELS[x]).join("; ")}`}
            {c.committeeAppointed && " (cấp ủy được chỉ định)"}
          </span>
        ),
    },
    {
      key: "results",
      label: "Nhập kết quả ngày",
      children: c.resultsRecordedOn ? formatDate(c.resultsRecordedOn) : "—",
    },
    {
      key: "seats",
      label: "Cấp ủy: số lượng / bầu được",
      children:
        c.committeeSeatsDecided === null
          ? "—"
          : `${formatNumber(c.committeeSeatsDecided)} / ${formatNumber(c.committeeSeatsElected ?? 0)}`,
    },
    { key: "oneRound", label: "Bầu một lần đủ số lượng", children: yesNo(c.electedInOneRoundFull) },
    { key: "direct", label: "Bầu trực tiếp bí thư", children: yesNo(c.secretaryElectedDirectly) },
    {
      key: "votes",
      label: "Phiếu bầu bí thư",
      children:
        c.secretaryVotes !== null && c.secretaryVoteBase
          ? `${formatNumber(c.secretaryVotes)}/${formatNumber(c.secretaryVoteBase)} (${formatPercent(c.secretaryVotes, c.secretaryVoteBase)})`
          : "—",
    },
    {
      key: "confirmation",
      label: "Chuẩn y",
      children: c.confirmation
        ? `Quyết định ${c.confirmation.decisionNumber} ngày ${formatDate(c.confirmation.date)}`
        : "—",
    },
    {
      key: "contact",
      label: "Người liên hệ",
      children: dto.contactName
        ? `${dto.contactName}${dto.contactPhone ? ` — ${dto.contactPhone}` : ""}`
        : "—",
    },
  ];
  return <Descriptions data-testid="congress-facts" size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

export function CongressWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="congress-warnings"
      title="Lưu ý"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

// ---------------------------------------------------------------- forms

interface FormProps {
  readonly seasonId: number;
  readonly dto: CongressDto;
}

function useSaved() {
  const { message } = App.useApp();
  return (text: string) => void message.success(text);
}

interface PlanValues {
  type: CongressType;
  pilot: boolean;
  planned: [Dayjs, Dayjs];
  venue?: string;
  contactName?: string;
  contactPhone?: string;
}

function PlanForm({ seasonId, dto }: FormProps) {
  const plan = usePlanCongress(seasonId, dto.org.id);
  const saved = useSaved();
  const c = dto.congress;
  const initial: Partial<PlanValues> = {
    type: c?.type ?? "members",
    pilot: c?.pilot ?? false,
    ...(c ? { planned: [dayjs(c.plannedStart), dayjs(c.plannedEnd)] as [Dayjs, Dayjs] } : {}),
    venue: c?.venue ?? "",
    contactName: dto.contactName ?? "",
    contactPhone: dto.contactPhone ?? "",
  };
  const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return (
    <Form<PlanValues>
      layout="vertical"
      data-testid="congress-form-plan"
      initialValues={initial}
      onFinish={(v) =>
        plan.mutate(
          {
            type: v.type,
            pilot: v.pilot,
            plannedStart: iso(v.planned[0]),
            plannedEnd: iso(v.planned[1]),
            venue: blank(v.venue),
            contactName: blank(v.contactName),
            contactPhone: blank(v.contactPhone),
          },
          { onSuccess: () => saved("Đã lưu kế hoạch đại hội") },
        )
      }
    >
      <ErrorAlert error={plan.error} />
      <Flex gap={16} wrap>
        <Form.Item name="type" label="Hình thức đại hội" rules={[{ required: true }]}>
          <Radio.Group options={CONGRESS_TYPES.map((t) => ({ value: t, label: CONGRESS_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item name="pilot" label="Đại hội điểm" valuePropName="checked">
          <Checkbox>Đại hội điểm</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item
        name="planned"
        label="Thời gian dự kiến (từ ngày – đến ngày)"
        rules={[{ required: true, message: "Chọn ngày dự kiến tổ chức" }]}
      >
        <DatePicker.RangePicker format={DATE_FORMAT} placeholder={["Từ ngày", "Đến ngày"]} />
      </Form.Item>
      <Form.Item name="venue" label="Địa điểm">
        <Input maxLength={300} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="contactName" label="Người phụ trách (để liên hệ)" style={{ minWidth: 260 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactPhone" label="Điện thoại" style={{ minWidth: 200 }}>
          <Input maxLength={50} inputMode="tel" />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={plan.isPending} data-testid="congress-plan-submit">
        {c ? "Lưu kế hoạch / đổi lịch" : "Lập kế hoạch"}
      </Button>
    </Form>
  );
}

/** The forms of the lifecycle events share the mutation and the success message. */
function useEventSubmit(seasonId: number, orgId: number) {
  const event = useCongressEvent(seasonId, orgId);
  const saved = useSaved();
  const submit = (body: CongressEventBody, text: string) =>
    event.mutate(body, { onSuccess: () => saved(text) });
  return { event, submit };
}

interface HoldValues {
  actual: [Dayjs, Dayjs];
  contents: CongressContent[];
  committeeAppointed: boolean;
  convened: number;
  present: number;
}

function HoldForm({ seasonId, dto }: FormProps) {
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  const c = dto.congress;
  // Held as planned is the usual case, so the planned days are offered, but only once they have
  // passed: a planned day still ahead is no day the congress can have been held on.
  const plannedPassed = c !== null && !dayjs(c.plannedEnd).isAfter(dayjs(), "day");
  const initial: Partial<HoldValues> = {
    ...(c && plannedPassed ? { actual: [dayjs(c.plannedStart), dayjs(c.plannedEnd)] as [Dayjs, Dayjs] } : {}),
    contents: [...CONGRESS_CONTENTS],
    committeeAppointed: false,
  };
  return (
    <Form<HoldValues>
      layout="vertical"
      data-testid="congress-form-hold"
      initialValues={initial}
      onFinish={(v) =>
        submit(
          {
            type: "hold",
            actualStart: iso(v.actual[0]),
            actualEnd: iso(v.actual[1]),
            contents: v.contents,
            committeeAppointed: v.committeeAppointed,
            convened: v.convened,
            present: v.present,
          },
          "Đã ghi nhận đại hội đã tổ chức",
        )
      }
    >
      <ErrorAlert error={event.error} />
      <Form.Item
        name="actual"
        label="Thời gian tổ chức (từ ngày – đến ngày)"
        rules={[{ required: true, message: "Chọn ngày tổ chức" }]}
      >
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          placeholder={["Từ ngày", "Đến ngày"]}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
        />
      </Form.Item>
      <Form.Item name="contents" label="Nội dung đại hội">
        <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 4 }}>
          {CONGRESS_CONTENTS.map((content) => (
            <Checkbox key={content} value={content}>
              {CONGRESS_CONTENT_LABELS[content]}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="committeeAppointed" valuePropName="checked">
        <Checkbox>Cấp ủy được chỉ định (không bầu tại đại hội)</Checkbox>
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="convened"
          label={c?.type === "delegates" ? "Số đại biểu được triệu tập" : "Số đảng viên được triệu tập"}
          rules={[{ required: true, message: "Nhập số được triệu tập" }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="present"
          label="Số có mặt"
          dependencies={["convened"]}
          rules={[
            { required: true, message: "Nhập số có mặt" },
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                value === null || value === undefined || value <= (getFieldValue("convened") ?? 0)
                  ? Promise.resolve()
                  : Promise.reject(new Error("Số có mặt không được lớn hơn số được triệu tập")),
            }),
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={event.isPending} data-testid="congress-hold-submit">
        Ghi nhận đã tổ chức
      </Button>
    </Form>
  );
}

interface ResultsValues {
  recordedOn: Dayjs;
  committeeSeatsDecided: number | null;
  committeeSeatsElected: number | null;
  electedInOneRoundFull: "yes" | "no" | "none";
  secretaryElectedDirectly: boolean;
  secretaryVotes: number | null;
  secretaryVoteBase: number | null;
}

function ResultsForm({ seasonId, dto }: FormProps) {
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  const c = dto.congress;
  const initial: Partial<ResultsValues> = {
    recordedOn: day(c?.actualEnd) ?? dayjs(),
    committeeSeatsDecided: null,
    committeeSeatsElected: null,
    electedInOneRoundFull: c?.committeeAppointed ? "none" : "yes",
    secretaryElectedDirectly: false,
    secretaryVotes: null,
    secretaryVoteBase: c?.present ?? null,
  };
  const orNull = (n: number | null | undefined) => (n === undefined ? null : n);
  return (
    <Form<ResultsValues>
      layout="vertical"
      data-testid="congress-form-results"
      initialValues={initial}
      onFinish={(v) =>
        submit(
          {
            type: "record_results",
            recordedOn: iso(v.recordedOn),
            committeeSeatsDecided: orNull(v.committeeSeatsDecided),
            committeeSeatsElected: orNull(v.committeeSeatsElected),
            electedInOneRoundFull:
              v.electedInOneRoundFull === "none" ? null : v.electedInOneRoundFull === "yes",
            secretaryElectedDirectly: v.secretaryElectedDirectly,
            secretaryVotes: v.secretaryElectedDirectly ? orNull(v.secretaryVotes) : null,
            secretaryVoteBase: v.secretaryElectedDirectly ? orNull(v.secretaryVoteBase) : null,
          },
          "Đã nhập kết quả đại hội",
        )
      }
    >
      <ErrorAlert error={event.error} />
      <Form.Item name="recordedOn" label="Ngày nhập kết quả" rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="committeeSeatsDecided" label="Số lượng cấp ủy đại hội quyết định">
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="committeeSeatsElected" label="Số cấp ủy viên bầu được">
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="electedInOneRoundFull" label="Bầu cấp ủy một lần đủ số lượng">
          <Select
            style={{ width: 200 }}
            options={[
              { value: "yes", label: "Có" },
              { value: "no", label: "Không" },
              { value: "none", label: "Không áp dụng" },
            ]}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="secretaryElectedDirectly" valuePropName="checked">
        <Checkbox>Bí thư được bầu trực tiếp tại đại hội</Checkbox>
      </Form.Item>
      <Form.Item noStyle dependencies={["secretaryElectedDirectly"]}>
        {({ getFieldValue }) =>
          getFieldValue("secretaryElectedDirectly") ? (
            <Flex gap={16} wrap>
              <Form.Item name="secretaryVotes" label="Số phiếu bầu bí thư">
                <InputNumber min={0} precision={0} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="secretaryVoteBase" label="Trên tổng số (có mặt)">
                <InputNumber min={0} precision={0} style={{ width: 180 }} />
              </Form.Item>
            </Flex>
          ) : null
        }
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={event.isPending}
        data-testid="congress-results-submit"
      >
        Nhập kết quả
      </Button>
    </Form>
  );
}

interface ConfirmValues {
  decisionNumber: string;
  date: Dayjs;
}

function ConfirmForm({ seasonId, dto }: FormProps) {
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  return (
    <Form<ConfirmValues>
      layout="vertical"
      data-testid="congress-form-confirm"
      onFinish={(v) =>
        submit(
          { type: "confirm", decisionNumber: v.decisionNumber.trim(), date: iso(v.date) },
          "Đã ghi nhận quyết định chuẩn y",
        )
      }
    >
      <ErrorAlert error={event.error} />
      <Flex gap={16} wrap>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định chuẩn y"
          rules={[{ required: true, whitespace: true, message: "Nhập số quyết định" }]}
        >
          <Input placeholder="Ví dụ: 12-QĐ/ĐU" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="date" label="Ngày quyết định" rules={[{ required: true, message: "Chọn ngày" }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
      </Flex>
      <Button
        type="primary"
        htmlType="submit"
        loading={event.isPending}
        data-testid="congress-confirm-submit"
      >
        Ghi nhận chuẩn y
      </Button>
    </Form>
  );
}

interface CorrectionValues {
  reason: string;
  convened: number;
  present: number;
  committeeSeatsDecided: number | null;
  committeeSeatsElected: number | null;
  electedInOneRoundFull: "yes" | "no" | "none";
  secretaryElectedDirectly: boolean;
  secretaryVotes: number | null;
  secretaryVoteBase: number | null;
}

/**
 * Correcting recorded (or confirmed) results, e.g. a mistyped vote count: every figure from the
 * record, a required reason that goes into the audit log; the status stays (issue 17).
 */
function CorrectResultsForm({ seasonId, dto }: FormProps) {
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  const c = dto.congress!;
  const initial: CorrectionValues = {
    reason: "",
    convened: c.convened ?? 0,
    present: c.present ?? 0,
    committeeSeatsDecided: c.committeeSeatsDecided,
    committeeSeatsElected: c.committeeSeatsElected,
    electedInOneRoundFull: c.electedInOneRoundFull === null ? "none" : c.electedInOneRoundFull ? "yes" : "no",
    secretaryElectedDirectly: c.secretaryElectedDirectly ?? false,
    secretaryVotes: c.secretaryVotes,
    secretaryVoteBase: c.secretaryVoteBase,
  };
  const orNull = (n: number | null | undefined) => (n === undefined ? null : n);
  return (
    <Form<CorrectionValues>
      layout="vertical"
      data-testid="congress-form-correct"
      initialValues={initial}
      onFinish={(v) =>
        submit(
          {
            type: "correct_results",
            reason: v.reason,
            convened: v.convened,
            present: v.present,
            committeeSeatsDecided: orNull(v.committeeSeatsDecided),
            committeeSeatsElected: orNull(v.committeeSeatsElected),
            electedInOneRoundFull:
              v.electedInOneRoundFull === "none" ? null : v.electedInOneRoundFull === "yes",
            secretaryElectedDirectly: v.secretaryElectedDirectly,
            secretaryVotes: v.secretaryElectedDirectly ? orNull(v.secretaryVotes) : null,
            secretaryVoteBase: v.secretaryElectedDirectly ? orNull(v.secretaryVoteBase) : null,
          },
          "Đã sửa kết quả đại hội; lý do đã ghi vào nhật ký",
        )
      }
    >
      <ErrorAlert error={event.error} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Sửa số liệu đã nhập (kể cả đã chuẩn y). Lý do sửa là bắt buộc và được ghi vào nhật ký; các số liệu tổng hợp, chỉ tiêu và báo cáo tính lại theo số liệu mới."
      />
      <Flex gap={16} wrap>
        <Form.Item name="convened" label="Số được triệu tập" rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="present" label="Số có mặt" rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="committeeSeatsDecided" label="Số lượng cấp ủy đại hội quyết định">
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="committeeSeatsElected" label="Số cấp ủy viên bầu được">
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="electedInOneRoundFull" label="Bầu cấp ủy một lần đủ số lượng">
          <Select
            style={{ width: 200 }}
            options={[
              { value: "yes", label: "Có" },
              { value: "no", label: "Không" },
              { value: "none", label: "Không áp dụng" },
            ]}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="secretaryElectedDirectly" valuePropName="checked">
        <Checkbox>Bí thư được bầu trực tiếp tại đại hội</Checkbox>
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="secretaryVotes" label="Số phiếu bầu bí thư">
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="secretaryVoteBase" label="Số dùng làm căn cứ (N)">
          <InputNumber min={0} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="reason"
        label="Lý do sửa"
        rules={[{ required: true, min: 10, message: "Hãy ghi lý do sửa (ít nhất 10 ký tự)" }]}
      >
        <Input.TextArea
          rows={2}
          placeholder="Nhập nhầm số phiếu bầu bí thư; theo biên bản kiểm phiếu số 05-BB/BKP"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={event.isPending}
        data-testid="congress-correct-submit"
      >
        Sửa kết quả
      </Button>
    </Form>
  );
}

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
