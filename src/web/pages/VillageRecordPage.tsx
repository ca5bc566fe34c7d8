/**
 * A commune officer records one village's meeting to elect its head. While the figures are typed,
 * the village-head rule set (the same pure function the server uses) says whether the meeting
 * stands and who is elected, with the reason; saving records it with the meeting's procedural votes
 * (method, election team: each more than half of those present). The commune People's Committee's
 * recognition (Nghị định 59/2023, within 5 working days) is recorded next: the elected head's
 * village-head post starts that day. The page also shows the link to the Party: whether the
 * village branch secretary is the village head after the branch congress.
 */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../domain/format/number.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import {
  decideVillageMeeting,
  NOMINATION_LABELS,
  VILLAGE_STATUS_LABELS,
  type VillageMeetingInput,
  VOTING_METHOD_LABELS,
} from "../../domain/village/index.ts";
import { isApiError } from "../api/request.ts";
import {
  useAppointInterim,
  useRecogniseHead,
  useRecordVillageRound,
  useVillageElection,
  useVillageList,
  type VillageElectionDto,
} from "../api/village-elections.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useVillageDay, VILLAGE_STATUS_COLORS } from "../components/village/useVillageDay.ts";
import { paths } from "../paths.ts";

interface CandidateFields {
  fullName?: string;
  gender?: "male" | "female";
  birthDate?: string;
  ethnicity?: string;
  nomination?: "branch-committee" | "households" | "self";
  votes?: number | null;
}

interface MeetingFields {
  heldOn?: string;
  electorate?: number | null;
  present?: number | null;
  method?: "show-of-hands" | "secret-ballot";
  issued?: number | null;
  collected?: number | null;
  valid?: number | null;
  invalid?: number | null;
  team?: string;
  /** Approvals among those present of the voting method and of the election team. */
  methodApprovals?: number | null;
  teamApprovals?: number | null;
  candidates?: CandidateFields[];
}

const num = (v: number | null | undefined) => (v === undefined ? null : v);

/** The form's values as the domain takes them (missing figures stay missing: the domain names them). */
function meetingOf(v: MeetingFields, attempt: 1 | 2): unknown {
  const secret = v.method !== "show-of-hands";
  return {
    attempt,
    heldOn: v.heldOn ?? "",
    electorate: num(v.electorate),
    present: num(v.present),
    method: v.method ?? "secret-ballot",
    issued: secret ? num(v.issued) : null,
    collected: secret ? num(v.collected) : null,
    valid: secret ? num(v.valid) : null,
    invalid: secret ? num(v.invalid) : null,
    candidates: (v.candidates ?? []).map((c) => ({
      fullName: c?.fullName ?? "",
      nomination: c?.nomination ?? "branch-committee",
      personId: null,
      gender: c?.gender ?? "male",
      birthDate: c?.birthDate ? c.birthDate : null,
      ethnicity: c?.ethnicity?.trim() ? c.ethnicity : "Kinh",
      votes: num(c?.votes),
    })),
    team: (v.team ?? "")
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    proceduralVotes:
      v.methodApprovals == null && v.teamApprovals == null
        ? null
        : { method: num(v.methodApprovals), team: num(v.teamApprovals) },
  };
}

function Decision({ values, kind, attempt }: { values: MeetingFields; kind: string; attempt: 1 | 2 }) {
  const decided = useMemo(
    () => decideVillageMeeting(meetingOf(values, attempt), kind),
    [values, kind, attempt],
  );
  if (!decided.ok) {
    return (
      <Alert
        data-testid="meeting-decision"
        data-outcome="incomplete"
        type="info"
        showIcon
        title="Chưa đủ hoặc chưa khớp số liệu"
        description={
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {decided.error.slice(0, 8).map((i) => (
              <li key={`${i.path.join(".")}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        }
      />
    );
  }
  const d = decided.value;
  const elected = d.electedIndex !== null ? d.meeting.candidates[d.electedIndex]! : null;
  return (
    <Alert
      data-testid="meeting-decision"
      data-outcome={d.outcome}
      type={elected ? "success" : "warning"}
      showIcon
      title={
        elected
          ? `Hội nghị hợp lệ — ${elected.fullName} trúng cử`
          : d.result.quorum.met
            ? "Không ai trúng cử"
            : "Hội nghị không hợp lệ"
      }
      description={
        <>
          <div>{d.explanation}</div>
          <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
            {d.result.candidates.map((c) => (
              <li key={c.id}>
                {c.name}: {c.explanation}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

function MeetingForm({ view }: { view: VillageElectionDto }) {
  const { message } = App.useApp();
  const attempt = "attempt" in view.next ? view.next.attempt : 1;
  const [form] = Form.useForm<MeetingFields>();
  const values = Form.useWatch([], form) ?? {};
  const record = useRecordVillageRound(view.day.id, view.village.id);
  const secret = (values.method ?? "secret-ballot") === "secret-ballot";
  const issues = isApiError(record.error)
    ? ((record.error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [])
    : [];
  const previous = view.rounds.at(-1);
  return (
    <Card
      size="small"
      title={
        attempt === 1
          ? "Ghi kết quả hội nghị bầu trưởng thôn"
          : "Ghi kết quả bầu lại (lần 2, do UBND xã chỉ đạo)"
      }
    >
      <Form<MeetingFields>
        form={form}
        name="meeting"
        layout="vertical"
        initialValues={{
          heldOn: attempt === 1 ? view.day.electionDate : undefined,
          electorate: previous?.electorate,
          method: "secret-ballot",
          candidates: [{ gender: "male", ethnicity: "Kinh", nomination: "branch-committee" }],
        }}
        onFinish={async (v) => {
          await record.mutateAsync(meetingOf(v, attempt) as VillageMeetingInput);
          void message.success("Đã ghi kết quả");
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item label="Ngày họp" name="heldOn">
            <Input type="date" />
          </Form.Item>
          <Form.Item label="Tổng số đại diện hộ gia đình" name="electorate">
            <InputNumber min={0} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="Số có mặt" name="present">
            <InputNumber min={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="Hình thức bầu" name="method">
            <Radio.Group
              options={Object.entries(VOTING_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Flex>
        {secret && (
          <Flex gap={12} wrap>
            <Form.Item label="Phiếu phát ra" name="issued">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="Phiếu thu vào" name="collected">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="Phiếu hợp lệ" name="valid">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="Phiếu không hợp lệ" name="invalid">
              <InputNumber min={0} />
            </Form.Item>
          </Flex>
        )}
        <Form.Item label="Tổ bầu cử (3–5 người; họ tên, cách nhau bởi dấu ;)" name="team">
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            label="Số tán thành hình thức bầu"
            name="methodApprovals"
            tooltip="Biểu quyết thủ tục: phải quá 1/2 số có mặt"
          >
            <InputNumber min={0} style={{ width: 150 }} data-testid="method-approvals" />
          </Form.Item>
          <Form.Item
            label="Số tán thành tổ bầu cử"
            name="teamApprovals"
            tooltip="Biểu quyết thủ tục: phải quá 1/2 số có mặt"
          >
            <InputNumber min={0} style={{ width: 150 }} data-testid="team-approvals" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>Người ứng cử</Typography.Text>
        <Form.List name="candidates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="end">
                  <Form.Item label="Họ và tên" name={[f.name, "fullName"]}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item label="Giới tính" name={[f.name, "gender"]}>
                    <Select
                      style={{ width: 90 }}
                      options={[
                        { value: "male", label: "Nam" },
                        { value: "female", label: "Nữ" },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item label="Ngày sinh" name={[f.name, "birthDate"]}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item label="Dân tộc" name={[f.name, "ethnicity"]}>
                    <Input style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item label="Giới thiệu" name={[f.name, "nomination"]}>
                    <Select
                      style={{ width: 200 }}
                      options={Object.entries(NOMINATION_LABELS).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Form.Item label="Số phiếu" name={[f.name, "votes"]}>
                    <InputNumber min={0} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Form.Item>
                      <Button
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label="Bỏ người này"
                      />
                    </Form.Item>
                  )}
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ gender: "male", ethnicity: "Kinh", nomination: "self" })}
                data-testid="add-candidate"
                style={{ marginBottom: 12 }}
              >
                Thêm người ứng cử
              </Button>
            </>
          )}
        </Form.List>
        <Decision values={values} kind={view.village.kind} attempt={attempt} />
        <ErrorAlert error={record.error} />
        {issues.length > 0 && (
          <ul data-testid="meeting-issues">
            {issues.map((i) => (
              <li key={`${i.path}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={record.isPending}
          style={{ marginTop: 12 }}
          data-testid="meeting-save"
        >
          Ghi kết quả
        </Button>
      </Form>
    </Card>
  );
}

function InterimForm({ view }: { view: VillageElectionDto }) {
  const appoint = useAppointInterim(view.day.id, view.village.id);
  return (
    <Card size="small" title="Chủ tịch UBND xã cử trưởng thôn lâm thời">
      <Form
        name="interim"
        layout="inline"
        initialValues={{ gender: "male", ethnicity: "Kinh" }}
        onFinish={(v: {
          fullName: string;
          gender: "male" | "female";
          birthDate?: string;
          ethnicity: string;
          decisionNumber: string;
          appointedOn: string;
        }) => appoint.mutate({ ...v, personId: null, birthDate: v.birthDate || null })}
      >
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, message: "Nhập họ và tên" }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Giới tính" name="gender">
          <Select
            style={{ width: 90 }}
            options={[
              { value: "male", label: "Nam" },
              { value: "female", label: "Nữ" },
            ]}
          />
        </Form.Item>
        <Form.Item label="Ngày sinh" name="birthDate">
          <Input type="date" />
        </Form.Item>
        <Form.Item label="Dân tộc" name="ethnicity">
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item
          label="Số quyết định"
          name="decisionNumber"
          rules={[{ required: true, message: "Nhập số quyết định" }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Ngày quyết định"
          name="appointedOn"
          rules={[{ required: true, message: "Nhập ngày" }]}
        >
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={appoint.isPending}>
          Ghi quyết định
        </Button>
      </Form>
      <ErrorAlert error={appoint.error} />
    </Card>
  );
}

/** The commune People's Committee's recognition of the elected head: recorded, or the form to record it. */
function Recognition({ view }: { view: VillageElectionDto }) {
  const recognise = useRecogniseHead(view.day.id, view.village.id);
  const state = view.recognition!;
  const r = view.result;
  if (state.kind === "recognised" && r?.recognisedOn) {
    return (
      <Card size="small" title="UBND cấp xã công nhận kết quả" data-testid="recognition">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "d", label: "Quyết định", children: r.recognitionDecision },
            { key: "o", label: "Ngày công nhận", children: formatDate(r.recognisedOn) },
            { key: "b", label: "Người ký", children: r.recognisedBy },
          ]}
        />
        <Alert
          style={{ marginTop: 8 }}
          type={state.late ? "warning" : "success"}
          showIcon
          title={state.note}
          data-testid="recognition-note"
          data-late={state.late}
        />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title="UBND cấp xã công nhận kết quả (trong 5 ngày làm việc)"
      data-testid="recognition"
    >
      <Alert
        type={state.late ? "warning" : "info"}
        showIcon
        title={state.note}
        data-testid="recognition-note"
        data-late={state.late}
        style={{ marginBottom: 8 }}
      />
      <Form
        name="recognition"
        layout="inline"
        initialValues={{
          recognisedBy: `Chủ tịch UBND ${view.village.communeName.replace(/^Đảng bộ\s+/, "")}`,
        }}
        onFinish={(v: { decisionNumber: string; recognisedOn: string; recognisedBy: string }) =>
          recognise.mutate(v)
        }
      >
        <Form.Item
          label="Số quyết định"
          name="decisionNumber"
          rules={[{ required: true, message: "Nhập số quyết định công nhận" }]}
        >
          <Input data-testid="recognition-decision" placeholder="15/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          label="Ngày công nhận"
          name="recognisedOn"
          rules={[{ required: true, message: "Nhập ngày công nhận" }]}
        >
          <Input type="date" data-testid="recognition-date" />
        </Form.Item>
        <Form.Item
          label="Người ký"
          name="recognisedBy"
          rules={[{ required: true, message: "Nhập người ký" }]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={recognise.isPending} data-testid="recognition-save">
          Ghi công nhận
        </Button>
      </Form>
      <ErrorAlert error={recognise.error} />
    </Card>
  );
}

function VillageView({ view }: { view: VillageElectionDto }) {
  const status = view.result?.status ?? "not-reported";
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {view.village.name} · {view.village.communeName} · {view.village.districtName}
          </Typography.Title>
          <Tag color={VILLAGE_STATUS_COLORS[status]} data-testid="village-status" data-status={status}>
            {VILLAGE_STATUS_LABELS[status]}
          </Tag>
        </Flex>
        {view.result && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="village-explanation">
            {view.result.explanation}
          </Typography.Paragraph>
        )}
      </Card>
      {view.recognition && <Recognition view={view} />}
      {view.rounds.map((r) => {
        const decision = r.decision as { candidates?: { explanation: string }[] } | null;
        return (
          <Card
            key={r.id}
            size="small"
            title={`Lần bầu ${r.attempt} · ${formatDate(r.heldOn)} · ${VOTING_METHOD_LABELS[r.method]}`}
          >
            <Typography.Paragraph>{r.explanation}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" data-testid="procedural-votes">
              Tổ bầu cử: {r.team.join("; ") || "—"}.{" "}
              {r.proceduralVotes
                ? `Biểu quyết hình thức bầu: ${formatNumber(r.proceduralVotes.method)}/${formatNumber(r.present)} người có mặt tán thành (${formatPercent(r.proceduralVotes.method, r.present)}); biểu quyết tổ bầu cử: ${formatNumber(r.proceduralVotes.team)}/${formatNumber(r.present)} (${formatPercent(r.proceduralVotes.team, r.present)}).`
                : "Biên bản không ghi số biểu quyết thủ tục."}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="position"
              pagination={false}
              dataSource={r.candidates}
              columns={[
                { title: "Người ứng cử", dataIndex: "fullName" },
                {
                  title: "Giới thiệu",
                  dataIndex: "nomination",
                  render: (n: keyof typeof NOMINATION_LABELS) => NOMINATION_LABELS[n],
                },
                {
                  title: "Số phiếu",
                  dataIndex: "votes",
                  render: (v: number) => `${formatNumber(v)} (${formatPercent(v, r.electorate)})`,
                },
                {
                  title: "Kết quả",
                  key: "why",
                  render: (_, c) => decision?.candidates?.[c.position - 1]?.explanation ?? "",
                },
              ]}
            />
          </Card>
        );
      })}
      <Card size="small" title="“Dân tin – Đảng cử”: trưởng thôn và bí thư chi bộ">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: "h",
              label: `Trưởng thôn (ngày ${formatDate(view.link.asOf)})`,
              children: view.link.heads.map((h) => h.name).join(", ") || "—",
            },
            {
              key: "s",
              label: "Bí thư chi bộ",
              children: view.link.secretaries.map((s) => s.name).join(", ") || "—",
            },
            {
              key: "same",
              label: "Bí thư chi bộ đồng thời là trưởng thôn",
              children: (
                <Tag color={view.link.secretaryIsHead ? "green" : "default"} data-testid="secretary-is-head">
                  {view.link.secretaryIsHead ? "Có" : "Chưa"}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {"attempt" in view.next ? (
        <MeetingForm key={`${view.village.id}-${view.next.attempt}`} view={view} />
      ) : status === "interim-needed" ? (
        <InterimForm view={view} />
      ) : (
        <Alert type="info" showIcon title={view.next.closed} />
      )}
    </Flex>
  );
}

export function VillageRecordPage() {
  const { day, search, setParam, loading, error } = useVillageDay();
  const raw = Number(search.get("thon"));
  const villageId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const list = useVillageList(day?.id, undefined);
  const detail = useVillageElection(day?.id, villageId);
  if (loading) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;
  if (!day) return <Empty description="Chưa có ngày bầu trưởng thôn nào" />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Ghi kết quả bầu trưởng thôn · {formatDate(day.electionDate)}
        </Typography.Title>
        <Link to={paths.villageElections}>Về bảng theo dõi</Link>
      </Flex>
      <ErrorAlert error={list.error} />
      <Select
        data-testid="village-select"
        showSearch
        placeholder="Chọn thôn, bản, khu phố (gõ tên để tìm)"
        style={{ maxWidth: 560 }}
        loading={list.isLoading}
        value={villageId}
        onChange={(id: number) => setParam("thon", id)}
        filterOption={(input, option) =>
          foldDiacritics(String(option?.label ?? "")).includes(foldDiacritics(input))
        }
        options={(list.data?.villages ?? []).map((v) => ({
          value: v.id,
          label: `${v.name} – ${v.communeName} (${v.statusLabel})`,
        }))}
      />
      <ErrorAlert error={detail.error} />
      {villageId !== undefined && (detail.data ? <VillageView view={detail.data} /> : <Skeleton active />)}
    </Flex>
  );
}
