/**
 * Recording one organisation's congress in a season ("ghi nhận"): its status and facts, the
 * ordering warnings, the form for the next step, and the congresses of the organisations directly
 * under it — the list an officer works through one by one.
 */
import { BarChartOutlined, CheckSquareOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Breadcrumb,
  Button,
  Card,
  Flex,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { type CongressDto, isApiError, useCongress, useCongressList, useOrg } from "../api/index.ts";
import { CongressFacts, CongressWarnings, formatDateRange } from "../components/congress/CongressFacts.tsx";
import { CongressSteps } from "../components/congress/CongressForms.tsx";
import { CongressStatusTag } from "../components/congress/CongressStatusTag.tsx";
import { SeasonControls } from "../components/congress/SeasonControls.tsx";
import { useCongressSearch, withParam } from "../components/congress/useCongressSearch.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { LevelTag, useHierarchyNames } from "../components/hierarchy.tsx";
import { CongressPetitionsCard } from "../components/petitions/CongressPetitionsCard.tsx";
import { VillageHeadLinkCard } from "../components/village/VillageHeadLinkCard.tsx";
import { paths } from "../paths.ts";

function ChildrenCongresses({
  seasonId,
  parentId,
  search,
}: {
  seasonId: number;
  parentId: number;
  search: string;
}) {
  const list = useCongressList(seasonId, parentId);
  const names = useHierarchyNames();
  const navigate = useNavigate();
  const rows = list.data ?? [];
  const open = (row: CongressDto) => navigate(`${paths.congressRecord(row.org.id)}${search}`);
  const columns: TableColumnsType<CongressDto> = [
    {
      title: "Đơn vị",
      key: "name",
      sorter: (a, b) => a.org.name.localeCompare(b.org.name, "vi"),
      render: (_: unknown, row) => (
        <Link to={`${paths.congressRecord(row.org.id)}${search}`}>{row.org.name}</Link>
      ),
    },
    {
      title: "Cấp",
      key: "level",
      responsive: ["md"],
      render: (_: unknown, row) => <LevelTag level={row.org.level} names={names} />,
    },
    {
      title: "Trạng thái",
      key: "status",
      filters: [
        { text: "Chưa có kế hoạch", value: "none" },
        { text: "Đã lên kế hoạch", value: "planned" },
        { text: "Đã tổ chức", value: "held" },
        { text: "Đã nhập kết quả", value: "results_recorded" },
        { text: "Đã chuẩn y", value: "confirmed" },
      ],
      onFilter: (value, row) => (row.congress?.status ?? "none") === value,
      render: (_: unknown, row) =>
        row.seasonLevel === null ? (
          <Typography.Text type="secondary">Không thuộc cấp đại hội</Typography.Text>
        ) : (
          <CongressStatusTag status={row.congress?.status} />
        ),
    },
    {
      title: "Dự kiến",
      key: "planned",
      sorter: (a, b) => (a.congress?.plannedStart ?? "").localeCompare(b.congress?.plannedStart ?? ""),
      render: (_: unknown, row) =>
        row.congress ? formatDateRange(row.congress.plannedStart, row.congress.plannedEnd) : "—",
    },
    {
      title: "Tổ chức",
      key: "actual",
      sorter: (a, b) => (a.congress?.actualStart ?? "").localeCompare(b.congress?.actualStart ?? ""),
      render: (_: unknown, row) =>
        row.congress ? formatDateRange(row.congress.actualStart, row.congress.actualEnd) : "—",
    },
    {
      title: "Liên hệ",
      key: "contact",
      responsive: ["lg"],
      render: (_: unknown, row) =>
        row.contactName ? `${row.contactName}${row.contactPhone ? ` — ${row.contactPhone}` : ""}` : "—",
    },
    {
      title: "",
      key: "warnings",
      responsive: ["lg"],
      render: (_: unknown, row) =>
        row.warnings.length > 0 ? (
          <Typography.Text type="warning" title={row.warnings.join("\n")}>
            {row.warnings.length} lưu ý
          </Typography.Text>
        ) : null,
    },
    {
      title: "",
      key: "open",
      width: 110,
      render: (_: unknown, row) => (
        <Button size="small" onClick={() => open(row)} disabled={row.seasonLevel === null}>
          Ghi nhận
        </Button>
      ),
    },
  ];
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.isLoading && rows.length === 0) return null;
  return (
    <Card size="small" title={`Đại hội của các đơn vị trực thuộc (${rows.length})`}>
      <Table<CongressDto>
        data-testid="children-congresses"
        size="small"
        rowKey={(row) => row.org.id}
        loading={list.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 && { pageSize: 20, showSizeChanger: false }}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}

export function CongressRecordPage() {
  const raw = Number(useParams().orgId);
  const orgId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const search = useCongressSearch();
  const season = search.season;
  const org = useOrg(orgId);
  const congress = useCongress(season?.id, orgId);

  useEffect(() => {
    if (org.data) document.title = `Đại hội ${org.data.name} — Đại Hội`;
  }, [org.data]);

  if (orgId === undefined || (isApiError(org.error) && org.error.status === 404))
    return (
      <Result
        status="404"
        title="Không tìm thấy đơn vị"
        extra={<Link to={paths.congress}>Về tiến độ đại hội</Link>}
      />
    );
  if (search.seasonsError) return <ErrorAlert error={search.seasonsError} />;
  if (search.seasonsLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!season) return <Result title="Chưa có nhiệm kỳ đại hội nào" />;

  const dto = congress.data;
  return (
    <>
      <Breadcrumb
        items={[
          { key: "dash", title: <Link to={`${paths.congress}${search.search}`}>Đại hội</Link> },
          ...(org.data?.ancestors ?? []).map((a) => ({
            key: String(a.id),
            title: <Link to={`${paths.congressRecord(a.id)}${search.search}`}>{a.name}</Link>,
          })),
          { key: "self", title: org.data?.name ?? "…" },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ margin: "8px 0 12px" }}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="congress-record-title">
            Đại hội — {org.data?.name ?? "…"}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            {dto && <CongressStatusTag status={dto.congress?.status} />}
            <Link to={paths.org(orgId)}>Thông tin đơn vị</Link>
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          <Link to={`${paths.congressOrg(orgId)}${search.search}`}>
            <Button icon={<BarChartOutlined />}>Xem tiến độ</Button>
          </Link>
          <Link to={`${paths.elections}?dv=${orgId}${dto?.congress ? `&daiHoi=${dto.congress.id}` : ""}`}>
            <Button icon={<CheckSquareOutlined />} data-testid="congress-elections-link">
              Bầu cử
            </Button>
          </Link>
          <Link to={`${paths.congressImport}${withParam(search.search, "dv", orgId)}`}>
            <Button icon={<UploadOutlined />}>Nhập từ Excel</Button>
          </Link>
        </Flex>
      </Flex>
      <Flex vertical gap={16}>
        <SeasonControls search={search} showDate={false} />
        {org.error && <ErrorAlert error={org.error} />}
        <Card size="small" title={season.name} data-testid="congress-record">
          {congress.error && <ErrorAlert error={congress.error} />}
          {!dto && !congress.error && <Skeleton active paragraph={{ rows: 6 }} />}
          {dto && (
            <>
              <CongressWarnings warnings={dto.warnings} />
              <CongressFacts dto={dto} />
              <CongressSteps
                key={`${season.id}-${dto.congress?.status ?? "none"}`}
                seasonId={season.id}
                dto={dto}
              />
            </>
          )}
        </Card>
        {org.data?.village && <VillageHeadLinkCard orgId={orgId} />}
        <CongressPetitionsCard seasonId={season.id} orgId={orgId} />
        <ChildrenCongresses seasonId={season.id} parentId={orgId} search={search.search} />
      </Flex>
    </>
  );
}
