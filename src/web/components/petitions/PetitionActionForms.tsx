/**
 * Handling a letter, one form per step: triage, assignment, a handling step, the conclusion, the
 * notice to the sender; and its attachments.
 */

import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Form, Input, List, Radio, Select, Typography, Upload } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  COMPETENT_BODIES,
  COMPETENT_BODY_LABELS,
  CONCLUSION_LABELS,
  CONCLUSIONS,
  type CompetentBody,
  type Conclusion,
} from "../../../domain/complaints/types.ts";
import { formatNumber } from "../../../domain/format/number.ts";
import { useToday } from "../../api/index.ts";
import {
  type PetitionDetailDto,
  petitionAttachmentUrl,
  usePetitionAction,
  usePetitionSettings,
  useUploadPetitionAttachment,
} from "../../api/petitions.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { DATE_FORMAT, iso, notAfter, options } from "./petitionFormParts.ts";

export function TriageForm({ p }: { p: PetitionDetailDto }) {
  const triage = usePetitionAction(p.id, "triage");
  const settings = usePetitionSettings();
  const recordOnly =
    settings.data?.recordOnlyUnidentifiedDenunciations &&
    p.kind === "denunciation" &&
    p.senderIdentity !== "identified";
  return (
    <Form<{ competentBody: CompetentBody; process: boolean; duplicateOf?: number }>
      layout="inline"
      initialValues={{ competentBody: "inspection_commission", process: !recordOnly }}
      onFinish={(v) => triage.mutate({ ...v, duplicateOf: v.duplicateOf ?? null })}
      data-testid="triage-form"
    >
      <Form.Item name="competentBody" label="Cơ quan có thẩm quyền">
        <Select options={options(COMPETENT_BODIES, COMPETENT_BODY_LABELS)} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="process" label="Xử lý">
        <Radio.Group
          options={[
            { value: true, label: "Xem xét giải quyết", disabled: Boolean(recordOnly) },
            { value: false, label: "Chỉ lưu" },
          ]}
        />
      </Form.Item>
      {p.duplicateSuggestions.length > 0 && (
        <Form.Item name="duplicateOf" label="Trùng nội dung với">
          <Select
            allowClear
            style={{ width: 220 }}
            options={p.duplicateSuggestions.map((d) => ({
              value: d.id,
              label: `${d.code}: ${d.summary.slice(0, 40)}`,
            }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={triage.isPending} data-testid="triage-submit">
        Phân loại
      </Button>
      <ErrorAlert error={triage.error} />
    </Form>
  );
}

export function AssignForm({ p }: { p: PetitionDetailDto }) {
  const assign = usePetitionAction(p.id, "assign");
  return (
    <Form<{ assigneeName: string; deadline?: Dayjs }>
      layout="inline"
      initialValues={{
        assigneeName: p.assigneeName ?? "",
        deadline: p.deadline ? dayjs(p.deadline) : undefined,
      }}
      onFinish={(v) =>
        assign.mutate({ assigneeName: v.assigneeName, deadline: v.deadline ? iso(v.deadline) : null })
      }
      data-testid="assign-form"
    >
      <Form.Item
        name="assigneeName"
        label="Người xử lý"
        rules={[{ required: true, message: "Ghi người xử lý" }]}
      >
        <Input style={{ width: 220 }} data-testid="assignee" />
      </Form.Item>
      <Form.Item name="deadline" label="Thời hạn">
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="assign-submit">
        {p.status === "in_handling" ? "Giao lại" : "Giao xử lý"}
      </Button>
      <ErrorAlert error={assign.error} />
    </Form>
  );
}

export function StepForm({ p }: { p: PetitionDetailDto }) {
  const today = useToday();
  const step = usePetitionAction(p.id, "steps");
  const [form] = Form.useForm<{ on: Dayjs; description: string }>();
  return (
    <Form<{ on: Dayjs; description: string }>
      form={form}
      layout="inline"
      initialValues={{ on: today }}
      onFinish={(v) =>
        step.mutate({ on: iso(v.on), description: v.description }, { onSuccess: () => form.resetFields() })
      }
    >
      <Form.Item name="on" label="Ngày">
        <DatePicker format={DATE_FORMAT} disabledDate={notAfter(today)} />
      </Form.Item>
      <Form.Item name="description" rules={[{ required: true, message: "Ghi việc đã làm" }]}>
        <Input
          placeholder="Việc đã làm (xác minh, làm việc với…)"
          style={{ width: 360 }}
          data-testid="step-text"
        />
      </Form.Item>
      <Button htmlType="submit" loading={step.isPending} data-testid="step-submit">
        Ghi bước xử lý
      </Button>
      <ErrorAlert error={step.error} />
    </Form>
  );
}

export function ConcludeForm({ p }: { p: PetitionDetailDto }) {
  const today = useToday();
  const conclude = usePetitionAction(p.id, "conclude");
  return (
    <Form<{ conclusion: Conclusion; conclusionText: string; concludedOn: Dayjs }>
      layout="vertical"
      initialValues={{ concludedOn: today }}
      onFinish={(v) => conclude.mutate({ ...v, concludedOn: iso(v.concludedOn) })}
      data-testid="conclude-form"
    >
      <Flex gap={16} wrap>
        <Form.Item name="conclusion" label="Kết luận" rules={[{ required: true, message: "Chọn kết luận" }]}>
          <Radio.Group options={options(CONCLUSIONS, CONCLUSION_LABELS)} data-testid="conclusion" />
        </Form.Item>
        <Form.Item name="concludedOn" label="Ngày kết luận">
          <DatePicker format={DATE_FORMAT} disabledDate={notAfter(today)} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="conclusionText"
        label="Nội dung kết luận"
        rules={[{ required: true, message: "Ghi nội dung" }]}
      >
        <Input.TextArea rows={2} data-testid="conclusion-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={conclude.isPending} data-testid="conclude-submit">
        Kết luận
      </Button>
      <ErrorAlert error={conclude.error} />
    </Form>
  );
}

export function NotifyForm({ p }: { p: PetitionDetailDto }) {
  const today = useToday();
  const notify = usePetitionAction(p.id, "notify");
  if (p.senderIdentity !== "identified")
    return <Typography.Text type="secondary">Đơn không rõ người gửi: không gửi thông báo.</Typography.Text>;
  return (
    <Form<{ noticeOn: Dayjs; noticeText: string }>
      layout="inline"
      initialValues={{ noticeOn: today }}
      onFinish={(v) => notify.mutate({ noticeText: v.noticeText, noticeOn: iso(v.noticeOn) })}
    >
      <Form.Item name="noticeOn" label="Ngày thông báo">
        <DatePicker format={DATE_FORMAT} disabledDate={notAfter(today)} />
      </Form.Item>
      <Form.Item name="noticeText" rules={[{ required: true, message: "Ghi nội dung thông báo" }]}>
        <Input placeholder="Nội dung, số văn bản trả lời" style={{ width: 320 }} />
      </Form.Item>
      <Button htmlType="submit" loading={notify.isPending}>
        Thông báo cho người gửi
      </Button>
      <ErrorAlert error={notify.error} />
    </Form>
  );
}

export function Attachments({ p }: { p: PetitionDetailDto }) {
  const upload = useUploadPetitionAttachment(p.id);
  return (
    <Flex vertical gap={8}>
      <List
        size="small"
        dataSource={p.attachments}
        locale={{ emptyText: "Chưa có tệp đính kèm" }}
        renderItem={(a) => (
          <List.Item>
            <a href={petitionAttachmentUrl(p.id, a.id)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {a.fileName}
            </a>{" "}
            <Typography.Text type="secondary">({formatNumber(Math.ceil(a.size / 1024))} KB)</Typography.Text>
          </List.Item>
        )}
      />
      <Upload
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        showUploadList={false}
        customRequest={({ file }) => upload.mutate(file as File)}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          Đính kèm bản chụp (PDF, JPEG, PNG; tối đa 10 MB)
        </Button>
      </Upload>
      <ErrorAlert error={upload.error} />
    </Flex>
  );
}
