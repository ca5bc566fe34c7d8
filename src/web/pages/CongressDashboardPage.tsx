/**
 * The congress season dashboard for any organisation: held / total with the deadlines, the
 * cumulative curves per level, the child organisations (click to drill down) and the list of who
 * is late, with their contact — all "as of" a chosen day, and live: a congress recorded anywhere
 * moves the figures through the server's events. The sections are in components/congress/
 * (ProgressCards, ChildrenTable, LateTable).
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
  Skeleton,
  Spin,
  Tabs,
  Tooltip,
  Typography,
} from "antd";
import { lazy, Suspense, useEffect } from "react";
import { Link, useParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import {
  childrenExportUrl,
  type LateParams,
  type LiveStatus,
  type ProgressParams,
  useChildrenProgress,
  useCongressEvents,
  useCurves,
  useDefaultOrgId,
  useOrg,
  useProgress,
} from "../api/index.ts";
import { ChildrenTable } from "../components/congress/ChildrenTable.tsx";
import { LateTable } from "../components/congress/LateTable.tsx";
import { ProgressCards } from "../components/congress/ProgressCards.tsx";
import { SeasonControls } from "../components/congress/SeasonControls.tsx";
import { useCongressSearch, withParam } from "../components/congress/useCongressSearch.ts";
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
