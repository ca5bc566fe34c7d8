import type { OrgId } from "../congress/season.ts";
import type { Hometown, LocalOverride, Person } from "./types.ts";

export interface Territory {
  readonly provinceCode: string;
  readonly districtCode: string | null;
  readonly communeCode: string | null;
}

export type Locality = "local" | "not_local" | "unknown";

/** The comparison alone, without overrides. */
export function compareHometown(hometown: Hometown, territory: Territory): Locality {
  if (hometown.province.code !== territory.provinceCode) return "not_local";
  if (territory.districtCode === null) return "local";
  if (hometown.district === null) return "unknown";
  if (hometown.district.code !== territory.districtCode) return "not_local";
  if (territory.communeCode === null) return "local";
  if (hometown.commune === null) return "unknown";
  return hometown.commune.code === territory.communeCode ? "local" : "not_local";
}

export interface LocalityDecision {
  readonly locality: Locality;
  /** "derived" from codes, or "override" with the reason given. */
  readonly source: "derived" | "override";
  readonly reason: string | null;
}

/**
 * Is `person` local to organisation `orgId` whose territory is `territory` (null: the organisation
 * has no territory recorded, so only an override can decide)?
 */
export function decideLocality(
  person: Pick<Person, "hometown" | "localOverrides">,
  orgId: OrgId,
  territory: Territory | null,
): LocalityDecision {
  const override = findOverride(person.localOverrides, orgId);
  if (override) {
    return { locality: override.local ? "local" : "not_local", source: "override", reason: override.reason };
  }
  return {
    locality: territory === null ? "unknown" : compareHometown(person.hometown, territory),
    source: "derived",
    reason: null,
  };
}

function findOverride(
  overrides: readonly LocalOverride[] | undefined,
  orgId: OrgId,
): LocalOverride | undefined {
  if (overrides === undefined) return undefined;
  // Ids may come back from a form as strings: "12" and 12 are the same organisation.
  return overrides.find((o) => String(o.orgId) === String(orgId));
}
