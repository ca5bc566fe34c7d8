/**
 * Cumulative congresses held per season level against time, as a share of each level's total so
 * that 20 and 4.925 congresses fit one axis; the tooltip gives the counts. Deadlines are vertical
 * lines in the level's colour (solid: the province's, dashed: the Central one).
 *
 * ECharts is used directly through `echarts/core` with only what this chart needs registered: the
 * bundle stays small, and it sits in its own chunk loaded with the dashboard (React.lazy).
 */
import { LineChart, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { formatDate } from "../../../domain/format/date.ts";
import { formatNumber, formatPercent } from "../../../domain/format/number.ts";
import type { CurvesDto } from "../../api/index.ts";

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

const PALETTE = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f"];

const isoToTime = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
};
const timeToIso = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** The chart's option (exported for its test): curves, labelled deadline lines, the axis to asOf. */
export function buildOption(curves: CurvesDto, asOf: string): Option {
  const series: LineSeriesOption[] = curves.map((curve, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const lines: NonNullable<MarkLineComponentOption["data"]> = [];
    if (curve.provinceDeadline)
      lines.push({
        xAxis: isoToTime(curve.provinceDeadline),
        name: `${curve.name}: hạn của Tỉnh ủy ${formatDate(curve.provinceDeadline)}`,
        label: { formatter: `Hạn Tỉnh ủy ${formatDate(curve.provinceDeadline).slice(0, 5)}` },
        lineStyle: { color: colour, type: "solid", width: 1.5 },
      });
    if (curve.centralDeadline)
      lines.push({
        xAxis: isoToTime(curve.centralDeadline),
        name: `${curve.name}: hạn của Trung ương ${formatDate(curve.centralDeadline)}`,
        label: { formatter: `Hạn Trung ương ${formatDate(curve.centralDeadline).slice(0, 5)}` },
        lineStyle: { color: colour, type: "dashed", width: 1.5 },
      });
    const points = curve.points.map((p) => [
      isoToTime(p.day),
      curve.total ? (100 * p.held) / curve.total : 0,
    ]);
    return {
      type: "line",
      name: curve.name,
      step: "end",
      showSymbol: false,
      color: colour,
      data: points,
      markLine: {
        symbol: "none",
        silent: false,
        // Each line says which deadline it is; the full wording on hover.
        label: { show: true, position: "insideEndTop", fontSize: 11, color: colour },
        emphasis: { label: { show: true, formatter: "{b}", position: "insideEndTop" } },
        tooltip: { formatter: (p: unknown) => (p as { name?: string }).name ?? "" },
        data: lines,
      },
    };
  });
  const totals = new Map(curves.map((c) => [c.name, c.total]));
  const deadlines = curves
    .flatMap((c) => [c.provinceDeadline, c.centralDeadline])
    .filter((d): d is string => d !== null)
    .map(isoToTime);
  const nextDeadline = deadlines.filter((t) => t > isoToTime(asOf)).sort((a, b) => a - b)[0];
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 48, bottom: 32 },
    legend: { top: 0, type: "scroll" },
    tooltip: {
      trigger: "axis",
      formatter: (raw: unknown) => {
        const items = (Array.isArray(raw) ? raw : [raw]) as {
          seriesName?: string;
          value?: [number, number];
          marker?: string;
        }[];
        const first = items[0]?.value;
        const head = first ? formatDate(timeToIso(first[0])) : "";
        const rows = items.map((it) => {
          const total = totals.get(it.seriesName ?? "") ?? 0;
          const held = Math.round(((it.value?.[1] ?? 0) * total) / 100);
          return `${it.marker ?? ""} ${it.seriesName}: <b>${formatNumber(held)}/${formatNumber(total)}</b> (${formatPercent(held, total)})`;
        });
        return [head, ...rows].join("<br/>");
      },
    },
    xAxis: {
      type: "time",
      // Up to the "as of" day and the next deadline after it, so the time left is visible too.
      max: (v: { max: number }) => Math.max(v.max, isoToTime(asOf), nextDeadline ?? 0),
      axisLabel: {
        formatter: (t: number) => {
          const d = new Date(t);
          return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
        },
        hideOverlap: true,
      },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 100,
      axisLabel: { formatter: (v: number) => `${v}%` },
    },
    series,
  };
}

export default function ProgressChart({ curves, asOf }: { curves: CurvesDto; asOf: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const option = useMemo(() => buildOption(curves, asOf), [curves, asOf]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      data-testid="progress-chart"
      role="img"
      aria-label="Biểu đồ lũy kế số đại hội đã tổ chức theo thời gian, từng cấp"
      style={{ width: "100%", height: 340 }}
    />
  );
}
