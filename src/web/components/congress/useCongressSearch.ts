/**
 * The congress screens' shared choices — season, "as of" date, level, deadline — live in the URL
 * (?ky=1&ngay=2020-05-31&cap=grassroots), so a link or a reload shows the same figures and a
 * drill-down keeps them.
 */
import dayjs from "dayjs";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  type LateAgainst,
  type SeasonDto,
  type SeasonLevelDto,
  useSeasons,
  useToday,
} from "../../api/index.ts";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const AGAINST: readonly LateAgainst[] = ["binding", "province", "central"];

export interface CongressSearch {
  readonly seasons: readonly SeasonDto[];
  readonly seasonsLoading: boolean;
  readonly seasonsError: unknown;
  readonly season: SeasonDto | undefined;
  readonly levels: readonly SeasonLevelDto[];
  readonly level: SeasonLevelDto | undefined;
  /** YYYY-MM-DD */
  readonly asOf: string;
  /** Comma-separated organisation levels narrowing the figures, or undefined for all. */
  readonly orgLevels: string | undefined;
  readonly against: LateAgainst;
  /** The query string to carry into links ("?ky=1&ngay=…"). */
  readonly search: string;
  update(changes: Readonly<Record<string, string | number | null>>): void;
}

/** The newest season first: the latest term, then the latest created. */
export function newestFirst(seasons: readonly SeasonDto[]): SeasonDto[] {
  return [...seasons].sort((a, b) => b.term.startYear - a.term.startYear || b.id - a.id);
}

/** The query string `search` with one parameter set: "?ky=1" + dv=5 → "?ky=1&dv=5". */
export function withParam(search: string, key: string, value: string | number): string {
  const params = new URLSearchParams(search);
  params.set(key, String(value));
  return `?${params.toString()}`;
}

/**
 * The day the screens show when none is chosen: today while the season runs, its last day (the
 * latest window end or deadline of its levels) once it is over — a finished season then fills the
 * chart instead of its first tenth.
 */
export function defaultAsOf(season: Pick<SeasonDto, "levels"> | undefined, today: string): string {
  const ends = (season?.levels ?? []).flatMap((l) =>
    [l.window.end, l.provinceDeadline, l.centralDeadline].filter((d): d is string => Boolean(d)),
  );
  const end = ends.sort().at(-1);
  return end && end < today ? end : today;
}

export function useCongressSearch(): CongressSearch {
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const seasonsQuery = useSeasons();
  const seasons = useMemo(() => newestFirst(seasonsQuery.data ?? []), [seasonsQuery.data]);

  const seasonParam = Number(params.get("ky"));
  const season = seasons.find((s) => s.id === seasonParam) ?? seasons[0];
  const levels = useMemo(() => [...(season?.levels ?? [])].sort((a, b) => a.order - b.order), [season]);
  const levelParam = params.get("cap");
  const level = levels.find((l) => l.code === levelParam) ?? levels[0];
  const dateParam = params.get("ngay") ?? "";
  const asOf =
    ISO.test(dateParam) && dayjs(dateParam).isValid()
      ? dateParam
      : defaultAsOf(season, today.format("YYYY-MM-DD"));
  const orgLevelsParam = params.get("loai");
  const orgLevels =
    orgLevelsParam && level?.orgLevels.includes(orgLevelsParam) && level.orgLevels.length > 1
      ? orgLevelsParam
      : undefined;
  const againstParam = params.get("han") as LateAgainst | null;
  const against = againstParam && AGAINST.includes(againstParam) ? againstParam : "binding";

  const update = useCallback(
    (changes: Readonly<Record<string, string | number | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === "") next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const search = params.toString() ? `?${params.toString()}` : "";
  return {
    seasons,
    seasonsLoading: seasonsQuery.isLoading,
    seasonsError: seasonsQuery.error,
    season,
    levels,
    level,
    asOf,
    orgLevels,
    against,
    search,
    update,
  };
}
