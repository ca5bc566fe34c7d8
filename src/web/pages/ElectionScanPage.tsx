/**
 * Quét phiếu: the counting committee uploads a bundle's scans (a scanner's PDF, or photos from a
 * phone), sees what happened to every page, and decides the ballots the reader doubted, the
 * straightened sheet beside the proposed reading. Loaded on demand (its own chunk).
 */
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { Ballot, RowMark } from "../../domain/election/index.ts";
import { useBallotPrint } from "../api/elections.ts";
import { errorMessage } from "../api/request.ts";
import {
  type ScanPageDto,
  type ScanReportDto,
  scanImageUrl,
  useAdjudicate,
  useScanPages,
  useUploadScans,
} from "../api/scans.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { paths } from "../paths.ts";

const OUTCOMES: Record<ScanReportDto["pages"][number]["outcome"], { label: string; color: string }> = {
  counted: { label: "Đã đếm", color: "green" },
  pending: { label: "Chờ xem", color: "gold" },
  duplicate: { label: "Trùng", color: "default" },
  refused: { label: "Không nhận", color: "red" },
  unreadable: { label: "Không đọc được", color: "red" },
  "too-many": { label: "Thừa", color: "red" },
};

const MARK_LABELS: Record<RowMark, string> = {
  agree: "Đồng ý",
  disagree: "Không đồng ý",
  both: "Cả hai ô",
  neither: "Không ô nào",
};

export function ElectionScanPage() {
  const raw = Number(useParams().id);
  const id = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const ballot = useBallotPrint(id);
  const pending = useScanPages(id, "pending");
  const upload = useUploadScans(id ?? 0);
  const [bundle, setBundle] = useState(1);
  const [file, setFile] = useState<File | null>(null);
  const report = upload.data;

  useEffect(() => {
    document.title = "Quét phiếu — Đại Hội";
  }, []);

  return (
    <>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to={paths.elections}>Bầu cử</Link> },
          { key: "e", title: id ? <Link to={paths.election(id)}>{ballot.data?.title ?? "…"}</Link> : "…" },
          { key: "self", title: "Quét phiếu" },
        ]}
      />
      <Typography.Title level={2}>Quét phiếu</Typography.Title>
      <Card title="Tải lên ảnh quét của một tập phiếu" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <span>Tập số</span>
          <InputNumber min={1} value={bundle} onChange={(v) => setBundle(v ?? 1)} aria-label="Tập số" />
          <input
            type="file"
            accept=".pdf,.tif,.tiff,.jpg,.jpeg,.png,application/pdf,image/*"
            data-testid="scan-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button
            type="primary"
            disabled={!file || !id}
            loading={upload.isPending}
            data-testid="scan-upload"
            onClick={() => file && upload.mutate({ bundle, file })}
          >
            Đọc phiếu
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Máy quét: quét cả tập thành một tệp PDF (150–300 dpi). Điện thoại: chụp thẳng cả tờ, thấy đủ bốn ô
          vuông ở góc. Mỗi tập quét là một lượt nhập độc lập, đối chiếu với lượt nhập tay như thường lệ.
        </Typography.Paragraph>
        {upload.error && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(upload.error)} />
        )}
        {report && (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(r) => `${r.file}-${r.page}`}
            pagination={false}
            dataSource={report.pages}
            data-testid="scan-report"
            columns={[
              { title: "Tệp", dataIndex: "file" },
              { title: "Trang", dataIndex: "page" },
              {
                title: "Kết quả",
                dataIndex: "outcome",
                render: (o: keyof typeof OUTCOMES) => (
                  <Tag color={OUTCOMES[o].color}>{OUTCOMES[o].label}</Tag>
                ),
              },
              { title: "Phiếu số", dataIndex: "seq" },
              { title: "Ghi chú", dataIndex: "message" },
            ]}
            footer={() =>
              `Tập ${report.bundleNumber}: ${report.counted}/${report.expected} phiếu đã đếm, ${report.pending} chờ xem${report.entryFinished ? " — lượt quét đã hoàn thành" : ""}`
            }
          />
        )}
      </Card>
      <Typography.Title level={3}>Phiếu chờ Ban kiểm phiếu xem</Typography.Title>
      {pending.error && <ErrorAlert error={pending.error} />}
      {pending.data?.length === 0 && <Typography.Paragraph>Không có phiếu nào chờ xem.</Typography.Paragraph>}
      {id &&
        ballot.data &&
        pending.data?.map((p) => (
          <AdjudicationCard
            key={p.id}
            electionId={id}
            page={p}
            candidates={ballot.data.candidates.map((c) => ({ position: c.position, name: c.fullName }))}
          />
        ))}
    </>
  );
}

function AdjudicationCard(props: {
  readonly electionId: number;
  readonly page: ScanPageDto;
  readonly candidates: readonly { readonly position: number; readonly name: string }[];
}) {
  const { page } = props;
  const [draft, setDraft] = useState<Ballot>(page.proposed);
  const adjudicate = useAdjudicate(props.electionId);
  const doubted = new Set(page.rows.filter((r) => !r.certain).map((r) => r.position));
  return (
    <Card
      data-testid="adjudication"
      style={{ marginBottom: 16 }}
      title={`Phiếu ${page.seq} (${page.fileName}, trang ${page.page})`}
      extra={page.reasons.map((r) => (
        <Tag key={r} color="gold">
          {r}
        </Tag>
      ))}
    >
      <Flex gap={16} wrap>
        <img
          src={scanImageUrl(props.electionId, page.id)}
          alt={`Ảnh phiếu ${page.seq}`}
          style={{ maxWidth: 520, width: "100%", border: "1px solid #d9d9d9" }}
        />
        <div style={{ minWidth: 280, flex: 1 }}>
          {draft.kind === "cross-out" ? (
            <Checkbox.Group
              value={[...draft.crossedOut]}
              onChange={(v) => setDraft({ ...draft, crossedOut: (v as number[]).sort((a, b) => a - b) })}
              style={{ display: "flex", flexDirection: "column" }}
            >
              {props.candidates.map((c) => (
                <Checkbox key={c.position} value={c.position}>
                  <span style={{ fontWeight: doubted.has(c.position) ? "bold" : undefined }}>
                    {c.position}. {c.name} — gạch
                  </span>
                </Checkbox>
              ))}
            </Checkbox.Group>
          ) : (
            props.candidates.map((c, i) => (
              <Flex key={c.position} gap={8} align="center" style={{ marginBottom: 4 }}>
                <span style={{ flex: 1, fontWeight: doubted.has(c.position) ? "bold" : undefined }}>
                  {c.position}. {c.name}
                </span>
                <Select
                  style={{ width: 150 }}
                  value={draft.marks[i]}
                  options={Object.entries(MARK_LABELS).map(([value, label]) => ({ value, label }))}
                  onChange={(v: RowMark) =>
                    setDraft({ ...draft, marks: draft.marks.map((m, k) => (k === i ? v : m)) })
                  }
                />
              </Flex>
            ))
          )}
          <Flex vertical style={{ marginTop: 12 }}>
            <Checkbox
              checked={Boolean(draft.addedName)}
              onChange={(e) => setDraft({ ...draft, addedName: e.target.checked || undefined })}
            >
              Ghi thêm tên người ngoài danh sách
            </Checkbox>
            <Checkbox
              checked={Boolean(draft.identifyingMark)}
              onChange={(e) => setDraft({ ...draft, identifyingMark: e.target.checked || undefined })}
            >
              Có ký tên hoặc đánh dấu riêng
            </Checkbox>
          </Flex>
          {adjudicate.error && (
            <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorMessage(adjudicate.error)} />
          )}
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            loading={adjudicate.isPending}
            data-testid="adjudicate"
            onClick={() => adjudicate.mutate({ pageId: page.id, ballot: draft })}
          >
            Xác nhận cách đọc này
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
