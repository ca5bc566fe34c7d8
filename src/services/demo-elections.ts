/**
 * The demo's ready-to-count election (README "Tài khoản mẫu"): Hạ Long's city congress electing
 * a 55-seat committee from a list of 62 (synthetic names), 350 delegates convened, 348 ballots
 * collected in 7 bundles, counting started; the counting accounts kiemphieu, kiemphieu2 and
 * kiemphieu3 count it (three clerks entering in parallel, each bundle entered twice).
 */
import type { Actor } from "../db/audit.ts";
import { appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/elections.ts";
import { findOrgByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { findUserByUsername } from "../db/repositories/users.ts";
import { syntheticCandidates } from "../domain/election/fixtures.ts";
import { FULL_ACCESS } from "./access.ts";
import { createBundles, createElection, startCounting } from "./elections/index.ts";

export const DEMO_ELECTION = {
  orgCode: "QN.HL",
  seats: 55,
  listSize: 62,
  convened: 350,
  absentWithoutAlternate: 2,
  collected: 348,
  bundleSize: 50,
  clerks: ["kiemphieu", "kiemphieu2", "kiemphieu3"],
} as const;

/** Seeds the demo election once; returns its id (null when the organisation or congress is missing). */
export async function seedDemoElection(db: Db, actor: Actor): Promise<number | null> {
  const org = await findOrgByCode(db, ALL_SCOPE, DEMO_ELECTION.orgCode);
  if (!org) return null;
  const congressId = await repo.findLatestCongressOfOrg(db, org.id);
  if (congressId === null) return null;
  if ((await repo.listElectionContexts(db, { congressId })).length > 0) return null;
  const p = { actor, access: FULL_ACCESS, sessionId: null };
  const d = DEMO_ELECTION;
  const present = d.convened - d.absentWithoutAlternate;
  const created = await createElection(db, p, {
    congressId,
    title: `Bầu Ban Chấp hành ${org.name} khóa mới`,
    office: "committee",
    seats: d.seats,
    base: {
      kind: "delegates-congress",
      convened: d.convened,
      conveningCommitteeMembersAbsent: 0,
      delegatesAbsentWithoutAlternate: d.absentWithoutAlternate,
    },
    present,
    ballotsIssued: present,
    ballotsCollected: d.collected,
    bundleSize: d.bundleSize,
    entriesPerBundle: 2,
    countingCommittee: [
      { fullName: "Phạm Văn Kiểm", role: "Trưởng ban" },
      { fullName: "Hoàng Thị Thu", role: "Phó Trưởng ban" },
      { fullName: "Ngô Đức Phiếu", role: "Ủy viên" },
    ],
    heldOn: "2020-07-15",
    venue: "Hạ Long",
    candidates: syntheticCandidates(d.listSize, 11).map((c) => ({ fullName: c.name })),
  });
  if (!created.ok) throw new Error(`demo election: ${created.error.message}`);
  const id = created.value.id;
  const started = await startCounting(db, p, id);
  if (!started.ok) throw new Error(`demo election: ${started.error.message}`);
  const bundles = await createBundles(db, p, id, { total: d.collected });
  if (!bundles.ok) throw new Error(`demo election: ${bundles.error.message}`);
  const userIds: number[] = [];
  for (const name of d.clerks) {
    const u = await findUserByUsername(db, name);
    if (u) userIds.push(u.id);
  }
  await db.transaction(async (tx) => {
    const n = await repo.assignCountingGrants(tx, userIds, congressId);
    await appendAudit(tx, actor, [
      {
        action: "grant.counting_congress",
        entity: "congress",
        entityId: congressId,
        orgId: org.id,
        before: null,
        after: { users: [...d.clerks], grants: n },
      },
    ]);
  });
  return id;
}
