/**
 * One letter (đơn thư): registering it (/don-thu/moi, optionally for a congress: ?ky=&dv=),
 * and its page — facts, people concerned, triage, assignment, handling steps, conclusion, notice
 * to the sender, attachments, and letters that may be about the same matter.
 */
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Result,
  Select,
  Skeleton,
  Timeline,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import {
  CHANNEL_LABELS,
  CHANNELS,
  COMPETENT_BODIES,
  COMPETENT_BODY_LABELS,
  CONCLUSION_LABELS,
  CONCLUSIONS,
  type CompetentBody,
  type Conclusion,
  PETITION_KIND_LABELS,
  PETITION_KINDS,
  SENDER_IDENTITIES,
  SENDER_IDENTITY_LABELS,
  SENDER_TYPE_LABELS,
  SENDER_TYPES,
} from "../../domain/complaints/types.ts";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { isApiError, useMe, useSeasons } from "../api/index.ts";
import {
  type PetitionDetailDto,
  petitionAttachmentUrl,
  type RegisterBody,
  usePetition,
  usePetitionAction,
  usePetitionSettings,
  useRegisterPetition,
  useUploadPetitionAttachment,
} from "../api/petitions.ts";
import { newestFirst } from "../components/congress/useCongressSearch.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { PersonSearchSelect } from "../components/petitions/PersonSearchSelect.tsx";
import { PetitionStatusTag } from "../components/petitions/PetitionTags.tsx";
import { paths } from "../paths.ts";

const DATE_FORMAT = "DD/MM/YYYY";
const iso = (d: Dayjs) => d.format("YYYY-MM-DD");
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), "day");
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

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

function RegisterForm() {
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
          receivedOn: dayjs(),
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
            <DatePicker format={DATE_FORMAT} disabledDate={notAfterToday} />
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

function TriageForm({ p }: { p: PetitionDetailDto }) {
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

function AssignForm({ p }: { p: PetitionDetailDto }) {
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

function StepForm({ p }: { p: PetitionDetailDto }) {
  const step = usePetitionAction(p.id, "steps");
  const [form] = Form.useForm<{ on: Dayjs; description: string }>();
  return (
    <Form<{ on: Dayjs; description: string }>
      form={form}
      layout="inline"
      initialValues={{ on: dayjs() }}
      onFinish={(v) =>
        step.mutate({ on: iso(v.on), description: v.description }, { onSuccess: () => form.resetFields() })
      }
    >
      <Form.Item name="on" label="Ngày">
        <DatePicker format={DATE_FORMAT} disabledDate={notAfterToday} />
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

function ConcludeForm({ p }: { p: PetitionDetailDto }) {
  const conclude = usePetitionAction(p.id, "conclude");
  return (
    <Form<{ conclusion: Conclusion; conclusionText: string; concludedOn: Dayjs }>
      layout="vertical"
      initialValues={{ concludedOn: dayjs() }}
      onFinish={(v) => conclude.mutate({ ...v, concludedOn: iso(v.concludedOn) })}
      data-testid="conclude-form"
    >
      <Flex gap={16} wrap>
        <Form.Item name="conclusion" label="Kết luận" rules={[{ required: true, message: "Chọn kết luận" }]}>
          <Radio.Group options={options(CONCLUSIONS, CONCLUSION_LABELS)} data-testid="conclusion" />
        </Form.Item>
        <Form.Item name="concludedOn" label="Ngày kết luận">
          <DatePicker format={DATE_FORMAT} disabledDate={notAfterToday} />
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

function NotifyForm({ p }: { p: PetitionDetailDto }) {
  const notify = usePetitionAction(p.id, "notify");
  if (p.senderIdentity !== "identified")
    return <Typography.Text type="secondary">Đơn không rõ người gửi: không gửi thông báo.</Typography.Text>;
  return (
    <Form<{ noticeOn: Dayjs; noticeText: string }>
      layout="inline"
      initialValues={{ noticeOn: dayjs() }}
      onFinish={(v) => notify.mutate({ noticeText: v.noticeText, noticeOn: iso(v.noticeOn) })}
    >
      <Form.Item name="noticeOn" label="Ngày thông báo">
        <DatePicker format={DATE_FORMAT} disabledDate={notAfterToday} />
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

function Attachments({ p }: { p: PetitionDetailDto }) {
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

function PetitionView({ id }: { id: number }) {
  const q = usePetition(id);
  useEffect(() => {
    if (q.data) document.title = `Đơn ${q.data.code} — Đại Hội`;
  }, [q.data]);
  if (isApiError(q.error) && q.error.status === 404)
    return (
      <Result
        status="404"
        title="Không tìm thấy đơn thư"
        extra={<Link to={paths.petitions}>Về sổ theo dõi</Link>}
      />
    );
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;
  const open = p.status === "received" || p.status === "triaged" || p.status === "in_handling";
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="petition-title">
          Đơn {p.kindLabel.toLowerCase()} số {p.code}
        </Typography.Title>
        <PetitionStatusTag status={p.status} overdueDays={p.overdueDays} />
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Ngày nhận">{formatDate(p.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="Nguồn">{CHANNEL_LABELS[p.channel]}</Descriptions.Item>
          <Descriptions.Item label="Người gửi">
            {SENDER_TYPE_LABELS[p.senderType]} — {SENDER_IDENTITY_LABELS[p.senderIdentity]}
            {p.senderName ? `: ${p.senderName}` : ""}
            {p.senderAddress ? `, ${p.senderAddress}` : ""}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị">{p.orgName}</Descriptions.Item>
          <Descriptions.Item label="Nội dung" span={2}>
            {p.summary}
          </Descriptions.Item>
          <Descriptions.Item label="Người, tổ chức liên quan" span={2}>
            {p.subjects.length === 0
              ? "—"
              : p.subjects.map((s, i) => (
                  <span key={`${s.personId}-${s.orgId}`}>
                    {i > 0 && "; "}
                    {s.personId ? <Link to={paths.person(s.personId)}>{s.personName}</Link> : s.orgName}
                  </span>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="Đại hội liên quan">
            {p.congressOrgId && p.congressSeasonId ? (
              <Link to={`${paths.congressRecord(p.congressOrgId)}?ky=${p.congressSeasonId}`}>
                {p.congressOrgName}
              </Link>
            ) : (
              "—"
            )}
            {p.congressOpensOn && ` (khai mạc ${formatDate(p.congressOpensOn)})`}
            {p.concernsPersonnel && " — liên quan nhân sự"}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan có thẩm quyền">
            {p.competentBody ? COMPETENT_BODY_LABELS[p.competentBody] : "—"}
          </Descriptions.Item>
          <Descriptions.Item label="Người xử lý">{p.assigneeName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn">
            {p.deadline ? `${formatDate(p.deadline)} (${p.deadlineRule ?? ""})` : "—"}
          </Descriptions.Item>
          {p.conclusion && (
            <Descriptions.Item label="Kết luận" span={2}>
              <span data-testid="petition-conclusion">
                {CONCLUSION_LABELS[p.conclusion]} ({formatDate(p.concludedOn ?? p.receivedOn)}):{" "}
                {p.conclusionText}
              </span>
            </Descriptions.Item>
          )}
          {p.noticeOn && (
            <Descriptions.Item label="Đã thông báo người gửi" span={2}>
              {formatDate(p.noticeOn)}: {p.noticeText}
            </Descriptions.Item>
          )}
          {p.duplicateOf && (
            <Descriptions.Item label="Cùng nội dung với" span={2}>
              <Link to={paths.petition(p.duplicateOf)}>đơn #{p.duplicateOf}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {p.status === "recorded_only" && (
        <Alert type="info" showIcon title="Đơn chỉ được lưu, không đưa vào xem xét giải quyết." />
      )}
      {(p.status === "received" || p.status === "triaged") && (
        <Card size="small" title="Phân loại">
          <TriageForm p={p} />
        </Card>
      )}
      {(p.status === "triaged" || p.status === "in_handling") && (
        <Card size="small" title="Giao xử lý">
          <AssignForm p={p} />
        </Card>
      )}
      <Card size="small" title="Các bước xử lý">
        <Timeline
          items={p.steps.map((s) => ({
            children: `${formatDate(s.on)} — ${s.description} (${s.byLabel})`,
          }))}
        />
        {p.steps.length === 0 && <Typography.Text type="secondary">Chưa có bước nào.</Typography.Text>}
        {open && p.status !== "received" && <StepForm p={p} />}
      </Card>
      {p.status === "in_handling" && (
        <Card size="small" title="Kết luận">
          <ConcludeForm p={p} />
        </Card>
      )}
      {p.status === "concluded" && (
        <Card size="small" title="Thông báo kết quả cho người gửi">
          <NotifyForm p={p} />
        </Card>
      )}
      <Card size="small" title="Tệp đính kèm">
        <Attachments p={p} />
      </Card>
    </Flex>
  );
}

export function PetitionPage() {
  const params = useParams();
  const me = useMe();
  const raw = Number(params.id);
  const isNew = params.id === undefined;
  // The breadcrumb names the letter by its register code (DT000001), never by its row id.
  const letter = usePetition(
    !isNew && Number.isInteger(raw) && raw > 0 && me.data?.canHandlePetitions ? raw : undefined,
  );
  if (me.data && !me.data.canHandlePetitions)
    return (
      <Result
        status="403"
        title="Bạn không có quyền xem đơn thư"
        subTitle="Chỉ cán bộ được giao giải quyết đơn thư và quản trị viên xem nội dung đơn."
        data-testid="petitions-forbidden"
      />
    );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: "list", title: <Link to={paths.petitions}>Đơn thư</Link> },
          { key: "self", title: isNew ? "Tiếp nhận đơn" : `Đơn ${letter.data?.code ?? ""}`.trim() },
        ]}
      />
      {isNew ? (
        <RegisterForm />
      ) : Number.isInteger(raw) && raw > 0 ? (
        <PetitionView id={raw} />
      ) : (
        <Result status="404" title="Không tìm thấy đơn thư" />
      )}
    </>
  );
}
