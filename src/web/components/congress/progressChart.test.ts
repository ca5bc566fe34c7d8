import { describe, expect, it } from "vitest";
import type { CurvesDto, SeasonDto } from "../../api/index.ts";
import { buildOption } from "./ProgressChart.tsx";
import { defaultAsOf } from "./useCongressSearch.ts";

const level = (end: string, province: string | null, central: string | null) =>
  ({
    window: { start: "2019-10-01", end },
    provinceDeadline: province,
    centralDeadline: central,
  }) as SeasonDto["levels"][number];

describe("defaultAsOf", () => {
  it("is the season's last day once the season is over, today while it runs", () => {
    const season = {
      levels: [
        level("2020-03-31", "2020-02-29", "2020-03-31"),
        level("2020-09-30", "2020-07-25", "2020-09-30"),
      ],
    };
    expect(defaultAsOf(season, "2026-12-07")).toBe("2020-09-30");
    expect(defaultAsOf(season, "2020-05-31")).toBe("2020-05-31");
    expect(defaultAsOf(undefined, "2026-12-07")).toBe("2026-12-07");
  });
});

describe("the progress chart", () => {
  it("labels every deadline line with whose deadline it is", () => {
    const curves = [
      {
        level: "branch",
        name: "Chi bộ",
        total: 10,
        provinceDeadline: "2020-02-29",
        centralDeadline: "2020-03-31",
        points: [{ day: "2020-01-18", held: 10 }],
      },
    ] as unknown as CurvesDto;
    const option = buildOption(curves, "2020-07-31") as {
      series: { markLine: { label: { show: boolean }; data: { label: { formatter: string } }[] } }[];
    };
    const markLine = option.series[0]!.markLine;
    expect(markLine.label.show).toBe(true);
    expect(markLine.data.map((d) => d.label.formatter)).toEqual([
      "Hạn Tỉnh ủy 29/02",
      "Hạn Trung ương 31/03",
    ]);
  });
});
