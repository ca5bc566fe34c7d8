/**
 * The election-day dashboard: villages reported out of all by district and commune, turnout,
 * villages needing a re-election, the winners' vote shares (of all household representatives) in
 * bands, and the women and ethnic-minority heads. Pure: the service loads one row per village.
 */
import { formatPercent } from "../format/number.ts";
import { compareVietnamese } from "../format/text.ts";
import type { VillageElectionStatus } from "./meeting.ts";

export interface DashboardVillage {
  readonly villageId: number;
  readonly villageName: string;
  readonly communeId: number;
  readonly communeName: string;
  readonly districtId: number;
  readonly districtName: string;
  readonly status: VillageElectionStatus;
  /** Figures of the first round held (turnout is the first meeting's). */
  readonly electorate: number | null;
  readonly present: number | null;
  /** The elected head's votes in the winning round and that round's electorate. */
  readonly winnerVotes: number | null;
  readonly winnerElectorate: number | null;
  readonly headName: string | null;
  readonly headGender: "male" | "female" | null;
  readonly headEthnicity: string | null;
  /** The latest explanation (why a re-election is needed). */
  readonly explanation: string | null;
}

export const SHARE_BANDS = [
  { key: "over-90", label: "Trên 90%" },
  { key: "70-90", label: "Từ trên 70% đến 90%" },
  { key: "50-70", label: "Từ trên 50% đến 70%" },
] as const;
export type ShareBand = (typeof SHARE_BANDS)[number]["key"];

/** The band of a winner's share, in exact integer arithmetic (a winner always has more than half). */
export function shareBand(votes: number, electorate: number): ShareBand {
  if (votes * 100 > electorate * 90) return "over-90";
  if (votes * 100 > electorate * 70) return "70-90";
  return "50-70";
}

export interface AreaRow {
  readonly id: number;
  readonly name: string;
  /** The district of a commune row; for a district row, itself. */
  readonly districtId: number;
  readonly total: number;
  readonly reported: number;
  readonly elected: number;
  readonly reElection: number;
  readonly reportedPercent: string;
}

export interface VillageDashboard {
  readonly total: number;
  readonly reported: number;
  readonly reportedPercent: string;
  readonly elected: number;
  readonly reElectionNeeded: number;
  readonly interimNeeded: number;
  readonly interimAppointed: number;
  readonly electorate: number;
  readonly present: number;
  readonly turnoutPercent: string;
  readonly shareBands: readonly {
    readonly key: ShareBand;
    readonly label: string;
    readonly count: number;
    readonly percent: string;
  }[];
  readonly womenHeads: number;
  readonly womenHeadsPercent: string;
  readonly ethnicMinorityHeads: number;
  readonly ethnicMinorityHeadsPercent: string;
  readonly byDistrict: readonly AreaRow[];
  readonly byCommune: readonly AreaRow[];
  /** Villages that must elect again or wait for an interim head, by district, commune and name. */
  readonly reElectionList: readonly DashboardVillage[];
}

const MAJORITY_ETHNICITY = "Kinh";

function areaRows(
  villages: readonly DashboardVillage[],
  key: (v: DashboardVillage) => { id: number; name: string; districtId: number },
): AreaRow[] {
  const rows = new Map<
    number,
    {
      id: number;
      name: string;
      districtId: number;
      total: number;
      reported: number;
      elected: number;
      reElection: number;
    }
  >();
  for (const v of villages) {
    const k = key(v);
    const row = rows.get(k.id) ?? { ...k, total: 0, reported: 0, elected: 0, reElection: 0 };
    row.total++;
    if (v.status !== "not-reported") row.reported++;
    if (v.status === "elected" || v.status === "interim-appointed") row.elected++;
    if (v.status === "re-election-needed" || v.status === "interim-needed") row.reElection++;
    rows.set(k.id, row);
  }
  return [...rows.values()]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((r) => ({ ...r, reportedPercent: formatPercent(r.reported, r.total) }));
}

export function villageDashboard(villages: readonly DashboardVillage[]): VillageDashboard {
  const reported = villages.filter((v) => v.status !== "not-reported");
  const count = (s: VillageElectionStatus) => villages.filter((v) => v.status === s).length;
  const electedRows = villages.filter((v) => v.status === "elected");
  const heads = villages.filter((v) => v.headName !== null);
  const bands = new Map<ShareBand, number>(SHARE_BANDS.map((b) => [b.key, 0]));
  for (const v of electedRows) {
    if (v.winnerVotes === null || !v.winnerElectorate) continue;
    const b = shareBand(v.winnerVotes, v.winnerElectorate);
    bands.set(b, bands.get(b)! + 1);
  }
  const electorate = reported.reduce((s, v) => s + (v.electorate ?? 0), 0);
  const present = reported.reduce((s, v) => s + (v.present ?? 0), 0);
  const women = heads.filter((v) => v.headGender === "female").length;
  const minority = heads.filter(
    (v) => v.headEthnicity !== null && v.headEthnicity !== MAJORITY_ETHNICITY,
  ).length;
  return {
    total: villages.length,
    reported: reported.length,
    reportedPercent: formatPercent(reported.length, villages.length),
    elected: electedRows.length,
    reElectionNeeded: count("re-election-needed"),
    interimNeeded: count("interim-needed"),
    interimAppointed: count("interim-appointed"),
    electorate,
    present,
    turnoutPercent: formatPercent(present, electorate),
    shareBands: SHARE_BANDS.map((b) => ({
      key: b.key,
      label: b.label,
      count: bands.get(b.key)!,
      percent: formatPercent(bands.get(b.key)!, electedRows.length),
    })),
    womenHeads: women,
    womenHeadsPercent: formatPercent(women, heads.length),
    ethnicMinorityHeads: minority,
    ethnicMinorityHeadsPercent: formatPercent(minority, heads.length),
    byDistrict: areaRows(villages, (v) => ({
      id: v.districtId,
      name: v.districtName,
      districtId: v.districtId,
    })),
    byCommune: areaRows(villages, (v) => ({
      id: v.communeId,
      name: v.communeName,
      districtId: v.districtId,
    })),
    reElectionList: villages
      .filter((v) => v.status === "re-election-needed" || v.status === "interim-needed")
      .sort(
        (a, b) =>
          compareVietnamese(a.districtName, b.districtName) ||
          compareVietnamese(a.communeName, b.communeName) ||
          compareVietnamese(a.villageName, b.villageName),
      ),
  };
}
