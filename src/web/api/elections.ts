/**
 * The elections API (docs/elections.md): one react-query hook per endpoint, the download URLs, and
 * the live events of one election. Types come from the route schemas (types only).
 *
 * Every query of an election sits under ["elections", id, …], so a write or a live event refreshes
 * all of its figures with one invalidation.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Ballot } from "../../domain/election/index.ts";
import type {
  AppendBallotBody,
  AppendBallotResult,
  BallotPrintDto,
  BundleComparisonDto,
  BundleDto,
  CreateBundlesBody,
  CreateElectionBody,
  ElectionDto,
  ElectionResultDto,
  ElectionSummaryDto,
  EnteredBallotDto,
  EntryDto,
  FiguresBody,
  PartyResultDto,
  ProjectionDto,
  UpdateElectionBody,
} from "../../server/routes/elections/schema.ts";
import { apiUrl, request } from "./request.ts";

export type {
  AppendBallotBody,
  AppendBallotResult,
  BallotPrintDto,
  BundleComparisonDto,
  BundleDto,
  CreateElectionBody,
  ElectionDto,
  ElectionResultDto,
  ElectionSummaryDto,
  EnteredBallotDto,
  EntryDto,
  PartyResultDto,
  ProjectionDto,
  UpdateElectionBody,
};

export interface LogEntryDto {
  readonly id: number;
  readonly at: string;
  readonly userLabel: string;
  readonly action: string;
  readonly bundleNumber: number | null;
  readonly entryId: number | null;
  readonly text: string;
}

export const electionKeys = {
  all: ["elections"] as const,
  list: (congressId: number | undefined) => ["elections", "list", congressId ?? null] as const,
  one: (id: number) => ["elections", id] as const,
  ballot: (id: number) => ["elections", id, "ballot"] as const,
  bundles: (id: number) => ["elections", id, "bundles"] as const,
  entry: (id: number, entryId: number) => ["elections", id, "entry", entryId] as const,
  comparison: (id: number, bundleId: number) => ["elections", id, "comparison", bundleId] as const,
  result: (id: number) => ["elections", id, "result"] as const,
  log: (id: number) => ["elections", id, "log"] as const,
  projection: (id: number) => ["elections", id, "projection"] as const,
};

const base = (id: number) => `/elections/${id}`;

// ---------------------------------------------------------------- reads

/** A read of one of an election's resources (`path` below it), waiting until the id is known. */
function useElectionRead<T>(
  id: number | undefined,
  key: (id: number) => readonly unknown[],
  path: string,
  options: { readonly staleTime?: number } = {},
) {
  return useQuery({
    queryKey: key(id ?? 0),
    queryFn: ({ signal }) => request<T>(`${base(id ?? 0)}${path}`, { signal }),
    enabled: id !== undefined,
    ...options,
  });
}

export function useElections(congressId: number | undefined) {
  return useQuery({
    queryKey: electionKeys.list(congressId),
    queryFn: ({ signal }) => request<ElectionSummaryDto[]>("/elections", { query: { congressId }, signal }),
  });
}

export function useElection(id: number | undefined) {
  return useElectionRead<ElectionDto>(id, electionKeys.one, "");
}

export function useBallotPrint(id: number | undefined) {
  return useElectionRead<BallotPrintDto>(id, electionKeys.ballot, "/ballot");
}

export function useBundles(id: number | undefined) {
  return useElectionRead<BundleDto[]>(id, electionKeys.bundles, "/bundles");
}

export function useEntry(id: number | undefined, entryId: number | undefined) {
  return useQuery({
    queryKey: electionKeys.entry(id ?? 0, entryId ?? 0),
    queryFn: ({ signal }) => request<EntryDto>(`${base(id ?? 0)}/entries/${entryId}`, { signal }),
    enabled: id !== undefined && entryId !== undefined,
    // The entry page keeps its own list after the first read: refetches would fight the typing.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useComparison(id: number, bundleId: number | undefined) {
  return useQuery({
    queryKey: electionKeys.comparison(id, bundleId ?? 0),
    queryFn: ({ signal }) =>
      request<BundleComparisonDto>(`${base(id)}/bundles/${bundleId}/comparison`, { signal }),
    enabled: bundleId !== undefined,
  });
}

export function useElectionResult(id: number | undefined) {
  return useElectionRead<ElectionResultDto>(id, electionKeys.result, "/result");
}

export function useElectionLog(id: number | undefined) {
  return useElectionRead<LogEntryDto[]>(id, electionKeys.log, "/log");
}

export function useProjection(id: number | undefined) {
  return useElectionRead<ProjectionDto>(id, electionKeys.projection, "/projection", { staleTime: 0 });
}

// ---------------------------------------------------------------- writes

function invalidateElection(client: QueryClient, id: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: electionKeys.one(id) }),
    client.invalidateQueries({ queryKey: ["elections", "list"] }),
  ]);
}

/** A write to an election; on success every query of the election is refetched. */
function useElectionMutation<V, R>(id: number, mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.one(id) }),
  });
}

export function useCreateElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateElectionBody) => request<ElectionDto>("/elections", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

export function useUpdateElection(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateElectionBody) => request<ElectionDto>(base(id), { method: "PUT", body }),
    onSuccess: (dto) => {
      client.setQueryData(electionKeys.one(id), dto);
      return invalidateElection(client, id);
    },
  });
}

export function useUpdateFigures(id: number) {
  return useElectionMutation(id, (body: FiguresBody) =>
    request<ElectionDto>(`${base(id)}/figures`, { method: "PUT", body }),
  );
}

/** Start counting, release, close: one action on the election, then everything of it refetched. */
export function useElectionAction(id: number, action: "start" | "release" | "close") {
  return useElectionMutation(id, () => request<unknown>(`${base(id)}/${action}`, { method: "POST" }));
}

export function useReopenElection(id: number) {
  return useElectionMutation(id, (reason: string) =>
    request<unknown>(`${base(id)}/reopen`, { method: "POST", body: { reason } }),
  );
}

/** The congress votes again (bầu tiếp, or among the tied): a new round with these ballot numbers. */
export function useNextRound(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (positions: number[]) =>
      request<ElectionDto>(`${base(id)}/next-round`, { method: "POST", body: { positions } }),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

export function useCreateBundles(id: number) {
  return useElectionMutation(id, (body: CreateBundlesBody) =>
    request<BundleDto[] | BundleDto>(`${base(id)}/bundles`, { method: "POST", body }),
  );
}

/** Starts (or resumes) the caller's own entry of a bundle. */
export function useStartEntry(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bundleId: number) =>
      request<EntryDto>(`${base(id)}/bundles/${bundleId}/entries`, { method: "POST" }),
    onSuccess: (entry) => {
      client.setQueryData(electionKeys.entry(id, entry.id), entry);
      return client.invalidateQueries({ queryKey: electionKeys.bundles(id) });
    },
  });
}

export function useAcceptBundle(id: number) {
  return useElectionMutation(id, (bundleId: number) =>
    request<unknown>(`${base(id)}/bundles/${bundleId}/accept`, { method: "POST" }),
  );
}

export function useReenterBundle(id: number) {
  return useElectionMutation(
    id,
    ({ bundleId, entryIds, reason }: { bundleId: number; entryIds?: number[]; reason?: string }) =>
      request<unknown>(`${base(id)}/bundles/${bundleId}/reenter`, {
        method: "POST",
        body: { ...(entryIds ? { entryIds } : {}), ...(reason ? { reason } : {}) },
      }),
  );
}

// Ballot entry calls are plain functions: the entry page queues them itself (in order, retried
// with the same idempotency key after a dropped connection) rather than through react-query.

export function appendBallot(
  id: number,
  entryId: number,
  body: { readonly idempotencyKey: string; readonly ballot: Ballot },
): Promise<AppendBallotResult> {
  return request<AppendBallotResult>(`${base(id)}/entries/${entryId}/ballots`, { method: "POST", body });
}

export function undoBallot(
  id: number,
  entryId: number,
  idempotencyKey: string,
): Promise<{ undone: EnteredBallotDto; ballotCount: number }> {
  return request(`${base(id)}/entries/${entryId}/undo`, { method: "POST", body: { idempotencyKey } });
}

export function finishEntry(id: number, entryId: number): Promise<unknown> {
  return request(`${base(id)}/entries/${entryId}/finish`, { method: "POST" });
}

// ---------------------------------------------------------------- downloads

export const minutesUrl = (id: number): string => apiUrl(`${base(id)}/minutes.docx`);
export const countFileUrl = (id: number): string => apiUrl(`${base(id)}/count-file.json`);

// ---------------------------------------------------------------- live events

export type ElectionLiveStatus = "connecting" | "live" | "offline";

/**
 * Listens to GET /api/events while mounted: every `election` event of this election refetches its
 * queries (debounced), so the projection, totals and bundles move without a reload.
 */
export function useElectionEvents(id: number | undefined): ElectionLiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<ElectionLiveStatus>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (id === undefined || typeof EventSource === "undefined") return;
    setStatus("connecting");
    const source = new EventSource(apiUrl("/events"), { withCredentials: true });
    const onElection = (message: MessageEvent<string>) => {
      let electionId: unknown;
      try {
        electionId = (JSON.parse(message.data) as { electionId?: unknown }).electionId;
      } catch {
        electionId = undefined;
      }
      if (electionId !== undefined && Number(electionId) !== id) return;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void client.invalidateQueries({
          queryKey: electionKeys.one(id),
          // The entry page's own list is never refetched under the clerk's fingers.
          predicate: (q) => q.queryKey[2] !== "entry",
        });
      }, 200);
    };
    source.addEventListener("election", onElection);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => {
      source.removeEventListener("election", onElection);
      source.close();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, id]);

  return id === undefined ? "offline" : status;
}
