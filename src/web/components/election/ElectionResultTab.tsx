/**
 * The result tab of an election: running totals, the decided result with each candidate's
 * explanation, the hall's figures, release to the projection, close or reopen, minutes and count file.
 */

import { DesktopOutlined, DownloadOutlined, SendOutlined, StopOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { formatNumber } from "../../../domain/format/number.ts";
import {
  countFileUrl,
  type ElectionDto,
  type ElectionResultDto,
  minutesUrl,
  useElectionAction,
  useElectionResult,
  useNextRound,
  useReopenElection,
  useUpdateFigures,
} from "../../api/elections.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { OUTCOME_LABELS } from "./ProjectionView.tsx";

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

/**
 * After a closed count that left seats open or a tie (Quyết định 190): the congress votes again —
 * "bầu tiếp" among the candidates not elected, or among the tied only. The officer ticks who goes
 * on the new list (preselected from the result) and creates the next round (issue 17 item 5).
 */
function NextRoundCard({
  election,
  result,
}: {
  election: ElectionDto;
  result: NonNullable<ElectionResultDto["result"]>;
}) {
  const navigate = useNavigate();
  const nextRound = useNextRound(election.id);
  const step = result.nextStep;
  const elected = new Set([...result.elected, ...result.alternates].map((e) => e.position));
  const proposed =
    step.kind === "tie-vote"
      ? step.ties.flatMap((t) => t.positions)
      : election.candidates.map((c) => c.position).filter((p) => !elected.has(p));
  const [positions, setPositions] = useState<number[]>(proposed);
  const heading =
    step.kind === "tie-vote"
      ? "Bầu lại trong số những người bằng phiếu"
      : step.kind === "further-round-required"
        ? `Bầu tiếp ${formatNumber(step.openSeats)} người còn thiếu (bầu lần ${formatNumber(election.round + 1)})`
        : `Đại hội quyết định bầu tiếp ${formatNumber(step.kind === "congress-decides" ? step.openSeats : 0)} người còn thiếu`;
  return (
    <Card size="small" title={heading} data-testid="next-round">
      <Checkbox.Group
        value={positions}
        onChange={(v) => setPositions(v as number[])}
        options={election.candidates.map((c) => ({
          value: c.position,
          label: `${c.position}. ${c.fullName}`,
          disabled: elected.has(c.position),
        }))}
      />
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button
          type="primary"
          disabled={positions.length === 0}
          loading={nextRound.isPending}
          data-testid="create-next-round"
          onClick={async () => {
            const next = await nextRound.mutateAsync([...positions].sort((a, b) => a - b));
            void navigate(paths.election(next.id));
          }}
        >
          Tạo cuộc bầu lần {formatNumber(election.round + 1)}
        </Button>
      </Flex>
      {nextRound.error && <ErrorAlert error={nextRound.error} />}
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

export function ElectionResultTab({ election }: { election: ElectionDto }) {
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
      {election.status === "closed" &&
        election.permissions.setup &&
        r &&
        (r.nextStep.kind === "further-round-required" ||
          r.nextStep.kind === "tie-vote" ||
          r.nextStep.kind === "congress-decides") && <NextRoundCard election={election} result={r} />}
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
