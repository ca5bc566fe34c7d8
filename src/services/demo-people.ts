/**
 * The demo province's people and posts (src/demo/people.ts) into the database, so that the
 * indicators page shows every figure of BRIEF §5 computed from records. Bulk (one JSON parameter
 * per batch) and audited in the same transaction: one entry per person, with their posts.
 */
import { type Actor, type AuditEntryInput, appendAudit, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { setOrgTerritories } from "../db/repositories/indicators.ts";
import { orgIdsByCode } from "../db/repositories/organisations.ts";
import * as repo from "../db/repositories/people.ts";
import {
  type DemoPeople,
  demoIndicatorOrgs,
  generateDemoPeople,
  generateDemoProvince,
  generateDemoSeason2020,
} from "../demo/index.ts";
import { foldDiacritics } from "../domain/format/text.ts";
import { duplicateKey } from "../domain/people/duplicates.ts";

/** A generated person as the register stores it, under `code`. */
export function demoPersonValues(p: DemoPeople["people"][number], code: string): repo.PersonValues {
  return {
    code,
    fullName: p.fullName,
    searchName: foldDiacritics(p.fullName),
    duplicateKey: duplicateKey(p),
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    hometown: p.hometown,
    membership: p.membership,
    education: p.education ?? null,
    politicalTheory: p.politicalTheory ?? null,
  };
}

export async function seedDemoPeople(
  db: Db,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ people: number; posts: number }> {
  const province = generateDemoProvince();
  const season = generateDemoSeason2020(province);
  const demo = generateDemoPeople(province, season);
  const ids = await orgIdsByCode(db);
  const orgId = (code: string | number) => {
    const found = ids.get(String(code));
    if (found === undefined) throw new Error(`demo people name unknown organisation ${code}`);
    return found;
  };
  return db.transaction(async (tx) => {
    // Territories as the generator decided them; only the organisations that lead a territory of
    // their own record it (the others inherit it from their nearest ancestor).
    const orgs = demoIndicatorOrgs(province.orgRows);
    const parentOf = new Map(province.orgRows.map((r) => [r.code, r.parentCode]));
    const byCode = new Map(orgs.map((o) => [String(o.id), o]));
    await setOrgTerritories(
      tx,
      orgs.map((o) => {
        const parent = parentOf.get(String(o.id));
        const inherited = parent !== undefined && byCode.get(parent)?.territory === o.territory;
        return { id: orgId(o.id), territory: inherited ? null : (o.territory ?? null), tags: o.tags ?? [] };
      }),
    );
    const personIds = await repo.reservePersonIds(tx, demo.people.length);
    const idOf = new Map<string, number>();
    demo.people.forEach((p, i) => {
      idOf.set(String(p.id), personIds[i]!);
    });
    await repo.upsertPeople(
      tx,
      demo.people.map((p) => ({
        id: idOf.get(String(p.id))!,
        values: demoPersonValues(p, String(p.id)),
      })),
    );
    await repo.replaceLocalOverrides(
      tx,
      [...idOf.values()],
      demo.people.flatMap((p) =>
        (p.localOverrides ?? []).map((o) => ({
          personId: idOf.get(String(p.id))!,
          orgId: orgId(o.orgId),
          local: o.local,
          reason: o.reason,
        })),
      ),
    );
    const posts = demo.posts.map((p) => ({
      personId: idOf.get(String(p.personId))!,
      kind: p.kind,
      orgId: p.orgId === null ? null : orgId(p.orgId),
      villageCode: p.villageCode,
      term: p.term,
      title: p.title,
      start: p.start,
      end: p.end,
    }));
    await repo.insertPosts(tx, posts);
    const postsOf = new Map<number, typeof posts>();
    for (const p of posts) {
      const list = postsOf.get(p.personId) ?? [];
      list.push(p);
      postsOf.set(p.personId, list);
    }
    const audit: AuditEntryInput[] = demo.people.map((p) => {
      const id = idOf.get(String(p.id))!;
      const mine = postsOf.get(id) ?? [];
      return {
        action: "person.create",
        entity: "person",
        entityId: id,
        orgId: mine.find((x) => x.orgId !== null)?.orgId ?? null,
        before: null,
        after: { code: String(p.id), fullName: p.fullName, birthDate: p.birthDate, posts: mine.length },
      };
    });
    await appendAudit(tx, actor, audit);
    return { people: demo.people.length, posts: posts.length };
  });
}
