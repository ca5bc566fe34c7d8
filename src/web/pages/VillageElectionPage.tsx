/**
 * The village-head election day dashboard ("Bầu trưởng thôn"): villages reported / total by
 * district and commune (live through the server's `village` events), turnout, the winners'
 * vote-share bands, women and ethnic-minority heads, and the list of villages that must elect again.
 */
import { DownloadOutlined, EditOutlined, UnorderedListOutlined } from "@ant-design/icons";
import {
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { VILLAGE_STATUS_LABELS } from "../../domain/village/index.ts";
import type { LiveStatus } from "../api/congresses.ts";
import {
  type DashboardDto,
  useVillageDashboard,
  useVillageEvents,
  villageExportUrl,
} from "../api/village-elections.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useVillageDay, VILLAGE_STATUS_COLORS } from "../components/village/useVillageDay.ts";
import { paths } from "../paths.ts";

type AreaRow = DashboardDto["dashboard"]["byCommune"][number];
type FailedRow = DashboardDto["dashboard"]["reElectionList"][number];

const LIVE: Readonly<Record<LiveStatus, { badge: "processing" | "default" | "error"; text: string }>> = {
  live: { badge: "processing", text: "Đang cập nhật trực tiếp" },
  connecting: { badge: "default", text: "Đang kết nối cập nhật trực tiếp…" },
  offline: { badge: "error", text: "Mất kết nối cập nhật trực tiếp" },
};

function Figure({
  title,
  value,
  note,
  testId,
}: {
  title: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" style={{ height: "100%" }} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`${testId}-value`}>
        {value}
      </div>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Card>
  );
}

export function VillageElectionPage() {
  const { day, orgId, loading, error, setParam } = useVillageDay();
  const dashboard = useVillageDashboard(day?.id, orgId);
  const live = useVillageEvents(day?.id);
  if (loading) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;
  if (!day) return <Empty description="Chưa có ngày bầu trưởng thôn nào" />;
  const d = dashboard.data?.dashboard;
  const areaColumns = (drill: boolean): TableColumnsType<AreaRow> => [
    {
      title: drill ? "Huyện, thị xã, thành phố" : "Xã, phường, thị trấn",
      dataIndex: "name",
      render: (name: string, r) =>
        drill ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => setParam("donVi", r.id)}>
            {name}
          </Button>
        ) : (
          name
        ),
    },
    {
      title: "Đã báo cáo",
      key: "reported",
      render: (_, r) => `${formatNumber(r.reported)}/${formatNumber(r.total)} (${r.reportedPercent})`,
    },
    { title: "Bầu được", dataIndex: "elected", render: (n: number) => formatNumber(n) },
    {
      title: "Phải bầu lại",
      dataIndex: "reElection",
      render: (n: number) => (n > 0 ? <Tag color="orange">{formatNumber(n)}</Tag> : "0"),
    },
  ];
  const failedColumns: TableColumnsType<FailedRow> = [
    { title: "Thôn, khu phố", dataIndex: "villageName" },
    { title: "Xã, phường, thị trấn", dataIndex: "communeName" },
    { title: "Huyện", dataIndex: "districtName" },
    {
      title: "Tình trạng",
      dataIndex: "status",
      render: (s: FailedRow["status"]) => (
        <Tag color={VILLAGE_STATUS_COLORS[s]}>{VILLAGE_STATUS_LABELS[s]}</Tag>
      ),
    },
    { title: "Lý do", dataIndex: "explanation" },
    {
      title: "",
      key: "open",
      render: (_, r) => <Link to={`${paths.villageRecord}?thon=${r.villageId}`}>Mở</Link>,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {day.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            Ngày bầu {formatDate(day.electionDate)}, nhiệm kỳ {day.termStart}–{day.termEnd}
            {dashboard.data ? ` · ${dashboard.data.org.name}` : ""}
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          <Tooltip title="Số liệu tự làm mới khi có thôn báo cáo kết quả ở bất kỳ đâu">
            <span data-testid="village-live" data-status={live}>
              <Badge status={LIVE[live].badge} text={LIVE[live].text} />
            </span>
          </Tooltip>
          {orgId !== undefined && <Button onClick={() => setParam("donVi", undefined)}>Toàn bộ</Button>}
          <Link to={paths.villageRecord}>
            <Button type="primary" icon={<EditOutlined />} data-testid="village-record-link">
              Ghi kết quả một thôn
            </Button>
          </Link>
          <Link to={paths.villageChecklist}>
            <Button icon={<UnorderedListOutlined />}>Các bước chuẩn bị</Button>
          </Link>
          <Button icon={<DownloadOutlined />} href={villageExportUrl(day.id, orgId)}>
            Xuất Excel
          </Button>
        </Flex>
      </Flex>
      <ErrorAlert error={dashboard.error} />
      {!d ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8} lg={4}>
              <Figure
                testId="village-reported"
                title="Thôn đã báo cáo"
                value={`${formatNumber(d.reported)}/${formatNumber(d.total)}`}
                note={d.reportedPercent}
              />
            </Col>
            <Col xs={24} md={8} lg={4}>
              <Figure testId="village-elected" title="Bầu được trưởng thôn" value={formatNumber(d.elected)} />
            </Col>
            <Col xs={24} md={8} lg={4}>
              <Figure
                testId="village-reelection"
                title="Phải bầu lại"
                value={formatNumber(d.reElectionNeeded + d.interimNeeded)}
                note={
                  d.interimAppointed > 0 ? `Đã cử lâm thời ${formatNumber(d.interimAppointed)}` : undefined
                }
              />
            </Col>
            <Col xs={24} md={8} lg={4}>
              <Figure
                testId="village-turnout"
                title="Đại diện hộ tham dự"
                value={d.turnoutPercent}
                note={`${formatNumber(d.present)}/${formatNumber(d.electorate)}`}
              />
            </Col>
            <Col xs={24} md={8} lg={4}>
              <Figure
                testId="village-women"
                title="Trưởng thôn là nữ"
                value={formatNumber(d.womenHeads)}
                note={d.womenHeadsPercent}
              />
            </Col>
            <Col xs={24} md={8} lg={4}>
              <Figure
                testId="village-minority"
                title="Trưởng thôn người dân tộc thiểu số"
                value={formatNumber(d.ethnicMinorityHeads)}
                note={d.ethnicMinorityHeadsPercent}
              />
            </Col>
          </Row>
          <Card size="small" title="Tỷ lệ phiếu của người trúng cử (trên tổng số đại diện hộ gia đình)">
            <Flex gap={24} wrap data-testid="village-bands">
              {d.shareBands.map((b) => (
                <div key={b.key}>
                  <Typography.Text type="secondary">{b.label}: </Typography.Text>
                  <Typography.Text strong>
                    {formatNumber(b.count)} thôn ({b.percent})
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          </Card>
          <Card size="small" title={`Danh sách phải bầu lại (${formatNumber(d.reElectionList.length)})`}>
            <Table
              data-testid="village-reelection-list"
              rowKey="villageId"
              size="small"
              columns={failedColumns}
              dataSource={d.reElectionList}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: "Không có thôn nào phải bầu lại" }}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Card size="small" title="Theo huyện, thị xã, thành phố">
                <Table
                  rowKey="id"
                  size="small"
                  columns={areaColumns(true)}
                  dataSource={d.byDistrict}
                  pagination={false}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title="Theo xã, phường, thị trấn">
                <Table
                  rowKey="id"
                  size="small"
                  columns={areaColumns(false)}
                  dataSource={d.byCommune}
                  pagination={{ pageSize: 15, hideOnSinglePage: true }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
