/**
 * The demo province's village-head election day (src/demo/village-elections.ts) into the database:
 * every meeting decided by the same rule set as a recorded one, each head linked to the
 * village-head post the demo people already hold (so nothing is counted twice), the communes'
 * legal steps; bulk and audited in one transaction.
 */
import { type Actor, type AuditEntryInput, appendAudit, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findSeasonByCode } from "../db/repositories/congresses.ts";
import { orgIdsByCode } from "../db/repositories/organisations.ts";
import { findPeopleByCodes } from "../db/repositories/people.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import * as repo from "../db/repositories/village-elections.ts";
import {
  DEMO_SEASON_2020,
  DEMO_VILLAGE_DAY,
  generateDemoPeople,
  generateDemoProvince,
  generateDemoSeason2020,
  generateDemoVillageElections,
} from "../demo/index.ts";
import { decideVillageMeeting } from "../domain/village/index.ts";
import { approvalsOf } from "./village-elections/access.ts";
import { createElectionDay } from "./village-elections/index.ts";

export async function seedDemoVillageElections(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const province = generateDemoProvince();
  const people = generateDemoPeople(province, generateDemoSeason2020(province));
  const demo = generateDemoVillageElections(province, people);
  const ids = await orgIdsByCode(db);
  const season = await findSeasonByCode(db, DEMO_SEASON_2020.code);
  const { recognisedOn: _recognisedOn, ...dayInput } = DEMO_VILLAGE_DAY;
  const day = await createElectionDay(db, actor, {
    ...dayInput,
    rootOrgId: ids.get(province.orgRows[0]!.code)!,
    seasonId: season?.id ?? null,
  });
  if (!day.ok) throw new Error(`demo village election day: ${day.error.message}`);
  const d = day.value;
  await db.transaction(async (tx) => {
    const codes = demo.meetings.map((m) => m.villageCode);
    const villages = await repo.findVillagesByCodes(tx, ALL_SCOPE, d.rootPath, codes);
    const persons = await findPeopleByCodes(
      tx,
      demo.meetings.map((m) => m.headPersonCode),
    );
    const posts = new Map(
      (await repo.openVillageHeadPosts(tx, codes)).map((p) => [`${p.villageCode}:${p.personId}`, p.id]),
    );
    const rounds: repo.NewRound[] = [];
    const results: repo.ResultValues[] = [];
    const audit: AuditEntryInput[] = [];
    // Each commune numbers its own recognition decisions.
    const decisions = new Map<number, number>();
    for (const m of demo.meetings) {
      const village = villages.get(m.villageCode);
      const person = persons.get(m.headPersonCode);
      if (!village || !person)
        throw new Error(`demo village ${m.villageCode} or person ${m.headPersonCode} missing`);
      const decided = decideVillageMeeting(m.meeting, village.kind);
      if (!decided.ok || decided.value.electedIndex === null)
        throw new Error(`demo village ${m.villageCode} elects nobody`);
      const winner = m.meeting.candidates[decided.value.electedIndex]!;
      const postId = posts.get(`${m.villageCode}:${person.id}`);
      const decision = (decisions.get(village.communeId) ?? 0) + 1;
      decisions.set(village.communeId, decision);
      if (postId === undefined) throw new Error(`demo village head ${m.headPersonCode} holds no post`);
      rounds.push({
        ...m.meeting,
        ...approvalsOf(m.meeting),
        dayId: d.id,
        villageId: village.id,
        outcome: decided.value.outcome,
        explanation: decided.value.explanation,
        decision: decided.value.result,
        recordedBy: actor.userId,
        candidates: m.meeting.candidates.map((c, i) => ({
          ...c,
          position: i + 1,
          personId: i === decided.value.electedIndex ? person.id : c.personId,
          elected: i === decided.value.electedIndex,
        })),
      });
      const result: repo.ResultValues = {
        dayId: d.id,
        villageId: village.id,
        status: decided.value.outcome,
        explanation: decided.value.explanation,
        headName: winner.fullName,
        headGender: winner.gender,
        headEthnicity: winner.ethnicity,
        headPersonId: person.id,
        headPostId: postId,
        winnerVotes: winner.votes,
        winnerElectorate: m.meeting.electorate,
        electorate: m.meeting.electorate,
        present: m.meeting.present,
        interimDecision: null,
        interimOn: null,
        recognitionDecision: `${String(decision).padStart(2, "0")}/QĐ-UBND`,
        recognisedOn: DEMO_VILLAGE_DAY.recognisedOn,
        recognisedBy: `Chủ tịch UBND ${village.communeName.replace(/^Đảng bộ\s+/, "")}`,
      };
      results.push(result);
      audit.push({
        action: "village_election.record",
        entity: "village_election_result",
        entityId: `${d.id}:${village.id}`,
        orgId: village.branchId ?? village.communeId,
        before: null,
        after: {
          village: village.code,
          meeting: m.meeting,
          outcome: result.status,
          head: { personId: person.id, postId },
        },
      });
    }
    await repo.insertRounds(tx, rounds);
    await repo.upsertResults(tx, results);
    const steps = demo.steps.map((s) => ({
      dayId: d.id,
      communeId: ids.get(s.communeCode)!,
      decisionOn: s.decisionOn,
      teamOn: s.teamOn,
      noticeOn: s.noticeOn,
    }));
    await repo.upsertSteps(tx, steps);
    for (const s of steps) {
      audit.push({
        action: "village_election_step.set",
        entity: "village_election_step",
        entityId: `${d.id}:${s.communeId}`,
        orgId: s.communeId,
        before: null,
        after: { decisionOn: s.decisionOn, teamOn: s.teamOn, noticeOn: s.noticeOn },
      });
    }
    await appendAudit(tx, actor, audit);
  });
  return d.id;
}
