import { type SQL, sql } from "drizzle-orm";

/**
 * What part of the tree a caller may see: everything, or the subtrees under some organisations'
 * paths. Every query over scoped data puts this condition in its WHERE clause.
 */
export type Scope =
  | { readonly kind: "all" }
  | { readonly kind: "subtrees"; readonly paths: readonly string[] };

export const ALL_SCOPE: Scope = { kind: "all" };

/** SQL condition: `path` lies inside the scope. `path` must be an ltree expression. */
export function inScope(scope: Scope, path: SQL | SQL.Aliased | unknown): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "subtrees":
      if (scope.paths.length === 0) return sql`false`;
      return sql`${sql.raw(`'{${scope.paths.join(",")}}'`)}::ltree[] @> ${path}`;
  }
}
