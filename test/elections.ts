/** Test helpers for elections: a held congress, a counting-committee grant, a ready election. */
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import type { Db } from "../src/db/client.ts";
import { ALL_SCOPE } from "../src/db/repositories/scope.ts";
import { findUserByUsername, insertGrant } from "../src/db/repositories/users.ts";
import { syntheticCandidates } from "../src/domain/election/fixtures.ts";
import { sortCandidatesByName } from "../src/domain/election/index.ts";
import { changeCongress } from "../src/services/congresses/index.ts";
import type { CreateElectionInput as CreateElectionBody } from "../src/services/election-types.ts";

/** Plans and holds `orgId`'s congress (2020); returns the congress id. */
export async function seedHeldCongress(
  db: Db,
  seasonId: number,
  orgId: number,
  figures = { convened: 348, present: 344 },
): Promise<number> {
  const plan = {
    type: "delegates" as const,
    pilot: false,
    plannedStart: "2020-06-10",
    plannedEnd: "2020-06-12",
    venue: null,
    contactName: null,
    contactPhone: null,
  };
  const p = await changeCongress(
    db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    seasonId,
    orgId,
    { kind: "plan", plan },
    "2020-06-01",
  );
  if (!p.ok) throw new Error(p.error.message);
  const h = await changeCongress(
    db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    seasonId,
    orgId,
    {
      kind: "event",
      event: {
        type: "hold",
        actualStart: "2020-06-10",
        actualEnd: "2020-06-12",
        contents: ["review_and_direction", "upper_documents", "elect_committee", "elect_delegates"],
        committeeAppointed: false,
        ...figures,
      },
    },
    "2020-06-12",
  );
  if (!h.ok) throw new Error(h.error.message);
  return h.value.id;
}

/** Gives `username` a counting-committee grant on the congress. */
export async function grantCounting(
  db: Db,
  username: string,
  congressId: number,
  orgId: number,
): Promise<void> {
  const u = await findUserByUsername(db, username);
  if (!u) throw new Error(`no user ${username}`);
  await insertGrant(db, {
    userId: u.id,
    role: "counting_member",
    orgId,
    congressRef: String(congressId),
    petitions: false,
    createdBy: null,
    now: new Date(),
  });
}

/** A committee election body: `seats` seats, `listSize` synthetic candidates in ballot order. */
export function committeeElectionBody(
  congressId: number,
  o: { seats?: number; listSize?: number; convened?: number; bundleSize?: number; entries?: 2 | 3 } = {},
): CreateElectionBody {
  const seats = o.seats ?? 5;
  const list = sortCandidatesByName(syntheticCandidates(o.listSize ?? 6, 3));
  const convened = o.convened ?? 40;
  return {
    congressId,
    title: "Bầu Ban Chấp hành Đảng bộ khóa mới",
    office: "committee",
    seats,
    base: {
      kind: "delegates-congress",
      convened,
      conveningCommitteeMembersAbsent: 0,
      delegatesAbsentWithoutAlternate: 1,
    },
    present: convened - 1,
    ballotsIssued: convened - 1,
    ballotsCollected: null,
    bundleSize: o.bundleSize ?? 10,
    entriesPerBundle: o.entries ?? 2,
    countingCommittee: [
      { fullName: "Trần Văn Kiểm", role: "Trưởng ban" },
      { fullName: "Lê Thị Phiếu", role: "Ủy viên" },
    ],
    heldOn: "2020-06-11",
    venue: "Hội trường Thành ủy",
    candidates: list.map((c) => ({ fullName: c.name })),
  };
}
