import type { OrgTreeNode } from "../../../services/organisations/common.ts";
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
