/**
 * What the hall sees on the projector: large type, light on dark, high contrast. It shows only a
 * result the counting committee has released (the page is given nothing else), the figures of the
 * count, and the candidates with their votes and share of N, the elected marked, followed by the
 * elected in descending order of votes and what happens next (tie vote, open seats).
 */

import { formatNumber } from "../../../domain/format/number.ts";
import type { PartyResultDto as PartyElectionResult } from "../../../server/routes/elections/schema.ts";

export const PROJECTION_CSS = `
.projection { min-height: 100vh; background: #0b0b0b; color: #fff; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 3vh 4vw; box-sizing: border-box; }
.projection h1 { color: #ffd54f; font-size: clamp(28px, 4vw, 56px); margin: 0 0 .2em; text-align: center; line-height: 1.15; }
.projection .pj-org { text-align: center; font-size: clamp(18px, 2.2vw, 32px); color: #e0e0e0; margin-bottom: 2vh; text-transform: uppercase; }
.projection .pj-figures { display: flex; flex-wrap: wrap; gap: 1.2vw; justify-content: center; margin-bottom: 2.5vh; }
.projection .pj-figure { border: 2px solid #555; border-radius: 10px; padding: .4em .9em; text-align: center; min-width: 8em; }
.projection .pj-figure b { display: block; font-size: clamp(26px, 3.4vw, 52px); color: #fff; }
.projection .pj-figure span { font-size: clamp(14px, 1.4vw, 22px); color: #cfcfcf; }
.projection table { width: 100%; border-collapse: collapse; font-size: clamp(18px, 2vw, 34px); }
.projection th { text-align: left; color: #ffd54f; border-bottom: 3px solid #ffd54f; padding: .2em .4em; }
.projection td { padding: .15em .4em; border-bottom: 1px solid #333; }
.projection td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.projection tr.elected td { color: #a5f3a5; font-weight: 700; }
.projection .pj-next { margin-top: 2.5vh; font-size: clamp(20px, 2.2vw, 36px); text-align: center; color: #ffd54f; }
.projection .pj-wait { display: flex; min-height: 70vh; align-items: center; justify-content: center; text-align: center;
  font-size: clamp(28px, 4vw, 60px); color: #e0e0e0; }
.projection .pj-live { position: fixed; right: 1.5vw; bottom: 1.5vh; font-size: 14px; color: #9e9e9e; }
`;

export interface ProjectionViewProps {
  readonly orgName: string;
  readonly title: string;
  /** null: nothing released yet. */
  readonly result: PartyElectionResult | null;
  readonly live: "connecting" | "live" | "offline";
}

function nextStepText(result: PartyElectionResult): string | null {
  const step = result.nextStep;
  switch (step.kind) {
    case "complete":
      return null;
    case "tie-vote":
      return `Có ${formatNumber(step.ties.reduce((n, t) => n + t.positions.length, 0))} đồng chí bằng phiếu nhau ở vị trí cuối: Đại hội bầu lại trong số các đồng chí này.`;
    case "congress-decides":
      return `Còn thiếu ${formatNumber(step.openSeats)} người so với số lượng cần bầu: Đại hội quyết định bầu tiếp hay không.`;
    case "appointment-by-upper-committee":
      return "Sau ba lần bầu chưa bầu được bí thư: cấp ủy cấp trên chỉ định.";
    case "secretary-at-first-conference":
      return "Đại hội chưa bầu được bí thư: báo cáo cấp ủy cấp trên; bí thư được bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới.";
    case "further-round-required":
      return `Còn thiếu ${formatNumber(step.openSeats)} người so với số lượng cần bầu: Đại hội bầu tiếp.`;
    default:
      return null;
  }
}

export function ProjectionView({ orgName, title, result, live }: ProjectionViewProps) {
  const liveText =
    live === "live" ? "● Trực tiếp" : live === "connecting" ? "○ Đang kết nối…" : "○ Mất kết nối";
  if (!result) {
    return (
      <div className="projection" data-testid="projection">
        <h1>{title}</h1>
        <div className="pj-org">{orgName}</div>
        <div className="pj-wait" data-testid="projection-waiting">
          Ban kiểm phiếu chưa công bố kết quả
        </div>
        <div className="pj-live" data-testid="projection-live">
          {liveText}
        </div>
      </div>
    );
  }
  const b = result.ballots;
  const next = nextStepText(result);
  const electedPositions = new Set(result.elected.map((e) => e.position));
  return (
    <div className="projection" data-testid="projection">
      <h1>KẾT QUẢ BẦU CỬ — {title}</h1>
      <div className="pj-org">{orgName}</div>
      <div className="pj-figures">
        <div className="pj-figure">
          <b data-testid="pj-base">{formatNumber(result.base.n)}</b>
          <span>Cơ sở tính (N)</span>
        </div>
        <div className="pj-figure">
          <b>{formatNumber(b.issued)}</b>
          <span>Phiếu phát ra</span>
        </div>
        <div className="pj-figure">
          <b>{formatNumber(b.collected)}</b>
          <span>Phiếu thu vào</span>
        </div>
        <div className="pj-figure">
          <b data-testid="pj-valid">{formatNumber(b.valid)}</b>
          <span>Hợp lệ</span>
        </div>
        <div className="pj-figure">
          <b>{formatNumber(b.invalid)}</b>
          <span>Không hợp lệ</span>
        </div>
      </div>
      <table data-testid="projection-table">
        <thead>
          <tr>
            <th>STT</th>
            <th>Họ và tên</th>
            <th style={{ textAlign: "right" }}>Số phiếu</th>
            <th style={{ textAlign: "right" }}>Tỷ lệ</th>
            <th>Kết quả</th>
          </tr>
        </thead>
        <tbody>
          {result.candidates.map((c) => (
            <tr key={c.position} className={electedPositions.has(c.position) ? "elected" : ""}>
              <td className="n">{c.position}</td>
              <td>{c.name}</td>
              <td className="n">{formatNumber(c.votes)}</td>
              <td className="n">{c.percentOfBase}</td>
              <td>{OUTCOME_LABELS[c.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <div className="pj-next" data-testid="projection-next">
          {next}
        </div>
      )}
      <div className="pj-live" data-testid="projection-live">
        {liveText}
      </div>
    </div>
  );
}

export const OUTCOME_LABELS: Readonly<Record<PartyElectionResult["candidates"][number]["outcome"], string>> =
  {
    elected: "Trúng cử",
    alternate: "Dự khuyết",
    tied: "Bằng phiếu",
    "passed-not-elected": "Đủ phiếu, hết chỗ",
    "below-threshold": "Không trúng cử",
  };
