/**
 * "Người địa phương": is a person native of the locality they lead? Derived by comparing the
 * hometown with the territory of the organisation led, unless someone decided it by hand.
 *
 * How a territory is matched: an organisation's territory lists the codes of the administrative
 * units it covers, down to its own grain: a commune-level organisation has province, district and
 * commune codes; a city, town or district organisation province and district; the province (and a
 * sector committee directly under it, whose "locality" is the whole province) the province only.
 * The person is local when every code of the territory equals the hometown's code at the same
 * level; not local as soon as one differs; and unknown when the hometown is missing a level the
 * territory needs (a loose record: "Hải Dương" only, for the secretary of a commune). Unknown is
 * never counted as local nor as not local: it asks for an override with its reason.
 */
import { z } from "zod";
import type { OrgId } from "../congress/season.ts";
import type { Hometown, LocalOverride, Person } from "./types.ts";

export interface Territory {
  readonly provinceCode: string;
  readonly districtCode: string | null;
  readonly communeCode: string | null;
}

export const territorySchema = z
  .object({
    provinceCode: z.string().min(1, "Địa bàn phải có mã tỉnh"),
    districtCode: z.string().min(1).nullable(),
    communeCode: z.string().min(1).nullable(),
  })
  .refine((t) => t.communeCode === null || t.districtCode !== null, {
    message: "Địa bàn cấp xã phải có mã huyện",
    path: ["districtCode"],
  }) satisfies z.ZodType<Territory>;

export type Locality = "local" | "not_local" | "unknown";

export const LOCALITY_LABELS: Readonly<Record<Locality, string>> = {
  local: "Người địa phương",
  not_local: "Không phải người địa phương",
  unknown: "Chưa xác định được (quê quán ghi chưa đủ)",
};

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
