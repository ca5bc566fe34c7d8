/**
 * Duplicate people on import (BRIEF §4, issue 6): the same folded full name, birth date and
 * hometown. Duplicates are returned as groups for an officer to resolve; nothing is merged here,
 * and an import with an unresolved group does not go through.
 *
 * The hometown is compared by its codes (province, district, commune): an import maps the names
 * typed in the file to codes before this check, so "Hồng Gai" and "P. Hồng Gai" are one place.
 */
import { err, ok, type Result } from "../basics/result.ts";
import { foldDiacritics } from "../format/text.ts";
import type { Person, PersonId } from "./types.ts";

export type DuplicateCandidate = Pick<Person, "fullName" | "birthDate" | "hometown">;

/** Where a candidate comes from: a row of the file (1-based, as shown to the user) or the register. */
export type DuplicateSource =
  | { readonly source: "import"; readonly row: number }
  | { readonly source: "register"; readonly personId: PersonId };

export interface DuplicateGroup {
  /** The folded key the members share. */
  readonly key: string;
  readonly fullName: string;
  readonly birthDate: string;
  /** Two or more; at least one from the import. */
  readonly members: readonly DuplicateSource[];
}

export function duplicateKey(p: DuplicateCandidate): string {
  const h = p.hometown;
  return [
    foldDiacritics(p.fullName),
    p.birthDate,
    h.province.code,
    h.district?.code ?? "",
    h.commune?.code ?? "",
  ].join("|");
}

/**
 * Groups of imported rows that match each other or a person already in the register. Rows are
 * numbered from `firstRow` (the first data row of the sheet). Linear in the number of people.
 */
export function findDuplicatePeople(
  imported: readonly DuplicateCandidate[],
  register: Iterable<DuplicateCandidate & { readonly id: PersonId }> = [],
  firstRow = 2,
): DuplicateGroup[] {
  const groups = new Map<
    string,
    { first: DuplicateCandidate; members: DuplicateSource[]; fromImport: boolean }
  >();
  const add = (p: DuplicateCandidate, member: DuplicateSource, fromImport: boolean) => {
    const key = duplicateKey(p);
    const g = groups.get(key);
    if (g) {
      g.members.push(member);
      g.fromImport ||= fromImport;
    } else groups.set(key, { first: p, members: [member], fromImport });
  };
  for (const p of register) add(p, { source: "register", personId: p.id }, false);
  imported.forEach((p, i) => {
    add(p, { source: "import", row: firstRow + i }, true);
  });
  const out: DuplicateGroup[] = [];
  for (const [key, g] of groups) {
    if (g.members.length < 2 || !g.fromImport) continue;
    out.push({ key, fullName: g.first.fullName, birthDate: g.first.birthDate, members: g.members });
  }
  return out;
}

/**
 * An officer's decision on one group: the rows are the register's person `personId` (the import
 * updates that person), or they are different people who happen to share name, birth date and
 * hometown (each row becomes its own person).
 */
export type DuplicateResolution =
  | { readonly key: string; readonly decision: "same_person"; readonly personId: PersonId | null }
  | { readonly key: string; readonly decision: "different_people" };

export interface UnresolvedDuplicate {
  readonly group: DuplicateGroup;
  readonly message: string;
}

/** Every group must have a decision before the import is applied. */
export function checkDuplicatesResolved(
  groups: readonly DuplicateGroup[],
  resolutions: readonly DuplicateResolution[],
): Result<void, UnresolvedDuplicate[]> {
  const decided = new Map(resolutions.map((r) => [r.key, r]));
  const unresolved: UnresolvedDuplicate[] = [];
  for (const group of groups) {
    const r = decided.get(group.key);
    const rows = group.members
      .map((m) => (m.source === "import" ? `dòng ${m.row}` : `người đã có mã ${m.personId}`))
      .join(", ");
    if (!r) {
      unresolved.push({
        group,
        message: `Có thể trùng người: ${group.fullName} (${rows}); phải xác định là cùng một người hay khác người`,
      });
      continue;
    }
    if (r.decision === "same_person" && r.personId !== null) {
      const inGroup = group.members.some(
        (m) => m.source === "register" && String(m.personId) === String(r.personId),
      );
      if (!inGroup) {
        unresolved.push({
          group,
          message: `${group.fullName}: người được chọn (mã ${r.personId}) không thuộc nhóm trùng`,
        });
      }
    }
  }
  return unresolved.length === 0 ? ok() : err(unresolved);
}
