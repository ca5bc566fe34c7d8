/**
 * A reorganisation plan (docs/reorganisation-format.md) in the web app: upload the file, see what
 * it changes — how many organisations, which held/total figures, from which day (nothing before the
 * first day changes) — then apply it, all or nothing. The same plan applied again changes nothing.
 */
import { CheckCircleOutlined, CloudUploadOutlined, InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Result,
  Row,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from "antd";
import { useEffect } from "react";
import { Link } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import type { ImportIssueDto, ReorganisationResultDto } from "../../server/routes/organisations/schema.ts";
import { useCheckThenApply, useReorganisation } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { paths } from "../paths.ts";

const OPERATION_LABELS: Readonly<Record<string, string>> = {
  found: "Thành lập",
  rename: "Đổi tên",
  move: "Chuyển",
  change_kind: "Đổi loại hình",
  merge: "Hợp nhất",
  split: "Chia tách",
  dissolve: "Giải thể",
};

type Figure = ReorganisationResultDto["figures"][number];

const issueColumns: TableColumnsType<ImportIssueDto & { key: number }> = [
  { title: "Sheet", dataIndex: "sheet", width: 140 },
  { title: "Dòng", dataIndex: "row", width: 80, align: "right", render: (row: number) => formatNumber(row) },
  { title: "Cột", dataIndex: "column", width: 160, render: (column: string | null) => column ?? "—" },
  { title: "Lỗi", dataIndex: "message" },
];

function Issues({ issues }: { issues: ImportIssueDto[] }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        message={`Phương án có ${formatNumber(issues.length)} lỗi; chưa ghi gì vào cơ sở dữ liệu`}
      />
      <Table
        size="small"
        data-testid="reorg-issues"
        columns={issueColumns}
        dataSource={issues.map((i, key) => ({ ...i, key }))}
        pagination={issues.length > 50 && { pageSize: 50, showSizeChanger: false }}
      />
    </>
  );
}

function Preview({
  result,
  levelName,
}: {
  result: ReorganisationResultDto;
  levelName: (c: string) => string;
}) {
  const ratio = (x: { held: number; total: number }) => `${formatNumber(x.held)}/${formatNumber(x.total)}`;
  const columns: TableColumnsType<Figure & { key: number }> = [
    { title: "Đơn vị", dataIndex: "orgName" },
    { title: "Mùa đại hội", dataIndex: "season", width: 120 },
    { title: "Cấp đại hội", dataIndex: "level", width: 180, render: (l: string) => levelName(l) },
    { title: "Từ ngày", dataIndex: "from", width: 110, render: (d: string) => formatDate(d) },
    { title: "Trước", key: "before", width: 110, align: "right", render: (_, f) => ratio(f.before) },
    { title: "Sau", key: "after", width: 110, align: "right", render: (_, f) => ratio(f.after) },
  ];
  const operations = Object.entries(result.operations).filter(([, n]) => n > 0);
  return (
    <Card
      size="small"
      title={result.dryRun ? "Xem trước: phương án hợp lệ" : "Kết quả áp dụng"}
      data-testid={result.dryRun ? "reorg-preview" : "reorg-done"}
    >
      <Flex vertical gap={12}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title="Số dòng" value={formatNumber(result.rows)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={result.dryRun ? "Đơn vị sẽ thay đổi" : "Đơn vị đã thay đổi"}
              value={formatNumber(result.organisationsChanged)}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Có hiệu lực từ ngày" value={formatDate(result.firstDay)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Số liệu thay đổi" value={formatNumber(result.figures.length)} />
          </Col>
        </Row>
        <Typography.Text data-testid="reorg-operations">
          {operations.map(([op, n]) => `${OPERATION_LABELS[op] ?? op}: ${formatNumber(n)}`).join(" · ")}
        </Typography.Text>
        <Alert
          type="info"
          showIcon
          message={`Mọi số liệu tính đến một ngày trước ${formatDate(result.firstDay)} giữ nguyên như đã báo cáo.`}
        />
        <Table
          size="small"
          data-testid="reorg-figures"
          columns={columns}
          dataSource={result.figures.map((f, key) => ({ ...f, key }))}
          pagination={result.figures.length > 20 && { pageSize: 20, showSizeChanger: false }}
        />
      </Flex>
    </Card>
  );
}

export function ReorganisationPage() {
  const names = useHierarchyNames();
  const check = useReorganisation();
  const commit = useReorganisation();
  const { file, start, preview, checkIssues, commitIssues } = useCheckThenApply(check, commit);

  useEffect(() => {
    document.title = "Sắp xếp tổ chức — Đại Hội";
  }, []);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Phương án sắp xếp tổ chức
      </Typography.Title>
      <Flex vertical gap={16}>
        <Card size="small" title="Tải phương án lên">
          <Flex vertical gap={12}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              Mỗi dòng là một thao tác (thành lập, đổi tên, chuyển, đổi loại hình, hợp nhất, chia tách, giải
              thể) với ngày hiệu lực. Các cột: Thao tác, Ngày hiệu lực, Mã đơn vị, Mã mới, Mã cấp trên mới,
              Tên mới, Cấp, Loại hình, Lý do. Phương án được áp dụng tất cả hoặc không; số liệu trước ngày
              hiệu lực không thay đổi.
            </Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={check.isPending || commit.isPending}
              beforeUpload={(f) => {
                start(f);
                return false;
              }}
              data-testid="reorg-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                Bấm hoặc kéo tệp .xlsx / .csv vào đây để kiểm tra và xem trước
              </p>
              <p className="ant-upload-hint">Bước này chỉ kiểm tra, chưa ghi gì vào cơ sở dữ liệu.</p>
            </Upload.Dragger>
            {file && (
              <Typography.Text data-testid="reorg-file-name">
                Tệp: <strong>{file.name}</strong>
              </Typography.Text>
            )}
          </Flex>
        </Card>

        {check.isPending && (
          <Spin tip="Đang kiểm tra phương án…">
            <div style={{ height: 80 }} />
          </Spin>
        )}
        {checkIssues && <Issues issues={checkIssues} />}
        {check.error && !checkIssues && <ErrorAlert error={check.error} />}

        {preview && !commit.data && (
          <>
            {preview.alreadyApplied ? (
              <Alert
                type="success"
                showIcon
                data-testid="reorg-already"
                message="Phương án này đã được áp dụng trước đây; áp dụng lại không thay đổi gì."
              />
            ) : (
              <Preview result={preview} levelName={names.levelName} />
            )}
            {commitIssues && <Issues issues={commitIssues} />}
            {commit.error && !commitIssues && <ErrorAlert error={commit.error} />}
            <div>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={commit.isPending}
                disabled={preview.alreadyApplied || file === null}
                onClick={() => file && commit.mutate({ file, dryRun: false })}
                data-testid="reorg-apply"
              >
                Áp dụng phương án
              </Button>
            </div>
          </>
        )}

        {commit.data && (
          <>
            <Result
              status="success"
              icon={<CheckCircleOutlined />}
              title={
                commit.data.alreadyApplied ? "Phương án đã được áp dụng trước đây" : "Đã áp dụng phương án"
              }
              subTitle={`${formatNumber(commit.data.organisationsChanged)} đơn vị thay đổi từ ngày ${formatDate(commit.data.firstDay)}.`}
              extra={<Link to={paths.orgTree}>Xem cây tổ chức</Link>}
            />
            <Preview result={commit.data} levelName={names.levelName} />
          </>
        )}
      </Flex>
    </>
  );
}
