import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARTY_190_SETTINGS,
  exceedsPercent,
  party190SettingsSchema,
  roundShare,
  ruleSetSchema,
  VILLAGE_HEAD,
} from "./rules.ts";

describe("rule sets", () => {
  it("default to Quyết định 190-QĐ/TW with BRIEF's settings", () => {
    expect(DEFAULT_PARTY_190_SETTINGS).toEqual({
      extraInvalidityGrounds: { addedName: true, identifyingMark: true, singleNameBothOrNeither: true },
      conferenceSubtractsAbsentWithLeave: true,
      secretaryCandidatesMax: 1,
      surplusCeilingPercent: 30,
      surplusCeilingRounding: "floor",
      conveningSurplusMinPercent: 10,
      conveningSurplusMaxPercent: 15,
      smallBodyMinSeats: 3,
      smallBodyMaxSeats: 5,
      smallBodyMaxSurplus: 1,
      floorNomineeApprovalPercent: 30,
      preliminaryVoteScope: "floor-nominees",
      surplusRequiredFor: ["committee", "standing_committee"],
      surplusCeilingAppliesTo: [
        "committee",
        "standing_committee",
        "inspection_commission",
        "upper_congress_delegates",
      ],
      branchSecretaryRoundsBeforeAppointment: 3,
      delegateRoundsBeforeLeavingOpen: 2,
      percentRule: { decimals: 2, mode: "half-up", trimZeros: false },
    });
  });

  it("parse as a union on kind, filling settings left out", () => {
    expect(ruleSetSchema.parse({ kind: "village-head" })).toEqual(VILLAGE_HEAD);
    const party = ruleSetSchema.parse({ kind: "party-190", settings: { secretaryCandidatesMax: 2 } });
    expect(party).toEqual({
      kind: "party-190",
      settings: { ...DEFAULT_PARTY_190_SETTINGS, secretaryCandidatesMax: 2 },
    });
    expect(ruleSetSchema.safeParse({ kind: "state" }).success).toBe(false);
  });

  it("reject contradictory settings with the path of the field", () => {
    const r = party190SettingsSchema.safeParse({ conveningSurplusMinPercent: 20 });
    expect(r.success ? null : r.error.issues.map((i) => i.path)).toEqual([["conveningSurplusMinPercent"]]);
  });
});

describe("exceedsPercent", () => {
  it("is strict and exact", () => {
    expect(exceedsPercent(173, 346, 50)).toBe(false);
    expect(exceedsPercent(174, 346, 50)).toBe(true);
    expect(exceedsPercent(3, 10, 30)).toBe(false);
    expect(exceedsPercent(4, 10, 30)).toBe(true);
  });
});

describe("roundShare", () => {
  it("rounds 30% of 55 seats (16,5) by the setting", () => {
    expect([roundShare(55, 30, "floor"), roundShare(55, 30, "half-up"), roundShare(55, 30, "ceil")]).toEqual([
      16, 17, 17,
    ]);
    expect([roundShare(50, 30, "floor"), roundShare(50, 30, "half-up"), roundShare(50, 30, "ceil")]).toEqual([
      15, 15, 15,
    ]);
  });
});
