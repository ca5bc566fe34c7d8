/**
 * In phiếu bầu: the ballot as printed, one sheet per page; "In" prints only the sheets (A5) as many
 * times as asked.
 */
import { PrinterOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Flex, InputNumber, Skeleton, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { layoutBallot, renderBallotSvg } from "../../domain/scan/index.ts";
import { useBallotPrint } from "../api/elections.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { BallotSheet, ballotPrintCss } from "../components/election/BallotSheet.tsx";
import { paths } from "../paths.ts";

export function ElectionBallotsPage() {
  const raw = Number(useParams().id);
  const id = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const ballot = useBallotPrint(id);
  const [copies, setCopies] = useState(1);
  const b = ballot.data;
  // One layout for every copy: the reader compares scans with this very drawing.
  const layout = useMemo(
    () =>
      b
        ? layoutBallot({
            electionId: b.electionId,
            round: b.round,
            kind: b.kind,
            seats: b.seats + b.alternateSeats,
            orgName: b.organisation,
            congressName: b.congressName,
            title: b.title,
            instruction: b.instruction,
            candidates: b.candidates.map((c) => ({ position: c.position, name: c.fullName })),
          })
        : undefined,
    [b],
  );
  const svg = useMemo(() => (layout ? renderBallotSvg(layout) : ""), [layout]);

  useEffect(() => {
    document.title = "In phiếu bầu — Đại Hội";
  }, []);

  return (
    <>
      <style>{ballotPrintCss(layout?.page.name ?? "A5")}</style>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to={paths.elections}>Bầu cử</Link> },
          { key: "e", title: id ? <Link to={paths.election(id)}>{b?.title ?? "…"}</Link> : "…" },
          { key: "self", title: "In phiếu bầu" },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: "8px 0 12px" }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          In phiếu bầu
        </Typography.Title>
        <Flex gap={8} align="center">
          {id && <Link to={paths.electionScan(id)}>Quét phiếu đã bầu</Link>}
          <span>Số bản:</span>
          <InputNumber
            min={1}
            max={1000}
            value={copies}
            onChange={(v) => setCopies(v ?? 1)}
            aria-label="Số bản"
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="print-ballots"
          >
            In
          </Button>
        </Flex>
      </Flex>
      {ballot.error && <ErrorAlert error={ballot.error} />}
      {!b && !ballot.error && <Skeleton active paragraph={{ rows: 10 }} />}
      {b && (
        <div className="ballot-sheets">
          {Array.from({ length: copies }, (_, i) => (
            <BallotSheet
              // Identical copies: the index is the only identity they have.
              // biome-ignore lint/suspicious/noArrayIndexKey: copies of one sheet
              key={i}
              svg={svg}
            />
          ))}
        </div>
      )}
    </>
  );
}
