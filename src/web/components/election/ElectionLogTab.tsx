/**
 * The entry log of an election (printable: only the log is printed).
 */

import { PrinterOutlined } from "@ant-design/icons";
import { Button, Flex, Table, Typography } from "antd";
import { type ElectionDto, useElectionLog } from "../../api/elections.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

const PRINT_LOG_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .election-log, .election-log * { visibility: visible !important; }
  .election-log { position: absolute; left: 0; top: 0; width: 100%; }
  .election-log .no-print { display: none !important; }
}
`;

export function ElectionLogTab({ election }: { election: ElectionDto }) {
  const log = useElectionLog(election.id);
  const rows = log.data ?? [];
  return (
    <div className="election-log">
      <style>{PRINT_LOG_CSS}</style>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Nhật ký nhập phiếu — {election.title}
        </Typography.Title>
        <Button
          className="no-print"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="print-log"
        >
          In nhật ký
        </Button>
      </Flex>
      {log.error && <ErrorAlert error={log.error} />}
      <Table
        size="small"
        data-testid="log-table"
        rowKey="id"
        loading={log.isLoading}
        dataSource={rows}
        pagination={rows.length > 200 && { pageSize: 200, showSizeChanger: false }}
        columns={[
          {
            title: "Thời gian",
            dataIndex: "at",
            width: 170,
            render: (at: string) => new Date(at).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }),
          },
          { title: "Người thực hiện", dataIndex: "userLabel", width: 200 },
          { title: "Nội dung", dataIndex: "text" },
        ]}
      />
    </div>
  );
}
