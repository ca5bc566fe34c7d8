/**
 * The legal steps before the village-head election day, per commune: the decision and plan (20
 * days before), the election team (10 days before) and the public notice (7 days before), each
 * done on time, late, or not yet due as of a chosen day. Officers record the dates of their communes.
 */
import { EditOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { STEP_STATUS_LABELS } from "../../domain/village/index.ts";
import { useMe } from "../api/index.ts";
import { type ChecklistDto, useSetCommuneSteps, useVillageChecklist } from "../api/village-elections.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useVillageDay } from "../components/village/useVillageDay.ts";
import { paths } from "../paths.ts";

type CommuneRow = ChecklistDto["communes"][number];
const COLORS = { done: "green", late: "red", "not-due": "default" } as const;

function StepsModal({
  dayId,
  commune,
  onClose,
}: {
  dayId: number;
  commune: CommuneRow;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSetCommuneSteps(dayId);
  return (
    <Modal
      open
      title={`Các bước chuẩn bị · ${commune.communeName}`}
      okText="Lưu"
      cancelText="Đóng"
      onCancel={onClose}
      okButtonProps={{ form: "steps", htmlType: "submit", loading: save.isPending }}
    >
      <Form
        id="steps"
        layout="vertical"
        initialValues={{
          decisionOn: commune.decisionOn ?? "",
          teamOn: commune.teamOn ?? "",
          noticeOn: commune.noticeOn ?? "",
        }}
        onFinish={async (v: { decisionOn: string; teamOn: string; noticeOn: string }) => {
          await save.mutateAsync({
            communeId: commune.communeId,
            decisionOn: v.decisionOn || null,
            teamOn: v.teamOn || null,
            noticeOn: v.noticeOn || null,
          });
          void message.success("Đã lưu");
          onClose();
        }}
      >
        {commune.steps.map((s) => (
          <Form.Item key={s.key} label={`${s.label} (chậm nhất ${formatDate(s.dueBy)})`} name={`${s.key}On`}>
            <Input type="date" />
          </Form.Item>
        ))}
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}

export function VillageChecklistPage() {
  const { day, orgId, loading, error, search, setParam } = useVillageDay();
  const asOf = search.get("tinhDen") ?? new Date().toISOString().slice(0, 10);
  const checklist = useVillageChecklist(day?.id, orgId, asOf);
  const me = useMe();
  const [editing, setEditing] = useState<CommuneRow | null>(null);
  if (loading) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;
  if (!day) return <Empty description="Chưa có ngày bầu trưởng thôn nào" />;
  const data = checklist.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Các bước chuẩn bị bầu trưởng thôn
          </Typography.Title>
          <Typography.Text type="secondary">
            Ngày bầu {formatDate(day.electionDate)}: quyết định và kế hoạch trước ít nhất 20 ngày, thành lập
            tổ bầu cử trước 10 ngày, niêm yết công khai trước 7 ngày.
          </Typography.Text>
        </div>
        <Flex gap={8} align="center">
          <span>Tính đến ngày</span>
          <Input
            type="date"
            value={asOf}
            style={{ width: 160 }}
            onChange={(e) => setParam("tinhDen", e.target.value)}
          />
          <Link to={paths.villageElections}>Về bảng theo dõi</Link>
        </Flex>
      </Flex>
      <ErrorAlert error={checklist.error} />
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Card
            size="small"
            title={`${data.org.name}: ${formatNumber(data.summary.communes)} xã, phường, thị trấn`}
          >
            <Flex gap={24} wrap data-testid="checklist-summary">
              {data.summary.byStep.map((s) => (
                <div key={s.key}>
                  <Typography.Text strong>{s.label}: </Typography.Text>
                  đúng hạn {formatNumber(s.done)}, trễ hạn {formatNumber(s.late)}, chưa đến hạn{" "}
                  {formatNumber(s.notDue)}
                </div>
              ))}
            </Flex>
          </Card>
          <Table<CommuneRow>
            data-testid="checklist-table"
            rowKey="communeId"
            size="small"
            dataSource={data.communes}
            pagination={{ pageSize: 25, hideOnSinglePage: true }}
            columns={[
              { title: "Huyện", dataIndex: "districtName" },
              { title: "Xã, phường, thị trấn", dataIndex: "communeName" },
              { title: "Số thôn", dataIndex: "villages", render: (n: number) => formatNumber(n) },
              ...data.communes[0]!.steps.map((s, i) => ({
                title: s.label,
                key: s.key,
                render: (_: unknown, r: CommuneRow) => {
                  const step = r.steps[i]!;
                  return (
                    <Tooltip title={step.explanation}>
                      <Tag color={COLORS[step.status]}>
                        {step.doneOn ? formatDate(step.doneOn) : STEP_STATUS_LABELS[step.status]}
                        {step.doneOn && step.status === "late" ? " (trễ)" : ""}
                      </Tag>
                    </Tooltip>
                  );
                },
              })),
              ...(me.data?.canWrite
                ? [
                    {
                      title: "",
                      key: "edit",
                      render: (_: unknown, r: CommuneRow) => (
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                          Ghi ngày
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {editing && <StepsModal dayId={day.id} commune={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
