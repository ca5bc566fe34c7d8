import { describe, expect, it } from "vitest";
import { communeChecklist } from "../domain/village/checklist.ts";
import { decideVillageMeeting, shareBand } from "../domain/village/index.ts";
import { generateDemoPeople } from "./people.ts";
import { generateDemoProvince } from "./province.ts";
import { DEMO_VILLAGE_DAY, generateDemoVillageElections } from "./village-elections.ts";

const province = generateDemoProvince();
const people = generateDemoPeople(province);
const demo = generateDemoVillageElections(province, people);

describe("the demo village-head election day", () => {
  it("elects a head in each of the 1.544 villages at the first meeting, by the village-head rule set", () => {
    expect(demo.meetings).toHaveLength(1544);
    const outcomes = demo.meetings.map((m) => {
      const d = decideVillageMeeting(m.meeting, "thôn");
      if (!d.ok) throw new Error(`${m.villageCode}: ${JSON.stringify(d.error)}`);
      return d.value.electedIndex;
    });
    expect(outcomes.every((i) => i === 0)).toBe(true);
  });

  it("elects the person who becomes the village branch secretary", () => {
    const secretaryOf = new Map(
      people.posts.filter((p) => p.kind === "village_head").map((p) => [p.villageCode, String(p.personId)]),
    );
    expect(demo.meetings.every((m) => secretaryOf.get(m.villageCode) === m.headPersonCode)).toBe(true);
    const names = new Map(people.people.map((p) => [String(p.id), p.fullName]));
    expect(
      demo.meetings.every((m) => m.meeting.candidates[0]!.fullName === names.get(m.headPersonCode)),
    ).toBe(true);
  });

  it("spreads the winners' shares over the three bands", () => {
    const bands = new Map<string, number>();
    for (const m of demo.meetings) {
      const b = shareBand(m.meeting.candidates[0]!.votes, m.meeting.electorate);
      bands.set(b, (bands.get(b) ?? 0) + 1);
    }
    expect(bands.get("over-90")).toBeGreaterThan(600);
    expect(bands.get("70-90")).toBeGreaterThan(300);
    expect(bands.get("50-70")).toBeGreaterThan(50);
  });

  it("has every commune's legal steps done on time", () => {
    expect(demo.steps.length).toBeGreaterThan(100);
    for (const s of demo.steps) {
      const list = communeChecklist(
        DEMO_VILLAGE_DAY.electionDate,
        { decision: s.decisionOn, team: s.teamOn, notice: s.noticeOn },
        DEMO_VILLAGE_DAY.electionDate,
      );
      expect(list.map((x) => x.status)).toEqual(["done", "done", "done"]);
    }
  });
});
