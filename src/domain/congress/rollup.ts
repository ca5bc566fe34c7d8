/**
 * The progress roll-up: each organisation and its congress become a few dated events
 * ("held on 2020-05-31: +1"), added to every ancestor. A figure as of D is the sum of the events
 * on days ≤ D, so the database keeps per-day sums and answers any date, any deadline and the
 * cumulative curves from one index range. `computeProgress` (progress.ts) is the reference: the
 * figures built here from sums must equal it, which the roll-up tests check.
 */
import type { IsoDate } from "../format/date.ts";
import { formatPercent } from "../format/number.ts";
import { evaluateLevelDeadlines } from "./deadline.ts";
import { compareVoteShares, type Progress, type VoteShare } from "./progress.ts";
import { type CongressRecord, hasAllContents, statusRank } from "./record.ts";
import type { SeasonLevel } from "./season.ts";

/** The day before any congress: events that hold "from the start". */
export const ROLLUP_EPOCH: IsoDate = "1900-01-01";

export const ROLLUP_METRICS = [
  "exists",
  "scheduled",
  "pilot_total",
  "held",
  "held_by_province_deadline",
  "held_by_central_deadline",
  "pilot_held",
  "contents_complete",
  "committee_appointed",
  "results_recorded",
  "one_round_full",
  "direct_secretary",
  "confirmed",
] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

/**
 * Extreme-value keys: `held_on:<day>` (a congress held that day) and `share:<votes>:<base>` (a
 * direct secretary election with that vote share). Counted like the metrics, so the values alive as
 * of D are the keys whose sum is positive; the first/last day and lowest/highest share are read
 * from those.
 */
export type ExtremeKey = `held_on:${string}` | `share:${string}:${string}:${number}`;

/**
 * The share key sorts in share order: the ratio as a fixed-width integer (votes × 10¹² / base,
 * exact enough to separate any two different fractions with bases up to 100.000), then the base,
 * then the votes. So the lowest and highest shares are the first and last keys.
 */
export function shareKey(votes: number, base: number): ExtremeKey {
  const ratio = ((BigInt(votes) * 10n ** 12n) / BigInt(base)).toString().padStart(13, "0");
  return `share:${ratio}:${String(base).padStart(6, "0")}:${votes}`;
}

export interface RollupEvent {
  readonly metric: RollupMetric | ExtremeKey;
  readonly day: IsoDate;
  readonly n: number;
}

const minDay = (...days: (IsoDate | null)[]): IsoDate | null =>
  days.reduce<IsoDate | null>((m, d) => (d !== null && (m === null || d < m) ? d : m), null);

/**
 * The events of one organisation (of a level the season covers) and its congress, if any. The
 * days follow `statusAsOf`: a congress counts as held from the first day on which its status as
 * of that day is no longer "planned". A dissolved organisation leaves every figure on the day it is
 * dissolved (it does not exist as of that day).
 */
export function rollupEvents(
  org: {
    /** The first day of the organisation's period the events are for (default: the epoch). */
    readonly validFrom?: IsoDate | undefined;
    /** The day it stops counting: dissolved, or the period ends (moved, renamed, merged…). */
    readonly dissolvedOn?: IsoDate | null | undefined;
  },
  congress: CongressRecord | null,
  deadlines: { readonly provinceDeadline: IsoDate | null; readonly centralDeadline: IsoDate | null },
): RollupEvent[] {
  const raw: { metric: RollupMetric | ExtremeKey; day: IsoDate }[] = [
    { metric: "exists", day: ROLLUP_EPOCH },
  ];
  if (congress) {
    const rank = statusRank(congress.status);
    const confirmedDay = rank >= 3 && congress.confirmation ? congress.confirmation.date : null;
    const recordedDay = rank >= 2 ? congress.resultsRecordedOn : null;
    const heldDay = rank >= 1 ? congress.actualEnd : null;
    const notPlanned = minDay(confirmedDay, recordedDay, heldDay);
    const recordedOrConfirmed = minDay(confirmedDay, recordedDay);
    raw.push({ metric: "scheduled", day: ROLLUP_EPOCH });
    if (congress.pilot) raw.push({ metric: "pilot_total", day: ROLLUP_EPOCH });
    if (notPlanned !== null) {
      raw.push({ metric: "held", day: notPlanned });
      if (congress.actualEnd !== null) raw.push({ metric: `held_on:${congress.actualEnd}`, day: notPlanned });
      // On time is decided now, against the level's deadlines, so a later dissolution removes it too.
      const end = congress.actualEnd ?? notPlanned;
      if (deadlines.provinceDeadline !== null && end <= deadlines.provinceDeadline) {
        raw.push({ metric: "held_by_province_deadline", day: notPlanned });
      }
      if (deadlines.centralDeadline !== null && end <= deadlines.centralDeadline) {
        raw.push({ metric: "held_by_central_deadline", day: notPlanned });
      }
      if (congress.pilot) raw.push({ metric: "pilot_held", day: notPlanned });
      if (hasAllContents(congress)) raw.push({ metric: "contents_complete", day: notPlanned });
      if (congress.committeeAppointed) raw.push({ metric: "committee_appointed", day: notPlanned });
    }
    if (recordedOrConfirmed !== null) {
      raw.push({ metric: "results_recorded", day: recordedOrConfirmed });
      if (congress.electedInOneRoundFull === true)
        raw.push({ metric: "one_round_full", day: recordedOrConfirmed });
      if (congress.secretaryElectedDirectly === true) {
        raw.push({ metric: "direct_secretary", day: recordedOrConfirmed });
        const { secretaryVotes: votes, secretaryVoteBase: base } = congress;
        if (votes !== null && base !== null && base > 0) {
          raw.push({ metric: shareKey(votes, base), day: recordedOrConfirmed });
        }
      }
    }
    if (confirmedDay !== null) raw.push({ metric: "confirmed", day: confirmedDay });
  }
  // Dated periods: within [validFrom, dissolvedOn) a fact counts from the later of its own day and
  // the period's first day, and stops counting when the period ends.
  const from = org.validFrom ?? ROLLUP_EPOCH;
  const dissolved = org.dissolvedOn ?? null;
  const events: RollupEvent[] = [];
  for (const e of raw) {
    // biome-ignore lint/complexity/useMathMinMax: ISO day strings compare as text, not numbers
    const day = e.day < from ? from : e.day;
    if (dissolved !== null && day >= dissolved) continue; // never counted
    events.push({ ...e, day, n: 1 });
    if (dissolved !== null) events.push({ metric: e.metric, day: dissolved, n: -1 });
  }
  return events;
}

/** Per-metric sums as of D. */
export interface RollupSums {
  readonly asOf: Readonly<Partial<Record<RollupMetric, number>>>;
}

/** The extreme values among the keys alive as of D (sum of their events > 0). */
export function extremesFromKeys(aliveKeys: Iterable<string>): ProgressExtremes {
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  const shares: VoteShare[] = [];
  for (const key of aliveKeys) {
    if (key.startsWith("held_on:")) {
      const day = key.slice("held_on:".length);
      if (first === null || day < first) first = day;
      if (last === null || day > last) last = day;
    } else if (key.startsWith("share:")) {
      const [, , base, votes] = key.split(":");
      shares.push({ votes: Number(votes), base: Number(base) });
    }
  }
  shares.sort(compareVoteShares);
  return {
    firstHeldOn: first,
    lastHeldOn: last,
    secretaryVoteShareMin: shares[0] ?? null,
    secretaryVoteShareMax: shares.at(-1) ?? null,
  };
}

/** The figures that are not sums. */
export interface ProgressExtremes {
  readonly secretaryVoteShareMin: VoteShare | null;
  readonly secretaryVoteShareMax: VoteShare | null;
  readonly firstHeldOn: IsoDate | null;
  readonly lastHeldOn: IsoDate | null;
}

export function progressFromRollup(
  seasonCode: string,
  level: SeasonLevel,
  scopePath: string,
  asOf: IsoDate,
  sums: RollupSums,
  extremes: ProgressExtremes,
): Progress {
  const s = (m: RollupMetric) => sums.asOf[m] ?? 0;
  const total = s("exists");
  const held = s("held");
  const recorded = s("results_recorded");
  return {
    seasonCode,
    level: level.code,
    scopePath,
    asOf,
    total,
    held,
    heldPercent: formatPercent(held, total),
    notHeld: s("scheduled") - held,
    unscheduled: total - s("scheduled"),
    onTimeProvince: level.provinceDeadline === null ? null : s("held_by_province_deadline"),
    onTimeCentral: level.centralDeadline === null ? null : s("held_by_central_deadline"),
    pilots: { total: s("pilot_total"), held: s("pilot_held") },
    contentsComplete: s("contents_complete"),
    committeeAppointed: s("committee_appointed"),
    resultsRecorded: recorded,
    directSecretary: s("direct_secretary"),
    oneRoundFull: s("one_round_full"),
    confirmed: s("confirmed"),
    confirmationsPending: recorded - s("confirmed"),
    resultsPending: held - recorded,
    secretaryVoteShareMin: extremes.secretaryVoteShareMin,
    secretaryVoteShareMax: extremes.secretaryVoteShareMax,
    firstHeldOn: extremes.firstHeldOn,
    lastHeldOn: extremes.lastHeldOn,
    completion:
      total > 0 && held === total && extremes.lastHeldOn !== null
        ? evaluateLevelDeadlines(extremes.lastHeldOn, level)
        : null,
  };
}
