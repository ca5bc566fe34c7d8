/**
 * The structure indicators of an organisation's subtree on a day: the catalog's and the
 * user-defined values with numerator/denominator, percentage, target and status, change against
 * each baseline in percentage points, a breakdown by child organisation with a chart, and a
 * drill-down listing the people (or organisations) counted — so the officer can check who is.
 */
import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { useMe, useOrgRoots, useToday } from "../api/index.ts";
import {
  type DrillParams,
  type IndicatorValueDto,
  useDeleteIndicator,
  useIndicatorMembers,
  useIndicatorValues,
} from "../api/people.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { IndicatorForm } from "../components/indicators/IndicatorForm.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { paths } from "../paths.ts";

const ChildBarChart = lazy(() => import("../components/indicators/ChildBarChart.tsx"));

const STATUS_COLOURS = { met: "green", not_met: "red", not_yet_due: "gold", no_data: "default" } as const;

type Side = DrillParams["side"];

function TargetCell({ v }: { v: IndicatorValueDto }) {
  if (!v.target) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      <span>{v.target.text}</span>
      <Tag
        color={STATUS_COLOURS[v.target.status]}
        data-testid={`status-${v.code}`}
        style={{ width: "fit-content" }}
      >
        {v.target.statusLabel}
      </Tag>
    </Flex>
  );
}

function BaselineCell({ v }: { v: IndicatorValueDto }) {
  const extremes = v.aggregates.filter((a) => a.min && a.max);
  if (v.baselines.length === 0 && extremes.length === 0)
    return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {v.baselines.map((b) => (
        <span key={b.label}>
          {b.label}:{" "}
          {b.numerator !== null ? `${formatNumber(b.numerator)}/${formatNumber(b.denominator ?? 0)} ` : ""}(
          {b.printedPercent ?? b.percent})
          {b.pointsText ? (
            <Typography.Text strong type={b.points !== null && b.points >= 0 ? "success" : "danger"}>
              {" "}
              {b.pointsText}
            </Typography.Text>
          ) : null}
        </span>
      ))}
      {extremes.map((a) => (
        <span key={`${a.measure}-${a.over}`}>
          {a.measure === "secretary_vote_share" ? "Phiếu bầu bí thư" : "Tuổi"}: thấp nhất {a.min!.text}, cao
          nhất {a.max!.text}
        </span>
      ))}
    </Flex>
  );
}

export function IndicatorsPage() {
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const names = useHierarchyNames();
  const me = useMe();
  const today = useToday();
  const roots = useOrgRoots();
  const orgId = params.orgId ? Number(params.orgId) : roots.data?.[0]?.id;
  const asOf = search.get("ngay") ?? today.format("YYYY-MM-DD");
  const decimals = Number(search.get("le") ?? 2);
  const values = useIndicatorValues(orgId ? { orgId, asOf, decimals } : null);
  const [drill, setDrill] = useState<{ code: string; side: Side; childOrgId?: number } | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{
    id: number | null;
    definition: unknown;
    orgId: number | null;
  } | null>(null);
  const remove = useDeleteIndicator();
  const members = useIndicatorMembers(
    drill && orgId ? { orgId, asOf, decimals, ...drill, limit: 50, offset: (page - 1) * 50 } : null,
  );
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: true });
  };
  const openDrill = (code: string, side: Side, childOrgId?: number) => {
    setPage(1);
    setDrill({ code, side, ...(childOrgId !== undefined ? { childOrgId } : {}) });
  };

  const columns: TableColumnsType<IndicatorValueDto> = [
    {
      title: "Chỉ tiêu",
      key: "name",
      render: (_, v) => (
        <Flex vertical gap={2}>
          <Tooltip title={v.description}>
            <Typography.Text strong>{v.name}</Typography.Text>
          </Tooltip>
          {v.custom ? (
            <Space size={4}>
              <Tag color="blue">Do người dùng định nghĩa</Tag>
              <Button
                size="small"
                type="link"
                onClick={() => setEditing({ id: v.custom!.id, definition: null, orgId: v.custom!.orgId })}
              >
                Sửa
              </Button>
              <Button
                size="small"
                type="link"
                danger
                loading={remove.isPending}
                onClick={() => remove.mutate(v.custom!.id)}
              >
                Xóa
              </Button>
            </Space>
          ) : null}
          {v.reported ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Báo cáo:{" "}
              {v.reported.numerator !== null
                ? `${formatNumber(v.reported.numerator)}${v.reported.denominator !== null ? `/${formatNumber(v.reported.denominator)}` : ""}`
                : ""}
              {v.reported.percent !== null ? ` (${String(v.reported.percent).replace(".", ",")}%)` : ""}
            </Typography.Text>
          ) : null}
          {v.undecidedLocality > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {v.undecidedLocality} người chưa xác định được có phải người địa phương (quê quán ghi chưa đủ)
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: "Tử số/Mẫu số",
      key: "ratio",
      width: 150,
      render: (_, v) =>
        v.error ? (
          <Typography.Text type="secondary">{v.error.message}</Typography.Text>
        ) : (
          <Space size={2}>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              data-testid={`numerator-${v.code}`}
              onClick={() => openDrill(v.code, "numerator")}
            >
              {formatNumber(v.numerator ?? 0)}
            </Button>
            /
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              data-testid={`denominator-${v.code}`}
              onClick={() => openDrill(v.code, "denominator")}
            >
              {formatNumber(v.denominator ?? 0)}
            </Button>
          </Space>
        ),
    },
    {
      title: "Tỷ lệ",
      dataIndex: "percent",
      width: 90,
      align: "right",
      render: (p: string | null) => p ?? "—",
    },
    { title: "Chỉ tiêu phấn đấu", key: "target", width: 220, render: (_, v) => <TargetCell v={v} /> },
    { title: "So sánh", key: "baseline", width: 260, render: (_, v) => <BaselineCell v={v} /> },
  ];

  const groups = new Map<string, IndicatorValueDto[]>();
  for (const v of values.data?.indicators ?? []) {
    const g = v.group ?? "Chỉ tiêu do người dùng định nghĩa";
    groups.set(g, [...(groups.get(g) ?? []), v]);
  }
  const drilled = values.data?.indicators.find((v) => v.code === drill?.code);

  return (
    <Flex vertical gap={16} data-testid="indicators-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Chỉ tiêu cơ cấu {values.data ? `— ${values.data.org.name}` : ""}
        </Typography.Title>
        {me.data?.canWrite ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ id: null, definition: null, orgId: orgId ?? null })}
            data-testid="new-indicator"
          >
            Định nghĩa chỉ tiêu mới
          </Button>
        ) : null}
      </Flex>
      <Flex gap={12} wrap align="center">
        <div style={{ width: 360 }}>
          <OrgSearchSelect
            names={names}
            value={orgId}
            onChange={(id) => id && navigate(`${paths.indicatorsOrg(id)}?${search.toString()}`)}
            placeholder={values.data?.org.name ?? "Chọn đơn vị"}
            aria-label="Đơn vị"
          />
        </div>
        <DatePicker
          value={dayjs(asOf)}
          format="DD/MM/YYYY"
          allowClear={false}
          onChange={(d) => setParam("ngay", d ? d.format("YYYY-MM-DD") : null)}
          aria-label="Tính đến ngày"
          data-testid="as-of"
        />
        <Select
          value={decimals}
          style={{ width: 150 }}
          onChange={(d) => setParam("le", String(d))}
          options={[0, 1, 2].map((d) => ({ value: d, label: `${d} chữ số thập phân` }))}
          aria-label="Làm tròn"
        />
        {values.data?.season ? <Tag>{values.data.season.name}</Tag> : null}
        <Typography.Text type="secondary">Tính đến ngày {formatDate(asOf)}</Typography.Text>
      </Flex>
      {values.error ? <ErrorAlert error={values.error} /> : null}
      {!values.data && values.isLoading ? <Skeleton active /> : null}
      {[...groups].map(([group, rows]) => (
        <Card key={group} title={group} size="small">
          <Table<IndicatorValueDto>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            loading={values.isFetching}
            expandable={{
              rowExpandable: (v) => v.byChild.length > 1,
              expandedRowRender: (v) => (
                <Flex gap={16} wrap>
                  <Table
                    rowKey={(c) => String(c.orgId)}
                    size="small"
                    style={{ flex: "1 1 420px" }}
                    pagination={false}
                    dataSource={v.byChild}
                    columns={[
                      { title: "Đơn vị trực thuộc", dataIndex: "name" },
                      {
                        title: "Tử số/Mẫu số",
                        key: "r",
                        render: (_, c) => (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => c.orgId && openDrill(v.code, "numerator", c.orgId)}
                          >
                            {formatNumber(c.numerator)}/{formatNumber(c.denominator)}
                          </Button>
                        ),
                      },
                      { title: "Tỷ lệ", dataIndex: "percent", align: "right" },
                    ]}
                  />
                  <div style={{ flex: "1 1 420px", minWidth: 320 }}>
                    <Suspense fallback={<Skeleton active />}>
                      <ChildBarChart value={v} />
                    </Suspense>
                  </div>
                </Flex>
              ),
            }}
          />
        </Card>
      ))}
      {values.data && values.data.indicators.length === 0 ? <Empty description="Chưa có chỉ tiêu" /> : null}

      <Drawer
        open={drill !== null}
        onClose={() => setDrill(null)}
        size="large"
        title={drilled ? `${drilled.name}: ${drilled.ratioText ?? ""}` : "Danh sách"}
        data-testid="drill-drawer"
      >
        {drill ? (
          <Tabs
            activeKey={drill.side}
            onChange={(k) => openDrill(drill.code, k as Side, drill.childOrgId)}
            items={[
              { key: "numerator", label: "Được tính (tử số)" },
              { key: "not_counted", label: "Chưa đạt" },
              { key: "denominator", label: "Tất cả (mẫu số)" },
            ]}
          />
        ) : null}
        {members.error ? <ErrorAlert error={members.error} /> : null}
        <Table
          rowKey={(m) => String(m.id)}
          size="small"
          loading={members.isFetching}
          dataSource={members.data?.members ?? []}
          pagination={{
            current: page,
            pageSize: 50,
            total: members.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (t) => `${formatNumber(t)} mục`,
          }}
          columns={[
            {
              title: "Họ và tên",
              key: "person",
              render: (_, m) =>
                m.personId ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => navigate(paths.person(m.personId!))}
                  >
                    {m.personName}
                  </Button>
                ) : (
                  "—"
                ),
            },
            { title: "Đơn vị", dataIndex: "orgName" },
            { title: "Chức vụ", dataIndex: "postText", render: (t: string | null) => t ?? "—" },
          ]}
        />
      </Drawer>
      {editing ? (
        <IndicatorForm
          id={editing.id}
          defaultOrgId={editing.orgId}
          isAdmin={me.data?.isAdmin ?? false}
          names={names}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
