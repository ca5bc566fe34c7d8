/**
 * The congress season API: one react-query hook per endpoint, the download URLs, and the one
 * place in the web app that listens to the server's live events (EventSource). Types come from
 * the route schemas (types only).
 *
 * Every congress query sits under ["congresses", seasonId, …], so a write or a live event
 * refreshes all of a season's figures with one invalidation; react-query refetches only what is
 * on screen.
 */
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type {
  ChildProgressDto,
  CongressDto,
  CongressEventBody,
  CreateSeasonBody,
  CurvesDto,
  ImportCongressResultDto,
  LateDto,
  PlanBody,
  ProgressDto,
  SeasonDto,
  UpdateSeasonLevelBody,
} from "../../server/routes/congresses/schema.ts";
import type { ImportIssueDto } from "../../server/routes/organisations/schema.ts";
import { apiUrl, request } from "./request.ts";

export type {
  ChildProgressDto,
  CongressDto,
  CongressEventBody,
  CreateSeasonBody,
  CurvesDto,
  LateDto,
  PlanBody,
  ProgressDto,
  SeasonDto,
  UpdateSeasonLevelBody,
};
export type SeasonLevelDto = SeasonDto["levels"][number];
export type CongressRecordDto = NonNullable<CongressDto["congress"]>;
export type ChildProgressRow = ChildProgressDto[number];
export type LateRowDto = LateDto[number];
export type LateAgainst = "binding" | "province" | "central";

/** What the bulk import answers (dry run or commit). */
export type CongressImportResultDto = ImportCongressResultDto;
export type { ImportIssueDto };

export interface ProgressParams {
  readonly orgId: number;
  readonly level: string;
  /** YYYY-MM-DD */
  readonly asOf: string;
  /** Comma-separated organisation kinds / levels narrowing the figures (optional). */
  readonly kinds?: string | undefined;
  readonly orgLevels?: string | undefined;
}

export interface LateParams {
  readonly orgId: number;
  readonly asOf: string;
  readonly level?: string | undefined;
  readonly against?: LateAgainst | undefined;
}

export const congressKeys = {
  seasons: ["seasons"] as const,
  season: (seasonId: number) => ["congresses", seasonId] as const,
  progress: (seasonId: number, p: ProgressParams) => ["congresses", seasonId, "progress", p] as const,
  children: (seasonId: number, p: ProgressParams) => ["congresses", seasonId, "children", p] as const,
  curves: (seasonId: number, orgId: number, asOf: string) =>
    ["congresses", seasonId, "curves", orgId, asOf] as const,
  late: (seasonId: number, p: LateParams) => ["congresses", seasonId, "late", p] as const,
  list: (seasonId: number, parentId: number) => ["congresses", seasonId, "list", parentId] as const,
  congress: (seasonId: number, orgId: number) => ["congresses", seasonId, "congress", orgId] as const,
};

const seasonPath = (seasonId: number) => `/seasons/${seasonId}`;

// ---------------------------------------------------------------- reads

/** The seasons: the query useSeasons runs, also started by main.tsx when the dashboard is opened. */
export const seasonsQuery = {
  queryKey: congressKeys.seasons,
  queryFn: ({ signal }: { signal: AbortSignal }) => request<SeasonDto[]>("/seasons", { signal }),
  staleTime: 5 * 60_000,
};

export function useSeasons() {
  return useQuery(seasonsQuery);
}

export function useProgress(seasonId: number | undefined, params: ProgressParams | undefined) {
  return useQuery({
    queryKey: congressKeys.progress(seasonId ?? 0, params ?? { orgId: 0, level: "", asOf: "" }),
    queryFn: ({ signal }) =>
      request<ProgressDto>(`${seasonPath(seasonId!)}/progress`, { query: { ...params }, signal }),
    enabled: seasonId !== undefined && params !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useChildrenProgress(seasonId: number | undefined, params: ProgressParams | undefined) {
  return useQuery({
    queryKey: congressKeys.children(seasonId ?? 0, params ?? { orgId: 0, level: "", asOf: "" }),
    queryFn: ({ signal }) =>
      request<ChildProgressDto>(`${seasonPath(seasonId!)}/progress/children`, {
        query: { ...params },
        signal,
      }),
    enabled: seasonId !== undefined && params !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCurves(seasonId: number | undefined, orgId: number | undefined, asOf: string) {
  return useQuery({
    queryKey: congressKeys.curves(seasonId ?? 0, orgId ?? 0, asOf),
    queryFn: ({ signal }) =>
      request<CurvesDto>(`${seasonPath(seasonId!)}/curves`, { query: { orgId, asOf }, signal }),
    enabled: seasonId !== undefined && orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLateList(seasonId: number | undefined, params: LateParams | undefined) {
  return useQuery({
    queryKey: congressKeys.late(seasonId ?? 0, params ?? { orgId: 0, asOf: "" }),
    queryFn: ({ signal }) =>
      request<LateDto>(`${seasonPath(seasonId!)}/late`, { query: { ...params }, signal }),
    enabled: seasonId !== undefined && params !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The congresses of the direct children of `parentId` (the "one by one" list). */
export function useCongressList(seasonId: number | undefined, parentId: number | undefined) {
  return useQuery({
    queryKey: congressKeys.list(seasonId ?? 0, parentId ?? 0),
    queryFn: ({ signal }) =>
      request<CongressDto[]>(`${seasonPath(seasonId!)}/congresses`, { query: { parentId }, signal }),
    enabled: seasonId !== undefined && parentId !== undefined,
  });
}

export function useCongress(seasonId: number | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: congressKeys.congress(seasonId ?? 0, orgId ?? 0),
    queryFn: ({ signal }) => request<CongressDto>(`${seasonPath(seasonId!)}/congresses/${orgId}`, { signal }),
    enabled: seasonId !== undefined && orgId !== undefined,
  });
}

// ---------------------------------------------------------------- writes

function invalidateSeason(client: QueryClient, seasonId: number) {
  return client.invalidateQueries({ queryKey: congressKeys.season(seasonId) });
}

function useAfterCongressWrite(seasonId: number, orgId: number) {
  const client = useQueryClient();
  return (dto: CongressDto) => {
    client.setQueryData(congressKeys.congress(seasonId, orgId), dto);
    void invalidateSeason(client, seasonId);
    // The organisation's history panel shows the audit entry of the change.
    void client.invalidateQueries({ queryKey: ["audit"] });
  };
}

export function usePlanCongress(seasonId: number, orgId: number) {
  const onSuccess = useAfterCongressWrite(seasonId, orgId);
  return useMutation({
    mutationFn: (body: PlanBody) =>
      request<CongressDto>(`${seasonPath(seasonId)}/congresses/${orgId}/plan`, { method: "PUT", body }),
    onSuccess,
  });
}

export function useCongressEvent(seasonId: number, orgId: number) {
  const onSuccess = useAfterCongressWrite(seasonId, orgId);
  return useMutation({
    mutationFn: (body: CongressEventBody) =>
      request<CongressDto>(`${seasonPath(seasonId)}/congresses/${orgId}/events`, { method: "POST", body }),
    onSuccess,
  });
}

/**
 * After a season is created or a level's deadlines move, the list of seasons and every congress
 * figure may change (on-time counts are decided against the deadlines): refresh them all, and the
 * audit log that records the change.
 */
function invalidateSeasons(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: congressKeys.seasons }),
    client.invalidateQueries({ queryKey: ["congresses"] }),
    client.invalidateQueries({ queryKey: ["audit"] }),
  ]);
}

/** Administrators only. */
export function useCreateSeason() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeasonBody) => request<SeasonDto>("/seasons", { method: "POST", body }),
    onSuccess: () => invalidateSeasons(client),
  });
}

export interface UpdateSeasonLevelInput {
  readonly seasonId: number;
  readonly levelCode: string;
  readonly body: UpdateSeasonLevelBody;
}

/** Administrators only; the server refuses e.g. a province deadline later than the Central one. */
export function useUpdateSeasonLevel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ seasonId, levelCode, body }: UpdateSeasonLevelInput) =>
      request<SeasonDto>(`${seasonPath(seasonId)}/levels/${encodeURIComponent(levelCode)}`, {
        method: "PATCH",
        body,
      }),
    onSuccess: () => invalidateSeasons(client),
  });
}

export interface ImportCongressesInput {
  readonly file: File;
  /** true: check only, nothing is written. */
  readonly dryRun: boolean;
}

export function useImportCongresses(seasonId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: ImportCongressesInput) => {
      if (seasonId === undefined) throw new Error("no season selected");
      const form = new FormData();
      form.append("file", file, file.name);
      return request<CongressImportResultDto>(`${seasonPath(seasonId)}/congresses/import`, {
        method: "POST",
        query: { dryRun: dryRun ? "true" : "false" },
        body: form,
      });
    },
    onSuccess: (result) =>
      result.dryRun || seasonId === undefined ? undefined : invalidateSeason(client, seasonId),
  });
}

// ---------------------------------------------------------------- downloads (plain links)

export const childrenExportUrl = (seasonId: number, params: ProgressParams): string =>
  apiUrl(`${seasonPath(seasonId)}/progress/children.xlsx`, { ...params });
export const lateExportUrl = (seasonId: number, params: LateParams): string =>
  apiUrl(`${seasonPath(seasonId)}/late.xlsx`, { ...params });
/** The template, prefilled with what is known of the congresses of `orgId`'s subtree. */
export const congressImportTemplateUrl = (seasonId: number, orgId: number): string =>
  apiUrl(`${seasonPath(seasonId)}/congresses/import/template.xlsx`, { orgId });

// ---------------------------------------------------------------- live events

export type LiveStatus = "connecting" | "live" | "offline";

/** How long a burst of events is collected before the figures are refetched once. */
const LIVE_DEBOUNCE_MS = 300;

/**
 * Listens to GET /api/events (Server-Sent Events) while mounted: every `congress` event of the
 * season invalidates the season's queries (progress, children, curves, late list, congresses),
 * debounced, so the figures on screen move within a second of a congress being recorded anywhere.
 * EventSource reconnects by itself after a network drop; the status says whether it is connected.
 */
export function useCongressEvents(seasonId: number | undefined): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (seasonId === undefined || typeof EventSource === "undefined") return;
    setStatus("connecting");
    const source = new EventSource(apiUrl("/events"), { withCredentials: true });
    const onCongress = (message: MessageEvent<string>) => {
      let eventSeason: unknown;
      try {
        eventSeason = (JSON.parse(message.data) as { seasonId?: unknown }).seasonId;
      } catch {
        eventSeason = undefined;
      }
      if (eventSeason !== undefined && Number(eventSeason) !== seasonId) return;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void invalidateSeason(client, seasonId);
      }, LIVE_DEBOUNCE_MS);
    };
    source.addEventListener("congress", onCongress);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => {
      source.removeEventListener("congress", onCongress);
      source.close();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, seasonId]);

  return seasonId === undefined ? "offline" : status;
}
