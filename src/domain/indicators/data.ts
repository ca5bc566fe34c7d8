/**
 * The plain values an indicator is evaluated over (after vxsuite's tabulation: the database passes
 * its rows, the demo its generated data). `indexIndicatorData` builds the lookups once, in time
 * linear in the data, so that a whole catalog is evaluated over one index.
 */
import { assert } from "../basics/assert.ts";
import type { CongressRecord } from "../congress/record.ts";
import type { OrgId } from "../congress/season.ts";
import type { IsoDate } from "../format/date.ts";
import type { Territory } from "../people/local.ts";
import type { Person, PersonId, Post, PostKind } from "../people/types.ts";

/**
 * One organisation in one period of its history (issue 15): the same id may appear several times,
 * one version per period, each valid from `validFrom` (inclusive; missing: since always) to
 * `dissolvedOn` (exclusive: the day it was dissolved, merged, or the next version began; missing
 * or null: still valid). The engine sees, on day D, the version valid on D, so a move, a rename or
 * a merger on D changes figures from D on and never before.
 */
export interface IndicatorOrg {
  readonly id: OrgId;
  readonly validFrom?: IsoDate | undefined;
  /** Materialised path: "1.5.23" or, in the demo, "QN.HL.HONGGAI". */
  readonly path: string;
  readonly level: string;
  readonly kind: string;
  readonly sector?: string | null | undefined;
  /** The village or residential area a village branch serves. */
  readonly villageCode?: string | null | undefined;
  /** The territory it leads, to decide who is local; null or missing: none recorded. */
  readonly territory?: Territory | null | undefined;
  /** Free labels an officer attaches (a merged agency model…), matched by `org` filters. */
  readonly tags?: readonly string[] | undefined;
  readonly name?: string | undefined;
  readonly dissolvedOn?: IsoDate | null | undefined;
}

export interface IndicatorVillage {
  readonly code: string;
  readonly name: string;
  /** The branch that serves it, when the organisations do not carry the village code. */
  readonly orgId?: OrgId | null | undefined;
}

export interface IndicatorData {
  readonly orgs: Iterable<IndicatorOrg>;
  readonly villages?: Iterable<IndicatorVillage> | undefined;
  readonly people: Iterable<Person>;
  readonly posts: Iterable<Post>;
  readonly congresses?: Iterable<CongressRecord> | undefined;
}

const INDEX = Symbol("indicator index");

export interface IndicatorIndex {
  readonly [INDEX]: true;
  /** Every version of every organisation. */
  readonly orgs: readonly IndicatorOrg[];
  /** The latest version of each organisation (its name and place for lists). */
  readonly orgById: ReadonlyMap<string, IndicatorOrg>;
  /** Every version of each organisation, oldest first. */
  readonly orgVersions: ReadonlyMap<string, readonly IndicatorOrg[]>;
  readonly personById: ReadonlyMap<string, Person>;
  readonly postsByKind: ReadonlyMap<PostKind, readonly Post[]>;
  readonly postsByPerson: ReadonlyMap<string, readonly Post[]>;
  /** Posts held in an organisation, by "kind|orgId". */
  readonly postsByOrgKind: ReadonlyMap<string, readonly Post[]>;
  /** Village code → the organisation serving it (its latest version: compare ids, not objects). */
  readonly orgByVillage: ReadonlyMap<string, IndicatorOrg>;
  /** Season code → organisation id → its congress in that season. */
  readonly congresses: ReadonlyMap<string, ReadonlyMap<string, CongressRecord>>;
}

/** Ids are compared as text: the database gives numbers, a form or a file strings. */
export const idKey = (id: OrgId | PersonId): string => String(id);

/** Whether the version holds on `day`. */
export const validOn = (org: IndicatorOrg, day: IsoDate): boolean =>
  (org.validFrom === undefined || org.validFrom <= day) &&
  (org.dissolvedOn === null || org.dissolvedOn === undefined || org.dissolvedOn > day);

/** The version of organisation `id` valid on `day` (undefined: it did not exist that day). */
export function orgOn(index: IndicatorIndex, id: OrgId, day: IsoDate): IndicatorOrg | undefined {
  const versions = index.orgVersions.get(idKey(id));
  if (!versions) return undefined;
  for (const v of versions) if (validOn(v, day)) return v;
  return undefined;
}

export function isIndicatorIndex(data: IndicatorData | IndicatorIndex): data is IndicatorIndex {
  return (data as IndicatorIndex)[INDEX] === true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexIndicatorData(data: IndicatorData): IndicatorIndex {
  const orgs = [...data.orgs];
  const orgVersions = new Map<string, IndicatorOrg[]>();
  for (const o of orgs) push(orgVersions, idKey(o.id), o);
  const orgById = new Map<string, IndicatorOrg>();
  const orgByVillage = new Map<string, IndicatorOrg>();
  const from = (o: IndicatorOrg) => o.validFrom ?? "";
  for (const [key, versions] of orgVersions) {
    versions.sort((a, b) => (from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0));
    for (let i = 1; i < versions.length; i++) {
      const end = versions[i - 1]!.dissolvedOn;
      assert(
        end !== null && end !== undefined && end <= from(versions[i]!),
        `two versions of organisation ${key} overlap`,
      );
    }
    const latest = versions.at(-1)!;
    orgById.set(key, latest);
    for (const v of versions) if (v.villageCode) orgByVillage.set(v.villageCode, latest);
  }
  for (const v of data.villages ?? []) {
    if (orgByVillage.has(v.code) || v.orgId === null || v.orgId === undefined) continue;
    const org = orgById.get(idKey(v.orgId));
    if (org) orgByVillage.set(v.code, org);
  }
  const personById = new Map<string, Person>();
  for (const p of data.people) personById.set(idKey(p.id), p);
  const postsByKind = new Map<PostKind, Post[]>();
  const postsByPerson = new Map<string, Post[]>();
  const postsByOrgKind = new Map<string, Post[]>();
  for (const post of data.posts) {
    push(postsByKind, post.kind, post);
    push(postsByPerson, idKey(post.personId), post);
    if (post.orgId !== null) push(postsByOrgKind, `${post.kind}|${idKey(post.orgId)}`, post);
  }
  const congresses = new Map<string, Map<string, CongressRecord>>();
  for (const c of data.congresses ?? []) {
    let bySeason = congresses.get(c.seasonCode);
    if (!bySeason) {
      bySeason = new Map();
      congresses.set(c.seasonCode, bySeason);
    }
    const key = idKey(c.orgId);
    assert(!bySeason.has(key), `two congresses for organisation ${key} in season ${c.seasonCode}`);
    bySeason.set(key, c);
  }
  return {
    [INDEX]: true,
    orgs,
    orgById,
    orgVersions,
    personById,
    postsByKind,
    postsByPerson,
    postsByOrgKind,
    orgByVillage,
    congresses,
  };
}
