/**
 * One election at a congress, in four tabs: the setup (list checked against the regulation, print
 * the ballots, start counting), the bundles (each entered independently by 2–3 clerks, compared,
 * accepted or sent back), the result (running totals, the decided result with each candidate's
 * explanation, release to the projection, close, minutes and count file) and the entry log
 * (printable). Live: every change of the count anywhere refreshes what is on screen (SSE).
 */
import {
  CheckOutlined,
  DesktopOutlined,
  DownloadOutlined,
  EditOutlined,
  PlayCircleOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from "@ant-design/icons";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { formatNumber } from "../../domain/format/number.ts";
import {
  type BundleDto,
  countFileUrl,
  type ElectionDto,
  type ElectionResultDto,
  minutesUrl,
  useAcceptBundle,
  useBundles,
  useComparison,
  useCreateBundles,
  useElection,
  useElectionAction,
  useElectionEvents,
  useElectionLog,
  useElectionResult,
  useReenterBundle,
  useReopenElection,
  useStartEntry,
  useUpdateElection,
  useUpdateFigures,
} from "../api/elections.ts";
import { isApiError, useMe } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { ballotToEntryText } from "../components/election/ballotEntry.ts";
import { ElectionSetupForm, valuesOf } from "../components/election/ElectionSetupForm.tsx";
import { OUTCOME_LABELS } from "../components/election/ProjectionView.tsx";
import { RuleSettingsPanel } from "../components/election/RuleSettingsPanel.tsx";
import { paths } from "../paths.ts";

const STATUS_COLORS = { setup: "default", counting: "processing", closed: "success" } as const;
const STAGE_LABELS: Record<BundleDto["stage"], { text: string; color: string }> = {
  entering: { text: "Đang nhập", color: "processing" },
  "ready-to-compare": { text: "Chờ đối chiếu", color: "gold" },
  differs: { text: "Có chênh lệch", color: "red" },
  accepted: { text: "Đã chấp nhận", color: "green" },
};

const PRINT_LOG_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .election-log, .election-log * { visibility: visible !important; }
  .election-log { position: absolute; left: 0; top: 0; width: 100%; }
  .election-log .no-print { display: none !important; }
}
`;

function SetupTab({ election }: { election: ElectionDto }) {
  const update = useUpdateElection(election.id);
  const start = useElectionAction(election.id, "start");
  const editable = election.permissions.setup && election.status === "setup";
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Link to={paths.electionBallots(election.id)}>
          <Button icon={<PrinterOutlined />} data-testid="print-ballots-link">
            In phiếu bầu
          </Button>
        </Link>
        {editable && (
          <Popconfirm
            title="Bắt đầu kiểm phiếu? Sau đó không sửa được danh sách."
            okText="Bắt đầu"
            cancelText="Thôi"
            onConfirm={() => start.mutate()}
            disabled={election.startProblems.length > 0}
          >
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              disabled={election.startProblems.length > 0}
              data-testid="start-counting"
            >
              Bắt đầu kiểm phiếu
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {start.error && <ErrorAlert error={start.error} />}
      {election.status === "setup" && election.startProblems.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="Chưa thể bắt đầu kiểm phiếu"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="start-problems">
              {election.startProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {update.error && <ErrorAlert error={update.error} />}
      {update.isSuccess && <Alert type="success" showIcon title="Đã lưu." />}
      <ElectionSetupForm
        key={election.version}
        initial={valuesOf(election)}
        disabled={!editable}
        saving={update.isPending}
        submitLabel="Lưu thiết lập"
        problems={election.listProblems}
        warnings={election.listWarnings}
        settings={election.settings}
        congressId={election.congressId}
        onSubmit={(body) => update.mutate({ ...body, version: election.version })}
      />
      <RuleSettingsPanel overrides={election.settings} />
    </Flex>
  );
}

function ComparisonPanel({ election, bundle }: { election: ElectionDto; bundle: BundleDto }) {
  const comparison = useComparison(election.id, bundle.id);
  const reenter = useReenterBundle(election.id);
  const accept = useAcceptBundle(election.id);
  const c = comparison.data;
  const n = election.candidates.length;
  if (comparison.error) return <ErrorAlert error={comparison.error} />;
  if (!c) return <Skeleton active />;
  return (
    <Card size="small" title={`Đối chiếu ${bundle.label}`} data-testid="comparison">
      <Alert
        type={c.agreed ? "success" : "warning"}
        showIcon
        title={c.summary}
        data-testid="comparison-summary"
        style={{ marginBottom: 8 }}
      />
      {c.countMismatches.length > 0 && (
        <Typography.Paragraph type="danger">
          {c.countMismatches
            .map((m) => {
              const who = c.entries.find((e) => e.id === m.entryId)?.clerkLabel ?? `#${m.entryId}`;
              return `${who} nhập ${formatNumber(m.ballotCount)} phiếu (tập có ${formatNumber(c.expectedBallots)})`;
            })
            .join("; ")}
        </Typography.Paragraph>
      )}
      {c.differences.length > 0 && (
        <Table
          size="small"
          data-testid="comparison-table"
          rowKey="ballot"
          pagination={false}
          dataSource={c.differences}
          columns={[
            { title: "Phiếu", dataIndex: "ballot", width: 70 },
            {
              title: "Ứng cử viên khác nhau",
              key: "candidates",
              render: (_: unknown, d: (typeof c.differences)[number]) =>
                [
                  ...d.candidates.map((p) => `${p}. ${election.candidates[p - 1]?.fullName ?? "?"}`),
                  ...(d.defects.length ? [`dấu hiệu phiếu: ${d.defects.length}`] : []),
                  ...(d.kindDiffers ? ["khác mẫu phiếu"] : []),
                ].join("; ") || "—",
            },
            ...c.entries.map((e, i) => ({
              title: e.clerkLabel,
              key: `e${e.id}`,
              render: (_: unknown, d: (typeof c.differences)[number]) => {
                const b = d.entered[i];
                return b ? <code>{ballotToEntryText(b, n) || "—"}</code> : <Tag>không có</Tag>;
              },
            })),
          ]}
        />
      )}
      {election.permissions.manage && bundle.status === "open" && (
        <Flex gap={8} style={{ marginTop: 8 }} wrap>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!c.agreed}
            loading={accept.isPending}
            onClick={() => accept.mutate(bundle.id)}
            data-testid="accept-bundle"
          >
            Chấp nhận tập
          </Button>
          {c.entries.map((e) => (
            <Popconfirm
              key={e.id}
              title={`Hủy bản nhập của ${e.clerkLabel} để nhập lại?`}
              okText="Nhập lại"
              cancelText="Thôi"
              onConfirm={() => reenter.mutate({ bundleId: bundle.id, entryIds: [e.id], reason: c.summary })}
            >
              <Button icon={<RollbackOutlined />} data-testid={`reenter-${e.clerkLabel}`}>
                Trả lại {e.clerkLabel}
              </Button>
            </Popconfirm>
          ))}
          <Popconfirm
            title="Hủy mọi bản nhập của tập này để nhập lại từ đầu?"
            okText="Nhập lại"
            cancelText="Thôi"
            onConfirm={() => reenter.mutate({ bundleId: bundle.id, reason: c.summary })}
          >
            <Button danger icon={<RollbackOutlined />} data-testid="reenter-all">
              Trả lại cả tập
            </Button>
          </Popconfirm>
        </Flex>
      )}
      {(accept.error || reenter.error) && <ErrorAlert error={accept.error ?? reenter.error} />}
    </Card>
  );
}

function BundlesTab({ election, me }: { election: ElectionDto; me: number | undefined }) {
  const bundles = useBundles(election.id);
  const create = useCreateBundles(election.id);
  const startEntry = useStartEntry(election.id);
  const navigate = useNavigate();
  const [total, setTotal] = useState<number | null>(election.ballotsCollected);
  const [selected, setSelected] = useState<number | undefined>();
  const rows = bundles.data ?? [];
  const counting = election.status === "counting";
  const open = (bundleId: number) =>
    startEntry.mutate(bundleId, {
      onSuccess: (entry) => navigate(paths.electionEntry(election.id, entry.id)),
    });
  const selectedBundle = rows.find((b) => b.id === selected);

  return (
    <Flex vertical gap={12}>
      {counting && rows.length === 0 && election.permissions.manage && (
        <Card size="small" title="Chia phiếu thành tập">
          <Space wrap>
            <span>Tổng số phiếu thu vào:</span>
            <InputNumber min={1} value={total} onChange={(v) => setTotal(v)} data-testid="bundle-total" />
            <Button
              type="primary"
              disabled={!total}
              loading={create.isPending}
              onClick={() => total && create.mutate({ total })}
              data-testid="create-bundles"
            >
              Chia tập ({formatNumber(election.bundleSize)} phiếu/tập)
            </Button>
          </Space>
        </Card>
      )}
      {(create.error || startEntry.error) && <ErrorAlert error={create.error ?? startEntry.error} />}
      {bundles.error && <ErrorAlert error={bundles.error} />}
      <Table<BundleDto>
        size="small"
        data-testid="bundles-table"
        rowKey="id"
        loading={bundles.isLoading}
        dataSource={rows}
        pagination={rows.length > 30 && { pageSize: 30, showSizeChanger: false }}
        locale={{ emptyText: counting ? "Chưa chia tập phiếu" : "Chưa bắt đầu kiểm phiếu" }}
        columns={[
          { title: "Tập", dataIndex: "label", width: 90 },
          {
            title: "Số phiếu",
            dataIndex: "expectedBallots",
            width: 90,
            render: (n: number) => formatNumber(n),
          },
          {
            title: "Trạng thái",
            key: "stage",
            width: 140,
            render: (_: unknown, b) => (
              <Tag color={STAGE_LABELS[b.stage].color} data-testid={`stage-${b.number}`}>
                {STAGE_LABELS[b.stage].text}
              </Tag>
            ),
          },
          {
            title: `Bản nhập (cần ${election.entriesPerBundle})`,
            key: "entries",
            render: (_: unknown, b) =>
              b.entries.length === 0
                ? "—"
                : b.entries.map((e) => (
                    <Tag key={e.id} color={e.status === "finished" ? "blue" : "default"}>
                      {e.clerkLabel}: {formatNumber(e.ballotCount)}
                      {e.status === "finished" ? " ✓" : ""}
                    </Tag>
                  )),
          },
          {
            title: "",
            key: "actions",
            render: (_: unknown, b) => {
              const mine = b.entries.find((e) => e.clerkUserId === me);
              return (
                <Space wrap>
                  {counting &&
                    b.status === "open" &&
                    election.permissions.enter &&
                    mine?.status !== "finished" && (
                      <Button
                        size="small"
                        type="primary"
                        icon={<EditOutlined />}
                        onClick={() => open(b.id)}
                        loading={startEntry.isPending && startEntry.variables === b.id}
                        data-testid={`enter-bundle-${b.number}`}
                      >
                        {mine ? "Nhập tiếp" : "Nhập tập này"}
                      </Button>
                    )}
                  {b.entries.length > 0 && (
                    <Button
                      size="small"
                      onClick={() => setSelected(b.id)}
                      data-testid={`compare-bundle-${b.number}`}
                    >
                      Đối chiếu
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {selectedBundle && (
        <ComparisonPanel key={selectedBundle.id} election={election} bundle={selectedBundle} />
      )}
    </Flex>
  );
}

function ResultFigures({ r }: { r: NonNullable<ElectionResultDto["result"]> }) {
  const b = r.ballots;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="result-figures"
      items={[
        { key: "n", label: "Cơ sở tính (N)", children: `${formatNumber(r.base.n)} (${r.base.description})` },
        {
          key: "t",
          label: "Số phiếu cần để trúng cử",
          children: `${formatNumber(r.base.threshold)} (quá 1/2 của N)`,
        },
        { key: "p", label: "Có mặt", children: formatNumber(b.present) },
        { key: "i", label: "Phiếu phát ra", children: formatNumber(b.issued) },
        { key: "c", label: "Phiếu thu vào", children: formatNumber(b.collected) },
        { key: "v", label: "Phiếu hợp lệ", children: formatNumber(b.valid) },
        {
          key: "x",
          label: "Phiếu không hợp lệ",
          children: `${formatNumber(b.invalid)}${b.invalidByReason.length ? ` (${b.invalidByReason.map((x) => `${x.label}: ${formatNumber(x.count)}`).join("; ")})` : ""}`,
        },
      ]}
    />
  );
}

/** The hall's figures (present, issued, collected) can still be corrected while counting. */
function FiguresCard({ election }: { election: ElectionDto }) {
  const update = useUpdateFigures(election.id);
  const [present, setPresent] = useState(election.present);
  const [issued, setIssued] = useState(election.ballotsIssued);
  const [collected, setCollected] = useState(election.ballotsCollected);
  return (
    <Card size="small" title="Số liệu tại hội trường">
      <Space wrap>
        <span>Có mặt</span>
        <InputNumber min={0} value={present} onChange={setPresent} aria-label="Có mặt" />
        <span>Phiếu phát ra</span>
        <InputNumber min={0} value={issued} onChange={setIssued} aria-label="Phiếu phát ra" />
        <span>Phiếu thu vào</span>
        <InputNumber min={0} value={collected} onChange={setCollected} aria-label="Phiếu thu vào" />
        <Button
          loading={update.isPending}
          onClick={() => update.mutate({ present, ballotsIssued: issued, ballotsCollected: collected })}
          data-testid="save-figures"
        >
          Lưu số liệu
        </Button>
      </Space>
      {update.error && <ErrorAlert error={update.error} />}
    </Card>
  );
}

/** An administrator reopens a closed count, with the reason (audited). */
function ReopenCard({ election }: { election: ElectionDto }) {
  const reopen = useReopenElection(election.id);
  const [reason, setReason] = useState("");
  return (
    <Card size="small" title="Mở lại kiểm phiếu (quản trị)">
      <Flex gap={8} wrap>
        <Input
          style={{ flex: "1 1 320px" }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Lý do mở lại (được ghi vào nhật ký)"
          aria-label="Lý do mở lại"
        />
        <Button
          danger
          disabled={reason.trim().length < 5}
          loading={reopen.isPending}
          onClick={() => reopen.mutate(reason)}
        >
          Mở lại
        </Button>
      </Flex>
      {reopen.error && <ErrorAlert error={reopen.error} />}
    </Card>
  );
}

function ResultTab({ election }: { election: ElectionDto }) {
  const result = useElectionResult(election.id);
  const release = useElectionAction(election.id, "release");
  const close = useElectionAction(election.id, "close");
  const d = result.data;
  if (result.error) return <ErrorAlert error={result.error} />;
  if (!d) return <Skeleton active />;
  const r = d.result;
  const manage = election.permissions.manage;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {manage && election.status === "counting" && (
          <>
            <Button
              icon={<SendOutlined />}
              disabled={!r}
              loading={release.isPending}
              onClick={() => release.mutate()}
              data-testid="release-result"
            >
              Công bố lên màn hình
            </Button>
            <Popconfirm
              title="Kết thúc kiểm phiếu? Kết quả được ghi vào hồ sơ đại hội và nhân sự."
              okText="Kết thúc"
              cancelText="Thôi"
              onConfirm={() => close.mutate()}
              disabled={!d.complete}
            >
              <Button
                danger
                icon={<StopOutlined />}
                disabled={!d.complete}
                loading={close.isPending}
                data-testid="close-count"
              >
                Kết thúc kiểm phiếu
              </Button>
            </Popconfirm>
          </>
        )}
        <a href={paths.projection(election.id)} target="_blank" rel="noreferrer">
          <Button icon={<DesktopOutlined />} data-testid="projection-link">
            Màn hình trình chiếu
          </Button>
        </a>
        <a href={minutesUrl(election.id)} download>
          <Button icon={<DownloadOutlined />} data-testid="download-minutes">
            Biên bản kiểm phiếu (.docx)
          </Button>
        </a>
        <a href={countFileUrl(election.id)} download>
          <Button icon={<DownloadOutlined />} data-testid="download-count">
            Tệp kiểm phiếu (.json)
          </Button>
        </a>
      </Flex>
      {(release.error || close.error) && <ErrorAlert error={release.error ?? close.error} />}
      {release.isSuccess && (
        <Alert
          type="success"
          showIcon
          title="Đã công bố lên màn hình trình chiếu."
          data-testid="released-ok"
        />
      )}
      <Alert
        type={d.complete ? "success" : "info"}
        showIcon
        data-testid="result-completeness"
        title={
          d.complete
            ? `Kết quả đã đủ: ${formatNumber(d.bundles.accepted)}/${formatNumber(d.bundles.total)} tập được chấp nhận, ${formatNumber(d.ballotsCounted)} phiếu.`
            : `Chưa đủ: ${formatNumber(d.bundles.accepted)}/${formatNumber(d.bundles.total)} tập được chấp nhận, ${formatNumber(d.ballotsCounted)} phiếu đã đếm${d.ballotsCollected !== null ? ` / ${formatNumber(d.ballotsCollected)} thu vào` : ""}.`
        }
        description={
          d.incompleteReasons.length > 0 ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {d.incompleteReasons.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : undefined
        }
      />
      {r && <ResultFigures r={r} />}
      {election.status === "counting" && (election.permissions.setup || election.permissions.manage) && (
        <FiguresCard key={election.version} election={election} />
      )}
      {election.status === "closed" && election.permissions.reopen && <ReopenCard election={election} />}
      <Table
        size="small"
        data-testid="result-table"
        rowKey="position"
        pagination={false}
        dataSource={election.candidates.map((c, i) => {
          const o = r?.candidates[i];
          return {
            position: c.position,
            name: c.fullName,
            votes: o?.votes ?? d.runningVotes[i] ?? 0,
            percent: o?.percentOfBase ?? "",
            outcome: o?.outcome,
            explanation: o?.explanation ?? "",
          };
        })}
        columns={[
          { title: "STT", dataIndex: "position", width: 60 },
          { title: "Họ và tên", dataIndex: "name" },
          {
            title: "Số phiếu",
            dataIndex: "votes",
            width: 90,
            align: "right",
            // Figures never break across lines.
            onCell: () => ({ style: { whiteSpace: "nowrap" } }),
            render: (n: number) => formatNumber(n),
          },
          {
            title: "Tỷ lệ /N",
            dataIndex: "percent",
            width: 90,
            align: "right",
            onCell: () => ({ style: { whiteSpace: "nowrap" } }),
          },
          {
            title: "Kết quả",
            dataIndex: "outcome",
            width: 130,
            render: (o: keyof typeof OUTCOME_LABELS | undefined) =>
              o ? (
                <Tag
                  color={
                    o === "elected" ? "green" : o === "tied" ? "gold" : o === "alternate" ? "blue" : "default"
                  }
                >
                  {OUTCOME_LABELS[o]}
                </Tag>
              ) : null,
          },
          { title: "Giải thích", dataIndex: "explanation" },
        ]}
      />
      {r && r.elected.length > 0 && (
        <Card
          size="small"
          title={`Trúng cử (${formatNumber(r.elected.length)}/${formatNumber(r.seats)}), theo số phiếu từ cao xuống thấp`}
        >
          <ol style={{ margin: 0 }} data-testid="elected-list">
            {r.elected.map((e) => (
              <li key={e.position}>
                {e.name} — {formatNumber(e.votes)} phiếu
              </li>
            ))}
          </ol>
        </Card>
      )}
    </Flex>
  );
}

function LogTab({ election }: { election: ElectionDto }) {
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

const TABS = ["thiet-lap", "tap-phieu", "ket-qua", "nhat-ky"] as const;

export function ElectionPage() {
  const meId = useMe().data?.user.id;
  const raw = Number(useParams().id);
  const id = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const [search, setSearch] = useSearchParams();
  const election = useElection(id);
  const live = useElectionEvents(id);
  const e = election.data;
  const tabParam = search.get("tab");
  const tab = (TABS as readonly string[]).includes(tabParam ?? "")
    ? (tabParam as string)
    : e?.status === "setup"
      ? "thiet-lap"
      : "tap-phieu";

  useEffect(() => {
    if (e) document.title = `${e.title} — Bầu cử — Đại Hội`;
  }, [e]);

  if (id === undefined || (isApiError(election.error) && election.error.status === 404))
    return (
      <Result
        status="404"
        title="Không tìm thấy cuộc bầu cử"
        extra={<Link to={paths.elections}>Về danh sách bầu cử</Link>}
      />
    );
  if (election.error) return <ErrorAlert error={election.error} />;
  if (!e) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to={paths.elections}>Bầu cử</Link> },
          { key: "org", title: <Link to={`${paths.elections}?dv=${e.orgId}`}>{e.orgName}</Link> },
          { key: "self", title: e.title },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ margin: "8px 0 12px" }}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="election-title">
            {e.title}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Tag color={STATUS_COLORS[e.status]} data-testid="election-status">
              {e.statusLabel}
            </Tag>
            <Typography.Text type="secondary">
              {e.officeLabel} · cần bầu {formatNumber(e.seats)}
              {e.alternateSeats ? ` (+${formatNumber(e.alternateSeats)} dự khuyết)` : ""} · danh sách{" "}
              {formatNumber(e.candidateCount)} người ·{" "}
              {e.ballotKind === "cross-out" ? "phiếu gạch tên" : "phiếu đồng ý/không đồng ý"}
              {e.round > 1 ? ` · lần ${e.round}` : ""}
              {e.baseN !== null
                ? ` · N = ${formatNumber(e.baseN)}, cần ${formatNumber(e.threshold ?? 0)} phiếu`
                : ""}
            </Typography.Text>
            {e.released && <Tag color="purple">Đã công bố</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="election-live">
              {live === "live" ? "● trực tiếp" : live === "connecting" ? "○ đang kết nối" : "○ mất kết nối"}
            </Typography.Text>
          </Flex>
        </Flex>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: "thiet-lap", label: "Thiết lập", children: <SetupTab election={e} /> },
          { key: "tap-phieu", label: "Tập phiếu", children: <BundlesTab election={e} me={meId} /> },
          { key: "ket-qua", label: "Kết quả", children: <ResultTab election={e} /> },
          { key: "nhat-ky", label: "Nhật ký nhập phiếu", children: <LogTab election={e} /> },
        ]}
      />
    </>
  );
}
