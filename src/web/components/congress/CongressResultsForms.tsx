/**
 * The results of a congress: recording them, confirming them, and correcting a confirmed result
 * (with the reason, audited).
 */

import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useToday } from "../../api/index.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { useEventSubmit } from "./CongressPlanForms.tsx";
import { DATE_FORMAT, day, type FormProps, iso } from "./congressFormParts.ts";

/** The figures both the results form and the correction form ask for. */
interface ResultFigureValues {
  committeeSeatsDecided: number | null;
  committeeSeatsElected: number | null;
  electedInOneRoundFull: "yes" | "no" | "none";
  secretaryElectedDirectly: boolean;
  secretaryVotes: number | null;
  secretaryVoteBase: number | null;
}

const orNull = (n: number | null | undefined) => (n === undefined ? null : n);

/** The figures as the record_results and correct_results events take them. */
function resultFiguresBody(v: ResultFigureValues) {
  return {
    committeeSeatsDecided: orNull(v.committeeSeatsDecided),
    committeeSeatsElected: orNull(v.committeeSeatsElected),
    electedInOneRoundFull: v.electedInOneRoundFull === "none" ? null : v.electedInOneRoundFull === "yes",
    secretaryElectedDirectly: v.secretaryElectedDirectly,
    secretaryVotes: v.secretaryElectedDirectly ? orNull(v.secretaryVotes) : null,
    secretaryVoteBase: v.secretaryElectedDirectly ? orNull(v.secretaryVoteBase) : null,
  };
}

function CommitteeResultFields() {
  return (
    <>
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
    </>
  );
}

function SecretaryVoteFields({ baseLabel }: { baseLabel: string }) {
  return (
    <Flex gap={16} wrap>
      <Form.Item name="secretaryVotes" label="Số phiếu bầu bí thư">
        <InputNumber min={0} precision={0} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="secretaryVoteBase" label={baseLabel}>
        <InputNumber min={0} precision={0} style={{ width: 180 }} />
      </Form.Item>
    </Flex>
  );
}

interface ResultsValues extends ResultFigureValues {
  recordedOn: Dayjs;
}

export function ResultsForm({ seasonId, dto }: FormProps) {
  const today = useToday();
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  const c = dto.congress;
  const initial: Partial<ResultsValues> = {
    recordedOn: day(c?.actualEnd) ?? today,
    committeeSeatsDecided: null,
    committeeSeatsElected: null,
    electedInOneRoundFull: c?.committeeAppointed ? "none" : "yes",
    secretaryElectedDirectly: false,
    secretaryVotes: null,
    secretaryVoteBase: c?.present ?? null,
  };
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
            ...resultFiguresBody(v),
          },
          "Đã nhập kết quả đại hội",
        )
      }
    >
      <ErrorAlert error={event.error} />
      <Form.Item name="recordedOn" label="Ngày nhập kết quả" rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(today, "day")} />
      </Form.Item>
      <Flex gap={16} wrap>
        <CommitteeResultFields />
      </Flex>
      <Form.Item name="secretaryElectedDirectly" valuePropName="checked">
        <Checkbox>Bí thư được bầu trực tiếp tại đại hội</Checkbox>
      </Form.Item>
      <Form.Item noStyle dependencies={["secretaryElectedDirectly"]}>
        {({ getFieldValue }) =>
          getFieldValue("secretaryElectedDirectly") ? (
            <SecretaryVoteFields baseLabel="Trên tổng số (có mặt)" />
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

export function ConfirmForm({ seasonId, dto }: FormProps) {
  const today = useToday();
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
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(today, "day")} />
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

interface CorrectionValues extends ResultFigureValues {
  reason: string;
  convened: number;
  present: number;
}

/**
 * Correcting recorded (or confirmed) results, e.g. a mistyped vote count: every figure from the
 * record, a required reason that goes into the audit log; the status stays (issue 17).
 */
export function CorrectResultsForm({ seasonId, dto }: FormProps) {
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
            ...resultFiguresBody(v),
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
        <CommitteeResultFields />
      </Flex>
      <Form.Item name="secretaryElectedDirectly" valuePropName="checked">
        <Checkbox>Bí thư được bầu trực tiếp tại đại hội</Checkbox>
      </Form.Item>
      <SecretaryVoteFields baseLabel="Số dùng làm căn cứ (N)" />
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
