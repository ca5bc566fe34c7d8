import { describe, expect, it } from "vitest";
import { generateDemoSeason2020 } from "../../demo/congresses.ts";
import { DEMO_PEOPLE_AS_OF, demoIndicatorData, generateDemoPeople } from "../../demo/people.ts";
import { generateDemoProvince } from "../../demo/province.ts";
import { createRandom } from "../../demo/random.ts";
import { unwrap } from "../basics/result.ts";
import { INDICATOR_CATALOG } from "./catalog.ts";
import { indexIndicatorData } from "./data.ts";
import type { IndicatorDef } from "./definition.ts";
import { childPathOf, evaluateIndicator } from "./evaluate.ts";
import { FIXTURE_CONGRESSES, FIXTURE_DATA, SEASON } from "./fixtures.ts";
import { birthdayOf, indicatorSpans, type MemberSpan, spanEvents } from "./timeline.ts";

const province = generateDemoProvince();
const season = generateDemoSeason2020(province);
const demo = generateDemoPeople(province, season);
const index = indexIndicatorData(demoIndicatorData(province, season, demo));
const options = { scopePath: "QN", term: "2020–2025", seasonCode: season.season.code };

/** Counts on a day from spans, in total and by child of the scope. */
function countOn(spans: readonly MemberSpan[], day: string, scopePath: string) {
  let numerator = 0;
  let denominator = 0;
  const byChild = new Map<string, [number, number]>();
  for (const s of spans) {
    if (s.from > day || (s.to !== null && s.to <= day)) continue;
    if (s.path !== scopePath && !s.path.startsWith(`${scopePath}.`)) continue;
    denominator++;
    if (s.counted) numerator++;
    const c = childPathOf(s.path, scopePath);
    const v = byChild.get(c) ?? [0, 0];
    byChild.set(c, [v[0] + (s.counted ? 1 : 0), v[1] + 1]);
  }
  return { numerator, denominator, byChild };
}

const random = createRandom(20260);
const randomDay = () => {
  const y = 2012 + Math.floor(random.next() * 15);
  const m = 1 + Math.floor(random.next() * 12);
  const d = 1 + Math.floor(random.next() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};
const days = [
  DEMO_PEOPLE_AS_OF,
  "2020-01-05",
  "2020-01-18",
  "2020-01-19",
  "2020-05-20",
  "2020-10-15",
  ...Array.from({ length: 12 }, randomDay),
];

describe("indicator spans agree with the engine on every day", () => {
  it.each(INDICATOR_CATALOG.map((d) => [d.code, d] as [string, IndicatorDef]))("%s", (_code, def) => {
    const spans = unwrap(indicatorSpans(def, index, options));
    for (const day of days) {
      for (const scopePath of ["QN", "QN.HL"]) {
        const v = unwrap(evaluateIndicator(def, index, { ...options, scopePath, asOf: day, members: false }));
        const c = countOn(spans, day, scopePath);
        expect({ day, scopePath, n: c.numerator, d: c.denominator }).toEqual({
          day,
          scopePath,
          n: v.numerator,
          d: v.denominator,
        });
        for (const child of v.byChild) {
          expect([day, child.path, ...(c.byChild.get(child.path) ?? [0, 0])]).toEqual([
            day,
            child.path,
            child.numerator,
            child.denominator,
          ]);
        }
      }
    }
  });

  it("a user-defined condition on age changes a member's count on the birthday", () => {
    const def: IndicatorDef = {
      code: "under_40_commune_committee",
      name: "Cấp ủy cấp xã dưới 40 tuổi",
      description: "Ủy viên ban chấp hành cấp xã dưới 40 tuổi",
      population: { subject: "posts", postKinds: ["committee_member"], org: {}, period: "in_office" },
      condition: { kind: "age", comparison: "<", years: 40, at: "as_of" },
    };
    const spans = unwrap(indicatorSpans(def, index, options));
    const changed = spans.filter((s, i) => i > 0 && spans[i - 1]!.item.id === s.item.id);
    expect(changed.length).toBeGreaterThan(0);
    for (const s of changed) {
      const person = index.personById.get(String(s.item.personId))!;
      expect(s.from).toBe(birthdayOf(person.birthDate, 40));
      expect(s.counted).toBe(false);
    }
    for (const day of days) {
      const v = unwrap(evaluateIndicator(def, index, { ...options, asOf: day, members: false }));
      const c = countOn(spans, day, "QN");
      expect([c.numerator, c.denominator]).toEqual([v.numerator, v.denominator]);
    }
  });

  it("events sum to the counts of any day", () => {
    const def = INDICATOR_CATALOG.find((d) => d.code === "coal_branch_secretary_heads_unit")!;
    const events = spanEvents(unwrap(indicatorSpans(def, index, options)));
    let n = 0;
    let d = 0;
    for (const e of events) {
      if (e.day <= DEMO_PEOPLE_AS_OF) {
        n += e.numerator;
        d += e.denominator;
      }
    }
    expect([n, d]).toEqual([871, 904]);
  });

  it("birthdays of 29/02 fall on 01/03 in common years", () => {
    expect(birthdayOf("1980-02-29", 40)).toBe("2020-02-29");
    expect(birthdayOf("1980-02-29", 41)).toBe("2021-03-01");
    expect(birthdayOf("1985-07-14", 35)).toBe("2020-07-14");
  });
});

describe("spans follow what the condition looks at", () => {
  it("an organisation without posts is counted from the day its congress is held", () => {
    const fixture = indexIndicatorData({ ...FIXTURE_DATA, posts: [] });
    const def: IndicatorDef = {
      code: "held_orgs",
      name: "Tổ chức đã đại hội",
      description: "Tổ chức đã tổ chức đại hội",
      population: { subject: "orgs", org: {} },
      condition: { kind: "congress", fact: "held" },
    };
    const spans = unwrap(indicatorSpans(def, fixture, { scopePath: "QN", seasonCode: SEASON }));
    for (const c of FIXTURE_CONGRESSES) {
      const mine = spans.filter((s) => s.item.id === c.orgId);
      expect(mine.map((s) => [s.from, s.to, s.counted])).toEqual([
        ["0001-01-01", c.actualEnd, false],
        [c.actualEnd, null, true],
      ]);
    }
  });
});

describe("organisations through time: each day sees the tree as it stood", () => {
  // A dated history on the demo: on 15/03/2021 a Hạ Long commune moves (with its subtree) to
  // Cẩm Phả; on 01/07/2025 a second Hạ Long commune merges into a third (it ends; its branches
  // move under the successor, renamed) and a fourth is split: its branches go half to a new commune.
  const data = demoIndicatorData(province, season, demo);
  const orgs = [...data.orgs];
  const communes = (district: string) =>
    orgs.filter((o) => o.path.startsWith(`QN.${district}.`) && o.path.split(".").length === 3);
  const [moved, merged, successor, split] = communes("HL");
  const MOVE = "2021-03-15";
  const REFORM = "2025-07-01";
  const under = (o: { path: string }, root: { path: string }) =>
    o.path === root.path || o.path.startsWith(`${root.path}.`);
  const versions = orgs.flatMap((o) => {
    if (under(o, moved!)) {
      const later = `QN.CP.${o.path.slice("QN.HL.".length)}`;
      return [
        { ...o, dissolvedOn: MOVE },
        { ...o, validFrom: MOVE, path: later },
      ];
    }
    if (o.path === merged!.path) return [{ ...o, dissolvedOn: REFORM }];
    if (under(o, merged!)) {
      return [
        { ...o, dissolvedOn: REFORM },
        { ...o, validFrom: REFORM, path: `${successor!.path}.${o.path.split(".").at(-1)}` },
      ];
    }
    if (o.path === successor!.path) {
      return [
        { ...o, dissolvedOn: REFORM },
        { ...o, validFrom: REFORM, name: `${o.name ?? ""} (mới)` },
      ];
    }
    if (under(o, split!) && o.path !== split!.path && Number(o.id) % 2 === 0) {
      return [
        { ...o, dissolvedOn: REFORM },
        { ...o, validFrom: REFORM, path: `QN.HL.NEWSPLIT.${o.path.split(".").at(-1)}` },
      ];
    }
    return [o];
  });
  versions.push({ ...split!, id: "NEWSPLIT", path: "QN.HL.NEWSPLIT", validFrom: REFORM, name: "Xã mới" });
  const dated = indexIndicatorData({ ...data, orgs: versions });
  const checkDays = ["2020-07-31", "2021-03-14", MOVE, "2023-06-01", "2025-06-30", REFORM, "2025-12-31"];

  it.each(INDICATOR_CATALOG.map((d) => [d.code, d] as [string, IndicatorDef]))("%s", (_code, def) => {
    const spans = unwrap(indicatorSpans(def, dated, options));
    for (const day of checkDays) {
      for (const scopePath of ["QN", "QN.HL", "QN.CP"]) {
        const v = unwrap(evaluateIndicator(def, dated, { ...options, scopePath, asOf: day, members: false }));
        const c = countOn(spans, day, scopePath);
        expect({ day, scopePath, n: c.numerator, d: c.denominator }).toEqual({
          day,
          scopePath,
          n: v.numerator,
          d: v.denominator,
        });
        for (const child of v.byChild) {
          expect([day, child.path, ...(c.byChild.get(child.path) ?? [0, 0])]).toEqual([
            day,
            child.path,
            child.numerator,
            child.denominator,
          ]);
        }
        // Before the first change, every figure is the one of the tree without history.
        if (day < MOVE) {
          const plain = unwrap(
            evaluateIndicator(def, index, { ...options, scopePath, asOf: day, members: false }),
          );
          expect(v.byChild).toEqual(plain.byChild);
          expect([v.numerator, v.denominator]).toEqual([plain.numerator, plain.denominator]);
        }
      }
    }
    // The country of the province is unchanged by moves inside it (nothing was founded or ended
    // but the merged commune itself).
    const whole = unwrap(evaluateIndicator(def, dated, { ...options, asOf: MOVE, members: false }));
    const plain = unwrap(evaluateIndicator(def, index, { ...options, asOf: MOVE, members: false }));
    expect([whole.numerator, whole.denominator]).toEqual([plain.numerator, plain.denominator]);
  });

  it("the moved commune counts under Cẩm Phả from the day of the move, under Hạ Long before", () => {
    const def = INDICATOR_CATALOG.find((d) => d.population.subject === "orgs")!;
    const before = unwrap(evaluateIndicator(def, dated, { ...options, asOf: "2021-03-14", members: false }));
    const after = unwrap(evaluateIndicator(def, dated, { ...options, asOf: MOVE, members: false }));
    const of = (v: typeof before, p: string) => v.byChild.find((c) => c.path === p)?.denominator ?? 0;
    expect(of(after, "QN.HL")).toBeLessThan(of(before, "QN.HL"));
    expect(of(after, "QN.CP") - of(before, "QN.CP")).toBe(of(before, "QN.HL") - of(after, "QN.HL"));
  });
});
