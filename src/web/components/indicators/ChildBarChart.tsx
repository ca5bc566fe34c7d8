/**
 * One indicator's share per child organisation as horizontal bars, with the target as a line.
 * ECharts directly through `echarts/core` with only what this chart needs (own chunk, lazy).
 */
import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { formatNumber } from "../../../domain/format/number.ts";
import type { IndicatorValueDto } from "../../api/people.ts";

use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

function buildOption(v: IndicatorValueDto): Option {
  const rows = v.byChild.filter((c) => c.denominator > 0);
  const target = v.target && (v.definitionTarget ?? null);
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (raw: unknown) => {
        const p = raw as { dataIndex: number };
        const c = rows[p.dataIndex]!;
        return `${c.name ?? ""}<br/><b>${formatNumber(c.numerator)}/${formatNumber(c.denominator)}</b> (${c.percent})`;
      },
    },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: (x: number) => `${x}%` } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((c) => (c.name ?? "").replace(/^Đảng bộ /, "")),
      axisLabel: { width: 200, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: rows.map((c) => Math.round((c.percentValue ?? 0) * 100) / 100),
        itemStyle: { color: "#b71c1c" },
        label: {
          show: true,
          position: "right",
          formatter: (p: unknown) => rows[(p as { dataIndex: number }).dataIndex]!.percent,
        },
        ...(target !== null
          ? {
              markLine: {
                symbol: "none",
                label: { formatter: `Chỉ tiêu ${target}%` },
                lineStyle: { color: "#1565c0", type: "dashed" },
                data: [{ xAxis: target }],
              },
            }
          : {}),
      },
    ],
  };
}

export default function ChildBarChart({ value }: { value: IndicatorValueDto }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const option = useMemo(() => buildOption(value), [value]);
  const height = Math.max(160, 28 * value.byChild.filter((c) => c.denominator > 0).length + 48);

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
      data-testid="indicator-chart"
      role="img"
      aria-label={`Biểu đồ tỷ lệ "${value.name}" theo đơn vị trực thuộc`}
      style={{ width: "100%", height }}
    />
  );
}
