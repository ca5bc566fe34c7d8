/**
 * An administrator edits one level of a season: its name, term, window and deadlines. The server
 * checks the rules (e.g. a province deadline may not be later than the Central one) and its
 * Vietnamese refusal is shown as is.
 */
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { type SeasonDto, type SeasonLevelDto, useUpdateSeasonLevel } from "../../api/index.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { DATE_FORMAT, toDay, toIso, toIsoOrNull } from "./seasonText.ts";

interface LevelFormValues {
  name: string;
  termStart: number;
  termEnd: number;
  window: [Dayjs, Dayjs];
  provinceDeadline: Dayjs | null;
  centralDeadline: Dayjs | null;
}

export function EditSeasonLevelModal({
  season,
  level,
  onClose,
}: {
  season: SeasonDto;
  level: SeasonLevelDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm<LevelFormValues>();
  const update = useUpdateSeasonLevel();
  const { message } = App.useApp();

  const submit = (v: LevelFormValues) =>
    update.mutate(
      {
        seasonId: season.id,
        levelCode: level.code,
        body: {
          name: v.name.trim(),
          term: { startYear: v.termStart, endYear: v.termEnd },
          window: { start: toIso(v.window[0]), end: toIso(v.window[1]) },
          provinceDeadline: toIsoOrNull(v.provinceDeadline),
          centralDeadline: toIsoOrNull(v.centralDeadline),
        },
      },
      {
        onSuccess: () => {
          void message.success(`Đã lưu cấp "${v.name.trim()}" của ${season.name}`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={`Sửa cấp đại hội — ${season.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      data-testid="season-level-modal"
    >
      <ErrorAlert error={update.error} />
      <Form<LevelFormValues>
        form={form}
        name="season-level"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: level.name,
          termStart: level.term.startYear,
          termEnd: level.term.endYear,
          window: [toDay(level.window.start), toDay(level.window.end)],
          provinceDeadline: toDay(level.provinceDeadline),
          centralDeadline: toDay(level.centralDeadline),
        }}
      >
        <Form.Item
          name="name"
          label="Tên cấp đại hội"
          rules={[{ required: true, whitespace: true, message: "Tên cấp không được để trống" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="termStart"
            label="Nhiệm kỳ từ năm"
            rules={[{ required: true, message: "Nhập năm" }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="termEnd"
            label="đến năm"
            rules={[{ required: true, message: "Nhập năm" }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="window"
          label="Thời gian tổ chức đại hội"
          rules={[{ required: true, message: "Chọn thời gian tổ chức" }]}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            placeholder={["Từ ngày", "Đến ngày"]}
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="provinceDeadline"
            label="Thời hạn của tỉnh"
            extra="Để trống nếu tỉnh không quy định"
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="centralDeadline"
            label="Thời hạn của Trung ương"
            extra="Để trống nếu Trung ương không quy định"
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
