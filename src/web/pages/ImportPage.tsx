/**
 * Importing an organisation tree from .xlsx or .csv. The file is always checked first (dry run):
 * the user sees what would change, or every problem at once, and writes only after confirming.
 * An import is all-or-nothing on the server, so a refused file leaves the database unchanged.
 */
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
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
import {
  type ImportIssueDto,
  type ImportResultDto,
  importTemplateUrl,
  useCheckThenApply,
  useImportOrgs,
} from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type HierarchyNames, useHierarchyNames } from "../components/hierarchy.tsx";
import { paths } from "../paths.ts";

const issueColumns: TableColumnsType<ImportIssueDto & { key: number }> = [
  { title: "Sheet", dataIndex: "sheet", width: 140 },
  { title: "Dòng", dataIndex: "row", width: 80, align: "right", render: (row: number) => formatNumber(row) },
  { title: "Cột", dataIndex: "column", width: 160, render: (column: string | null) => column ?? "—" },
  { title: "Lỗi", dataIndex: "message" },
];

function IssuesTable({ issues }: { issues: readonly ImportIssueDto[] }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`Tệp có ${formatNumber(issues.length)} lỗi — chưa ghi gì vào cơ sở dữ liệu`}
        description="Sửa các dòng dưới đây trong tệp rồi tải lên lại."
        style={{ marginBottom: 16 }}
      />
      <Table
        data-testid="import-issues"
        size="small"
        columns={issueColumns}
        dataSource={issues.map((issue, i) => ({ ...issue, key: i }))}
        pagination={issues.length > 50 && { pageSize: 50, showSizeChanger: false }}
      />
    </>
  );
}

function Summary({ result, title }: { result: ImportResultDto; title: string }) {
  const verb = result.dryRun ? "Sẽ " : "Đã ";
  return (
    <Card size="small" title={title} data-testid={result.dryRun ? "import-preview" : "import-done"}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title="Số dòng" value={formatNumber(result.rows)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={`${verb}tạo mới`} value={formatNumber(result.created)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={`${verb}cập nhật`} value={formatNumber(result.updated)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title="Không thay đổi" value={formatNumber(result.unchanged)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={`Thôn, khu phố ${result.dryRun ? "sẽ ghi" : "đã ghi"}`}
            value={formatNumber(result.villages)}
          />
        </Col>
      </Row>
      {result.withoutFoundingDay > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          data-testid="import-founding-day"
          message={`${formatNumber(result.withoutFoundingDay)} đơn vị mới không có ngày thành lập: ${result.dryRun ? "sẽ tính" : "tính"} từ ngày nhập ${formatDate(result.foundingDay)}.`}
        />
      )}
    </Card>
  );
}

function FormatHelp({ names }: { names: HierarchyNames }) {
  return (
    <Card size="small" title="Định dạng tệp">
      <Typography.Paragraph>
        Tệp Excel (.xlsx, trang tính <Typography.Text code>ToChuc</Typography.Text>) hoặc CSV (UTF-8), mỗi
        dòng một đơn vị, dòng đầu là tên cột; các cột được nhận theo tên, không cần đúng thứ tự. Cách dễ nhất
        là lấy tệp mẫu (nút bên dưới), điền vào rồi tải lên. Các cột:
      </Typography.Paragraph>
      <ul style={{ marginTop: 0 }}>
        <li>
          <strong>Mã đơn vị</strong> (bắt buộc, không trùng): chữ không dấu, số và các ký tự . _ -. Mã đã có
          trong cơ sở dữ liệu thì đơn vị được cập nhật; mã mới thì đơn vị được tạo.
        </li>
        <li>
          <strong>Tên đơn vị</strong> (bắt buộc).
        </li>
        <li>
          <strong>Cấp</strong> và <strong>Loại hình</strong> (bắt buộc): ghi tên hoặc mã theo bảng mã bên dưới
          (tệp mẫu có trang <Typography.Text code>DanhMuc</Typography.Text>).
        </li>
        <li>
          <strong>Ngành</strong> (không bắt buộc): mã ngành nếu cần theo dõi riêng, ví dụ{" "}
          <Typography.Text code>coal</Typography.Text> cho ngành Than.
        </li>
        <li>
          <strong>Mã đơn vị cấp trên</strong>: bỏ trống chỉ với đơn vị cao nhất. Đơn vị cấp trên có thể nằm
          trong cùng tệp hoặc đã có trong cơ sở dữ liệu, và phải thuộc cấp được phép (cột "Trực thuộc cấp").
        </li>
        <li>
          <strong>Mã thôn/khu phố</strong>, <strong>Tên thôn/khu phố</strong>,{" "}
          <strong>Loại thôn/khu phố</strong> (chỉ với chi bộ thôn, bản, khu phố): địa bàn dân cư mà chi bộ phụ
          trách.
        </li>
      </ul>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Tệp được kiểm tra toàn bộ trước: nếu có bất kỳ dòng nào sai thì không ghi gì cả, và mọi lỗi được liệt
        kê cùng lúc (trang tính, dòng, cột, quy tắc).
      </Typography.Paragraph>
      <Collapse
        size="small"
        items={[
          {
            key: "codes",
            label: "Bảng mã cấp và loại hình",
            children: (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Table
                    size="small"
                    rowKey="code"
                    pagination={false}
                    dataSource={[...names.levels]}
                    columns={[
                      {
                        title: "Mã cấp",
                        dataIndex: "code",
                        render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
                      },
                      { title: "Tên cấp", dataIndex: "name" },
                      {
                        title: "Trực thuộc cấp",
                        dataIndex: "allowedParents",
                        render: (parents: string[]) =>
                          parents.length ? parents.map((p) => names.levelName(p)).join(", ") : "(cao nhất)",
                      },
                    ]}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <Table
                    size="small"
                    rowKey="code"
                    pagination={false}
                    dataSource={[...names.kinds]}
                    columns={[
                      {
                        title: "Mã loại hình",
                        dataIndex: "code",
                        render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
                      },
                      { title: "Tên loại hình", dataIndex: "name" },
                    ]}
                  />
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ImportPage() {
  const names = useHierarchyNames();
  const check = useImportOrgs();
  const commit = useImportOrgs();
  const { file, start, preview, checkIssues, commitIssues } = useCheckThenApply(check, commit);

  useEffect(() => {
    document.title = "Nhập dữ liệu — Đại Hội";
  }, []);

  const nothingToDo = preview !== undefined && preview.created + preview.updated + preview.villages === 0;

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhập dữ liệu tổ chức đảng
      </Typography.Title>
      <Flex vertical gap={16}>
        <Typography.Text>
          Sắp xếp lại tổ chức (hợp nhất, chia tách, chuyển, giải thể… có ngày hiệu lực):{" "}
          <Link to={paths.reorganisation} data-testid="reorganisation-link">
            tải phương án sắp xếp tổ chức
          </Link>
          .
        </Typography.Text>
        <FormatHelp names={names} />

        <Card size="small" title="Tải tệp lên">
          <Flex vertical gap={12}>
            <div>
              <Button
                icon={<DownloadOutlined />}
                href={importTemplateUrl()}
                download
                data-testid="import-template-link"
              >
                Tải tệp mẫu
              </Button>
            </div>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={check.isPending || commit.isPending}
              beforeUpload={(f) => {
                start(f);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Bấm hoặc kéo tệp .xlsx / .csv vào đây để kiểm tra</p>
              <p className="ant-upload-hint">Bước này chỉ kiểm tra, chưa ghi gì vào cơ sở dữ liệu.</p>
            </Upload.Dragger>
            {file && (
              <Typography.Text data-testid="import-file-name">
                Tệp: <strong>{file.name}</strong> ({formatNumber(Math.ceil(file.size / 1024))} KB)
              </Typography.Text>
            )}
          </Flex>
        </Card>

        {check.isPending && (
          <Spin tip="Đang kiểm tra tệp…">
            <div style={{ height: 80 }} />
          </Spin>
        )}
        {checkIssues && <IssuesTable issues={checkIssues} />}
        {check.error && !checkIssues && <ErrorAlert error={check.error} />}

        {preview && !commit.data && (
          <>
            <Summary result={preview} title="Kết quả kiểm tra: tệp hợp lệ" />
            {commitIssues && <IssuesTable issues={commitIssues} />}
            {commit.error && !commitIssues && <ErrorAlert error={commit.error} />}
            <div>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={commit.isPending}
                disabled={nothingToDo || file === null}
                onClick={() => file && commit.mutate({ file, dryRun: false })}
                data-testid="import-commit"
              >
                Ghi vào cơ sở dữ liệu
              </Button>
              {nothingToDo && (
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  Tệp không có gì mới so với dữ liệu hiện có.
                </Typography.Text>
              )}
            </div>
          </>
        )}

        {commit.data && (
          <>
            <Result
              status="success"
              icon={<CheckCircleOutlined />}
              title="Đã ghi vào cơ sở dữ liệu"
              subTitle={`Tạo mới ${formatNumber(commit.data.created)}, cập nhật ${formatNumber(commit.data.updated)} đơn vị.`}
              extra={<Link to={paths.orgTree}>Xem cây tổ chức</Link>}
            />
            <Summary result={commit.data} title="Kết quả nhập" />
          </>
        )}
      </Flex>
    </>
  );
}
