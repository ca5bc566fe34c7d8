/** The dashboard's figures from the letters in scope, as of a day. Pure. */
import type { IsoDate } from "../format/date.ts";
import { isOpen, isOverdue, isSettled } from "./rules.ts";
import { PETITION_KINDS, type PetitionFacts, type PetitionKind } from "./types.ts";

export interface Tally {
  open: number;
  settled: number;
  recordedOnly: number;
  overdue: number;
}

export interface PetitionDashboard {
  readonly total: Tally & { all: number };
  readonly byKind: Readonly<Record<PetitionKind, Tally>>;
  /** Per organisation the letters are grouped under (the caller maps each letter to it). */
  readonly byOrg: readonly ({ orgId: number } & Tally)[];
  /** Open letters about the personnel of congresses that have not opened yet. */
  readonly personnelUpcoming: number;
}

const empty = (): Tally => ({ open: 0, settled: 0, recordedOnly: 0, overdue: 0 });

function add(t: Tally, p: PetitionFacts, today: IsoDate) {
  if (isOpen(p.status)) t.open++;
  if (isSettled(p.status)) t.settled++;
  if (p.status === "recorded_only") t.recordedOnly++;
  if (isOverdue(p, today)) t.overdue++;
}

/**
 * `groupOf` maps a letter to the organisation it is counted under (e.g. the child of the viewed
 * organisation that contains the letter's organisation); letters it maps to null only count in
 * the totals.
 */
export function aggregatePetitions(
  petitions: readonly PetitionFacts[],
  today: IsoDate,
  groupOf: (p: PetitionFacts) => number | null = (p) => p.orgId,
): PetitionDashboard {
  const total = { ...empty(), all: 0 };
  const byKind = Object.fromEntries(PETITION_KINDS.map((k) => [k, empty()])) as Record<PetitionKind, Tally>;
  const byOrg = new Map<number, Tally>();
  let personnelUpcoming = 0;
  for (const p of petitions) {
    total.all++;
    add(total, p, today);
    add(byKind[p.kind], p, today);
    const g = groupOf(p);
    if (g !== null) {
      if (!byOrg.has(g)) byOrg.set(g, empty());
      add(byOrg.get(g)!, p, today);
    }
    if (
      isOpen(p.status) &&
      p.concernsPersonnel &&
      p.congressId !== null &&
      (p.congressOpensOn === null || p.congressOpensOn >= today)
    )
      personnelUpcoming++;
  }
  return {
    total,
    byKind,
    byOrg: [...byOrg.entries()].map(([orgId, t]) => ({ orgId, ...t })).sort((a, b) => a.orgId - b.orgId),
    personnelUpcoming,
  };
}
