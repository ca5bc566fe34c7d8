/**
 * The first two steps of a congress: the plan (planned dates, delegates convened) and holding it.
 */

import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  CONGRESS_CONTENT_LABELS,
  CONGRESS_CONTENTS,
  CONGRESS_TYPE_LABELS,
  CONGRESS_TYPES,
  type CongressContent,
  type CongressType,
} from "../../../domain/congress/record.ts";
import { type CongressEventBody, useCongressEvent, usePlanCongress, useToday } from "../../api/index.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { DATE_FORMAT, type FormProps, iso, useSaved } from "./congressFormParts.ts";

interface PlanValues {
  type: CongressType;
  pilot: boolean;
  planned: [Dayjs, Dayjs];
  venue?: string;
  contactName?: string;
  contactPhone?: string;
}

export function PlanForm({ seasonId, dto }: FormProps) {
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
export function useEventSubmit(seasonId: number, orgId: number) {
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

export function HoldForm({ seasonId, dto }: FormProps) {
  const today = useToday();
  const { event, submit } = useEventSubmit(seasonId, dto.org.id);
  const c = dto.congress;
  const initial: Partial<HoldValues> = {
    // Held as planned is the usual case, so the planned days are offered, but only once they have
    // passed: a planned day still ahead is no day the congress can have been held on.
    ...(c && !dayjs(c.plannedEnd).isAfter(today, "day")
      ? { actual: [dayjs(c.plannedStart), dayjs(c.plannedEnd)] as [Dayjs, Dayjs] }
      : {}),
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
          disabledDate={(d) => d.isAfter(today, "day")}
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
