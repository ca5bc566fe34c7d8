/**
 * Define an indicator without code, from the same parts as the built-in catalog: the population
 * (posts of some kinds, or organisations, selected by level, kind, sector and tags), conditions
 * (all or any; each may be negated) and an optional target. The server validates the definition
 * with the domain's schema and names each wrong field.
 */

import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Typography,
} from "antd";
import { useEffect } from "react";
import type { IndicatorDef } from "../../../domain/indicators/definition.ts";
import { useIndicatorCatalog, useSaveIndicator } from "../../api/people.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import type { HierarchyNames } from "../hierarchy.tsx";
import { ConditionEditor } from "./ConditionEditor.tsx";
import {
  COMPARISONS,
  type FormValues,
  POST_OPTIONS,
  toDefinition,
  toFormValues,
} from "./indicatorFormValues.ts";

export function IndicatorForm(props: {
  readonly id: number | null;
  readonly defaultOrgId: number | null;
  readonly isAdmin: boolean;
  readonly names: HierarchyNames;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const catalog = useIndicatorCatalog();
  const save = useSaveIndicator();
  const editing = props.id === null ? null : catalog.data?.find((c) => c.custom?.id === props.id);
  const provinceWide = Form.useWatch("provinceWide", form);

  useEffect(() => {
    if (editing) form.setFieldsValue(toFormValues(editing.definition as IndicatorDef));
  }, [editing, form]);

  const levelOptions = props.names.levels.map((l) => ({ value: l.code, label: l.name }));
  const kindOptions = props.names.kinds.map((k) => ({ value: k.code, label: k.name }));
  const subject = Form.useWatch("subject", form);
  const hasTarget = Form.useWatch("hasTarget", form);

  const submit = (v: FormValues) => {
    const orgId = props.isAdmin && v.provinceWide ? null : (editing?.custom?.orgId ?? props.defaultOrgId);
    save.mutate(
      { id: props.id, body: { definition: toDefinition(v) as unknown as Record<string, unknown>, orgId } },
      { onSuccess: props.onClose },
    );
  };

  return (
    <Modal
      open
      width={820}
      title={props.id === null ? "Định nghĩa chỉ tiêu mới" : "Sửa chỉ tiêu"}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          subject: "posts",
          period: "in_office",
          combinator: "all",
          conditions: [{ kind: "gender", gender: "female" }],
          hasTarget: false,
          targetComparison: ">=",
          targetUnit: "percent",
          provinceWide: props.isAdmin && props.defaultOrgId === null,
        }}
        data-testid="indicator-form"
      >
        <Flex gap={12}>
          <Form.Item
            name="code"
            label="Mã chỉ tiêu"
            rules={[{ required: true, message: "Nhập mã" }]}
            style={{ flex: 1 }}
          >
            <Input placeholder="vi_du_bi_thu_nu" />
          </Form.Item>
          <Form.Item
            name="name"
            label="Tên chỉ tiêu"
            rules={[{ required: true, message: "Nhập tên" }]}
            style={{ flex: 2 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item
          name="description"
          label="Cách tính (để cán bộ đối chiếu)"
          rules={[{ required: true, message: "Ghi cách tính" }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Divider titlePlacement="start">Tập hợp (mẫu số)</Divider>
        <Form.Item name="subject">
          <Segmented
            options={[
              { value: "posts", label: "Người giữ chức vụ" },
              { value: "orgs", label: "Tổ chức" },
            ]}
          />
        </Form.Item>
        {subject !== "orgs" ? (
          <Flex gap={12}>
            <Form.Item
              name="postKinds"
              label="Chức vụ"
              style={{ flex: 2 }}
              rules={[{ required: true, message: "Chọn chức vụ" }]}
            >
              <Select mode="multiple" options={POST_OPTIONS} />
            </Form.Item>
            <Form.Item name="period" label="Thời điểm" style={{ flex: 1 }}>
              <Select
                options={[
                  { value: "in_office", label: "Đương nhiệm tại ngày" },
                  { value: "term", label: "Theo nhiệm kỳ của mùa đại hội" },
                ]}
              />
            </Form.Item>
          </Flex>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item name="levels" label="Cấp tổ chức" style={{ flex: 1, minWidth: 220 }}>
            <Select mode="multiple" options={levelOptions} allowClear />
          </Form.Item>
          <Form.Item name="kinds" label="Loại hình" style={{ flex: 1, minWidth: 220 }}>
            <Select mode="multiple" options={kindOptions} allowClear />
          </Form.Item>
          <Form.Item name="sectors" label="Ngành" style={{ flex: 1, minWidth: 140 }}>
            <Select mode="tags" allowClear placeholder="coal" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">Điều kiện (tử số)</Divider>
        <Form.Item name="combinator">
          <Segmented
            options={[
              { value: "all", label: "Thỏa mọi điều kiện" },
              { value: "any", label: "Thỏa một trong các điều kiện" },
            ]}
          />
        </Form.Item>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <ConditionEditor
                  key={field.key}
                  name={field.name}
                  form={form}
                  levelOptions={levelOptions}
                  kindOptions={kindOptions}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: "gender", gender: "female" })}
                style={{ width: "fit-content" }}
              >
                Thêm điều kiện
              </Button>
            </Flex>
          )}
        </Form.List>
        <Divider titlePlacement="start">Chỉ tiêu phấn đấu</Divider>
        <Form.Item name="hasTarget" valuePropName="checked">
          <Checkbox>Có chỉ tiêu phấn đấu</Checkbox>
        </Form.Item>
        {hasTarget ? (
          <Flex gap={12} wrap>
            <Form.Item name="targetComparison" label="So sánh">
              <Select style={{ width: 80 }} options={COMPARISONS.slice(0, 3)} />
            </Form.Item>
            <Form.Item
              name="targetValue"
              label="Giá trị"
              rules={[{ required: true, message: "Nhập giá trị" }]}
            >
              <InputNumber min={0} decimalSeparator="," />
            </Form.Item>
            <Form.Item name="targetUnit" label="Đơn vị">
              <Select
                style={{ width: 150 }}
                options={[
                  { value: "percent", label: "% mẫu số" },
                  { value: "count", label: "số lượng" },
                ]}
              />
            </Form.Item>
            <Form.Item name="targetDue" label="Hạn (bỏ trống: từ đầu)">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Flex>
        ) : null}
        {props.isAdmin ? (
          <Form.Item name="provinceWide" valuePropName="checked">
            <Checkbox>
              Chỉ tiêu chung của cả tỉnh {provinceWide ? "" : "(bỏ chọn: của đơn vị đang xem)"}
            </Checkbox>
          </Form.Item>
        ) : (
          <Typography.Text type="secondary">Chỉ tiêu thuộc đơn vị đang xem.</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
