import { useSearchParams } from "react-router";
import { type ElectionDayDto, useVillageDays } from "../../api/village-elections.ts";

/**
 * The election day the village pages show: "?ngay=<id>" or the latest one, and the organisation
 * ("?donVi=<id>") to look under (default: the day's whole territory in the caller's scope).
 */
export function useVillageDay(): {
  readonly days: readonly ElectionDayDto[] | undefined;
  readonly day: ElectionDayDto | undefined;
  readonly orgId: number | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly search: URLSearchParams;
  readonly setParam: (key: string, value: string | number | undefined) => void;
} {
  const days = useVillageDays();
  const [search, setSearch] = useSearchParams();
  const wanted = Number(search.get("ngay"));
  const day = days.data?.find((d) => d.id === wanted) ?? days.data?.at(-1);
  const org = Number(search.get("donVi"));
  return {
    days: days.data,
    day,
    orgId: Number.isInteger(org) && org > 0 ? org : undefined,
    loading: days.isLoading,
    error: days.error,
    search,
    setParam: (key, value) => {
      const next = new URLSearchParams(search);
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
      setSearch(next);
    },
  };
}

export const VILLAGE_STATUS_COLORS: Readonly<Record<string, string>> = {
  "not-reported": "default",
  elected: "green",
  "re-election-needed": "orange",
  "interim-needed": "red",
  "interim-appointed": "blue",
};
