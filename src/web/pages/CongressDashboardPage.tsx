/**
 * The congress season dashboard for any organisation: held / total with the deadlines, the
 * cumulative curves per level, the child organisations (click to drill down) and the list of who
 * is late, with their contact — all "as of" a chosen day, and live: a congress recorded anywhere
 * moves the figures through the server's events.
 */
import { DownloadOutlined, EditOutlined, FlagOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Badge,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  Tabs,
  Tooltip,
  Typography,
} from "antd";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../domain/format/number.ts";
import {
  type ChildProgressRow,
  childrenExportUrl,
  type LateAgainst,
  type LateParams,
  type LateRowDto,
  type LiveStatus,
  lateExportUrl,
  type ProgressDto,
  type ProgressParams,
  useChildrenProgress,
  useCongressEvents,
  useCurves,
  useDefaultOrgId,
  useLateList,
  useOrg,
  useProgress,
} from "../api/index.ts";
import { SeasonControls } from "../components/congress/SeasonControls.tsx";
import {
  type CongressSearch,
  useCongressSearch,
  withParam,
} from "../components/congress/useCongressSearch.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { paths } from "../paths.ts";

const ProgressChart = lazy(() => import("../components/congress/ProgressChart.tsx"));

/** The chart's place while its data or its code loads: never a blank box. */
function ChartSkeleton() {
  return (
    <div data-testid="progress-chart-loading">
      <Skeleton.Node active style={{ width: "100%", height: 340 }} />
    </div>
  );
}

function parseId(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : Number.NaN;
}

const ratio = (x: number, y: number) => `${formatNumber(x)}/${formatNumber(y)}`;

// ---------------------------------------------------------------- live indicator

const LIVE_TEXT: Readonly<Record<LiveStatus, { badge: "processing" | "default" | "error"; text: string }>> = {
  live: { badge: "processing", text: "Đang cập nhật trực tiếp" },
  connecting: { badge: "default", text: "Đang kết nối cập nhật trực tiếp…" },
  offline: { badge: "error", text: "Mất kết nối cập nhật trực tiếp" },
};

function LiveIndicator({ status }: { status: LiveStatus }) {
  const { badge, text } = LIVE_TEXT[status];
  return (
    <Tooltip title="Số liệu tự làm mới khi có đại hội được ghi nhận ở bất kỳ đơn vị nào">
      <span data-testid="live-indicator" data-status={status}>
        <Badge status={badge} text={text} />
      </span>
    </Tooltip>
  );
}

// ---------------------------------------------------------------- figure cards

function FigureCard({
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
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }} data-testid={`${testId}-value`}>
        {value}
      </div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`${testId}-note`}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

function ProgressCards({ progress }: { progress: ProgressDto }) {
  const p = progress;
  const held = p.held;
  const deadlineNote = (phrase: string | undefined, onTime: number | null) => {
    if (phrase) return `Hoàn thành ${phrase}`;
    if (onTime === null) return "Cấp này không có hạn";
    return `${formatPercent(onTime, held)} số đã tổ chức`;
  };
  const cards: { key: string; title: string; value: ReactNode; note?: ReactNode }[] = [
    {
      key: "progress-held",
      title: "Đã tổ chức đại hội",
      value: (
        <>
          {ratio(held, p.total)}{" "}
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>
            ({p.heldPercent})
          </Typography.Text>
        </>
      ),
      note:
        p.notHeld > 0
          ? `Chưa tổ chức ${formatNumber(p.notHeld)}, trong đó chưa có lịch ${formatNumber(p.unscheduled)}`
          : p.firstHeldOn && p.lastHeldOn
            ? `Từ ${formatDate(p.firstHeldOn)} đến ${formatDate(p.lastHeldOn)}`
            : undefined,
    },
    {
      key: "progress-on-time-province",
      title: "Đúng hạn của Tỉnh ủy",
      value: p.onTimeProvince === null ? "—" : ratio(p.onTimeProvince, held),
      note: deadlineNote(p.completion?.province?.phrase, p.onTimeProvince),
    },
    {
      key: "progress-on-time-central",
      title: "Đúng hạn của Trung ương",
      value: p.onTimeCentral === null ? "—" : ratio(p.onTimeCentral, held),
      note: deadlineNote(p.completion?.central?.phrase, p.onTimeCentral),
    },
    {
      key: "progress-pilots",
      title: "Đại hội điểm",
      // No pilot at this level: say so, not "0/0".
      value: p.pilots.total === 0 ? "Không có" : ratio(p.pilots.held, p.pilots.total),
      note: p.pilots.total === 0 ? "Cấp này không chọn đại hội điểm" : "Đã tổ chức / được chọn làm điểm",
    },
    {
      key: "progress-contents",
      title: "Đủ 4 nội dung",
      value: ratio(p.contentsComplete, held),
      note:
        p.committeeAppointed > 0
          ? `${formatNumber(p.committeeAppointed)} đại hội có cấp ủy được chỉ định`
          : "Trên số đại hội đã tổ chức",
    },
    {
      key: "progress-direct-secretary",
      title: "Bầu trực tiếp bí thư tại đại hội",
      value: ratio(p.directSecretary, p.resultsRecorded),
      note: "Trên số đại hội đã nhập kết quả",
    },
    {
      key: "progress-one-round",
      title: "Bầu cấp ủy một lần đủ số lượng",
      value: ratio(p.oneRoundFull, p.resultsRecorded),
      note: "Trên số đại hội đã nhập kết quả",
    },
    {
      key: "progress-pending",
      title: "Chờ chuẩn y",
      value: formatNumber(p.confirmationsPending),
      note: `Chưa nhập kết quả: ${formatNumber(p.resultsPending)}; đã chuẩn y: ${formatNumber(p.confirmed)}`,
    },
    {
      key: "progress-vote-share",
      title: "Tỷ lệ phiếu bầu bí thư",
      value:
        p.secretaryVoteShareMinText && p.secretaryVoteShareMaxText
          ? `${p.secretaryVoteShareMinText} – ${p.secretaryVoteShareMaxText}`
          : "—",
      note: "Thấp nhất – cao nhất",
    },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="progress-cards">
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={12} lg={8} xxl={6}>
          <FigureCard title={c.title} value={c.value} note={c.note} testId={c.key} />
        </Col>
      ))}
    </Row>
  );
}

// ---------------------------------------------------------------- children table

function ChildrenTable({
  rows,
  loading,
  search,
}: {
  rows: readonly ChildProgressRow[];
  loading: boolean;
  search: string;
}) {
  const navigate = useNavigate();
  const share = (r: ChildProgressRow) => (r.total === 0 ? -1 : r.held / r.total);
  const columns: TableColumnsType<ChildProgressRow> = [
    {
      title: "Đơn vị trực thuộc",
      dataIndex: "name",
      sorter: (a, b) => a.name.localeCompare(b.name, "vi"),
      render: (name: string, row) => (
        <Link to={`${paths.congressOrg(row.orgId)}${search}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: "Đã tổ chức",
      key: "ratio",
      align: "right",
      sorter: (a, b) => a.held - b.held || a.total - b.total,
      render: (_: unknown, row) => <span data-testid="child-ratio">{ratio(row.held, row.total)}</span>,
    },
    {
      title: "Tỷ lệ",
      dataIndex: "heldPercent",
      align: "right",
      defaultSortOrder: "ascend",
      sorter: (a, b) => share(a) - share(b),
    },
    {
      title: "Đã nhập kết quả",
      dataIndex: "resultsRecorded",
      align: "right",
      responsive: ["md"],
      sorter: (a, b) => a.resultsRecorded - b.resultsRecorded,
      render: (n: number) => formatNumber(n),
    },
    {
      title: "Đúng hạn Tỉnh ủy",
      dataIndex: "onTimeProvince",
      align: "right",
      responsive: ["lg"],
      sorter: (a, b) => (a.onTimeProvince ?? -1) - (b.onTimeProvince ?? -1),
      render: (n: number | null) => (n === null ? "—" : formatNumber(n)),
    },
  ];
  return (
    <Table<ChildProgressRow>
      data-testid="children-progress"
      size="small"
      rowKey="orgId"
      loading={loading}
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 20 && { pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: "Không có đơn vị trực thuộc ở cấp này" }}
      onRow={(row) => ({
        onClick: () => navigate(`${paths.congressOrg(row.orgId)}${search}`),
        style: { cursor: "pointer" },
      })}
      scroll={{ x: "max-content" }}
    />
  );
}

// ---------------------------------------------------------------- late list

const AGAINST_OPTIONS: { value: LateAgainst; label: string }[] = [
  { value: "binding", label: "Hạn áp dụng (sớm hơn)" },
  { value: "province", label: "Hạn của Tỉnh ủy" },
  { value: "central", label: "Hạn của Trung ương" },
];

function LateTable({
  seasonId,
  params,
  search,
}: {
  seasonId: number;
  params: LateParams;
  search: CongressSearch;
}) {
  const late = useLateList(seasonId, params);
  const rows = late.data ?? [];
  const columns: TableColumnsType<LateRowDto> = [
    {
      title: "Đơn vị",
      dataIndex: "name",
      sorter: (a, b) => a.name.localeCompare(b.name, "vi"),
      render: (name: string, row) => (
        <Flex vertical>
          <Link to={`${paths.congressRecord(row.orgId)}${search.search}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.pathNames.join(" › ")}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: "Lý do", dataIndex: "reasonText" },
    {
      title: "Hạn",
      dataIndex: "deadline",
      sorter: (a, b) => a.deadline.localeCompare(b.deadline),
      render: (d: string) => formatDate(d),
    },
    {
      title: "Quá hạn (ngày)",
      dataIndex: "daysOverdue",
      align: "right",
      defaultSortOrder: "descend",
      sorter: (a, b) => a.daysOverdue - b.daysOverdue,
      render: (n: number) => formatNumber(n),
    },
    { title: "Người phụ trách", dataIndex: "contactName", render: (v: string | null) => v ?? "—" },
    {
      title: "Điện thoại",
      dataIndex: "contactPhone",
      render: (v: string | null) => (v ? <a href={`tel:${v.replace(/\s/g, "")}`}>{v}</a> : "—"),
    },
  ];
  return (
    <Card
      size="small"
      title={`Đơn vị chậm tiến độ (${formatNumber(rows.length)})`}
      extra={
        <Flex gap={8} align="center" wrap>
          <Select
            size="small"
            style={{ minWidth: 200 }}
            value={params.against ?? "binding"}
            options={AGAINST_OPTIONS}
            onChange={(v: LateAgainst) => search.update({ han: v === "binding" ? null : v })}
            data-testid="late-against"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={lateExportUrl(seasonId, params)}
            download
            data-testid="late-export-link"
          >
            Xuất Excel
          </Button>
        </Flex>
      }
    >
      {late.error && <ErrorAlert error={late.error} />}
      <Table<LateRowDto>
        data-testid="late-list"
        size="small"
        rowKey="orgId"
        loading={late.isFetching && !late.data}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 && { pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: "Không có đơn vị nào chậm so với hạn đã chọn" }}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- the page

export function CongressDashboardPage() {
  const routeOrgId = parseId(useParams().orgId);
  const search = useCongressSearch();
  const names = useHierarchyNames();
  const season = search.season;
  const defaultOrgId = useDefaultOrgId(season?.rootOrgId);
  const orgId = routeOrgId ?? defaultOrgId;
  const validOrg = orgId !== undefined && !Number.isNaN(orgId);
  const org = useOrg(validOrg ? orgId : undefined);
  const live = useCongressEvents(season?.id);

  const progressParams: ProgressParams | undefined =
    validOrg && search.level
      ? { orgId, level: search.level.code, asOf: search.asOf, orgLevels: search.orgLevels }
      : undefined;
  const progress = useProgress(season?.id, progressParams);
  const children = useChildrenProgress(season?.id, progressParams);
  const curves = useCurves(season?.id, validOrg ? orgId : undefined, search.asOf);
  const lateParams: LateParams | undefined = validOrg
    ? { orgId, asOf: search.asOf, level: search.level?.code, against: search.against }
    : undefined;

  useEffect(() => {
    document.title = `Tiến độ đại hội${org.data ? ` — ${org.data.name}` : ""} — Đại Hội`;
  }, [org.data]);

  if (search.seasonsError) return <ErrorAlert error={search.seasonsError} />;
  if (search.seasonsLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!season)
    return (
      <Result
        icon={<FlagOutlined />}
        title="Chưa có nhiệm kỳ đại hội nào"
        subTitle="Khi kế hoạch đại hội được nạp vào hệ thống, tiến độ sẽ hiện ở đây."
      />
    );
  if (!validOrg) return <Result status="404" title="Không tìm thấy đơn vị" />;

  const level = search.level;
  const orgLevelOptions =
    level && level.orgLevels.length > 1
      ? [
          { value: "", label: "Tất cả" },
          ...level.orgLevels.map((code) => ({ value: code, label: names.levelName(code) })),
        ]
      : null;

  return (
    <>
      <Breadcrumb
        data-testid="congress-breadcrumb"
        items={[
          ...(org.data?.ancestors ?? []).map((a) => ({
            key: String(a.id),
            title: <Link to={`${paths.congressOrg(a.id)}${search.search}`}>{a.name}</Link>,
          })),
          { key: "self", title: org.data?.name ?? "…" },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ margin: "8px 0 12px" }}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="congress-title">
            Tiến độ đại hội — {org.data?.name ?? "…"}
          </Typography.Title>
          <Typography.Text type="secondary">
            {season.name}; kế hoạch {season.plan.number} ngày {formatDate(season.plan.date)} của{" "}
            {season.plan.issuer}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="center" wrap>
          <LiveIndicator status={live} />
          <Link to={`${paths.congressRecord(orgId)}${search.search}`}>
            <Button icon={<EditOutlined />} data-testid="congress-record-link">
              Ghi nhận đại hội
            </Button>
          </Link>
          <Link to={`${paths.congressImport}${withParam(search.search, "dv", orgId)}`}>
            <Button icon={<UploadOutlined />}>Nhập từ Excel</Button>
          </Link>
        </Flex>
      </Flex>
      {org.error && <ErrorAlert error={org.error} />}

      <Flex vertical gap={12}>
        <SeasonControls search={search} />
        <Tabs
          data-testid="level-tabs"
          activeKey={level?.code}
          onChange={(code) => search.update({ cap: code, loai: null })}
          items={search.levels.map((l) => ({
            key: l.code,
            label: l.name,
          }))}
          tabBarExtraContent={
            level && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {level.provinceDeadline && `Hạn Tỉnh ủy: ${formatDate(level.provinceDeadline)}`}
                {level.provinceDeadline && level.centralDeadline && " · "}
                {level.centralDeadline && `Hạn Trung ương: ${formatDate(level.centralDeadline)}`}
              </Typography.Text>
            )
          }
          style={{ marginBottom: -12 }}
        />
        {orgLevelOptions && (
          <Segmented
            data-testid="org-level-filter"
            value={search.orgLevels ?? ""}
            options={orgLevelOptions}
            onChange={(v) => search.update({ loai: String(v) || null })}
          />
        )}

        {progress.error && <ErrorAlert error={progress.error} />}
        {progress.data ? (
          <Spin spinning={progress.isFetching && progress.isPlaceholderData}>
            <ProgressCards progress={progress.data} />
          </Spin>
        ) : (
          !progress.error && <Skeleton active paragraph={{ rows: 4 }} />
        )}

        <Card size="small" title="Lũy kế số đại hội đã tổ chức theo thời gian">
          {curves.error && <ErrorAlert error={curves.error} />}
          {/* The chart's code (ECharts, the largest download) is asked for once the figures and
              the table are there, so that on a slow line it does not delay them. */}
          {curves.data &&
          curves.data.length > 0 &&
          (progress.data || progress.error) &&
          !children.isLoading ? (
            <Suspense fallback={<ChartSkeleton />}>
              <ProgressChart curves={curves.data} asOf={search.asOf} />
            </Suspense>
          ) : curves.isLoading || (curves.data && curves.data.length > 0) ? (
            <ChartSkeleton />
          ) : (
            <Empty description="Chưa có số liệu" />
          )}
        </Card>

        <Row gutter={[12, 12]}>
          <Col span={24}>
            <Card
              size="small"
              title={`Các đơn vị trực thuộc — ${level?.name ?? ""}`}
              extra={
                progressParams && (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={childrenExportUrl(season.id, progressParams)}
                    download
                    data-testid="children-export-link"
                  >
                    Xuất Excel
                  </Button>
                )
              }
            >
              {children.error && <ErrorAlert error={children.error} />}
              <ChildrenTable rows={children.data ?? []} loading={children.isLoading} search={search.search} />
            </Card>
          </Col>
          <Col span={24}>
            {lateParams && <LateTable seasonId={season.id} params={lateParams} search={search} />}
          </Col>
        </Row>
      </Flex>
    </>
  );
}
