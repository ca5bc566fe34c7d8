/**
 * Báo cáo: choose an organisation, a season and the day, generate the built-in report from the
 * data (a snapshot), read it laid out like the Party document (heading block, sections, the
 * figures highlighted), edit the officer's paragraphs and the heading, regenerate to see what
 * changed, and download .docx/.xlsx/.json/.pdf (Chromium on the server); or print (print stylesheet).
 */
import { DownloadOutlined, EditOutlined, PrinterOutlined, ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  List,
  Select,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { formatDate, formatDocumentDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { useSeasons } from "../api/congresses.ts";
import { useMe, useOrgRoots, useToday } from "../api/index.ts";
import {
  type RegeneratedDto,
  type ReportDto,
  reportExportUrl,
  useCreateReport,
  useEditReport,
  useRegenerateReport,
  useReport,
  useReports,
  useReportTemplates,
} from "../api/reports.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { paths } from "../paths.ts";

/** Only the document is printed: "In / PDF" gives the report page as the Party document. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .report-document, .report-document * { visibility: visible !important; }
  .report-document { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  .report-document .no-print { display: none !important; }
  .report-document mark { background: none !important; }
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
}
.report-document { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.5; color: #000; background: #fff; }
.report-document p { text-align: justify; text-indent: 1cm; margin: 6pt 0; }
.report-document mark { background: #fff3b0; padding: 0 1px; }
.report-document table.rp { border-collapse: collapse; width: 100%; font-size: 12pt; margin: 6pt 0; }
.report-document table.rp td, .report-document table.rp th { border: 1px solid #000; padding: 2pt 4pt; }
`;

type Block = ReportDto["sections"][number]["blocks"][number];

/** Positional keys: the document's parts are never reordered on the page. */
const keyed = <T,>(items: readonly T[], prefix: string) =>
  items.map((item, n) => ({ key: `${prefix}.${n}`, item }));

function TextBlockEditor({
  block,
  canEdit,
  onSave,
  saving,
}: {
  block: Extract<Block, { kind: "text" }>;
  canEdit: boolean;
  onSave: (text: string) => Promise<unknown>;
  saving: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null)
    return (
      <div className="no-print" data-testid={`edit-${block.id}`}>
        <Input.TextArea
          autoSize={{ minRows: 3 }}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={block.placeholder}
          aria-label="Nội dung đoạn văn"
          style={{ fontFamily: "inherit", fontSize: "inherit" }}
        />
        <Space style={{ marginTop: 6 }}>
          <Button
            type="primary"
            loading={saving}
            onClick={async () => {
              await onSave(draft);
              setDraft(null);
            }}
            data-testid={`save-${block.id}`}
          >
            Lưu đoạn văn
          </Button>
          <Button onClick={() => setDraft(null)}>Hủy</Button>
        </Space>
      </div>
    );
  const paragraphs = block.text.trim() === "" ? [] : block.text.split(/\n+/);
  return (
    <div data-testid={`text-${block.id}`} style={{ position: "relative" }}>
      {paragraphs.length === 0 ? (
        <p style={{ color: "#888", fontStyle: "italic" }} className="no-print">
          {block.placeholder}
        </p>
      ) : (
        keyed(paragraphs, block.id).map((x) => <p key={x.key}>{x.item}</p>)
      )}
      {canEdit ? (
        <Tooltip title="Sửa đoạn văn">
          <Button
            className="no-print"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDraft(block.text)}
            data-testid={`edit-button-${block.id}`}
          >
            Sửa
          </Button>
        </Tooltip>
      ) : null}
    </div>
  );
}

function ReportDocument({
  report,
  canEdit,
  onEditText,
  saving,
}: {
  report: ReportDto;
  canEdit: boolean;
  onEditText: (id: string, text: string) => Promise<unknown>;
  saving: boolean;
}) {
  const h = report.heading;
  const figures = new Map(report.figures.map((f) => [f.id, f]));
  const block = (b: Block) => {
    switch (b.kind) {
      case "text":
        return (
          <TextBlockEditor
            key={b.id}
            block={b}
            canEdit={canEdit}
            saving={saving}
            onSave={(text) => onEditText(b.id, text)}
          />
        );
      case "data":
        return (
          <p key={b.id} data-testid={`data-${b.id}`}>
            {keyed(b.segments, b.id).map(({ key, item: s }) =>
              s.figureId ? (
                <mark key={key} title={figures.get(s.figureId)?.definition} data-figure={s.figureId}>
                  {s.text}
                </mark>
              ) : (
                <span key={key}>{s.text}</span>
              ),
            )}
          </p>
        );
      case "table":
        return (
          <div key={b.id}>
            <div style={{ fontWeight: "bold", fontSize: "12pt", marginTop: 8 }}>{b.title}</div>
            <table className="rp">
              <thead>
                <tr>
                  {b.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {keyed(b.rows, b.id).map((row) => (
                  <tr key={row.key}>
                    {keyed(row.item, row.key).map((c, j) => (
                      <td key={c.key} style={{ textAlign: j === 1 ? "left" : "center" }}>
                        {c.item}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  };
  return (
    <div
      className="report-document"
      data-testid="report-document"
      style={{ padding: "32px 48px", border: "1px solid #ddd", boxShadow: "0 1px 4px rgba(0,0,0,.08)" }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", textAlign: "center" }}>
        <div style={{ width: "45%" }}>
          <div style={{ fontSize: "13pt" }}>{h.superiorBody}</div>
          <div style={{ fontWeight: "bold" }}>{h.issuingBody}</div>
          <div>*</div>
          <div style={{ whiteSpace: "pre" }}>{h.numberSymbol}</div>
        </div>
        <div style={{ width: "55%" }}>
          <div style={{ fontWeight: "bold", textDecoration: "underline", fontSize: "15pt" }}>
            ĐẢNG CỘNG SẢN VIỆT NAM
          </div>
          <div style={{ height: 12 }} />
          <div style={{ fontStyle: "italic" }}>
            {h.place}, {formatDocumentDate(h.date)}
          </div>
        </div>
      </div>
      <div style={{ textAlign: "center", marginTop: 24 }}>
        <div style={{ fontWeight: "bold", fontSize: "16pt" }}>{h.documentType}</div>
        <div style={{ fontWeight: "bold" }}>{h.summary}</div>
        <div>-----</div>
      </div>
      {report.sections.map((s) => (
        <section key={s.id} data-testid={`section-${s.id}`}>
          <div style={{ fontWeight: "bold", marginTop: 12 }}>{s.title}</div>
          {s.blocks.map(block)}
        </section>
      ))}
      <div style={{ display: "flex", justifyContent: "space-between", marginTop: 24 }}>
        <div style={{ width: "50%", fontSize: "12pt" }}>
          <div style={{ fontWeight: "bold", fontStyle: "italic", textDecoration: "underline" }}>
            Nơi nhận:
          </div>
          {report.recipients.map((r) => (
            <div key={r} style={{ fontSize: "11pt" }}>
              - {r}
            </div>
          ))}
        </div>
        <div style={{ width: "50%", textAlign: "center", fontWeight: "bold" }}>
          <div>{report.signature.onBehalfOf}</div>
          <div>{report.signature.post}</div>
          <div style={{ height: 72 }} />
          <div>{report.signature.name}</div>
        </div>
      </div>
    </div>
  );
}

function Changes({ r }: { r: RegeneratedDto }) {
  const text = (v: RegeneratedDto["changes"][number]["before"]) =>
    v === null
      ? "—"
      : `${formatNumber(v.numerator)}${v.denominator === null ? "" : `/${formatNumber(v.denominator)}`}${v.percent ? ` (${v.percent})` : ""}`;
  return (
    <Alert
      type={r.changes.length ? "warning" : "success"}
      showIcon
      data-testid="report-changes"
      message={
        r.changes.length
          ? `${r.changes.length} số liệu đã thay đổi so với báo cáo số ${r.previous.id}`
          : `Không có số liệu nào thay đổi so với báo cáo số ${r.previous.id}`
      }
      description={
        r.changes.length ? (
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={r.changes}
            columns={[
              { title: "Số liệu", dataIndex: "label" },
              { title: "Trước", render: (_, c) => text(c.before) },
              { title: "Nay", render: (_, c) => text(c.after) },
            ]}
          />
        ) : null
      }
    />
  );
}

export function ReportPage() {
  const params = useParams();
  const reportId = params.id ? Number(params.id) : undefined;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const today = useToday();
  const names = useHierarchyNames();
  const roots = useOrgRoots();
  const seasons = useSeasons();
  const templates = useReportTemplates();
  const [orgId, setOrgId] = useState<number>();
  const [seasonId, setSeasonId] = useState<number>();
  const [template, setTemplate] = useState<"congress_results" | "congress_progress">("congress_results");
  const [asOf, setAsOf] = useState(search.get("ngay") ?? today.format("YYYY-MM-DD"));
  const create = useCreateReport();
  const snapshot = useReport(reportId);
  const edit = useEditReport(reportId ?? 0);
  const regenerate = useRegenerateReport(reportId ?? 0);
  const [changes, setChanges] = useState<RegeneratedDto>();
  const chosenOrg = orgId ?? snapshot.data?.orgId ?? roots.data?.[0]?.id;
  const chosenSeason = seasonId ?? snapshot.data?.seasonId ?? seasons.data?.at(-1)?.id;
  const list = useReports(chosenOrg);
  const canWrite = me.data?.canWrite ?? false;

  return (
    <Flex vertical gap={16} data-testid="report-page">
      <style>{PRINT_CSS}</style>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Báo cáo
      </Typography.Title>
      <Card size="small" title="Tạo báo cáo từ dữ liệu">
        <Flex gap={12} wrap align="center">
          <Select
            style={{ width: 330 }}
            // Until the templates' titles arrive the code would show as is ("congress_results").
            value={templates.data ? template : undefined}
            loading={templates.isLoading}
            placeholder="Mẫu báo cáo"
            onChange={setTemplate}
            aria-label="Mẫu báo cáo"
            data-testid="report-template"
            options={(templates.data ?? []).map((t) => ({ value: t.code, label: t.title }))}
          />
          <div style={{ width: 340 }}>
            <OrgSearchSelect
              names={names}
              value={orgId}
              onChange={(id) => id && setOrgId(id)}
              placeholder={snapshot.data?.report.org.name ?? roots.data?.[0]?.name ?? "Chọn đơn vị"}
              aria-label="Đơn vị"
            />
          </div>
          <Select
            style={{ width: 260 }}
            value={chosenSeason}
            onChange={setSeasonId}
            aria-label="Mùa đại hội"
            options={(seasons.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <DatePicker
            value={dayjs(asOf)}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(d) => d && setAsOf(d.format("YYYY-MM-DD"))}
            aria-label="Số liệu tính đến ngày"
            data-testid="report-as-of"
          />
          <Button
            type="primary"
            disabled={!canWrite || !chosenOrg || !chosenSeason}
            loading={create.isPending}
            data-testid="generate-report"
            onClick={async () => {
              const s = await create.mutateAsync({
                template,
                orgId: chosenOrg!,
                seasonId: chosenSeason!,
                asOf,
              });
              setChanges(undefined);
              navigate(paths.report(s.id));
            }}
          >
            Tạo báo cáo
          </Button>
        </Flex>
        {create.error ? <ErrorAlert error={create.error} /> : null}
      </Card>
      {reportId === undefined ? (
        <Card size="small" title="Các báo cáo đã tạo">
          {list.data && list.data.length > 0 ? (
            <List
              size="small"
              dataSource={list.data}
              renderItem={(s) => (
                <List.Item>
                  <Typography.Link onClick={() => navigate(paths.report(s.id))}>
                    Báo cáo số {s.id} — số liệu đến {formatDate(s.asOf)} (tạo{" "}
                    {dayjs(s.createdAt).format("DD/MM/YYYY HH:mm")})
                  </Typography.Link>
                </List.Item>
              )}
            />
          ) : (
            <Empty description="Chưa có báo cáo" />
          )}
        </Card>
      ) : snapshot.error ? (
        <ErrorAlert error={snapshot.error} />
      ) : !snapshot.data ? (
        <Skeleton active />
      ) : (
        <>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary" data-testid="report-meta">
              Báo cáo số {snapshot.data.id}: số liệu đến {formatDate(snapshot.data.asOf)}, chốt ở phiên bản dữ
              liệu {snapshot.data.dataVersion}
            </Typography.Text>
            {(["docx", "xlsx", "json", "pdf"] as const).map((format) => (
              <Button
                key={format}
                href={reportExportUrl(snapshot.data.id, format)}
                icon={<DownloadOutlined />}
                data-testid={`download-${format}`}
              >
                .{format}
              </Button>
            ))}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-report">
              In / PDF
            </Button>
            {canWrite ? (
              <Button
                icon={<ReloadOutlined />}
                loading={regenerate.isPending}
                data-testid="regenerate-report"
                onClick={async () => {
                  const r = await regenerate.mutateAsync({});
                  setChanges(r);
                  navigate(paths.report(r.snapshot.id));
                }}
              >
                Tạo lại từ dữ liệu mới
              </Button>
            ) : null}
          </Flex>
          {changes ? <Changes r={changes} /> : null}
          {edit.error ? <ErrorAlert error={edit.error} /> : null}
          {regenerate.error ? <ErrorAlert error={regenerate.error} /> : null}
          <ReportDocument
            report={snapshot.data.report}
            canEdit={canWrite}
            saving={edit.isPending}
            onEditText={(id, text) => edit.mutateAsync({ texts: { [id]: text } })}
          />
        </>
      )}
    </Flex>
  );
}
