/**
 * One organisation's congress as facts (dates, place, delegates, results) and its warnings.
 */

import { Alert, Descriptions, type DescriptionsProps, Typography } from "antd";
import {
  CONGRESS_CONTENT_LABELS,
  CONGRESS_CONTENTS,
  CONGRESS_TYPE_LABELS,
} from "../../../domain/congress/record.ts";
import { formatDate } from "../../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../../domain/format/number.ts";
import type { CongressDto } from "../../api/index.ts";

export function formatDateRange(start: string | null, end: string | null): string {
  if (!start) return "—";
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

const yesNo = (v: boolean | null) => (v === null ? "—" : v ? "Có" : "Không");

export function CongressFacts({ dto }: { dto: CongressDto }) {
  const c = dto.congress;
  if (!c)
    return (
      <Typography.Paragraph type="secondary" data-testid="congress-facts-empty">
        Đơn vị chưa có kế hoạch đại hội trong nhiệm kỳ này.
        {dto.contactName &&
          ` Người liên hệ: ${dto.contactName}${dto.contactPhone ? `, ${dto.contactPhone}` : ""}.`}
      </Typography.Paragraph>
    );
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "type", label: "Hình thức", children: CONGRESS_TYPE_LABELS[c.type] },
    { key: "pilot", label: "Đại hội điểm", children: c.pilot ? "Có" : "Không" },
    { key: "planned", label: "Thời gian dự kiến", children: formatDateRange(c.plannedStart, c.plannedEnd) },
    { key: "venue", label: "Địa điểm", children: c.venue ?? "—" },
    { key: "actual", label: "Thời gian tổ chức", children: formatDateRange(c.actualStart, c.actualEnd) },
    {
      key: "attendance",
      label: "Triệu tập / có mặt",
      children: c.convened === null ? "—" : `${formatNumber(c.convened)} / ${formatNumber(c.present ?? 0)}`,
    },
    {
      key: "contents",
      label: "Nội dung",
      span: "filled",
      children:
        c.actualStart === null ? (
          "—"
        ) : (
          <span>
            {c.contents.length === CONGRESS_CONTENTS.length
              ? "Đủ 4 nội dung"
              : `${c.contents.length} nội dung: ${c.contents.map((x) => CONGRESS_CONTENT_LABELS[x]).join("; ")}`}
            {c.committeeAppointed && " (cấp ủy được chỉ định)"}
          </span>
        ),
    },
    {
      key: "results",
      label: "Nhập kết quả ngày",
      children: c.resultsRecordedOn ? formatDate(c.resultsRecordedOn) : "—",
    },
    {
      key: "seats",
      label: "Cấp ủy: số lượng / bầu được",
      children:
        c.committeeSeatsDecided === null
          ? "—"
          : `${formatNumber(c.committeeSeatsDecided)} / ${formatNumber(c.committeeSeatsElected ?? 0)}`,
    },
    { key: "oneRound", label: "Bầu một lần đủ số lượng", children: yesNo(c.electedInOneRoundFull) },
    { key: "direct", label: "Bầu trực tiếp bí thư", children: yesNo(c.secretaryElectedDirectly) },
    {
      key: "votes",
      label: "Phiếu bầu bí thư",
      children:
        c.secretaryVotes !== null && c.secretaryVoteBase
          ? `${formatNumber(c.secretaryVotes)}/${formatNumber(c.secretaryVoteBase)} (${formatPercent(c.secretaryVotes, c.secretaryVoteBase)})`
          : "—",
    },
    {
      key: "confirmation",
      label: "Chuẩn y",
      children: c.confirmation
        ? `Quyết định ${c.confirmation.decisionNumber} ngày ${formatDate(c.confirmation.date)}`
        : "—",
    },
    {
      key: "contact",
      label: "Người liên hệ",
      children: dto.contactName
        ? `${dto.contactName}${dto.contactPhone ? ` — ${dto.contactPhone}` : ""}`
        : "—",
    },
  ];
  return <Descriptions data-testid="congress-facts" size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

export function CongressWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="congress-warnings"
      title="Lưu ý"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
