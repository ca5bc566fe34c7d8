/**
 * The dashboard's list of who is late (against which deadline), with their contact.
 */

import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Select, Table, type TableColumnsType, Typography } from "antd";
import { Link } from "react-router";
import { formatDate } from "../../../domain/format/date.ts";
import { formatNumber } from "../../../domain/format/number.ts";
import {
  type LateAgainst,
  type LateParams,
  type LateRowDto,
  lateExportUrl,
  useLateList,
} from "../../api/index.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import type { CongressSearch } from "./useCongressSearch.ts";

const AGAINST_OPTIONS: { value: LateAgainst; label: string }[] = [
  { value: "binding", label: "Hạn áp dụng (sớm hơn)" },
  { value: "province", label: "Hạn của Tỉnh ủy" },
  { value: "central", label: "Hạn của Trung ương" },
];

export function LateTable({
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
