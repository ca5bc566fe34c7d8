import type { Organisation, OrgTreeNode } from "../../../services/organisations/common.ts";
import type { OrgNode } from "./schema.ts";

export function presentOrgNode(n: OrgTreeNode): OrgNode {
  return {
    id: n.id,
    code: n.code,
    name: n.name,
    level: n.level,
    kind: n.kind,
    sector: n.sector,
    parentId: n.parentId,
    childCount: n.childCount,
    descendantCount: n.descendantCount,
    dissolvedOn: n.dissolvedOn,
    village: n.village,
  };
}

/** A changed organisation: its node as the tree shows it is refetched by the route. */
export function orgIdOf(o: Organisation): number {
  return o.id;
}
