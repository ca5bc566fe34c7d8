/**
 * An administrator creates a congress season: its code, name and term, the root organisation it
 * covers, the plan and directive it implements, and its levels (in the order congresses are held).
 * "Theo mẫu 2025–2030 (3 cấp)" fills in the levels of the 2025 reform — branches, then the
 * commune-level grassroots directly under the province, then the province — to be checked and
 * edited before saving. The server validates; its Vietnamese refusal is shown as is.
 */
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { type CreateSeasonBody, useCreateSeason, useOrgRoots } from "../../api/index.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { useHierarchyNames } from "../hierarchy.tsx";
import { DATE_FORMAT, toIso, toIsoOrNull } from "./seasonText.ts";

interface DocumentValues {
  number?: string;
  date?: Dayjs | null;
  issuer?: string;
  title?: string;
}

interface LevelValues {
  code?: string;
  name?: string;
  order?: number;
  orgLevels?: string[];
  termStart?: number;
  termEnd?: number;
  window?: [Dayjs, Dayjs] | null;
  provinceDeadline?: Dayjs | null;
  centralDeadline?: Dayjs | null;
}

interface SeasonFormValues {
  code: string;
  name: string;
  termStart: number;
  termEnd: number;
  rootOrgId: number;
  plan: DocumentValues;
  directive: DocumentValues;
  levels: LevelValues[];
}

const FORM_NAME = "season-create";
const day = (iso: string) => dayjs(iso);

/**
 * The 2025–2030 season after the 2025 reform (no district level): branches first, then the
 * commune-level grassroots organisations directly under the province, then the province itself.
 * Dates follow Chỉ thị 45-CT/TW (14/04/2025); clerks adjust them to the province's plan.
 */
function levelsOf2025(): LevelValues[] {
  return [
    {
      code: "branch",
      name: "Chi bộ trực thuộc",
      order: 1,
      orgLevels: ["branch"],
      termStart: 2025,
      termEnd: 2027,
      window: [day("2025-05-01"), day("2025-06-30")],
      provinceDeadline: day("2025-06-30"),
      centralDeadline: null,
    },
    {
      code: "grassroots",
      name: "Đảng bộ cấp xã và tổ chức cơ sở đảng",
      order: 2,
      orgLevels: ["grassroots_committee", "grassroots_branch"],
      termStart: 2025,
      termEnd: 2030,
      window: [day("2025-07-01"), day("2025-08-31")],
      provinceDeadline: day("2025-08-31"),
      centralDeadline: day("2025-08-31"),
    },
    {
      code: "province",
      name: "Đảng bộ tỉnh",
      order: 3,
      orgLevels: ["province"],
      termStart: 2025,
      termEnd: 2030,
      window: [day("2025-09-01"), day("2025-10-31")],
      // The province's own congress is bound by the Central deadline only.
      provinceDeadline: null,
      centralDeadline: day("2025-10-31"),
    },
  ];
}

const required = (message: string) => [{ required: true, message }];
const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

function toDocument(v: DocumentValues): CreateSeasonBody["plan"] {
  const title = v.title?.trim();
  return {
    number: (v.number ?? "").trim(),
    date: v.date ? toIso(v.date) : "",
    issuer: (v.issuer ?? "").trim(),
    ...(title ? { title } : {}),
  };
}

function toBody(v: SeasonFormValues): CreateSeasonBody {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    rootOrgId: v.rootOrgId,
    term: { startYear: v.termStart, endYear: v.termEnd },
    plan: toDocument(v.plan),
    directive: toDocument(v.directive),
    levels: v.levels.map((l) => ({
      code: (l.code ?? "").trim(),
      name: (l.name ?? "").trim(),
      order: l.order ?? 0,
      orgLevels: l.orgLevels ?? [],
      term: { startYear: l.termStart ?? v.termStart, endYear: l.termEnd ?? v.termEnd },
      window: { start: l.window ? toIso(l.window[0]) : "", end: l.window ? toIso(l.window[1]) : "" },
      provinceDeadline: toIsoOrNull(l.provinceDeadline),
      centralDeadline: toIsoOrNull(l.centralDeadline),
    })),
  };
}

function DocumentFields({ name, title }: { name: "plan" | "directive"; title: string }) {
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: "4px 0 12px" }}>
        {title}
      </Divider>
      <Flex gap={12} wrap>
        <Form.Item
          name={[name, "number"]}
          label="Số hiệu"
          rules={requiredText("Nhập số văn bản")}
          style={{ width: 180 }}
        >
          <Input placeholder={name === "plan" ? "308-KH/TU" : "35-CT/TW"} maxLength={60} />
        </Form.Item>
        <Form.Item
          name={[name, "date"]}
          label="Ngày ban hành"
          rules={required("Chọn ngày")}
          style={{ width: 170 }}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name={[name, "issuer"]}
          label="Cơ quan ban hành"
          rules={requiredText("Nhập cơ quan ban hành")}
          style={{ flex: 1, minWidth: 200 }}
        >
          <Input placeholder={name === "plan" ? "Tỉnh ủy Quảng Ninh" : "Bộ Chính trị"} maxLength={200} />
        </Form.Item>
      </Flex>
      <Form.Item name={[name, "title"]} label="Trích yếu (không bắt buộc)">
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

export function CreateSeasonModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<SeasonFormValues>();
  const create = useCreateSeason();
  const roots = useOrgRoots();
  const names = useHierarchyNames();
  const { message } = App.useApp();

  // The season covers the first root (the province) unless the administrator picks another.
  const firstRoot = roots.data?.[0]?.id;
  useEffect(() => {
    if (firstRoot !== undefined && form.getFieldValue("rootOrgId") === undefined)
      form.setFieldValue("rootOrgId", firstRoot);
  }, [firstRoot, form]);

  const levelOptions = names.levels.map((l) => ({ value: l.code, label: l.name }));
  const knownLevels = new Set(names.levels.map((l) => l.code));

  const applyTemplate = () => {
    const current = form.getFieldsValue(true) as Partial<SeasonFormValues>;
    const directive = current.directive ?? {};
    form.setFieldsValue({
      code: current.code?.trim() ? current.code : "2025-2030",
      name: current.name?.trim() ? current.name : "Đại hội nhiệm kỳ 2025–2030",
      termStart: 2025,
      termEnd: 2030,
      directive: directive.number?.trim()
        ? directive
        : {
            number: "45-CT/TW",
            date: day("2025-04-14"),
            issuer: "Bộ Chính trị",
            title:
              "Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
          },
      // Only organisation levels this database knows (the hierarchy is data).
      levels: levelsOf2025().map((l) => ({
        ...l,
        orgLevels: (l.orgLevels ?? []).filter((code) => knownLevels.size === 0 || knownLevels.has(code)),
      })),
    });
  };

  const submit = (v: SeasonFormValues) =>
    create.mutate(toBody(v), {
      onSuccess: (season) => {
        void message.success(`Đã tạo ${season.name}`);
        onClose();
      },
    });

  return (
    <Modal
      open
      width={1100}
      title="Tạo mùa đại hội"
      okText="Tạo mùa đại hội"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="season-create-modal"
    >
      <ErrorAlert error={create.error} />
      <ErrorAlert error={roots.error} />
      <Form<SeasonFormValues>
        form={form}
        name={FORM_NAME}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          termStart: new Date().getFullYear(),
          termEnd: new Date().getFullYear() + 5,
          levels: [],
        }}
        data-testid="season-create-form"
      >
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<ThunderboltOutlined />} onClick={applyTemplate} data-testid="season-template-2025">
            Theo mẫu 2025–2030 (3 cấp)
          </Button>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label="Mã mùa đại hội"
            extra="Chữ không dấu, số và . _ -"
            rules={requiredText("Nhập mã")}
            style={{ width: 180 }}
          >
            <Input placeholder="2025-2030" maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label="Tên mùa đại hội"
            rules={requiredText("Nhập tên")}
            style={{ flex: 1, minWidth: 260 }}
          >
            <Input placeholder="Đại hội nhiệm kỳ 2025–2030" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="termStart"
            label="Nhiệm kỳ từ năm"
            rules={required("Nhập năm")}
            style={{ width: 130 }}
          >
            <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="termEnd" label="đến năm" rules={required("Nhập năm")} style={{ width: 130 }}>
            <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item name="rootOrgId" label="Đảng bộ tổ chức đại hội" rules={required("Chọn đảng bộ")}>
          <Select
            loading={roots.isLoading}
            options={(roots.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            placeholder="Chọn đảng bộ"
          />
        </Form.Item>
        <DocumentFields name="plan" title="Kế hoạch của tỉnh" />
        <DocumentFields name="directive" title="Chỉ thị của Trung ương" />

        <Divider titlePlacement="start" plain style={{ margin: "4px 0 12px" }}>
          Các cấp đại hội (theo thứ tự tổ chức)
        </Divider>
        <Form.List
          name="levels"
          rules={[
            {
              validator: (_, value: unknown[] | undefined) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error("Cần ít nhất một cấp đại hội")),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`Cấp ${index + 1}`}
                  data-testid="season-create-level"
                  extra={
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={`Bỏ cấp ${index + 1}`}
                    >
                      Bỏ
                    </Button>
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[field.name, "order"]}
                      label="Thứ tự"
                      rules={required("Nhập thứ tự")}
                      style={{ width: 90 }}
                    >
                      <InputNumber min={1} max={99} style={{ width: "100%" }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "code"]}
                      label="Mã cấp"
                      rules={requiredText("Nhập mã")}
                      style={{ width: 150 }}
                    >
                      <Input placeholder="grassroots" maxLength={40} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "name"]}
                      label="Tên cấp"
                      rules={requiredText("Nhập tên")}
                      style={{ flex: 1, minWidth: 220 }}
                    >
                      <Input placeholder="Tổ chức cơ sở đảng" maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "orgLevels"]}
                      label="Cấp tổ chức đảng"
                      rules={[
                        { required: true, type: "array", min: 1, message: "Chọn ít nhất một cấp tổ chức" },
                      ]}
                      style={{ flex: 1, minWidth: 280 }}
                    >
                      <Select mode="multiple" options={levelOptions} placeholder="Chọn cấp tổ chức" />
                    </Form.Item>
                  </Flex>
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[field.name, "termStart"]}
                      label="Nhiệm kỳ từ năm"
                      rules={required("Nhập năm")}
                      style={{ width: 130 }}
                    >
                      <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "termEnd"]}
                      label="đến năm"
                      rules={required("Nhập năm")}
                      style={{ width: 130 }}
                    >
                      <InputNumber min={1930} max={2100} style={{ width: "100%" }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "window"]}
                      label="Thời gian tổ chức"
                      rules={required("Chọn thời gian")}
                      style={{ width: 280 }}
                    >
                      <DatePicker.RangePicker format={DATE_FORMAT} placeholder={["Từ ngày", "Đến ngày"]} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "provinceDeadline"]}
                      label="Thời hạn của tỉnh"
                      style={{ width: 170 }}
                    >
                      <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "centralDeadline"]}
                      label="Thời hạn của Trung ương"
                      style={{ width: 190 }}
                    >
                      <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="season-create-add-level"
                onClick={() => {
                  const v = form.getFieldsValue(true) as Partial<SeasonFormValues>;
                  const orders = (v.levels ?? []).map((l) => l.order ?? 0);
                  add({
                    order: orders.length ? Math.max(...orders) + 1 : 1,
                    termStart: v.termStart,
                    termEnd: v.termEnd,
                    orgLevels: [],
                    provinceDeadline: null,
                    centralDeadline: null,
                  } satisfies LevelValues);
                }}
              >
                Thêm cấp đại hội
              </Button>
              <Typography.Text type="secondary">
                Thời hạn của tỉnh không được muộn hơn thời hạn của Trung ương; để trống nếu không quy định.
              </Typography.Text>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
