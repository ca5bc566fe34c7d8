/**
 * One election at a congress, in four tabs: the setup (list checked against the regulation, print
 * the ballots, start counting), the bundles (each entered independently by 2–3 clerks, compared,
 * accepted or sent back), the result (running totals, the decided result with each candidate's
 * explanation, release to the projection, close, minutes and count file) and the entry log
 * (printable). Live: every change of the count anywhere refreshes what is on screen (SSE).
 * Each tab is its own file in components/election/.
 */

import { Breadcrumb, Flex, Result, Skeleton, Tabs, Tag, Typography } from "antd";
import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { formatNumber } from "../../domain/format/number.ts";
import { useElection, useElectionEvents } from "../api/elections.ts";
import { isApiError, useMe } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { ElectionBundlesTab } from "../components/election/ElectionBundlesTab.tsx";
import { ElectionLogTab } from "../components/election/ElectionLogTab.tsx";
import { ElectionResultTab } from "../components/election/ElectionResultTab.tsx";
import { ElectionSetupTab } from "../components/election/ElectionSetupTab.tsx";
import { paths } from "../paths.ts";

const STATUS_COLORS = { setup: "default", counting: "processing", closed: "success" } as const;

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
          { key: "thiet-lap", label: "Thiết lập", children: <ElectionSetupTab election={e} /> },
          { key: "tap-phieu", label: "Tập phiếu", children: <ElectionBundlesTab election={e} me={meId} /> },
          { key: "ket-qua", label: "Kết quả", children: <ElectionResultTab election={e} /> },
          { key: "nhat-ky", label: "Nhật ký nhập phiếu", children: <ElectionLogTab election={e} /> },
        ]}
      />
    </>
  );
}
