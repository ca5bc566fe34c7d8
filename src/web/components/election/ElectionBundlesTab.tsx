/**
 * The bundles tab of an election: each bundle entered independently by 2–3 clerks, compared,
 * accepted or sent back.
 */

import { CheckOutlined, EditOutlined, RollbackOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Flex,
  InputNumber,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { formatNumber } from "../../../domain/format/number.ts";
import {
  type BundleDto,
  type ElectionDto,
  useAcceptBundle,
  useBundles,
  useComparison,
  useCreateBundles,
  useReenterBundle,
  useStartEntry,
} from "../../api/elections.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { ballotToEntryText } from "./ballotEntry.ts";

const STAGE_LABELS: Record<BundleDto["stage"], { text: string; color: string }> = {
  entering: { text: "Đang nhập", color: "processing" },
  "ready-to-compare": { text: "Chờ đối chiếu", color: "gold" },
  differs: { text: "Có chênh lệch", color: "red" },
  accepted: { text: "Đã chấp nhận", color: "green" },
};

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

export function ElectionBundlesTab({ election, me }: { election: ElectionDto; me: number | undefined }) {
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
