/**
 * Every structure figure of the seed report (BRIEF §5), computed by the indicator engine's own
 * catalog over the generated province, season and people, never read back from constants.
 */
import { describe, expect, it } from "vitest";
import { unwrap } from "../domain/basics/result.ts";
import { findCatalogIndicator } from "../domain/indicators/catalog.ts";
import { indexIndicatorData } from "../domain/indicators/data.ts";
import { evaluateIndicator } from "../domain/indicators/evaluate.ts";
import { findDuplicatePeople } from "../domain/people/duplicates.ts";
import { personSchema, postSchema } from "../domain/people/types.ts";
import { generateDemoSeason2020 } from "./congresses.ts";
import { DEMO_PEOPLE_AS_OF, demoIndicatorData, generateDemoPeople } from "./people.ts";
import { generateDemoProvince } from "./province.ts";

const started = performance.now();
const province = generateDemoProvince();
const season = generateDemoSeason2020(province);
const demo = generateDemoPeople(province, season);
const generationMs = performance.now() - started;
const index = indexIndicatorData(demoIndicatorData(province, season, demo));

const value = (code: string, options: { asOf?: string; scopePath?: string } = {}) => {
  const v = unwrap(
    evaluateIndicator(findCatalogIndicator(code)!, index, {
      scopePath: "QN",
      asOf: DEMO_PEOPLE_AS_OF,
      term: "2020–2025",
      seasonCode: season.season.code,
      ...options,
    }),
  );
  return { ratio: v.ratioText, target: v.target?.status ?? null };
};

describe("generateDemoPeople", () => {
  it("is fast, reasonably sized and deterministic", () => {
    expect(generationMs).toBeLessThan(2000);
    expect(demo.people.length).toBeGreaterThan(8000);
    expect(demo.people.length).toBeLessThan(20_000);
    expect(generateDemoPeople(province, season)).toEqual(demo);
  });

  it("gives valid people and posts, with no duplicate to resolve", () => {
    expect(demo.people.filter((p) => !personSchema.safeParse(p).success)).toEqual([]);
    expect(demo.posts.filter((p) => !postSchema.safeParse(p).success)).toEqual([]);
    expect(findDuplicatePeople(demo.people)).toEqual([]);
    expect(new Set(demo.people.map((p) => p.id)).size).toBe(demo.people.length);
  });

  it("one secretary per organisation in office, one village head per village", () => {
    const secretaries = demo.posts.filter((p) => p.kind === "secretary");
    expect(new Set(secretaries.map((p) => p.orgId)).size).toBe(province.orgRows.length);
    expect(secretaries).toHaveLength(province.orgRows.length);
    expect(demo.posts.filter((p) => p.kind === "village_head")).toHaveLength(1544);
  });
});

describe("the seed's structure figures, computed", () => {
  it("871/904 coal-sector branch secretaries head their unit (previous term 454/1.021)", () => {
    expect(value("coal_branch_secretary_heads_unit")).toEqual({ ratio: "871/904 (96,35%)", target: null });
  });

  it("671/2.291 women among commune-level committee members, ≥ 15%", () => {
    expect(value("commune_committee_women")).toEqual({ ratio: "671/2.291 (29,29%)", target: "met" });
  });

  it("80/177 commune police chiefs in the standing committee, 21/98 in rural communes", () => {
    expect(value("commune_police_chief_in_standing_committee")).toEqual({
      ratio: "80/177 (45,20%)",
      target: null,
    });
    expect(value("rural_commune_police_chief_in_standing_committee")).toEqual({
      ratio: "21/98 (21,43%)",
      target: null,
    });
  });

  it("16/177 commune secretaries chair the People's Council, 108/177 the People's Committee (≥ 75% by the end of the term)", () => {
    expect(value("commune_secretary_chairs_people_council")).toEqual({
      ratio: "16/177 (9,04%)",
      target: null,
    });
    expect(value("commune_secretary_chairs_people_committee")).toEqual({
      ratio: "108/177 (61,02%)",
      target: "not_yet_due",
    });
  });

  it("145/177 commune secretaries not local (≥ 75%), one decided by an override", () => {
    expect(value("commune_secretary_not_local")).toEqual({ ratio: "145/177 (81,92%)", target: "met" });
    expect(demo.people.filter((p) => p.localOverrides !== undefined)).toHaveLength(1);
  });

  it("36/41 coal grassroots secretaries are directors", () => {
    expect(value("coal_grassroots_secretary_is_director")).toEqual({ ratio: "36/41 (87,80%)", target: null });
  });

  it("20/20 directly-subordinate secretaries not local; 3 district secretaries chair the People's Committee", () => {
    expect(value("district_level_secretary_not_local")).toEqual({ ratio: "20/20 (100,00%)", target: "met" });
    expect(value("district_secretary_chairs_people_committee")).toEqual({
      ratio: "3/13 (23,08%)",
      target: "met",
    });
  });

  it("100% of the 1.544 village branch secretaries are the village heads (2014: 21,5%)", () => {
    expect(value("village_branch_secretary_is_village_head")).toEqual({
      ratio: "1.544/1.544 (100,00%)",
      target: "met",
    });
  });

  it("20/20 directly-subordinate congresses by 25/7/2020, secretary vote shares from 85% to 100%", () => {
    const v = unwrap(
      evaluateIndicator(findCatalogIndicator("district_level_congresses_held")!, index, {
        scopePath: "QN",
        asOf: "2020-07-25",
        seasonCode: season.season.code,
      }),
    );
    expect([v.ratioText, v.target?.status, v.aggregates[0]?.min?.text, v.aggregates[0]?.max?.text]).toEqual([
      "20/20 (100,00%)",
      "met",
      "85,00%",
      "100,00%",
    ]);
    expect(value("district_level_direct_secretary")).toEqual({ ratio: "20/20 (100,00%)", target: "met" });
  });

  it("the congress figures: 4.925 branches, 47 pilots, 735 grassroots, 408 direct elections, 177 full communes", () => {
    expect(value("branch_congresses_held", { asOf: "2020-02-29" })).toEqual({
      ratio: "4.925/4.925 (100,00%)",
      target: "met",
    });
    expect(value("pilot_congresses").ratio).toBe("47/735 (6,39%)");
    expect(value("grassroots_congresses_held", { asOf: "2020-05-31" })).toEqual({
      ratio: "735/735 (100,00%)",
      target: "met",
    });
    expect(value("grassroots_direct_secretary")).toEqual({ ratio: "408/408 (100,00%)", target: "met" });
    expect(value("commune_congress_all_contents").ratio).toBe("177/177 (100,00%)");
    expect(value("commune_committee_one_round_full").ratio).toBe("177/177 (100,00%)");
    expect(value("commune_direct_secretary").ratio).toBe("177/177 (100,00%)");
    expect(value("merged_agency_models")).toEqual({ ratio: "13/13 (100,00%)", target: "met" });
  });

  it("the directives' targets: ≥ 10% under 40 in the provincial and district-level committees", () => {
    expect(value("province_committee_under_40", { asOf: "2020-10-31" })).toEqual({
      ratio: "6/53 (11,32%)",
      target: "met",
    });
    expect(value("district_committee_under_40")).toEqual({ ratio: "115/880 (13,07%)", target: "met" });
    expect(value("committee_women", { asOf: "2020-10-31" }).target).toBe("met");
  });

  it("drills down to the people behind a figure", () => {
    const v = unwrap(
      evaluateIndicator(findCatalogIndicator("commune_secretary_chairs_people_council")!, index, {
        scopePath: "QN",
        asOf: DEMO_PEOPLE_AS_OF,
      }),
    );
    const people = new Set(v.members.numerator.map((m) => m.personId));
    expect(people.size).toBe(16);
    const chairs = demo.posts.filter((p) => p.kind === "people_council_chair" && people.has(p.personId));
    expect(chairs.map((p) => p.orgId).sort()).toEqual(v.members.numerator.map((m) => m.orgId).sort());
  });
});
