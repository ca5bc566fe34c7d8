import { describe, expect, it } from "vitest";
import { DEFAULT_ROUNDING, diffFigures, fillTemplate, makeFigure } from "./model.ts";

const coal = makeFigure(
  {
    id: "coal",
    label: "Bí thư chi bộ ngành Than là người đứng đầu đơn vị",
    definition: "Trong số chi bộ ngành Than: bí thư là người đứng đầu đơn vị.",
    numerator: 871,
    denominator: 904,
    decimals: 2,
    asOf: "2020-07-31",
    source: "indicator:coal",
  },
  DEFAULT_ROUNDING,
);

describe("makeFigure", () => {
  it("prints the percentage with the figure's decimals, or the uniform rule", () => {
    expect(coal).toMatchObject({ percent: "96,35%", decimals: 2 });
    const women = { ...coal, id: "w", numerator: 671, denominator: 2291, decimals: 1 };
    expect(makeFigure(women, DEFAULT_ROUNDING).percent).toBe("29,3%");
    expect(makeFigure({ ...women, decimals: 0 }, DEFAULT_ROUNDING).percent).toBe("29%");
    expect(
      makeFigure(women, { kind: "uniform", rule: { decimals: 2, mode: "truncate", trimZeros: false } })
        .percent,
    ).toBe("29,28%");
  });
});

describe("fillTemplate", () => {
  it("marks the text that came from a figure", () => {
    expect(
      fillTemplate("có {coal.ratio} ({coal.pct}) đồng chí, {$when}", new Map([["coal", coal]]), {
        when: "x",
      }),
    ).toEqual([
      { text: "có " },
      { text: "871/904", figureId: "coal" },
      { text: " (" },
      { text: "96,35%", figureId: "coal" },
      { text: ") đồng chí, " },
      { text: "x" },
    ]);
    expect(() => fillTemplate("{nope}", new Map())).toThrow();
  });
});

describe("diffFigures", () => {
  it("lists the figures whose counts changed", () => {
    const later = { ...coal, numerator: 872, percent: "96,46%" };
    expect(diffFigures([coal], [later])).toEqual([
      {
        id: "coal",
        label: coal.label,
        before: { numerator: 871, denominator: 904, percent: "96,35%" },
        after: { numerator: 872, denominator: 904, percent: "96,46%" },
      },
    ]);
    expect(diffFigures([coal], [coal])).toEqual([]);
  });
});
