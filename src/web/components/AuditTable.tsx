/**
 * A page of audit entries with the "by user" and "by date" filters: the organisation page's history
 * panel and the audit log page both use it.
 */
import { DatePicker, Flex, Select, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { auditChangeText } from "../../domain/audit/wording.ts";
import type { AuditEntryDto, AuditPageDto, AuditParams } from "../api/index.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { useHierarchyNames } from "./hierarchy.tsx";

export interface AuditFilters {
  readonly userId?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  dateStyle: "short",
  timeStyle: "medium",
});

export function AuditFilterBar({
  filters,
  onChange,
  actors,
  extra,
}: {
  filters: AuditFilters;
  onChange: (f: AuditFilters) => void;
  actors: AuditPageDto["actors"];
  extra?: React.ReactNode;
}) {
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Select<number>
        allowClear
        placeholder="Người thực hiện"
        style={{ minWidth: 200 }}
        data-testid="audit-user-filter"
        aria-label="Lọc theo người thực hiện"
        value={filters.userId}
        onChange={(userId) => onChange({ ...filters, userId })}
        options={actors
          .filter((a) => a.actorId !== null)
          .map((a) => ({ value: a.actorId as number, label: a.actorLabel }))}
      />
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        aria-label="Lọc theo ngày"
        data-testid="audit-date-filter"
        onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
          onChange({
            ...filters,
            from: range?.[0]?.format("YYYY-MM-DD"),
            to: range?.[1]?.format("YYYY-MM-DD"),
          })
        }
      />
      {extra}
    </Flex>
  );
}

export function AuditTable({
  page,
  loading,
  error,
  params,
  onPage,
  showOrg,
}: {
  page: AuditPageDto | undefined;
  loading: boolean;
  error: unknown;
  params: AuditParams;
  onPage: (offset: number, limit: number) => void;
  showOrg?: boolean;
}) {
  const names = useHierarchyNames();
  if (error) return <ErrorAlert error={error} />;
  const lookup = {
    level: (code: string) => names.levels.find((l) => l.code === code)?.name,
    kind: (code: string) => names.kinds.find((k) => k.code === code)?.name,
  };
  const limit = params.limit ?? 20;
  return (
    <Table<AuditEntryDto>
      data-testid="audit-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: "Chưa có thay đổi nào" }}
      pagination={{
        total: page?.total ?? 0,
        pageSize: limit,
        current: Math.floor((params.offset ?? 0) / limit) + 1,
        showSizeChanger: false,
        onChange: (p) => onPage((p - 1) * limit, limit),
      }}
      scroll={{ x: "max-content" }}
      columns={[
        { title: "Số", dataIndex: "id", width: 70 },
        { title: "Thời điểm", dataIndex: "at", render: (at: string) => dateTime.format(new Date(at)) },
        { title: "Người thực hiện", dataIndex: "actorLabel" },
        { title: "Thao tác", dataIndex: "actionName" },
        ...(showOrg
          ? [{ title: "Đơn vị", dataIndex: "orgName", render: (n: string | null) => n ?? "—" }]
          : []),
        {
          title: "Thay đổi",
          key: "change",
          render: (_: unknown, e: AuditEntryDto) => (
            <Typography.Text style={{ maxWidth: 480, display: "inline-block" }} ellipsis={{ tooltip: true }}>
              {auditChangeText(e.before, e.after, lookup) || "—"}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
