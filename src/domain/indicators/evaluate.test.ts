import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import type { Post } from "../people/types.ts";
import { findCatalogIndicator, INDICATOR_CATALOG } from "./catalog.ts";
import { indexIndicatorData } from "./data.ts";
import { type IndicatorDef, indicatorDefSchema, type Target } from "./definition.ts";
import {
  describeTarget,
  type EvaluateOptions,
  evaluateIndicator,
  evaluateTarget,
  type TargetStatus,
  validateIndicatorDef,
} from "./evaluate.ts";
import { FIXTURE_DATA, FIXTURE_ORGS, FIXTURE_PEOPLE, PREVIOUS_TERM, SEASON, TERM } from "./fixtures.ts";

const OPTIONS: EvaluateOptions = { scopePath: "QN", asOf: "2020-07-25", term: TERM, seasonCode: SEASON };
const catalog = (code: string) => findCatalogIndicator(code)!;
const evaluate = (def: IndicatorDef, options: Partial<EvaluateOptions> = {}) =>
  unwrap(evaluateIndicator(def, FIXTURE_DATA, { ...OPTIONS, ...options }));

describe("the catalog", () => {
  it("is valid data, with unique codes", () => {
    const invalid = INDICATOR_CATALOG.filter((d) => !indicatorDefSchema.safeParse(d).success).map(
      (d) => d.code,
    );
    expect(invalid).toEqual([]);
    expect(new Set(INDICATOR_CATALOG.map((d) => d.code)).size).toBe(INDICATOR_CATALOG.length);
  });

  it("survives a JSON round trip (definitions are stored as data)", () => {
    expect(JSON.parse(JSON.stringify(INDICATOR_CATALOG))).toEqual(
      INDICATOR_CATALOG.map((d) => JSON.parse(JSON.stringify(d))),
    );
  });
});

describe("evaluateIndicator", () => {
  it("commune secretaries who chair the People's Committee: every field", () => {
    expect(evaluate(catalog("commune_secretary_chairs_people_committee"))).toEqual({
      code: "commune_secretary_chairs_people_committee",
      name: "Bí thư cấp ủy cấp xã đồng thời là Chủ tịch UBND cấp xã",
      scopePath: "QN",
      asOf: "2020-07-25",
      subject: "posts",
      numerator: 1,
      denominator: 2,
      percent: "50,00%",
      percentValue: 50,
      ratioText: "1/2 (50,00%)",
      target: {
        target: {
          comparison: ">=",
          unit: "percent",
          value: 75,
          due: "2025-06-30",
          dueLabel: "trong nhiệm kỳ",
        },
        status: "not_yet_due",
        statusLabel: "Chưa đến hạn",
        text: "≥ 75% trong nhiệm kỳ (hạn 30/06/2025)",
      },
      baselines: [],
      aggregates: [],
      byChild: [
        {
          path: "QN.HL",
          orgId: "QN.HL",
          name: "Đảng bộ thành phố Hạ Long",
          numerator: 1,
          denominator: 2,
          percent: "50,00%",
        },
      ],
      members: {
        numerator: [{ id: "CV2", orgId: "QN.HL.HONGGAI", personId: "A" }],
        denominator: [
          { id: "CV2", orgId: "QN.HL.HONGGAI", personId: "A" },
          { id: "CV7", orgId: "QN.HL.SONDUONG", personId: "B" },
        ],
      },
      undecidedLocality: [],
    });
  });

  it("the same, after the due day: not met", () => {
    expect(
      evaluate(catalog("commune_secretary_chairs_people_committee"), { asOf: "2025-06-30" }).target?.status,
    ).toBe("not_met");
  });

  it("scopes to any subtree and breaks down by child", () => {
    const value = evaluate(catalog("commune_committee_women"), { scopePath: "QN.HL" });
    expect([value.ratioText, value.byChild.map((c) => [c.path, c.numerator, c.denominator])]).toEqual([
      "2/5 (40,00%)",
      [
        ["QN.HL.HONGGAI", 1, 3],
        ["QN.HL.SONDUONG", 1, 2],
      ],
    ]);
    expect(evaluate(catalog("commune_committee_women"), { scopePath: "QN.HL.SONDUONG" }).ratioText).toBe(
      "1/2 (50,00%)",
    );
  });

  it("compares with a typed baseline in points and as a ratio", () => {
    expect(evaluate(catalog("commune_committee_women")).baselines).toEqual([
      {
        label: "Nhiệm kỳ trước",
        kind: "reported",
        numerator: null,
        denominator: null,
        percent: "20,20%",
        printedPercent: "20,2%",
        points: expect.closeTo(19.8, 9),
        pointsText: "+19,80 điểm %",
        ratio: expect.closeTo(40 / 20.2, 9),
        ratioText: "1,98 lần",
      },
    ]);
  });

  it("computes a baseline from the previous term", () => {
    const def: IndicatorDef = {
      ...catalog("commune_committee_women"),
      baselines: [{ kind: "computed", label: "Nhiệm kỳ 2015–2020", term: PREVIOUS_TERM }],
    };
    expect(evaluate(def).baselines).toEqual([
      {
        label: "Nhiệm kỳ 2015–2020",
        kind: "computed",
        numerator: 1,
        denominator: 4,
        percent: "25,00%",
        printedPercent: null,
        points: 15,
        pointsText: "+15,00 điểm %",
        ratio: 1.6,
        ratioText: "1,60 lần",
      },
    ]);
  });

  it("village branch secretaries who head the village they serve", () => {
    const value = evaluate(catalog("village_branch_secretary_is_village_head"));
    expect([value.ratioText, value.members.numerator.map((m) => m.personId), value.target?.status]).toEqual([
      "1/2 (50,00%)",
      ["C"],
      "not_met",
    ]);
  });

  it("non-local secretaries; a loose hometown is undecided until overridden", () => {
    expect(evaluate(catalog("commune_secretary_not_local")).ratioText).toBe("1/2 (50,00%)");
    const loose = FIXTURE_PEOPLE.map((p) =>
      p.id === "A" ? { ...p, hometown: { ...p.hometown, commune: null } } : p,
    );
    const undecided = unwrap(
      evaluateIndicator(catalog("commune_secretary_not_local"), { ...FIXTURE_DATA, people: loose }, OPTIONS),
    );
    expect([undecided.ratioText, undecided.undecidedLocality]).toEqual([
      "1/2 (50,00%)",
      [{ id: "CV2", orgId: "QN.HL.HONGGAI", personId: "A" }],
    ]);
    const overridden = loose.map((p) =>
      p.id === "A"
        ? { ...p, localOverrides: [{ orgId: "QN.HL.HONGGAI", local: false, reason: "Quê ở phường khác" }] }
        : p,
    );
    const decided = unwrap(
      evaluateIndicator(
        catalog("commune_secretary_not_local"),
        { ...FIXTURE_DATA, people: overridden },
        OPTIONS,
      ),
    );
    expect([decided.ratioText, decided.undecidedLocality]).toEqual(["2/2 (100,00%)", []]);
  });

  it("organisations and their congresses, with the secretary vote shares' min / max / mean", () => {
    const def: IndicatorDef = {
      code: "commune_congresses",
      name: "Đại hội cấp xã",
      description: "Đảng bộ xã, phường, thị trấn đã tổ chức đại hội",
      population: { subject: "orgs", org: { kinds: ["commune", "ward", "township"] } },
      condition: { kind: "congress", fact: "held" },
      aggregates: [{ measure: "secretary_vote_share", over: "numerator" }],
    };
    expect(evaluate(def, { asOf: "2020-05-22" }).ratioText).toBe("1/2 (50,00%)");
    expect(evaluate(def).aggregates).toEqual([
      {
        measure: "secretary_vote_share",
        over: "numerator",
        count: 2,
        min: { value: 85, text: "85,00%", ids: ["QN.HL.HONGGAI"] },
        max: { value: 100, text: "100,00%", ids: ["QN.HL.SONDUONG"] },
        mean: { value: 92.5, text: "92,50%" },
      },
    ]);
    expect(evaluate(catalog("pilot_congresses")).ratioText).toBe("1/2 (50,00%)");
  });

  it("a user-defined indicator from the same parts: local women under 40 on a committee, in the officer of an org", () => {
    const def = {
      code: "commune_secretary_woman_under_40",
      name: "Đảng bộ cấp xã có bí thư là nữ dưới 40 tuổi",
      description: "Đảng bộ xã, phường, thị trấn có bí thư đương nhiệm là nữ, dưới 40 tuổi",
      population: { subject: "orgs", org: { levels: ["grassroots_committee"] } },
      condition: {
        kind: "officer",
        postKind: "secretary",
        condition: {
          kind: "all",
          conditions: [
            { kind: "gender", gender: "female" },
            { kind: "age", comparison: "<", years: 40, at: "as_of" },
          ],
        },
      },
    };
    const value = unwrap(
      evaluateIndicator(unwrap(validateIndicatorDef(JSON.parse(JSON.stringify(def)))), FIXTURE_DATA, OPTIONS),
    );
    expect([value.ratioText, value.members.numerator]).toEqual([
      "1/2 (50,00%)",
      [{ id: "QN.HL.SONDUONG", orgId: "QN.HL.SONDUONG", personId: null }],
    ]);
  });

  it("rejects a bad definition, naming each field", () => {
    const bad = {
      code: "Bad Code",
      name: "",
      description: "x",
      population: { subject: "orgs", org: {} },
      condition: { kind: "gender", gender: "female" },
      target: { comparison: ">=", unit: "percent", value: 120, due: null },
    };
    const result = evaluateIndicator(bad as unknown as IndicatorDef, FIXTURE_DATA, OPTIONS);
    expect(result.ok ? null : result.error).toMatchObject({
      code: "invalid_definition",
      issues: [
        { path: "code", message: "Mã chỉ tiêu chỉ gồm chữ thường không dấu, số và dấu _" },
        { path: "name", message: "Tên chỉ tiêu không được để trống" },
        { path: "target.value", message: "Chỉ tiêu tỷ lệ không được quá 100%" },
        {
          path: "condition",
          message:
            "Tập hợp là tổ chức: điều kiện về người phải đặt trong điều kiện về người giữ chức vụ của tổ chức",
        },
      ],
    });
  });

  it("asks for the term and the season when the definition needs them", () => {
    const noTerm = evaluateIndicator(catalog("commune_committee_women"), FIXTURE_DATA, {
      scopePath: "QN",
      asOf: "2020-07-25",
    });
    expect(noTerm.ok ? null : noTerm.error.code).toBe("term_required");
    const noSeason = evaluateIndicator(catalog("grassroots_congresses_held"), FIXTURE_DATA, {
      scopePath: "QN",
      asOf: "2020-07-25",
    });
    expect(noSeason.ok ? null : noSeason.error.code).toBe("season_required");
  });
});

describe("evaluateTarget", () => {
  const atLeast75: Target = { comparison: ">=", unit: "percent", value: 75, due: "2025-06-30" };

  it("decides on exact counts, not on rounded percentages", () => {
    expect(evaluateTarget(atLeast75, 3, 4, "2020-07-25")).toBe("met");
    expect(evaluateTarget(atLeast75, 2_999_999, 4_000_000, "2030-01-01")).toBe("not_met");
    expect(evaluateTarget({ ...atLeast75, value: 44.5 }, 89, 200, "2030-01-01")).toBe("met");
    expect(evaluateTarget(atLeast75, 0, 0, "2020-07-25")).toBe("no_data");
    expect(evaluateTarget({ comparison: "=", unit: "count", value: 3, due: null }, 3, 13, "2020-07-25")).toBe(
      "met",
    );
    expect(
      describeTarget({ comparison: "=", unit: "count", value: 3, due: null, dueLabel: "ở 3 địa phương" }),
    ).toBe("= 3 ở 3 địa phương");
  });

  const day = fc
    .date({ min: new Date("2019-01-01"), max: new Date("2031-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const order: Record<TargetStatus, number> = { not_yet_due: 0, not_met: 1, met: 0, no_data: 0 };

  it("is monotone in time: once not met after the due day, it stays not met for the same counts", () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(500),
        fc.integer({ min: 0, max: 100 }),
        day,
        day,
        (a, b, value, d1, d2) => {
          const [num, den] = a <= b ? [a, b] : [b, a];
          const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const target: Target = { comparison: ">=", unit: "percent", value, due: "2025-06-30" };
          const s1 = evaluateTarget(target, num, den, early);
          const s2 = evaluateTarget(target, num, den, late);
          expect(order[s1]).toBeLessThanOrEqual(order[s2]);
          expect(s1 === "met").toBe(s2 === "met");
        },
      ),
    );
  });

  it("is monotone in the numerator for ≥ targets", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 0, max: 100 }), (a, extra, value) => {
        const den = a + extra + 1;
        const target: Target = { comparison: ">=", unit: "percent", value, due: null };
        if (evaluateTarget(target, a, den, "2020-07-25") === "met") {
          expect(evaluateTarget(target, Math.min(den, a + 1), den, "2020-07-25")).toBe("met");
        }
      }),
    );
  });
});

describe("invariants over random posts", () => {
  const orgIds = FIXTURE_ORGS.map((o) => o.id as string);
  const kinds = [
    "committee_member",
    "secretary",
    "people_committee_chair",
    "standing_committee_member",
    "village_head",
  ] as const;
  const postArb = fc.record({
    personId: fc.constantFrom(...FIXTURE_PEOPLE.map((p) => p.id as string)),
    kind: fc.constantFrom(...kinds),
    orgId: fc.constantFrom(...orgIds),
    start: fc.constantFrom("2016-01-01", "2020-05-20", "2020-08-01"),
    ended: fc.boolean(),
    previous: fc.boolean(),
  });

  it("numerator ≤ denominator, drill-down lists match the counts, children add up", () => {
    fc.assert(
      fc.property(fc.array(postArb, { maxLength: 40 }), fc.constantFrom(...INDICATOR_CATALOG), (raw, def) => {
        const posts: Post[] = raw.map((r, i) => ({
          id: i,
          personId: r.personId,
          kind: r.kind,
          orgId: r.kind === "village_head" ? null : r.orgId,
          villageCode: r.kind === "village_head" ? "QN.HL.SONDUONG.T1" : null,
          term: ["committee_member", "secretary", "standing_committee_member"].includes(r.kind)
            ? r.previous
              ? PREVIOUS_TERM
              : TERM
            : null,
          title: null,
          start: r.start,
          end: r.ended ? "2021-01-01" : null,
        }));
        const index = indexIndicatorData({ ...FIXTURE_DATA, posts });
        const v = unwrap(evaluateIndicator(def, index, { ...OPTIONS, asOf: "2020-09-01" }));
        expect(v.numerator).toBeLessThanOrEqual(v.denominator);
        expect(v.members.numerator).toHaveLength(v.numerator);
        expect(v.members.denominator).toHaveLength(v.denominator);
        expect(v.byChild.reduce((s, c) => s + c.numerator, 0)).toBe(v.numerator);
        expect(v.byChild.reduce((s, c) => s + c.denominator, 0)).toBe(v.denominator);
      }),
      { numRuns: 200 },
    );
  });
});

describe("commune-level organisations after 01/07/2025", () => {
  it("count a special zone (đặc khu) among the commune-level committees", () => {
    const zone = {
      id: "QN.DK-VANDON",
      path: "QN.DK-VANDON",
      level: "grassroots_committee",
      kind: "special_zone",
      name: "Đảng bộ đặc khu Vân Đồn",
      territory: { provinceCode: "QN", districtCode: null, communeCode: "QN.DK-VANDON" },
    };
    const def = catalog("commune_congress_all_contents");
    const without = evaluate(def);
    const withZone = unwrap(
      evaluateIndicator(def, { ...FIXTURE_DATA, orgs: [...FIXTURE_ORGS, zone] }, OPTIONS),
    );
    expect(withZone.denominator).toBe(without.denominator + 1);
  });
});
