/**
 * Define an indicator without code, from the same parts as the built-in catalog: the population
 * (posts of some kinds, or organisations, selected by level, kind, sector and tags), conditions
 * (all or any; each may be negated) and an optional target. The server validates the definition
 * with the domain's schema and names each wrong field.
 */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
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
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import {
  CONGRESS_FACT_LABELS,
  type Condition,
  type IndicatorDef,
} from "../../../domain/indicators/definition.ts";
import { POST_KIND_LABELS } from "../../../domain/people/types.ts";
import { useIndicatorCatalog, useSaveIndicator } from "../../api/people.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import type { HierarchyNames } from "../hierarchy.tsx";

type ConditionKind =
  | "gender"
  | "age"
  | "locality"
  | "holds_post"
  | "org"
  | "congress"
  | "membership"
  | "ethnicity";

interface ConditionRow {
  negate?: boolean;
  kind: ConditionKind;
  gender?: "male" | "female";
  comparison?: ">=" | "<=" | "<" | ">" | "=";
  years?: number;
  locality?: "local" | "not_local";
  postKinds?: string[];
  at?: "same_org" | "org_village" | "anywhere";
  titles?: string[];
  levels?: string[];
  kinds?: string[];
  sectors?: string[];
  tags?: string[];
  fact?: string;
  membership?: "official" | "probationary";
  ethnicities?: string[];
}

interface FormValues {
  code: string;
  name: string;
  description: string;
  group?: string;
  subject: "posts" | "orgs";
  postKinds?: string[];
  period?: "in_office" | "term";
  levels?: string[];
  kinds?: string[];
  sectors?: string[];
  tags?: string[];
  combinator: "all" | "any";
  conditions: ConditionRow[];
  hasTarget: boolean;
  targetComparison?: ">=" | "<=" | "=";
  targetUnit?: "percent" | "count";
  targetValue?: number;
  targetDue?: Dayjs | null;
  /** Administrators: a definition for the whole province rather than the organisation viewed. */
  provinceWide?: boolean;
}

const POST_OPTIONS = Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS: { value: ConditionKind; label: string }[] = [
  { value: "gender", label: "Giới tính" },
  { value: "age", label: "Tuổi" },
  { value: "locality", label: "Người địa phương" },
  { value: "holds_post", label: "Kiêm nhiệm chức vụ" },
  { value: "org", label: "Thuộc loại tổ chức" },
  { value: "congress", label: "Đại hội của tổ chức" },
  { value: "membership", label: "Đảng viên" },
  { value: "ethnicity", label: "Dân tộc" },
];
const COMPARISONS = [">=", "<=", "=", "<", ">"].map((c) => ({
  value: c,
  label: c.replace(">=", "≥").replace("<=", "≤"),
}));

const nonEmpty = (xs: string[] | undefined) => (xs && xs.length > 0 ? xs : undefined);

function toCondition(r: ConditionRow): Condition {
  let c: Condition;
  switch (r.kind) {
    case "gender":
      c = { kind: "gender", gender: r.gender ?? "female" };
      break;
    case "age":
      c = { kind: "age", comparison: r.comparison ?? "<", years: r.years ?? 40, at: "as_of" };
      break;
    case "locality":
      c = { kind: "locality", value: r.locality ?? "not_local" };
      break;
    case "holds_post":
      c = {
        kind: "holds_post",
        postKinds: (r.postKinds ?? []) as never,
        at: r.at ?? "same_org",
        titles: nonEmpty(r.titles),
      };
      break;
    case "org":
      c = {
        kind: "org",
        filter: {
          levels: nonEmpty(r.levels),
          kinds: nonEmpty(r.kinds),
          sectors: nonEmpty(r.sectors),
          tags: nonEmpty(r.tags),
        },
      };
      break;
    case "congress":
      c = { kind: "congress", fact: (r.fact ?? "held") as never };
      break;
    case "membership":
      c = { kind: "membership", status: r.membership ?? "official" };
      break;
    case "ethnicity":
      c = { kind: "ethnicity", values: r.ethnicities ?? [] };
      break;
  }
  return r.negate ? { kind: "not", condition: c } : c;
}

function fromCondition(c: Condition): ConditionRow | null {
  const negate = c.kind === "not";
  const x = c.kind === "not" ? c.condition : c;
  const base = { negate };
  switch (x.kind) {
    case "gender":
      return { ...base, kind: "gender", gender: x.gender };
    case "age":
      return { ...base, kind: "age", comparison: x.comparison, years: x.years };
    case "locality":
      return { ...base, kind: "locality", locality: x.value };
    case "holds_post":
      return {
        ...base,
        kind: "holds_post",
        postKinds: [...x.postKinds],
        at: x.at,
        titles: x.titles ? [...x.titles] : [],
      };
    case "org":
      return {
        ...base,
        kind: "org",
        levels: [...(x.filter.levels ?? [])],
        kinds: [...(x.filter.kinds ?? [])],
        sectors: [...(x.filter.sectors ?? [])],
        tags: [...(x.filter.tags ?? [])],
      };
    case "congress":
      return { ...base, kind: "congress", fact: x.fact };
    case "membership":
      return { ...base, kind: "membership", membership: x.status };
    case "ethnicity":
      return { ...base, kind: "ethnicity", ethnicities: [...x.values] };
    default:
      return null;
  }
}

function toDefinition(v: FormValues): IndicatorDef {
  const org = {
    levels: nonEmpty(v.levels),
    kinds: nonEmpty(v.kinds),
    sectors: nonEmpty(v.sectors),
    tags: nonEmpty(v.tags),
  };
  const conditions = (v.conditions ?? []).map(toCondition);
  return {
    code: v.code,
    name: v.name,
    description: v.description,
    group: v.group || undefined,
    population:
      v.subject === "orgs"
        ? { subject: "orgs", org }
        : { subject: "posts", postKinds: (v.postKinds ?? []) as never, org, period: v.period ?? "in_office" },
    condition:
      conditions.length === 0
        ? null
        : conditions.length === 1
          ? conditions[0]!
          : { kind: v.combinator, conditions },
    target: v.hasTarget
      ? {
          comparison: v.targetComparison ?? ">=",
          unit: v.targetUnit ?? "percent",
          value: v.targetValue ?? 0,
          due: v.targetDue ? v.targetDue.format("YYYY-MM-DD") : null,
        }
      : null,
  };
}

function toFormValues(def: IndicatorDef): FormValues {
  const p = def.population;
  const c = def.condition;
  const list = c === null ? [] : c.kind === "all" || c.kind === "any" ? c.conditions : [c];
  return {
    code: def.code,
    name: def.name,
    description: def.description,
    group: def.group,
    subject: p.subject,
    postKinds: p.subject === "posts" ? [...p.postKinds] : [],
    period: p.subject === "posts" ? p.period : "in_office",
    levels: [...(p.org.levels ?? [])],
    kinds: [...(p.org.kinds ?? [])],
    sectors: [...(p.org.sectors ?? [])],
    tags: [...(p.org.tags ?? [])],
    combinator: c?.kind === "any" ? "any" : "all",
    conditions: list.map(fromCondition).filter((r): r is ConditionRow => r !== null),
    hasTarget: Boolean(def.target),
    targetComparison: (def.target?.comparison as FormValues["targetComparison"]) ?? ">=",
    targetUnit: def.target?.unit ?? "percent",
    targetValue: def.target?.value,
    targetDue: def.target?.due ? dayjs(def.target.due) : null,
  };
}

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

function ConditionEditor(props: {
  name: number;
  form: ReturnType<typeof Form.useForm<FormValues>>[0];
  levelOptions: { value: string; label: string }[];
  kindOptions: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const kind = Form.useWatch(["conditions", props.name, "kind"], props.form) as ConditionKind | undefined;
  const n = props.name;
  return (
    <Flex gap={8} align="start" wrap style={{ borderBottom: "1px dashed #ddd", paddingBottom: 4 }}>
      <Form.Item name={[n, "negate"]} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>Không</Checkbox>
      </Form.Item>
      <Form.Item name={[n, "kind"]} style={{ marginBottom: 0, width: 190 }}>
        <Select options={KIND_OPTIONS} aria-label="Loại điều kiện" />
      </Form.Item>
      {kind === "gender" ? (
        <Form.Item name={[n, "gender"]} style={{ marginBottom: 0, width: 100 }}>
          <Select
            options={[
              { value: "female", label: "Nữ" },
              { value: "male", label: "Nam" },
            ]}
          />
        </Form.Item>
      ) : null}
      {kind === "age" ? (
        <>
          <Form.Item name={[n, "comparison"]} initialValue="<" style={{ marginBottom: 0, width: 70 }}>
            <Select options={COMPARISONS} />
          </Form.Item>
          <Form.Item name={[n, "years"]} initialValue={40} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={120} addonAfter="tuổi" />
          </Form.Item>
        </>
      ) : null}
      {kind === "locality" ? (
        <Form.Item name={[n, "locality"]} initialValue="not_local" style={{ marginBottom: 0, width: 220 }}>
          <Select
            options={[
              { value: "not_local", label: "Không phải người địa phương" },
              { value: "local", label: "Là người địa phương" },
            ]}
          />
        </Form.Item>
      ) : null}
      {kind === "holds_post" ? (
        <>
          <Form.Item name={[n, "postKinds"]} style={{ marginBottom: 0, minWidth: 220 }}>
            <Select mode="multiple" options={POST_OPTIONS} placeholder="Chức vụ" />
          </Form.Item>
          <Form.Item name={[n, "at"]} initialValue="same_org" style={{ marginBottom: 0, width: 200 }}>
            <Select
              options={[
                { value: "same_org", label: "tại chính đơn vị đó" },
                { value: "org_village", label: "tại thôn chi bộ phụ trách" },
                { value: "anywhere", label: "ở bất kỳ đâu" },
              ]}
            />
          </Form.Item>
          <Form.Item name={[n, "titles"]} style={{ marginBottom: 0, minWidth: 160 }}>
            <Select mode="tags" placeholder="Chức danh (Giám đốc…)" />
          </Form.Item>
        </>
      ) : null}
      {kind === "org" ? (
        <>
          <Form.Item name={[n, "levels"]} style={{ marginBottom: 0, minWidth: 180 }}>
            <Select mode="multiple" options={props.levelOptions} placeholder="Cấp" />
          </Form.Item>
          <Form.Item name={[n, "kinds"]} style={{ marginBottom: 0, minWidth: 180 }}>
            <Select mode="multiple" options={props.kindOptions} placeholder="Loại hình" />
          </Form.Item>
          <Form.Item name={[n, "tags"]} style={{ marginBottom: 0, minWidth: 160 }}>
            <Select mode="tags" placeholder="Nhãn" />
          </Form.Item>
        </>
      ) : null}
      {kind === "congress" ? (
        <Form.Item name={[n, "fact"]} initialValue="held" style={{ marginBottom: 0, width: 260 }}>
          <Select
            options={Object.entries(CONGRESS_FACT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      ) : null}
      {kind === "membership" ? (
        <Form.Item name={[n, "membership"]} initialValue="official" style={{ marginBottom: 0, width: 200 }}>
          <Select
            options={[
              { value: "official", label: "Chính thức" },
              { value: "probationary", label: "Dự bị" },
            ]}
          />
        </Form.Item>
      ) : null}
      {kind === "ethnicity" ? (
        <Form.Item name={[n, "ethnicities"]} style={{ marginBottom: 0, minWidth: 200 }}>
          <Select mode="tags" placeholder="Tày, Dao…" />
        </Form.Item>
      ) : null}
      <Button icon={<MinusCircleOutlined />} type="text" onClick={props.onRemove} aria-label="Bỏ điều kiện" />
    </Flex>
  );
}
