/**
 * The dashboard's child organisations, each with its held / total (click to drill down).
 */

import { Table, type TableColumnsType } from "antd";
import { Link, useNavigate } from "react-router";
import { formatNumber } from "../../../domain/format/number.ts";
import type { ChildProgressRow } from "../../api/index.ts";
import { paths } from "../../paths.ts";
import { ratio } from "./ratio.ts";

export function ChildrenTable({
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
