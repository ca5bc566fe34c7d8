/**
 * What the hall sees on the projector: large type, light on dark, high contrast. It shows only a
 * result the counting committee has released (the page is given nothing else), the figures of the
 * count, and the candidates with their votes and share of N, the elected marked, followed by the
 * elected in descending order of votes and what happens next (tie vote, open seats).
 *
 * It fits the screen as the hall sees it, whatever the number of names (issue 19: 62 names were a
 * 3.870 px page): the list goes into side-by-side columns (read down, then across), and the type
 * shrinks step by step until nothing needs scrolling at the projector's size.
 */

import { useLayoutEffect, useRef } from "react";
import { formatNumber } from "../../../domain/format/number.ts";
import type { PartyResultDto as PartyElectionResult } from "../../../server/routes/elections/schema.ts";

export const PROJECTION_CSS = `
.projection { --pj-scale: 1; height: 100vh; overflow: hidden; display: flex; flex-direction: column;
  background: #0b0b0b; color: #fff; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 3vh 3vw; box-sizing: border-box; }
.projection h1 { color: #ffd54f; font-size: calc(clamp(28px, 4vw, 56px) * var(--pj-scale)); margin: 0 0 .2em; text-align: center; line-height: 1.15; }
.projection .pj-org { text-align: center; font-size: calc(clamp(18px, 2.2vw, 32px) * var(--pj-scale)); color: #e0e0e0; margin-bottom: 1.5vh; text-transform: uppercase; }
.projection .pj-figures { display: flex; flex-wrap: wrap; gap: 1.2vw; justify-content: center; margin-bottom: 2vh; }
.projection .pj-figure { border: 2px solid #555; border-radius: 10px; padding: .3em .9em; text-align: center; min-width: 8em; font-size: calc(16px * var(--pj-scale)); }
.projection .pj-figure b { display: block; font-size: calc(clamp(26px, 3.4vw, 52px) * var(--pj-scale)); color: #fff; }
.projection .pj-figure span { font-size: calc(clamp(14px, 1.4vw, 22px) * var(--pj-scale)); color: #cfcfcf; }
.projection .pj-columns { display: grid; gap: 0 2.5vw; align-items: start; }
.projection table { width: 100%; border-collapse: collapse; font-size: calc(clamp(18px, 2vw, 34px) * var(--pj-scale)); }
.projection th { text-align: left; color: #ffd54f; border-bottom: 3px solid #ffd54f; padding: .2em .4em; white-space: nowrap; }
.projection td { padding: .12em .35em; border-bottom: 1px solid #333; }
.projection .pj-legend { text-align: center; color: #cfcfcf; margin-top: 1vh; font-size: calc(clamp(14px, 1.4vw, 22px) * var(--pj-scale)); }
.projection td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.projection td.name, .projection td.outcome { white-space: nowrap; }
.projection tr.elected td { color: #a5f3a5; font-weight: 700; }
.projection .pj-next { margin-top: 2vh; font-size: calc(clamp(20px, 2.2vw, 36px) * var(--pj-scale)); text-align: center; color: #ffd54f; }
.projection .pj-wait { display: flex; flex: 1; align-items: center; justify-content: center; text-align: center;
  font-size: clamp(28px, 4vw, 60px); color: #e0e0e0; }
.projection .pj-live { position: fixed; right: 1.5vw; bottom: 1vh; font-size: 14px; color: #9e9e9e; }
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
  return <ReleasedResult orgName={orgName} title={title} result={result} liveText={liveText} />;
}

/** Names per column before the list is split: one column up to 15 names, two up to 36, then three. */
export function projectionColumns(names: number): number {
  return names <= 15 ? 1 : names <= 36 ? 2 : 3;
}

/** Smallest type scale tried (about 14 px at 1440 px wide): below it the back of a hall cannot read. */
const MIN_SCALE = 0.5;

function ReleasedResult({
  orgName,
  title,
  result,
  liveText,
}: {
  orgName: string;
  title: string;
  result: PartyElectionResult;
  liveText: string;
}) {
  const root = useRef<HTMLDivElement>(null);
  const b = result.ballots;
  const next = nextStepText(result);
  const electedPositions = new Set(result.elected.map((e) => e.position));
  const columns = projectionColumns(result.candidates.length);
  const perColumn = Math.ceil(result.candidates.length / columns);
  const chunks = Array.from({ length: columns }, (_, i) =>
    result.candidates.slice(i * perColumn, (i + 1) * perColumn),
  );

  // Shrink the type until the page needs no scrolling, at every size of the window.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-fit when the result changes.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const fitToScreen = () => {
      let scale = 1;
      el.style.setProperty("--pj-scale", "1");
      while (
        scale > MIN_SCALE &&
        (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      ) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        el.style.setProperty("--pj-scale", String(scale));
      }
    };
    fitToScreen();
    window.addEventListener("resize", fitToScreen);
    return () => window.removeEventListener("resize", fitToScreen);
  }, [result]);

  return (
    <div className="projection" data-testid="projection" ref={root}>
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
      <div
        className="pj-columns"
        data-testid="projection-table"
        data-columns={columns}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, auto))`, justifyContent: "center" }}
      >
        {chunks.map((chunk) => (
          <table key={chunk[0]?.position ?? 0}>
            <thead>
              <tr>
                <th>STT</th>
                <th>Họ và tên</th>
                <th style={{ textAlign: "right" }}>Số phiếu</th>
                <th style={{ textAlign: "right" }}>Tỷ lệ</th>
                <th>{columns > 1 ? "" : "Kết quả"}</th>
              </tr>
            </thead>
            <tbody>
              {chunk.map((c) => (
                <tr
                  key={c.position}
                  className={electedPositions.has(c.position) ? "elected" : ""}
                  data-testid="projection-row"
                >
                  <td className="n">{c.position}</td>
                  <td className="name">{c.name}</td>
                  <td className="n">{formatNumber(c.votes)}</td>
                  <td className="n">{c.percentOfBase}</td>
                  <td className="outcome" title={OUTCOME_LABELS[c.outcome]}>
                    {columns > 1 ? OUTCOME_MARKS[c.outcome] : OUTCOME_LABELS[c.outcome]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {columns > 1 && (
        <div className="pj-legend" data-testid="projection-legend">
          {LEGEND.filter(([o]) => result.candidates.some((c) => c.outcome === o))
            .map(([o]) => `${OUTCOME_MARKS[o]} ${OUTCOME_LABELS[o]}`)
            .join(" · ")}
        </div>
      )}
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

/**
 * Side by side, the columns leave no room for "Không trúng cử" on every line: a short mark instead,
 * explained once under the list (the elected rows are also green and bold).
 */
const OUTCOME_MARKS: Readonly<Record<PartyElectionResult["candidates"][number]["outcome"], string>> = {
  elected: "✓",
  alternate: "DK",
  tied: "=",
  "passed-not-elected": "·",
  "below-threshold": "",
};
const LEGEND = (Object.keys(OUTCOME_MARKS) as (keyof typeof OUTCOME_MARKS)[])
  .filter((o) => OUTCOME_MARKS[o] !== "")
  .map((o) => [o] as const);
