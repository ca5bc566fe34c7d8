import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap } from "../basics/result.ts";
import { addDays } from "./calendar.ts";
import { describeDeadline } from "./deadline.ts";
import { doneCongress, ORGS, SEASON_2020 } from "./fixtures.ts";
import { computeLateList, computeProgress, computeProgressCurves } from "./progress.ts";
import { type CongressRecord, plannedCongress } from "./record.ts";

/** Hồng Gai done on time; Bạch Đằng held late without results; Cô Tô's school not scheduled. */
const CONGRESSES: readonly CongressRecord[] = [
  doneCongress("QN.HL.HG.KP1", "2020-01-18"),
  doneCongress("QN.HL.HG.KP2", "2020-01-19"),
  doneCongress("QN.HL.BC.KP1", "2020-02-10"),
  doneCongress("QN.HL.BC.KP2", "2020-03-05", "2020-03-05", {
    confirmation: null,
    status: "results_recorded",
  }),
  doneCongress("QN.HL.HG", "2020-03-10", "2020-03-11", { pilot: true }),
  {
    ...plannedCongress({
      orgId: "QN.HL.BC",
      seasonCode: "2020-2025",
      type: "members",
      plannedStart: "2020-05-20",
    }),
    status: "held",
    actualStart: "2020-06-02",
    actualEnd: "2020-06-03",
    contents: ["review_and_direction", "upper_documents", "elect_committee"],
    convened: 80,
    present: 75,
  },
  // Another season's record never counts.
  { ...doneCongress("QN.CT.TL", "2025-04-01"), seasonCode: "2025-2030" },
];

describe("computeProgress", () => {
  it("counts a level in a subtree as of a day", () => {
    const p = unwrap(
      computeProgress(ORGS, CONGRESSES, SEASON_2020, {
        scopePath: "QN",
        level: "grassroots",
        asOf: "2020-06-10",
      }),
    );
    expect(p).toEqual({
      seasonCode: "2020-2025",
      level: "grassroots",
      scopePath: "QN",
      asOf: "2020-06-10",
      total: 3,
      held: 2,
      heldPercent: "66,67%",
      notHeld: 0,
      unscheduled: 1,
      onTimeProvince: 1,
      onTimeCentral: 2,
      pilots: { total: 1, held: 1 },
      contentsComplete: 1,
      committeeAppointed: 0,
      resultsRecorded: 1,
      directSecretary: 1,
      oneRoundFull: 1,
      confirmed: 1,
      confirmationsPending: 0,
      resultsPending: 1,
      secretaryVoteShareMin: { votes: 27, base: 28 },
      secretaryVoteShareMax: { votes: 27, base: 28 },
      firstHeldOn: "2020-03-11",
      lastHeldOn: "2020-06-03",
      completion: null,
    });
  });

  it("takes the date into account: a congress in progress is not held", () => {
    const on = (asOf: string) =>
      unwrap(
        computeProgress(ORGS, CONGRESSES, SEASON_2020, { scopePath: "QN.HL", level: "grassroots", asOf }),
      );
    expect(on("2020-03-10")).toMatchObject({ total: 2, held: 0, notHeld: 2 });
    expect(on("2020-03-11")).toMatchObject({ held: 1, confirmed: 1 });
    expect(on("2020-06-03")).toMatchObject({ held: 2, resultsPending: 1 });
  });

  it("evaluates the completion of a level against both deadlines", () => {
    const p = unwrap(
      computeProgress(ORGS, CONGRESSES, SEASON_2020, {
        scopePath: "QN.HL.HG",
        level: "branch",
        asOf: "2020-12-31",
      }),
    );
    expect(p).toMatchObject({ total: 2, held: 2, heldPercent: "100,00%", lastHeldOn: "2020-01-19" });
    expect(p.completion?.province && describeDeadline(p.completion.province)).toBe(
      "sớm 41 ngày so với kế hoạch của tỉnh",
    );
    expect(p.completion?.central).toBeNull();
  });

  it("filters by organisation level and kind", () => {
    const p = unwrap(
      computeProgress(ORGS, CONGRESSES, SEASON_2020, {
        scopePath: "QN",
        level: "grassroots",
        asOf: "2020-12-31",
        orgLevels: ["grassroots_committee"],
        kinds: ["ward"],
      }),
    );
    expect(p).toMatchObject({ total: 2, held: 2 });
  });

  it("does not count organisations dissolved by then", () => {
    const orgs = ORGS.map((o) => (o.id === "QN.CT.TL" ? { ...o, dissolvedOn: "2020-04-01" } : o));
    const q = { scopePath: "QN", level: "grassroots" };
    expect(unwrap(computeProgress(orgs, CONGRESSES, SEASON_2020, { ...q, asOf: "2020-03-31" })).total).toBe(
      3,
    );
    expect(unwrap(computeProgress(orgs, CONGRESSES, SEASON_2020, { ...q, asOf: "2020-04-01" })).total).toBe(
      2,
    );
  });

  it("refuses an unknown level", () => {
    expect(
      computeProgress(ORGS, CONGRESSES, SEASON_2020, {
        scopePath: "QN",
        level: "commune",
        asOf: "2020-06-10",
      }),
    ).toEqual({
      ok: false,
      error: { code: "unknown_level", level: "commune", message: 'Mùa đại hội không có cấp "commune"' },
    });
  });
});

describe("computeLateList", () => {
  it("lists who is past the deadline without a congress or without results", () => {
    const late = unwrap(
      computeLateList(ORGS, CONGRESSES, SEASON_2020, { scopePath: "QN", asOf: "2020-06-10" }),
    );
    expect(late).toEqual([
      {
        orgId: "QN.CT.TL.X",
        name: "Chi bộ lạc chỗ",
        path: "QN.CT.TL.X",
        orgLevel: "branch",
        seasonLevel: "branch",
        reason: "not_scheduled",
        deadline: "2020-02-29",
        daysOverdue: 102,
        plannedStart: null,
        actualEnd: null,
      },
      {
        orgId: "QN.CT.TL",
        name: "Chi bộ Trường THPT Cô Tô",
        path: "QN.CT.TL",
        orgLevel: "grassroots_branch",
        seasonLevel: "grassroots",
        reason: "not_scheduled",
        deadline: "2020-05-31",
        daysOverdue: 10,
        plannedStart: null,
        actualEnd: null,
      },
      {
        orgId: "QN.HL.BC",
        name: "Đảng bộ phường Bạch Đằng",
        path: "QN.HL.BC",
        orgLevel: "grassroots_committee",
        seasonLevel: "grassroots",
        reason: "results_not_recorded",
        deadline: "2020-05-31",
        daysOverdue: 10,
        plannedStart: "2020-05-20",
        actualEnd: "2020-06-03",
      },
    ]);
  });

  it("measures against the Central deadline when asked, and says not held before the congress", () => {
    expect(
      unwrap(
        computeLateList(ORGS, CONGRESSES, SEASON_2020, {
          scopePath: "QN.HL",
          level: "grassroots",
          asOf: "2020-06-10",
          against: "central",
        }),
      ),
    ).toEqual([]);
    expect(
      unwrap(
        computeLateList(ORGS, CONGRESSES, SEASON_2020, {
          scopePath: "QN.HL",
          level: "grassroots",
          asOf: "2020-06-01",
        }),
      ),
    ).toMatchObject([{ orgId: "QN.HL.BC", reason: "not_held", daysOverdue: 1 }]);
    // On the deadline itself nobody is late yet.
    expect(
      unwrap(
        computeLateList(ORGS, CONGRESSES, SEASON_2020, {
          scopePath: "QN",
          level: "grassroots",
          asOf: "2020-05-31",
        }),
      ),
    ).toEqual([]);
  });
});

describe("computeProgressCurves", () => {
  it("steps up on each day congresses end, per level in order", () => {
    const curves = computeProgressCurves(ORGS, CONGRESSES, SEASON_2020, {
      scopePath: "QN",
      asOf: "2020-12-31",
    });
    expect(curves.map((c) => [c.level, c.total, c.points])).toEqual([
      [
        "branch",
        5,
        [
          { date: "2020-01-18", held: 1 },
          { date: "2020-01-19", held: 2 },
          { date: "2020-02-10", held: 3 },
          { date: "2020-03-05", held: 4 },
        ],
      ],
      [
        "grassroots",
        3,
        [
          { date: "2020-03-11", held: 1 },
          { date: "2020-06-03", held: 2 },
        ],
      ],
      ["district_level", 2, []],
    ]);
  });
});

describe("progress invariants (property)", () => {
  const grassroots = ORGS.filter((o) => o.level.startsWith("grassroots") || o.level === "branch");
  const recordArb = fc
    .tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }))
    .map(([offset, length, stage]) => ({ offset, length, stage }));
  const datasetArb = fc.array(fc.option(recordArb, { nil: null }), {
    minLength: grassroots.length,
    maxLength: grassroots.length,
  });

  const build = (plan: readonly ({ offset: number; length: number; stage: number } | null)[]) =>
    plan.flatMap((p, i) => {
      if (p === null) return [];
      const orgId = grassroots[i]!.id as string;
      const start = addDays("2020-01-02", p.offset);
      const end = addDays(start, p.length);
      if (p.stage === 0)
        return [plannedCongress({ orgId, seasonCode: "2020-2025", type: "members", plannedStart: start })];
      const done = doneCongress(orgId, start, end, {
        resultsRecordedOn: addDays(end, 2),
        confirmation: { decisionNumber: "01", date: addDays(end, 5) },
      });
      if (p.stage === 1)
        return [
          {
            ...done,
            status: "held" as const,
            resultsRecordedOn: null,
            committeeSeatsDecided: null,
            committeeSeatsElected: null,
            electedInOneRoundFull: null,
            secretaryElectedDirectly: null,
            secretaryVotes: null,
            secretaryVoteBase: null,
            confirmation: null,
          },
        ];
      if (p.stage === 2) return [{ ...done, status: "results_recorded" as const, confirmation: null }];
      return [done];
    });

  it("held ≤ total, the parts add up, and nothing goes down as the date moves on", () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.integer({ min: 0, max: 170 }),
        fc.constantFrom("branch", "grassroots"),
        (plan, day, level) => {
          const congresses = build(plan);
          const asOf = addDays("2020-01-01", day);
          const p = unwrap(computeProgress(ORGS, congresses, SEASON_2020, { scopePath: "QN", level, asOf }));
          const later = unwrap(
            computeProgress(ORGS, congresses, SEASON_2020, {
              scopePath: "QN",
              level,
              asOf: addDays(asOf, 7),
            }),
          );
          const curve = computeProgressCurves(ORGS, congresses, SEASON_2020, { scopePath: "QN", asOf }).find(
            (c) => c.level === level,
          )!;
          return (
            p.held <= p.total &&
            p.held + p.notHeld + p.unscheduled === p.total &&
            p.resultsPending + p.resultsRecorded === p.held &&
            p.confirmed + p.confirmationsPending === p.resultsRecorded &&
            later.held >= p.held &&
            later.resultsRecorded >= p.resultsRecorded &&
            later.confirmed >= p.confirmed &&
            (curve.points.at(-1)?.held ?? 0) === p.held
          );
        },
      ),
    );
  });
});
