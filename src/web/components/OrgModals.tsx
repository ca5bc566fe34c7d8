/**
 * The write actions of an organisation's page, each in its own modal. The server enforces the
 * hierarchy rules; these forms only offer what the hierarchy allows and show the server's
 * Vietnamese message when it still refuses.
 */
import { App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import {
  type OrgDetail,
  useCreateOrg,
  useDissolveOrg,
  useMoveOrg,
  useToday,
  useUpdateOrg,
} from "../api/index.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import type { HierarchyNames } from "./hierarchy.tsx";
import { OrgSearchSelect } from "./OrgSearchSelect.tsx";

interface OrgModalProps {
  readonly org: OrgDetail;
  readonly names: HierarchyNames;
  readonly open: boolean;
  readonly onClose: () => void;
}

/** "Có hiệu lực từ ngày": every change is dated (default today); figures before that day never change. */
function EffectiveDayItem({ today }: { today: Dayjs }) {
  return (
    <Form.Item
      name="effectiveOn"
      label="Có hiệu lực từ ngày"
      extra="Số liệu của những ngày trước đó không thay đổi."
      rules={[{ required: true, message: "Chưa chọn ngày hiệu lực" }]}
    >
      <DatePicker
        format="DD/MM/YYYY"
        style={{ width: "100%" }}
        disabledDate={(d) => d.isAfter(today, "day")}
        data-testid="effective-day"
      />
    </Form.Item>
  );
}

const isoOf = (d: Dayjs): string => d.format("YYYY-MM-DD");

const emptyToNull = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

// ---------------------------------------------------------------- Thêm đơn vị trực thuộc

interface CreateForm {
  code: string;
  name: string;
  level: string;
  kind: string;
  sector?: string;
  effectiveOn: Dayjs;
}

export function AddChildModal({ org, names, open, onClose }: OrgModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateOrg();
  const today = useToday();
  const childLevels = names.childLevelsOf(org.level);
  // The kinds offered follow the level chosen: a branch is never a Thành phố, Xã or Huyện.
  const level = Form.useWatch("level", form);

  const submit = async (values: CreateForm) => {
    const created = await create.mutateAsync({
      code: values.code.trim(),
      name: values.name.trim(),
      level: values.level,
      kind: values.kind,
      sector: emptyToNull(values.sector),
      parentId: org.id,
      effectiveOn: isoOf(values.effectiveOn),
    });
    message.success(`Đã thêm ${created.name}`);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`Thêm đơn vị trực thuộc ${org.name}`}
      okText="Thêm"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      afterClose={() => create.reset()}
      destroyOnHidden
      data-testid="add-child-modal"
    >
      <ErrorAlert error={create.error} />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={(values) => submit(values).catch(() => undefined)}
        onValuesChange={(changed: Partial<CreateForm>, all: CreateForm) => {
          if (changed.level && all.kind && !names.kindsFor(changed.level).some((k) => k.code === all.kind))
            form.setFieldValue("kind", undefined);
        }}
        initialValues={{
          level: childLevels.length === 1 ? childLevels[0]?.code : undefined,
          sector: org.sector ?? "",
          effectiveOn: today,
        }}
      >
        <Form.Item name="level" label="Cấp" rules={[{ required: true, message: "Chưa chọn cấp tổ chức" }]}>
          <Select
            options={childLevels.map((l) => ({ value: l.code, label: l.name }))}
            placeholder="Chọn cấp"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên đơn vị"
          rules={[{ required: true, whitespace: true, message: "Tên đơn vị không được để trống" }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Chi bộ khu phố 3" />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã đơn vị"
          extra="Chữ không dấu, số và các ký tự . _ -; không trùng với đơn vị khác."
          rules={[{ required: true, whitespace: true, message: "Mã đơn vị không được để trống" }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="kind" label="Loại hình" rules={[{ required: true, message: "Chưa chọn loại hình" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder="Chọn loại hình"
            data-testid="add-child-kind"
            options={names.kindsFor(level).map((k) => ({ value: k.code, label: k.name }))}
          />
        </Form.Item>
        <Form.Item
          name="sector"
          label="Mã ngành"
          extra="Ví dụ: coal (ngành Than). Để trống nếu không theo dõi theo ngành."
        >
          <Input maxLength={64} />
        </Form.Item>
        <EffectiveDayItem today={today} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- Đổi tên / sửa

interface EditForm {
  name: string;
  kind: string;
  sector?: string;
  effectiveOn: Dayjs;
}

export function EditOrgModal({ org, names, open, onClose }: OrgModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateOrg(org.id);
  const today = useToday();

  const submit = async (values: EditForm) => {
    const name = values.name.trim();
    const sector = emptyToNull(values.sector);
    const body = {
      ...(name !== org.name ? { name } : {}),
      ...(values.kind !== org.kind ? { kind: values.kind } : {}),
      ...(sector !== org.sector ? { sector } : {}),
    };
    if (Object.keys(body).length === 0) {
      message.info("Không có thay đổi nào");
      onClose();
      return;
    }
    await update.mutateAsync({ ...body, effectiveOn: isoOf(values.effectiveOn) });
    message.success("Đã lưu thay đổi");
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`Sửa thông tin ${org.name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      afterClose={() => update.reset()}
      destroyOnHidden
      data-testid="edit-org-modal"
    >
      <ErrorAlert error={update.error} />
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{ name: org.name, kind: org.kind, sector: org.sector ?? "", effectiveOn: today }}
        onFinish={(values) => submit(values).catch(() => undefined)}
      >
        <Form.Item
          name="name"
          label="Tên đơn vị"
          rules={[{ required: true, whitespace: true, message: "Tên đơn vị không được để trống" }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="kind" label="Loại hình" rules={[{ required: true, message: "Chưa chọn loại hình" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={names
              .kindsFor(org.level)
              // An organisation recorded with another kind keeps it on offer.
              .concat(
                names.kinds.filter((k) => k.code === org.kind && !names.kindsFor(org.level).includes(k)),
              )
              .map((k) => ({ value: k.code, label: k.name }))}
          />
        </Form.Item>
        <Form.Item
          name="sector"
          label="Mã ngành"
          extra="Ví dụ: coal (ngành Than). Để trống nếu không theo dõi theo ngành."
        >
          <Input maxLength={64} />
        </Form.Item>
        <EffectiveDayItem today={today} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- Chuyển đơn vị

interface MoveForm {
  parentId: number;
  effectiveOn: Dayjs;
}

export function MoveOrgModal({ org, names, open, onClose }: OrgModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveForm>();
  const move = useMoveOrg(org.id);
  const today = useToday();
  const allowedParents = names.levels.find((l) => l.code === org.level)?.allowedParents ?? [];
  const currentParent = org.ancestors.at(-1);

  const submit = async (values: MoveForm) => {
    await move.mutateAsync({ parentId: values.parentId, effectiveOn: isoOf(values.effectiveOn) });
    message.success(`Đã chuyển ${org.name}`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`Chuyển ${org.name} sang đơn vị cấp trên khác`}
      okText="Chuyển"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      afterClose={() => move.reset()}
      destroyOnHidden
      data-testid="move-org-modal"
    >
      <ErrorAlert error={move.error} />
      <Typography.Paragraph type="secondary">
        Hiện trực thuộc: <strong>{currentParent?.name ?? "(cấp cao nhất)"}</strong>. Toàn bộ đơn vị cấp dưới
        sẽ chuyển theo.{" "}
        {allowedParents.length > 0 &&
          `Đơn vị cấp trên mới phải thuộc cấp: ${allowedParents.map((code) => names.levelName(code)).join(", ")}.`}
      </Typography.Paragraph>
      <Form<MoveForm>
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: today }}
        onFinish={(values) => submit(values).catch(() => undefined)}
      >
        <Form.Item
          name="parentId"
          label="Đơn vị cấp trên mới"
          rules={[{ required: true, message: "Chưa chọn đơn vị cấp trên" }]}
        >
          <OrgSearchSelect
            names={names}
            levels={allowedParents}
            excludeIds={[org.id, ...(currentParent ? [currentParent.id] : [])]}
            data-testid="move-parent-select"
            aria-label="Đơn vị cấp trên mới"
          />
        </Form.Item>
        <EffectiveDayItem today={today} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- Giải thể

interface DissolveForm {
  date: Dayjs;
  reason: string;
}

export function DissolveOrgModal({ org, open, onClose }: OrgModalProps) {
  const today = useToday();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DissolveForm>();
  const dissolve = useDissolveOrg(org.id);

  const submit = (values: DissolveForm) => {
    modal.confirm({
      title: `Giải thể ${org.name}?`,
      content: `Ngày ${values.date.format("DD/MM/YYYY")}. Hãy chắc chắn việc giải thể đúng quyết định của cấp có thẩm quyền.`,
      okText: "Giải thể",
      okType: "danger",
      cancelText: "Quay lại",
      onOk: async () => {
        try {
          await dissolve.mutateAsync({
            date: values.date.format("YYYY-MM-DD"),
            reason: values.reason.trim(),
          });
          message.success(`Đã giải thể ${org.name}`);
          onClose();
        } catch {
          // The error is shown inside the form's modal.
        }
      },
    });
  };

  return (
    <Modal
      open={open}
      title={`Giải thể ${org.name}`}
      okText="Giải thể…"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={dissolve.isPending}
      afterClose={() => dissolve.reset()}
      destroyOnHidden
      data-testid="dissolve-org-modal"
    >
      <ErrorAlert error={dissolve.error} />
      <Form<DissolveForm> form={form} layout="vertical" initialValues={{ date: today }} onFinish={submit}>
        <Form.Item
          name="date"
          label="Ngày giải thể"
          rules={[{ required: true, message: "Chưa chọn ngày giải thể" }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Lý do (số, ngày quyết định)"
          rules={[{ required: true, whitespace: true, message: "Cần ghi lý do giải thể" }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder="Ví dụ: Theo Quyết định số 123-QĐ/TU ngày …"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
