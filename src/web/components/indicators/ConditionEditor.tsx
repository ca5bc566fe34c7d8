/**
 * One condition of an indicator definition: its kind and the fields that kind asks for.
 */

import { MinusCircleOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Form, InputNumber, Select } from "antd";
import { CONGRESS_FACT_LABELS } from "../../../domain/indicators/definition.ts";
import {
  COMPARISONS,
  type ConditionKind,
  type FormValues,
  KIND_OPTIONS,
  POST_OPTIONS,
} from "./indicatorFormValues.ts";

export function ConditionEditor(props: {
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
