/**
 * Letters open / settled / recorded only, as stacked bars (by kind or by organisation). ECharts
 * through `echarts/core` with only what the chart needs, in its own chunk (React.lazy).
 */
import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatNumber } from "../../../domain/format/number.ts";

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface ChartRow {
  readonly name: string;
  readonly open: number;
  readonly settled: number;
  readonly recordedOnly: number;
  readonly overdue: number;
}

export default function PetitionsChart({
  rows,
  height = 260,
}: {
  rows: readonly ChartRow[];
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: "canvas" });
    const series = (name: string, key: keyof ChartRow, color: string): BarSeriesOption => ({
      name,
      type: "bar",
      stack: "all",
      itemStyle: { color },
      data: rows.map((r) => r[key] as number),
    });
    const option: Option = {
      tooltip: { trigger: "axis", valueFormatter: (v) => formatNumber(Number(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { ...series("Quá hạn", "overdue", "#b71c1c"), stack: "open" },
        {
          ...series("Đang giải quyết (trong hạn)", "open", "#ef6c00"),
          stack: "open",
          data: rows.map((r) => r.open - r.overdue),
        },
        series("Đã giải quyết", "settled", "#2e7d32"),
        series("Chỉ lưu", "recordedOnly", "#9e9e9e"),
      ],
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: "100%", height }} role="img" aria-label="Biểu đồ đơn thư" />;
}
