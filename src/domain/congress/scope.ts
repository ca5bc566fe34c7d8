import type { IsoDate } from "../format/date.ts";
import type { OrgId } from "./season.ts";

export interface CongressOrg {
  readonly id: OrgId;
  readonly parentId: OrgId | null;
  /** "1.5.23" or, in the demo, "QN.HL.HONGGAI". */
  readonly path: string;
  /** Organisation level code (org_level.code). */
  readonly level: string;
  /** Organisation kind code (commune, ward, village…): lets a query keep commune-level ones only. */
  readonly kind: string;
  readonly name: string;
  /** An organisation dissolved on or before a day holds no congress as of that day. */
  readonly dissolvedOn?: IsoDate | null | undefined;
}

/** Is `path` the root itself or below it? ("1.5" is under "1", "1.50" is not under "1.5".) */
export function isInScope(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

export function existsOn(org: CongressOrg, day: IsoDate): boolean {
  return org.dissolvedOn === null || org.dissolvedOn === undefined || org.dissolvedOn > day;
}
