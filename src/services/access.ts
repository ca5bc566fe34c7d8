/**
 * What a signed-in user may see and change, computed from their grants: an administrator sees and
 * changes everything; an officer reads and writes the subtrees of their organisations; a viewer
 * only reads. Every query then puts the scope in its WHERE clause (db/repositories/scope.ts).
 *
 * The rule for repository functions that take an id and no scope (e.g. `findElectionContext(id)`,
 * `findBundle(electionId, id)`, `listRounds(dayId, villageIds)`): a service calls them only for an
 * object it has already loaded through a scoped query or checked with a permission function here or
 * in its own access module (elections/access.ts `load`, village-elections/access.ts `loadDayVillage`,
 * congresses/access.ts `loadSeason` for season-wide data), in the same transaction, and only with ids
 * taken from that object. A route never passes a caller's id to them directly. The authorisation
 * matrix (src/server/authz-matrix.test.ts) calls every route as every role and checks the answer.
 */
import type { Actor } from "../db/audit.ts";
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";
import type { GrantRecord } from "../db/repositories/users.ts";

/** The caller as the audit log names them, and the subtrees a query may touch: the services' vocabulary. */
export type { Actor, Scope };
export { ALL_SCOPE };

export interface Access {
  readonly isAdmin: boolean;
  readonly readScope: Scope;
  readonly writeScope: Scope;
  /** Holds a grant that allows changing data somewhere (admin or officer). */
  readonly canWrite: boolean;
  /** Congresses (ids) whose count the user's counting_member grants cover (`congressRef`). */
  readonly countingCongressIds?: readonly number[];
  /**
   * Where the caller may read and handle letters (đơn thư): the subtrees of their officer grants
   * that carry `petitions`, everything for an administrator. Narrower than the read scope.
   */
  readonly petitionsScope: Scope;
}

export const NO_ACCESS: Access = {
  isAdmin: false,
  readScope: { kind: "subtrees", paths: [] },
  writeScope: { kind: "subtrees", paths: [] },
  canWrite: false,
  petitionsScope: { kind: "subtrees", paths: [] },
};

export const FULL_ACCESS: Access = {
  isAdmin: true,
  readScope: { kind: "all" },
  writeScope: { kind: "all" },
  canWrite: true,
  petitionsScope: { kind: "all" },
};

/** Paths with those inside another listed path removed (the outer subtree already covers them). */
export function topPaths(paths: Iterable<string>): string[] {
  const all = [...new Set(paths)].sort();
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(`${q}.`)));
}

export function accessFromGrants(
  grants: readonly (Pick<GrantRecord, "role" | "orgPath"> & {
    readonly petitions?: boolean;
    readonly congressRef?: string | null;
  })[],
): Access {
  if (grants.some((g) => g.role === "admin")) return FULL_ACCESS;
  const read: string[] = [];
  const write: string[] = [];
  const counting: number[] = [];
  const petitions: string[] = [];
  for (const g of grants) {
    if (g.role === "counting_member" && g.congressRef && /^\d+$/.test(g.congressRef))
      counting.push(Number(g.congressRef));
    if (!g.orgPath) continue;
    switch (g.role) {
      case "officer":
        read.push(g.orgPath);
        write.push(g.orgPath);
        if (g.petitions) petitions.push(g.orgPath);
        break;
      case "viewer":
        read.push(g.orgPath);
        break;
      case "counting_member":
        // Scoped to one congress's count (services/elections.ts checks it), not to a subtree.
        break;
      case "admin":
        break;
    }
  }
  const writePaths = topPaths(write);
  return {
    isAdmin: false,
    readScope: { kind: "subtrees", paths: topPaths(read) },
    writeScope: { kind: "subtrees", paths: writePaths },
    canWrite: writePaths.length > 0,
    countingCongressIds: counting,
    petitionsScope: { kind: "subtrees", paths: topPaths(petitions) },
  };
}

/** Whether the caller may read and handle letters somewhere. */
export function canHandlePetitions(access: Access): boolean {
  return access.petitionsScope.kind === "all" || access.petitionsScope.paths.length > 0;
}

/** Whether `path` lies inside the scope (the in-memory twin of `inScope`). */
export function pathInScope(scope: Scope, path: string): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "subtrees":
      return scope.paths.some((p) => path === p || path.startsWith(`${p}.`));
  }
}

/** Who is acting, and what they may do: what services receive from the server or the CLI. */
export interface Principal {
  readonly actor: Actor;
  readonly access: Access;
  /** The caller's own session (kept when they reset their own password). */
  readonly sessionId: string | null;
}
