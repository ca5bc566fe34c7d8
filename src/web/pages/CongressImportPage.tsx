/**
 * Updating many congresses at once from an .xlsx: the file is checked first (dry run), every
 * problem is listed at once, and nothing is written until the user confirms; the server writes all
 * rows or none.
 */
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined } from "@ant-design/icons";
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
  Typography,
  Upload,
} from "antd";
import { useEffect } from "react";
import { Link, useSearchParams } from "react-router";
import { formatNumber } from "../../domain/format/number.ts";
import {
  type CongressImportResultDto,
  congressImportTemplateUrl,
  type ImportIssueDto,
  useCheckThenApply,
  useDefaultOrgId,
  useImportCongresses,
  useOrg,
} from "../api/index.ts";
import { SeasonControls } from "../components/congress/SeasonControls.tsx";
import { useCongressSearch } from "../components/congress/useCongressSearch.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { paths } from "../paths.ts";

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
        data-testid="congress-import-issues"
        size="small"
        columns={[
          { title: "Sheet", dataIndex: "sheet", width: 140 },
          {
            title: "Dòng",
            dataIndex: "row",
            width: 80,
            align: "right",
            render: (r: number) => formatNumber(r),
          },
          { title: "Cột", dataIndex: "column", width: 180, render: (c: string | null) => c ?? "—" },
          { title: "Lỗi", dataIndex: "message" },
        ]}
        dataSource={issues.map((issue, i) => ({ ...issue, key: i }))}
        pagination={issues.length > 50 && { pageSize: 50, showSizeChanger: false }}
      />
    </>
  );
}

function Summary({ result }: { result: CongressImportResultDto }) {
  return (
    <Card
      size="small"
      title={result.dryRun ? "Kết quả kiểm tra: tệp hợp lệ" : "Kết quả nhập"}
      data-testid={result.dryRun ? "congress-import-preview" : "congress-import-done"}
    >
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title="Số dòng" value={formatNumber(result.rows)} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={result.dryRun ? "Sẽ cập nhật" : "Đã cập nhật"}
            value={formatNumber(result.changed)}
          />
        </Col>
        <Col xs={8}>
          <Statistic title="Không thay đổi" value={formatNumber(result.unchanged)} />
        </Col>
      </Row>
    </Card>
  );
}

export function CongressImportPage() {
  const search = useCongressSearch();
  const seasonId = search.season?.id;
  const names = useHierarchyNames();
  const [params] = useSearchParams();
  const chosen = Number(params.get("dv"));
  const defaultOrgId = useDefaultOrgId(search.season?.rootOrgId);
  const templateOrgId = Number.isInteger(chosen) && chosen > 0 ? chosen : defaultOrgId;
  const templateOrg = useOrg(templateOrgId);
  const check = useImportCongresses(seasonId);
  const commit = useImportCongresses(seasonId);
  const { file, start, preview, checkIssues, commitIssues } = useCheckThenApply(check, commit);

  useEffect(() => {
    document.title = "Nhập đại hội từ Excel — Đại Hội";
  }, []);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Nhập thông tin đại hội từ Excel
      </Typography.Title>
      <Flex vertical gap={16}>
        <SeasonControls search={search} showDate={false} />
        <Card size="small" title="Tải tệp lên">
          <Flex vertical gap={12}>
            <Typography.Paragraph style={{ margin: 0 }}>
              Lấy tệp mẫu của nhiệm kỳ đã chọn, điền mỗi dòng một đơn vị (mã đơn vị, kế hoạch, ngày tổ chức,
              kết quả, chuẩn y) rồi tải lên. Tệp được kiểm tra toàn bộ trước: nếu có bất kỳ dòng nào sai thì
              không ghi gì cả và mọi lỗi được liệt kê cùng lúc.
            </Typography.Paragraph>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">Tệp mẫu cho</Typography.Text>
              <OrgSearchSelect
                names={names}
                value={templateOrgId}
                onChange={(id) => id !== undefined && search.update({ dv: id })}
                placeholder={templateOrg.data?.name ?? "Chọn đơn vị"}
                aria-label="Đơn vị của tệp mẫu"
              />
              <Button
                icon={<DownloadOutlined />}
                href={
                  seasonId === undefined || templateOrgId === undefined
                    ? undefined
                    : congressImportTemplateUrl(seasonId, templateOrgId)
                }
                disabled={seasonId === undefined || templateOrgId === undefined}
                download
                data-testid="congress-import-template-link"
              >
                Tải tệp mẫu
              </Button>
              <Typography.Text type="secondary">
                (điền sẵn các đơn vị trực thuộc {templateOrg.data?.name ?? "…"} và điều đã biết)
              </Typography.Text>
            </Flex>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={seasonId === undefined || check.isPending || commit.isPending}
              beforeUpload={(f) => {
                start(f);
                return false;
              }}
              data-testid="congress-import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Bấm hoặc kéo tệp .xlsx vào đây để kiểm tra</p>
              <p className="ant-upload-hint">Bước này chỉ kiểm tra, chưa ghi gì vào cơ sở dữ liệu.</p>
            </Upload.Dragger>
            {file && (
              <Typography.Text>
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
            <Summary result={preview} />
            {commitIssues && <IssuesTable issues={commitIssues} />}
            {commit.error && !commitIssues && <ErrorAlert error={commit.error} />}
            <div>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={commit.isPending}
                disabled={preview.changed === 0 || file === null}
                onClick={() => file && commit.mutate({ file, dryRun: false })}
                data-testid="congress-import-commit"
              >
                Ghi vào cơ sở dữ liệu
              </Button>
              {preview.changed === 0 && (
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
              subTitle={`Cập nhật đại hội của ${formatNumber(commit.data.changed)} đơn vị.`}
              extra={<Link to={`${paths.congress}${search.search}`}>Xem tiến độ đại hội</Link>}
            />
            <Summary result={commit.data} />
          </>
        )}
      </Flex>
    </>
  );
}
