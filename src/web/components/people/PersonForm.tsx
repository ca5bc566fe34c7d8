/**
 * Add or edit a person: identity, hometown (codes decide "local"), Party membership, and on
 * creation a first post. The server checks the rules (dates, which fields a post needs) and
 * possible duplicates; a duplicate must be confirmed as a different person, never merged.
 */
import { Alert, Checkbox, DatePicker, Divider, Flex, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { POST_KIND_LABELS, THEORY_LEVEL_LABELS } from "../../../domain/people/types.ts";
import { isApiError } from "../../api/index.ts";
import { type PersonDto, type PostBody, useCreatePerson, useUpdatePerson } from "../../api/people.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import type { HierarchyNames } from "../hierarchy.tsx";
import { OrgSearchSelect } from "../OrgSearchSelect.tsx";

interface Values {
  code?: string;
  fullName: string;
  gender: "male" | "female";
  birthDate: Dayjs;
  ethnicity: string;
  provinceCode: string;
  provinceName: string;
  districtCode?: string;
  districtName?: string;
  communeCode?: string;
  communeName?: string;
  membership?: "official" | "probationary" | "none";
  joinedOn?: Dayjs;
  officialOn?: Dayjs;
  education?: string;
  politicalTheory?: string;
  post?: PostValues;
}

export interface PostValues {
  kind: PostBody["kind"];
  orgId?: number;
  villageCode?: string;
  term?: string;
  title?: string;
  start: Dayjs;
}

const iso = (d: Dayjs | undefined | null) => (d ? d.format("YYYY-MM-DD") : null);
const place = (code?: string, name?: string) => (code ? { code, name: name || code } : null);

export function postBodyOf(p: PostValues): PostBody {
  return {
    kind: p.kind,
    orgId: p.kind === "village_head" ? null : (p.orgId ?? null),
    villageCode: p.kind === "village_head" ? (p.villageCode ?? null) : null,
    term: p.term || null,
    title: p.title || null,
    start: iso(p.start)!,
    end: null,
  };
}

export function PostFields({ names, prefix }: { names: HierarchyNames; prefix: string[] }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch([...prefix, "kind"], form) as PostBody["kind"] | undefined;
  const party =
    kind === "secretary" ||
    kind === "deputy_secretary" ||
    kind === "committee_member" ||
    kind === "standing_committee_member";
  return (
    <Flex gap={8} wrap>
      <Form.Item
        name={[...prefix, "kind"]}
        label="Chức vụ"
        rules={[{ required: true, message: "Chọn chức vụ" }]}
        style={{ minWidth: 220 }}
      >
        <Select options={Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {kind === "village_head" ? (
        <Form.Item
          name={[...prefix, "villageCode"]}
          label="Mã thôn, khu phố"
          rules={[{ required: true, message: "Nhập mã thôn" }]}
        >
          <Input />
        </Form.Item>
      ) : (
        <Form.Item
          name={[...prefix, "orgId"]}
          label="Đơn vị"
          rules={[{ required: true, message: "Chọn đơn vị" }]}
          style={{ minWidth: 300, flex: 1 }}
        >
          <OrgSearchSelect names={names} aria-label="Đơn vị của chức vụ" />
        </Form.Item>
      )}
      {party ? (
        <Form.Item
          name={[...prefix, "term"]}
          label="Nhiệm kỳ"
          rules={[{ required: true, message: "Nhập nhiệm kỳ" }]}
        >
          <Input placeholder="2020–2025" style={{ width: 120 }} />
        </Form.Item>
      ) : null}
      {kind === "unit_head" ? (
        <Form.Item
          name={[...prefix, "title"]}
          label="Chức danh"
          rules={[{ required: true, message: "Nhập chức danh" }]}
        >
          <Input placeholder="Giám đốc" />
        </Form.Item>
      ) : null}
      <Form.Item
        name={[...prefix, "start"]}
        label="Từ ngày"
        rules={[{ required: true, message: "Chọn ngày" }]}
      >
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
    </Flex>
  );
}

export function PersonForm(props: {
  readonly person: PersonDto | null;
  readonly names: HierarchyNames;
  readonly onClose: (saved?: PersonDto) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson(props.person?.id ?? 0);
  const [differentPerson, setDifferentPerson] = useState(false);
  const mutation = props.person ? update : create;
  const duplicate = isApiError(create.error) && create.error.code === "PERSON_POSSIBLE_DUPLICATE";
  const membership = Form.useWatch("membership", form);
  const p = props.person;

  const submit = (v: Values) => {
    const body = {
      code: v.code || undefined,
      fullName: v.fullName,
      gender: v.gender,
      birthDate: iso(v.birthDate)!,
      ethnicity: v.ethnicity,
      hometown: {
        province: { code: v.provinceCode, name: v.provinceName },
        district: place(v.districtCode, v.districtName),
        commune: place(v.communeCode, v.communeName),
      },
      membership:
        !v.membership || v.membership === "none"
          ? null
          : { status: v.membership, joinedOn: iso(v.joinedOn)!, officialOn: iso(v.officialOn) },
      education: v.education || null,
      politicalTheory: (v.politicalTheory || null) as never,
    };
    if (p)
      update.mutate(
        { ...body, localOverrides: p.localOverrides },
        { onSuccess: (saved) => props.onClose(saved) },
      );
    else
      create.mutate(
        { ...body, posts: v.post ? [postBodyOf(v.post)] : [], differentPerson },
        { onSuccess: (saved) => props.onClose(saved) },
      );
  };

  return (
    <Modal
      open
      width={820}
      title={p ? `Sửa thông tin: ${p.fullName}` : "Thêm người"}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={() => props.onClose()}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      {duplicate ? (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          title={
            <Checkbox checked={differentPerson} onChange={(e) => setDifferentPerson(e.target.checked)}>
              Tôi đã kiểm tra: đây là người khác (chỉ trùng họ tên, ngày sinh, quê quán)
            </Checkbox>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="person-form"
        initialValues={
          p
            ? {
                code: p.code,
                fullName: p.fullName,
                gender: p.gender,
                birthDate: dayjs(p.birthDate),
                ethnicity: p.ethnicity,
                provinceCode: p.hometown.province.code,
                provinceName: p.hometown.province.name,
                districtCode: p.hometown.district?.code,
                districtName: p.hometown.district?.name,
                communeCode: p.hometown.commune?.code,
                communeName: p.hometown.commune?.name,
                membership: p.membership?.status ?? "none",
                joinedOn: p.membership ? dayjs(p.membership.joinedOn) : undefined,
                officialOn: p.membership?.officialOn ? dayjs(p.membership.officialOn) : undefined,
                education: p.education ?? undefined,
                politicalTheory: p.politicalTheory ?? undefined,
              }
            : {
                gender: "male",
                ethnicity: "Kinh",
                membership: "official",
                provinceCode: "QN",
                provinceName: "Quảng Ninh",
              }
        }
      >
        <Flex gap={8} wrap>
          <Form.Item name="code" label="Mã người" style={{ width: 140 }}>
            <Input placeholder="tự động" />
          </Form.Item>
          <Form.Item
            name="fullName"
            label="Họ và tên"
            rules={[{ required: true, message: "Nhập họ và tên" }]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input />
          </Form.Item>
          <Form.Item name="gender" label="Giới tính">
            <Select
              style={{ width: 90 }}
              options={[
                { value: "male", label: "Nam" },
                { value: "female", label: "Nữ" },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label="Ngày sinh"
            rules={[{ required: true, message: "Chọn ngày sinh" }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="ethnicity" label="Dân tộc" rules={[{ required: true }]} style={{ width: 110 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">
          Quê quán (mã đơn vị hành chính quyết định "người địa phương")
        </Divider>
        <Flex gap={8} wrap>
          <Form.Item name="provinceCode" label="Mã tỉnh" rules={[{ required: true }]} style={{ width: 100 }}>
            <Input />
          </Form.Item>
          <Form.Item name="provinceName" label="Tỉnh" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="districtCode" label="Mã huyện" style={{ width: 120 }}>
            <Input />
          </Form.Item>
          <Form.Item name="districtName" label="Huyện">
            <Input />
          </Form.Item>
          <Form.Item name="communeCode" label="Mã xã" style={{ width: 160 }}>
            <Input />
          </Form.Item>
          <Form.Item name="communeName" label="Xã">
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="membership" label="Đảng viên">
            <Select
              style={{ width: 150 }}
              options={[
                { value: "official", label: "Chính thức" },
                { value: "probationary", label: "Dự bị" },
                { value: "none", label: "Không" },
              ]}
            />
          </Form.Item>
          {membership && membership !== "none" ? (
            <Form.Item
              name="joinedOn"
              label="Ngày vào Đảng"
              rules={[{ required: true, message: "Chọn ngày" }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          ) : null}
          {membership === "official" ? (
            <Form.Item
              name="officialOn"
              label="Ngày chính thức"
              rules={[{ required: true, message: "Chọn ngày" }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          ) : null}
          <Form.Item name="education" label="Trình độ chuyên môn">
            <Input />
          </Form.Item>
          <Form.Item name="politicalTheory" label="Lý luận chính trị">
            <Select
              allowClear
              style={{ width: 130 }}
              options={Object.entries(THEORY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Flex>
        {p ? null : (
          <>
            <Divider titlePlacement="start">Chức vụ</Divider>
            <PostFields names={props.names} prefix={["post"]} />
          </>
        )}
      </Form>
    </Modal>
  );
}
