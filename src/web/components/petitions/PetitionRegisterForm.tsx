/**
 * Registering a letter (đơn thư): who sends it, about whom and what, optionally for a congress.
 */

import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import {
  CHANNEL_LABELS,
  CHANNELS,
  PETITION_KIND_LABELS,
  PETITION_KINDS,
  SENDER_IDENTITIES,
  SENDER_IDENTITY_LABELS,
  SENDER_TYPE_LABELS,
  SENDER_TYPES,
} from "../../../domain/complaints/types.ts";
import { useSeasons, useToday } from "../../api/index.ts";
import { type RegisterBody, usePetitionSettings, useRegisterPetition } from "../../api/petitions.ts";
import { paths } from "../../paths.ts";
import { newestFirst } from "../congress/useCongressSearch.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { useHierarchyNames } from "../hierarchy.tsx";
import { OrgSearchSelect } from "../OrgSearchSelect.tsx";
import { PersonSearchSelect } from "./PersonSearchSelect.tsx";
import { DATE_FORMAT, iso, notAfter, options } from "./petitionFormParts.ts";

interface RegisterValues {
  receivedOn: Dayjs;
  channel: RegisterBody["channel"];
  senderType: RegisterBody["senderType"];
  senderIdentity: RegisterBody["senderIdentity"];
  senderName?: string;
  senderAddress?: string;
  kind: RegisterBody["kind"];
  summary: string;
  orgId?: number;
  personIds?: number[];
  subjectOrgId?: number;
  congressSeasonId?: number;
  congressOrgId?: number;
  concernsPersonnel?: boolean;
}

export function PetitionRegisterForm() {
  const today = useToday();
  const [sp] = useSearchParams();
  const names = useHierarchyNames();
  const seasons = useSeasons();
  const settings = usePetitionSettings();
  const register = useRegisterPetition();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const kind = Form.useWatch("kind", form);
  const identity = Form.useWatch("senderIdentity", form);
  const congressOrg = Form.useWatch("congressOrgId", form);
  const presetOrg = sp.get("dv") ? Number(sp.get("dv")) : undefined;
  const presetSeason = sp.get("ky") ? Number(sp.get("ky")) : undefined;
  useEffect(() => {
    const latest = newestFirst(seasons.data ?? [])[0]?.id;
    if (!form.getFieldValue("congressSeasonId") && (presetSeason ?? latest))
      form.setFieldValue("congressSeasonId", presetSeason ?? latest);
  }, [seasons.data, presetSeason, form]);
  const recordOnly =
    settings.data?.recordOnlyUnidentifiedDenunciations &&
    kind === "denunciation" &&
    identity &&
    identity !== "identified";
  const submit = (v: RegisterValues) =>
    register.mutate(
      {
        orgId: v.orgId ?? 0,
        receivedOn: iso(v.receivedOn),
        channel: v.channel,
        senderType: v.senderType,
        senderIdentity: v.senderIdentity,
        senderName: v.senderIdentity === "anonymous" ? null : (v.senderName ?? null),
        senderAddress: v.senderAddress ?? null,
        kind: v.kind,
        summary: v.summary,
        congressSeasonId: v.congressOrgId ? (v.congressSeasonId ?? null) : null,
        congressOrgId: v.congressOrgId ?? null,
        concernsPersonnel: Boolean(v.concernsPersonnel && v.congressOrgId),
        personIds: v.personIds ?? [],
        orgIds: v.subjectOrgId ? [v.subjectOrgId] : [],
      },
      { onSuccess: (p) => navigate(paths.petition(p.id)) },
    );
  return (
    <Card size="small" title="Tiếp nhận đơn thư" style={{ maxWidth: 900 }}>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="petition-register-form"
        initialValues={{
          receivedOn: today,
          channel: "post",
          senderType: "member",
          senderIdentity: "identified",
          kind: "denunciation",
          orgId: presetOrg,
          congressOrgId: presetOrg,
          concernsPersonnel: Boolean(presetOrg),
        }}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="receivedOn"
            label="Ngày nhận"
            rules={[{ required: true, message: "Chọn ngày nhận" }]}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={notAfter(today)} />
          </Form.Item>
          <Form.Item name="channel" label="Nguồn đơn" style={{ minWidth: 240 }}>
            <Select options={options(CHANNELS, CHANNEL_LABELS)} />
          </Form.Item>
          <Form.Item name="kind" label="Loại đơn">
            <Radio.Group options={options(PETITION_KINDS, PETITION_KIND_LABELS)} optionType="button" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="senderType" label="Người gửi là">
            <Radio.Group options={options(SENDER_TYPES, SENDER_TYPE_LABELS)} />
          </Form.Item>
          <Form.Item name="senderIdentity" label="Danh tính người gửi">
            <Radio.Group
              options={options(SENDER_IDENTITIES, SENDER_IDENTITY_LABELS)}
              data-testid="sender-identity"
            />
          </Form.Item>
        </Flex>
        {identity !== "anonymous" && (
          <Flex gap={16} wrap>
            <Form.Item
              name="senderName"
              label="Họ tên người gửi"
              style={{ minWidth: 280 }}
              rules={[{ required: identity === "identified", message: "Ghi họ tên người gửi" }]}
            >
              <Input data-testid="sender-name" />
            </Form.Item>
            <Form.Item name="senderAddress" label="Địa chỉ" style={{ minWidth: 360 }}>
              <Input />
            </Form.Item>
          </Flex>
        )}
        {recordOnly && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="Đơn tố cáo nặc danh hoặc mạo danh: theo cài đặt, đơn được lưu nhưng không xem xét giải quyết."
          />
        )}
        <Form.Item
          name="summary"
          label="Nội dung tóm tắt"
          rules={[{ required: true, message: "Ghi nội dung tóm tắt" }]}
        >
          <Input.TextArea rows={3} data-testid="summary" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="Thuộc đơn vị (phạm vi theo dõi, giải quyết)"
          rules={[{ required: true, message: "Chọn đơn vị" }]}
        >
          <OrgSearchSelect names={names} data-testid="petition-org" />
        </Form.Item>
        <Form.Item name="personIds" label="Người bị phản ánh, tố cáo">
          <PersonSearchSelect data-testid="petition-people" />
        </Form.Item>
        <Form.Item name="subjectOrgIds" label="Tổ chức bị phản ánh">
          <Select
            mode="multiple"
            open={false}
            placeholder="(chọn bằng ô tìm đơn vị bên dưới nếu cần)"
            disabled
          />
        </Form.Item>
        <Flex gap={16} wrap align="flex-end">
          <Form.Item name="congressSeasonId" label="Nhiệm kỳ" style={{ minWidth: 220 }}>
            <Select options={(seasons.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Form.Item name="congressOrgId" label="Đại hội của đơn vị" style={{ minWidth: 320 }}>
            <OrgSearchSelect
              names={names}
              placeholder="(không liên quan đại hội)"
              data-testid="petition-congress-org"
            />
          </Form.Item>
          <Form.Item name="concernsPersonnel" valuePropName="checked">
            <Checkbox disabled={!congressOrg}>
              Liên quan nhân sự đại hội (giải quyết xong trước khai mạc)
            </Checkbox>
          </Form.Item>
        </Flex>
        <ErrorAlert error={register.error} />
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="register-submit">
          Tiếp nhận
        </Button>
      </Form>
    </Card>
  );
}
