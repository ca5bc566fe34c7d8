/**
 * Named, realistic fixtures for the election tests. All people are synthetic: names are built
 * from common Vietnamese name parts, not taken from any real list.
 */
import type { Ballot, CrossOutBallot } from "./ballot.ts";
import { type Candidate, sortCandidatesByName } from "./candidate-list.ts";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Hồng", "Thanh", "Xuân", "Ngọc"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hòa",
  "Hùng",
  "Khánh",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phong",
  "Phương",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Thắng",
  "Trang",
  "Trung",
  "Tuấn",
  "Vân",
  "Yến",
  "Đông",
];

/** `count` distinct synthetic candidates in ballot (alphabetical) order, ids "c01", "c02"… by creation. */
export function syntheticCandidates(count: number, seed = 0): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const k = i + seed * 7;
    const name = `${FAMILY[(k * 5) % FAMILY.length]} ${MIDDLE[(k * 3 + Math.floor(k / 10)) % MIDDLE.length]} ${GIVEN[(k * 7) % GIVEN.length]}`;
    out.push({ id: `c${String(i + 1).padStart(2, "0")}`, name });
  }
  return sortCandidatesByName(out);
}

/**
 * Valid cross-out ballots giving exactly `votes` (per position) from `valid` ballots. Kept names
 * are laid out by wrapping around the ballots (McNaughton's rule), so every ballot keeps either
 * ⌊Σvotes/valid⌋ or ⌈Σvotes/valid⌉ names and no candidate is kept twice on one ballot.
 */
export function buildCrossOutBallots(votes: readonly number[], valid: number): CrossOutBallot[] {
  const kept: Set<number>[] = Array.from({ length: valid }, () => new Set<number>());
  let cursor = 0;
  votes.forEach((v, c) => {
    if (v > valid) throw new Error(`fixture: ${v} votes > ${valid} valid ballots`);
    for (let k = 0; k < v; k++) {
      kept[cursor]!.add(c + 1);
      cursor = (cursor + 1) % valid;
    }
  });
  return kept.map((set) => ({
    kind: "cross-out",
    crossedOut: votes.map((_, c) => c + 1).filter((p) => !set.has(p)),
  }));
}

/**
 * Provincial congress: 55 seats, 71 candidates (surplus 16 ≤ 30%), 350 delegates convened of
 * whom 4 were absent for the whole congress with no alternate seated: N = 346, threshold 174.
 * The candidate ranked k-th (0-based) by votes gets 341 − 3k votes: ranks 0–54 are elected,
 * rank 55 (176 votes) passes but is outside the 55 seats, ranks 56+ (≤ 173) do not pass.
 * Rank 43 has 212 votes, the figure read aloud in the brief's example.
 */
export const PROVINCIAL_COMMITTEE = (() => {
  const candidates = syntheticCandidates(71, 1);
  // Votes are assigned to ballot positions in an order unrelated to the alphabet.
  const rankOfPosition = candidates.map((_, p) => (p * 29) % 71);
  const votes = rankOfPosition.map((rank) => 341 - 3 * rank);
  const valid = 341;
  const validBallots = buildCrossOutBallots(votes, valid);
  const everyone = candidates.map((_, c) => c + 1);
  const invalidBallots: Ballot[] = [
    { kind: "cross-out", crossedOut: everyone.slice(0, 16), notIssued: true },
    { kind: "cross-out", crossedOut: everyone.slice(0, 20), identifyingMark: true },
    { kind: "cross-out", crossedOut: everyone.slice(0, 16), addedName: true },
    { kind: "cross-out", crossedOut: everyone },
    // Keeps 61 names for 55 seats.
    { kind: "cross-out", crossedOut: everyone.slice(0, 10) },
  ];
  return {
    candidates,
    seats: 55,
    votes,
    rankOfPosition,
    ballots: [...validBallots, ...invalidBallots] as Ballot[],
    base: {
      kind: "delegates-congress",
      convened: 350,
      conveningCommitteeMembersAbsent: 0,
      delegatesAbsentWithoutAlternate: 4,
    } as const,
    hall: { present: 346, issued: 346 },
  };
})();

/** Position (1-based) of the candidate with the given vote rank (0-based) in PROVINCIAL_COMMITTEE. */
export function provincialPositionOfRank(rank: number): number {
  return PROVINCIAL_COMMITTEE.rankOfPosition.indexOf(rank) + 1;
}

/**
 * A branch committee (chi ủy) of 5 seats elected at the branch's members' congress: 48 official
 * members convened, 1 temporarily attending elsewhere, 1 suspended, 2 absent for the whole
 * congress with an accepted reason: N = 44, threshold 23. Six candidates (small body: one surplus).
 */
export const BRANCH_COMMITTEE = {
  candidates: [
    { id: "m1", name: "Phạm Thị Hạnh" },
    { id: "m2", name: "Lê Quang Hùng" },
    { id: "m3", name: "Đỗ Văn Khánh" },
    { id: "m4", name: "Bùi Thị Lan" },
    { id: "m5", name: "Nguyễn Đức Long" },
    { id: "m6", name: "Trần Minh Tâm" },
  ],
  seats: 5,
  base: {
    kind: "members-congress",
    convened: 48,
    temporarilyAttendingElsewhere: 1,
    exemptedNotAttending: 0,
    suspendedProsecutedOrDetained: 1,
    absentWithAcceptedReason: 2,
  } as const,
  hall: { present: 42, issued: 42 },
} as const;

/** Secretary candidates of the new committee, for the direct election at the congress. */
export const SECRETARY_CANDIDATE = { id: "m2", name: "Lê Quang Hùng" } as const;

/** A village (thôn) of 312 households; two candidates for head. */
export const VILLAGE_KHE_LAC = {
  candidates: [
    { id: "v1", name: "Đặng Văn Bình" },
    { id: "v2", name: "Hoàng Thị Mai" },
  ],
  electorate: 312,
  present: 241,
  issued: 241,
} as const;
