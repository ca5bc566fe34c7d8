/**
 * The seed's calendar, every figure computed with the congress rules' own `computeProgress`
 * from the generated records, never read back from constants.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../domain/basics/result.ts";
import { describeDeadline } from "../domain/congress/deadline.ts";
import { checkCongressOrder } from "../domain/congress/ordering.ts";
import { computeLateList, computeProgress, computeProgressCurves } from "../domain/congress/progress.ts";
import { congressRecordSchema } from "../domain/congress/record.ts";
import { seasonSchema } from "../domain/congress/season.ts";
import { formatPercent } from "../domain/format/number.ts";
import { generateDemoSeason2020 } from "./congresses.ts";
import { generateDemoProvince } from "./province.ts";

const province = generateDemoProvince();
const demo = generateDemoSeason2020(province);
const { season, orgs, congresses } = demo;
const progress = (
  level: string,
  asOf: string,
  extra: { orgLevels?: string[]; kinds?: string[]; scopePath?: string } = {},
) => unwrap(computeProgress(orgs, congresses, season, { scopePath: "QN", level, asOf, ...extra }));
const COMMUNE_LEVEL = ["commune", "ward", "township"];

describe("generateDemoSeason2020", () => {
  it("defines the season of Kế hoạch 308-KH/TU and Chỉ thị 35-CT/TW, valid by its schema", () => {
    expect(seasonSchema.safeParse(season).success).toBe(true);
    expect(season).toMatchObject({
      name: "Đại hội nhiệm kỳ 2020–2025",
      plan: { number: "308-KH/TU", date: "2019-07-04" },
      directive: { number: "35-CT/TW" },
    });
    expect(season.levels.map((l) => [l.code, l.term, l.provinceDeadline, l.centralDeadline])).toEqual([
      ["branch", { startYear: 2020, endYear: 2022 }, "2020-02-29", null],
      ["grassroots", { startYear: 2020, endYear: 2025 }, "2020-05-31", "2020-06-30"],
      ["district_level", { startYear: 2020, endYear: 2025 }, "2020-07-31", "2020-08-31"],
      ["province", { startYear: 2020, endYear: 2025 }, null, "2020-10-31"],
    ]);
  });

  it("gives every organisation one congress record, each valid by the schema", () => {
    expect(congresses).toHaveLength(province.orgRows.length);
    expect(new Set(congresses.map((c) => c.orgId)).size).toBe(congresses.length);
    const invalid = congresses.filter((c) => !congressRecordSchema.safeParse(c).success);
    expect(invalid).toEqual([]);
    expect(new Set(congresses.map((c) => c.status))).toEqual(new Set(["confirmed", "results_recorded"]));
  });

  it("is deterministic", () => {
    expect(generateDemoSeason2020(generateDemoProvince())).toEqual(demo);
  });

  it("breaks no ordering rule: branches, pilots, grassroots, district level, province", () => {
    expect(checkCongressOrder(orgs, congresses, season)).toEqual([]);
  });
});

describe("the seed's calendar", () => {
  it("4.925/4.925 branch congresses from early January to 29/02/2020", () => {
    const done = progress("branch", "2020-02-29");
    expect([done.held, done.total, done.heldPercent]).toEqual([4925, 4925, "100,00%"]);
    expect(done.firstHeldOn).toBe("2020-01-02");
    expect(done.lastHeldOn).toBe("2020-02-29");
    expect(done.onTimeProvince).toBe(4925);
    expect(progress("branch", "2020-02-28").held).toBeLessThan(4925);
    expect(progress("branch", "2020-01-01").held).toBe(0);
    const january = progress("branch", "2020-01-31");
    expect(january.held).toBeGreaterThan(1544);
    expect(january.held).toBeLessThan(4925);
    expect(done.completion?.province && describeDeadline(done.completion.province)).toBe(
      "đúng hạn theo kế hoạch của tỉnh",
    );
  });

  it("village branch congresses (1.544) all on 18–19/01/2020", () => {
    const villages = { kinds: ["village"] };
    expect(progress("branch", "2020-01-17", villages)).toMatchObject({ total: 1544, held: 0 });
    const day1 = progress("branch", "2020-01-18", villages).held;
    expect(day1).toBeGreaterThan(0);
    expect(day1).toBeLessThan(1544);
    expect(progress("branch", "2020-01-19", villages)).toMatchObject({ total: 1544, held: 1544 });
  });

  it("47 pilot congresses of grassroots committees and branches in March 2020", () => {
    const beforeMarch = progress("grassroots", "2020-02-29");
    const march = progress("grassroots", "2020-03-31");
    expect(beforeMarch.pilots).toEqual({ total: 47, held: 0 });
    expect(march.pilots).toEqual({ total: 47, held: 47 });
    expect(march.held).toBe(47);
    expect(season.pilotOrgIds).toHaveLength(47);
    const committees = progress("grassroots", "2020-03-31", { orgLevels: ["grassroots_committee"] }).pilots
      .held;
    expect(committees).toBeGreaterThan(0);
    expect(committees).toBeLessThan(47);
  });

  it("735/735 grassroots congresses by 31/5/2020, one month ahead of the Centre", () => {
    const p = progress("grassroots", "2020-05-31");
    expect([p.held, p.total, p.heldPercent]).toEqual([735, 735, "100,00%"]);
    expect(progress("grassroots", "2020-05-30").held).toBeLessThan(735);
    expect(p.lastHeldOn).toBe("2020-05-31");
    expect(p.onTimeProvince).toBe(735);
    expect(p.onTimeCentral).toBe(735);
    expect(p.completion?.central && describeDeadline(p.completion.central)).toBe(
      "sớm 01 tháng so với quy định của Trung ương",
    );
    expect(p.completion?.province && describeDeadline(p.completion.province)).toBe(
      "đúng hạn theo kế hoạch của tỉnh",
    );
  });

  it("408/408 grassroots committees elect the secretary directly", () => {
    const p = progress("grassroots", "2020-12-31", { orgLevels: ["grassroots_committee"] });
    expect([p.directSecretary, p.resultsRecorded, p.total]).toEqual([408, 408, 408]);
  });

  it("177/177 commune-level congresses with the 4 contents, the committee in one round with the full number", () => {
    const p = progress("grassroots", "2020-12-31", { kinds: COMMUNE_LEVEL });
    expect(p.total).toBe(177);
    expect(p.held).toBe(177);
    expect(p.contentsComplete).toBe(177);
    expect(p.oneRoundFull).toBe(177);
    expect(p.directSecretary).toBe(177);
    const communeIds = new Set(orgs.filter((o) => COMMUNE_LEVEL.includes(o.kind)).map((o) => o.id));
    const seats = congresses
      .filter((c) => communeIds.has(c.orgId))
      .reduce((s, c) => s + (c.committeeSeatsElected ?? 0), 0);
    expect(seats).toBe(2291);
  });

  it("a few merged grassroots branches hold fewer contents with the committee appointed", () => {
    const p = progress("grassroots", "2020-12-31");
    expect(p.committeeAppointed).toBe(3);
    expect(p.contentsComplete).toBe(732);
    expect(p.directSecretary).toBe(732);
  });

  it("20/20 directly-subordinate congresses by 25/7/2020, all with the secretary elected directly, 85% to 100%", () => {
    const p = progress("district_level", "2020-07-25");
    expect([p.held, p.total, p.directSecretary]).toEqual([20, 20, 20]);
    expect(progress("district_level", "2020-07-24").held).toBeLessThan(20);
    expect(p.lastHeldOn).toBe("2020-07-25");
    const min = p.secretaryVoteShareMin!;
    const max = p.secretaryVoteShareMax!;
    expect(min.votes * 100).toBe(min.base * 85);
    expect(max.votes).toBe(max.base);
    expect(formatPercent(min.votes, min.base)).toBe("85,00%");
    expect(formatPercent(max.votes, max.base)).toBe("100,00%");
    expect(p.completion?.central && describeDeadline(p.completion.central)).toBe(
      "sớm 37 ngày so với quy định của Trung ương",
    );
  });

  it("the provincial congress on 14–16/10/2020 with 350 delegates", () => {
    expect(progress("province", "2020-10-15").held).toBe(0);
    expect(progress("province", "2020-10-16")).toMatchObject({ held: 1, total: 1 });
    expect(congresses.find((c) => c.orgId === "QN")).toMatchObject({ type: "delegates", convened: 350 });
  });

  it("members present never exceed those convened", () => {
    expect(congresses.filter((c) => (c.present ?? 0) > (c.convened ?? 0))).toEqual([]);
  });

  it("nobody is late in the demo as of the end of 2020", () => {
    expect(
      unwrap(computeLateList(orgs, congresses, season, { scopePath: "QN", asOf: "2020-12-31" })),
    ).toEqual([]);
  });

  it("the curves end at the totals", () => {
    const curves = computeProgressCurves(orgs, congresses, season, { scopePath: "QN", asOf: "2020-12-31" });
    expect(curves.map((c) => [c.level, c.total, c.points.at(-1)])).toEqual([
      ["branch", 4925, { date: "2020-02-29", held: 4925 }],
      ["grassroots", 735, { date: "2020-05-31", held: 735 }],
      ["district_level", 20, { date: "2020-07-25", held: 20 }],
      ["province", 1, { date: "2020-10-16", held: 1 }],
    ]);
  });

  it("a district's subtree adds up to its part of the province", () => {
    const districts = orgs.filter((o) => o.level === "district_level");
    const sum = districts.reduce(
      (s, d) => s + progress("grassroots", "2020-04-30", { scopePath: d.path }).held,
      0,
    );
    expect(sum).toBe(progress("grassroots", "2020-04-30").held);
  });
});

describe("other seeds", () => {
  it.each([1, 7, 2025])("keep every published figure with seed %i", (seed) => {
    const other = generateDemoSeason2020(generateDemoProvince({ seed }), { seed });
    const at = (level: string, asOf: string, extra: { orgLevels?: string[]; kinds?: string[] } = {}) =>
      unwrap(
        computeProgress(other.orgs, other.congresses, other.season, {
          scopePath: "QN",
          level,
          asOf,
          ...extra,
        }),
      );
    expect(at("branch", "2020-02-29").held).toBe(4925);
    expect(at("branch", "2020-01-19", { kinds: ["village"] }).held).toBe(1544);
    expect(at("grassroots", "2020-03-31").pilots.held).toBe(47);
    expect(at("grassroots", "2020-05-31").held).toBe(735);
    expect(at("grassroots", "2020-12-31", { kinds: COMMUNE_LEVEL }).oneRoundFull).toBe(177);
    expect(at("grassroots", "2020-12-31", { orgLevels: ["grassroots_committee"] }).directSecretary).toBe(408);
    expect(at("district_level", "2020-07-25").directSecretary).toBe(20);
    expect(checkCongressOrder(other.orgs, other.congresses, other.season)).toEqual([]);
  });
});
