/**
 * The dashboard's figure cards: held / total per level with the deadlines, on time, pilots, contents,
 * direct secretaries, one-round elections.
 */

import { Card, Col, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { formatDate } from "../../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../../domain/format/number.ts";
import type { ProgressDto } from "../../api/index.ts";
import { ratio } from "./ratio.ts";

function FigureCard({
  title,
  value,
  note,
  testId,
}: {
  title: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" style={{ height: "100%" }} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }} data-testid={`${testId}-value`}>
        {value}
      </div>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`${testId}-note`}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

export function ProgressCards({ progress }: { progress: ProgressDto }) {
  const p = progress;
  const held = p.held;
  const deadlineNote = (phrase: string | undefined, onTime: number | null) => {
    if (phrase) return `Hoàn thành ${phrase}`;
    if (onTime === null) return "Cấp này không có hạn";
    return `${formatPercent(onTime, held)} số đã tổ chức`;
  };
  const cards: { key: string; title: string; value: ReactNode; note?: ReactNode }[] = [
    {
      key: "progress-held",
      title: "Đã tổ chức đại hội",
      value: (
        <>
          {ratio(held, p.total)}{" "}
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>
            ({p.heldPercent})
          </Typography.Text>
        </>
      ),
      note:
        p.notHeld > 0
          ? `Chưa tổ chức ${formatNumber(p.notHeld)}, trong đó chưa có lịch ${formatNumber(p.unscheduled)}`
          : p.firstHeldOn && p.lastHeldOn
            ? `Từ ${formatDate(p.firstHeldOn)} đến ${formatDate(p.lastHeldOn)}`
            : undefined,
    },
    {
      key: "progress-on-time-province",
      title: "Đúng hạn của Tỉnh ủy",
      value: p.onTimeProvince === null ? "—" : ratio(p.onTimeProvince, held),
      note: deadlineNote(p.completion?.province?.phrase, p.onTimeProvince),
    },
    {
      key: "progress-on-time-central",
      title: "Đúng hạn của Trung ương",
      value: p.onTimeCentral === null ? "—" : ratio(p.onTimeCentral, held),
      note: deadlineNote(p.completion?.central?.phrase, p.onTimeCentral),
    },
    {
      key: "progress-pilots",
      title: "Đại hội điểm",
      // No pilot at this level: say so, not "0/0".
      value: p.pilots.total === 0 ? "Không có" : ratio(p.pilots.held, p.pilots.total),
      note: p.pilots.total === 0 ? "Cấp này không chọn đại hội điểm" : "Đã tổ chức / được chọn làm điểm",
    },
    {
      key: "progress-contents",
      title: "Đủ 4 nội dung",
      value: ratio(p.contentsComplete, held),
      note:
        p.committeeAppointed > 0
          ? `${formatNumber(p.committeeAppointed)} đại hội có cấp ủy được chỉ định`
          : "Trên số đại hội đã tổ chức",
    },
    {
      key: "progress-direct-secretary",
      title: "Bầu trực tiếp bí thư tại đại hội",
      value: ratio(p.directSecretary, p.resultsRecorded),
      note: "Trên số đại hội đã nhập kết quả",
    },
    {
      key: "progress-one-round",
      title: "Bầu cấp ủy một lần đủ số lượng",
      value: ratio(p.oneRoundFull, p.resultsRecorded),
      note: "Trên số đại hội đã nhập kết quả",
    },
    {
      key: "progress-pending",
      title: "Chờ chuẩn y",
      value: formatNumber(p.confirmationsPending),
      note: `Chưa nhập kết quả: ${formatNumber(p.resultsPending)}; đã chuẩn y: ${formatNumber(p.confirmed)}`,
    },
    {
      key: "progress-vote-share",
      title: "Tỷ lệ phiếu bầu bí thư",
      value:
        p.secretaryVoteShareMinText && p.secretaryVoteShareMaxText
          ? `${p.secretaryVoteShareMinText} – ${p.secretaryVoteShareMaxText}`
          : "—",
      note: "Thấp nhất – cao nhất",
    },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="progress-cards">
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={12} lg={8} xxl={6}>
          <FigureCard title={c.title} value={c.value} note={c.note} testId={c.key} />
        </Col>
      ))}
    </Row>
  );
}
