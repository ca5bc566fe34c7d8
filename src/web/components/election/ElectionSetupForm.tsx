/**
 * The setup of an election: what is elected, the seats, the base N's figures, the hall's figures,
 * how ballots are bundled and entered, the counting committee, and the list in ballot order. The
 * list is typed one name a line ("Họ và tên", or "Họ và tên | 150" for a nominee from the floor
 * approved by 150 of those present); "Xếp theo tên" puts it in the Vietnamese order of given names.
 * The server checks the list against the rule set and answers with the domain's Vietnamese messages.
 */
import { SortAscendingOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useMemo } from "react";
import {
  computeSurplusLimits,
  findOrderBreak,
  OFFICE_LABELS,
  OFFICES,
  sortCandidatesByName,
} from "../../../domain/election/index.ts";
import { useComplaintFlags } from "../../api/petitions.ts";
import { effectiveSettings, surplusText } from "./ruleSettings.ts";
import {
  BASE_KINDS,
  bodyOf,
  parseCandidateLines,
  type SetupBody,
  type SetupValues,
  SUBTRACTIONS,
} from "./setupValues.ts";

export { valuesOf } from "./setupValues.ts";

export function ElectionSetupForm({
  initial,
  disabled,
  saving,
  submitLabel,
  onSubmit,
  problems,
  warnings,
  settings,
  congressId,
}: {
  initial: SetupValues;
  disabled: boolean;
  saving: boolean;
  submitLabel: string;
  onSubmit: (body: SetupBody) => void;
  /** The server's problems of the list (Vietnamese), shown above the list. */
  problems?: readonly string[];
  /** Guidance the list is outside of (Vietnamese): shown, never a reason to refuse the list. */
  warnings?: readonly string[];
  /** The election's rule-set settings as overridden (the defaults fill the rest). */
  settings?: Record<string, unknown>;
  /** The congress: candidates linked to a person ("#id") are checked for unsettled letters. */
  congressId?: number | undefined;
}) {
  const [form] = Form.useForm<SetupValues>();
  const baseKind = Form.useWatch("baseKind", form) ?? initial.baseKind;
  const candidatesText = Form.useWatch("candidatesText", form) ?? initial.candidatesText;
  const seats = Form.useWatch("seats", form) ?? initial.seats;
  const office = Form.useWatch("office", form) ?? initial.office;
  const ruleSettings = useMemo(() => effectiveSettings(settings), [settings]);
  const limits = useMemo(
    () => (seats >= 1 ? computeSurplusLimits(office, seats, ruleSettings) : null),
    [office, seats, ruleSettings],
  );
  const lines = useMemo(() => parseCandidateLines(candidatesText ?? ""), [candidatesText]);
  const personIds = useMemo(
    () => [...new Set(lines.flatMap((c) => (c.personId ? [c.personId] : [])))],
    [lines],
  );
  const flags = useComplaintFlags(congressId, personIds);
  const flagged = (flags.data?.flags ?? []).filter((f) => f.flagged);
  const nameOf = (personId: number) => lines.find((c) => c.personId === personId)?.fullName ?? `#${personId}`;
  const orderBreak = useMemo(
    () => findOrderBreak(lines.map((c, i) => ({ id: String(i), name: c.fullName }))),
    [lines],
  );

  const sortList = () => {
    const text: string = form.getFieldValue("candidatesText") ?? "";
    const rows = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line, i) => ({ id: String(i), name: (line.split("|")[0] ?? "").trim(), line }));
    form.setFieldValue(
      "candidatesText",
      sortCandidatesByName(rows)
        .map((r) => r.line)
        .join("\n"),
    );
  };

  return (
    <Form<SetupValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onFinish={(v) => onSubmit(bodyOf({ ...initial, ...v }))}
      data-testid="election-setup-form"
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item
            name="title"
            label="Tên cuộc bầu (in trên phiếu)"
            rules={[{ required: true, message: "Hãy nhập tên cuộc bầu" }]}
          >
            <Input placeholder="Ban Chấp hành Đảng bộ huyện khóa XXV, nhiệm kỳ 2025 – 2030" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="office" label="Bầu">
            <Select options={OFFICES.map((o) => ({ value: o, label: OFFICE_LABELS[o] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="electingOrganisation" label="Tổ chức bầu">
            <Select
              options={[
                { value: "committee", label: "Đảng bộ" },
                { value: "branch", label: "Chi bộ" },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item
            name="seats"
            label="Số lượng cần bầu"
            rules={[{ required: true, message: "Hãy nhập số lượng" }]}
          >
            <InputNumber min={1} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="alternateSeats" label="Số dự khuyết">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="bundleSize" label="Số phiếu mỗi tập">
            <InputNumber min={1} max={500} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="entriesPerBundle" label="Số người nhập mỗi tập">
            <Select
              options={[
                { value: 2, label: "2 người" },
                { value: 3, label: "3 người" },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="heldOn" label="Ngày bầu">
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="venue" label="Địa điểm">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>Cơ sở tính kết quả (N)</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Form.Item name="baseKind" label="Loại hội nghị">
            <Select options={BASE_KINDS} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="convened" label="Số được triệu tập">
            <InputNumber min={1} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        {SUBTRACTIONS[baseKind].map((s) => (
          <Col xs={12} lg={6} key={s.name}>
            <Form.Item name={["subtractions", s.name]} label={s.label}>
              <InputNumber min={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={8} lg={4}>
          <Form.Item name="present" label="Có mặt">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={8} lg={4}>
          <Form.Item name="ballotsIssued" label="Phiếu phát ra">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={8} lg={4}>
          <Form.Item name="ballotsCollected" label="Phiếu thu vào">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name="committeeText" label="Ban kiểm phiếu (mỗi dòng: Họ và tên | Chức danh)">
            <Input.TextArea rows={3} placeholder={"Trần Thị Lan | Trưởng ban\nLê Văn Hùng | Ủy viên"} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>
        Danh sách bầu cử ({lines.length} người, {seats} cần bầu)
      </Typography.Title>
      {limits && (
        <Typography.Paragraph type="secondary" data-testid="surplus-limits" style={{ marginTop: -4 }}>
          {surplusText(limits, lines.length)}
        </Typography.Paragraph>
      )}
      {problems && problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="list-problems"
          style={{ marginBottom: 8 }}
          title="Danh sách chưa đúng quy chế"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings && warnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="list-warnings"
          style={{ marginBottom: 8 }}
          title="Lưu ý về danh sách (hướng dẫn, không bắt buộc)"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {orderBreak !== null && (
        <Alert
          type="info"
          showIcon
          data-testid="list-order"
          style={{ marginBottom: 8 }}
          title={`Danh sách chưa xếp theo vần chữ cái của tên: người thứ ${orderBreak} đứng trước người thứ ${orderBreak - 1}.`}
          action={
            <Button size="small" icon={<SortAscendingOutlined />} onClick={sortList}>
              Xếp theo tên
            </Button>
          }
        />
      )}
      {flagged.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="candidate-complaint-flags"
          title="Người trong danh sách có đơn thư chưa giải quyết xong"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {flagged.map((f) => (
                <li key={f.personId}>
                  {nameOf(f.personId)}: {f.openCases} đơn chưa giải quyết
                  {f.openCasesOnCongress > 0 ? `, ${f.openCasesOnCongress} liên quan đến đại hội này` : ""}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form.Item
        name="candidatesText"
        extra="Mỗi dòng một người, theo thứ tự in trên phiếu. Người được đề cử, ứng cử tại đại hội: thêm “| số người tán thành”. Liên kết với sổ nhân sự: thêm “#mã” sau họ tên (số trên địa chỉ trang của người đó) để kiểm tra đơn thư và ghi chức vụ khi đóng kiểm phiếu."
      >
        <Input.TextArea rows={10} data-testid="candidates-text" style={{ fontFamily: "inherit" }} />
      </Form.Item>
      {!disabled && (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="save-setup">
          {submitLabel}
        </Button>
      )}
    </Form>
  );
}
