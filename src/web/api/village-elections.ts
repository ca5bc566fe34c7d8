/**
 * The village-head election API ("Bầu trưởng thôn", issue 8): one react-query hook per endpoint,
 * the download URLs, and the live `village` events. Every query sits under
 * ["village-elections", dayId, …], so a write or an event refreshes a day's figures at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { VillageMeetingInput } from "../../domain/village/index.ts";
import type {
  ChecklistDto,
  DashboardDto,
  ElectionDayDto,
  VillageElectionDto,
  VillageListDto,
} from "../../server/routes/village-elections/schema.ts";
import type { LiveStatus } from "./congresses.ts";
import { apiUrl, request } from "./request.ts";

export type { ChecklistDto, DashboardDto, ElectionDayDto, VillageElectionDto, VillageListDto };

const keys = {
  days: ["village-elections"] as const,
  day: (dayId: number) => ["village-elections", dayId] as const,
};

export function useVillageDays() {
  return useQuery({
    queryKey: keys.days,
    queryFn: ({ signal }) => request<ElectionDayDto[]>("/village-elections", { signal }),
  });
}

export function useVillageDashboard(dayId: number | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: [...keys.day(dayId ?? 0), "dashboard", orgId ?? null],
    queryFn: ({ signal }) =>
      request<DashboardDto>(`/village-elections/${dayId}/dashboard`, { query: { orgId }, signal }),
    enabled: dayId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useVillageChecklist(dayId: number | undefined, orgId: number | undefined, asOf: string) {
  return useQuery({
    queryKey: [...keys.day(dayId ?? 0), "checklist", orgId ?? null, asOf],
    queryFn: ({ signal }) =>
      request<ChecklistDto>(`/village-elections/${dayId}/checklist`, { query: { orgId, asOf }, signal }),
    enabled: dayId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useVillageList(dayId: number | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: [...keys.day(dayId ?? 0), "villages", orgId ?? null],
    queryFn: ({ signal }) =>
      request<VillageListDto>(`/village-elections/${dayId}/villages`, { query: { orgId }, signal }),
    enabled: dayId !== undefined,
  });
}

export function useVillageElection(dayId: number | undefined, villageId: number | undefined) {
  return useQuery({
    queryKey: [...keys.day(dayId ?? 0), "village", villageId ?? 0],
    queryFn: ({ signal }) =>
      request<VillageElectionDto>(`/village-elections/${dayId}/villages/${villageId}`, { signal }),
    enabled: dayId !== undefined && villageId !== undefined,
  });
}

function useInvalidateDay(dayId: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.day(dayId) });
    // The elected head is a post in the people register, which the indicators count.
    void qc.invalidateQueries({ queryKey: ["people"] });
    void qc.invalidateQueries({ queryKey: ["indicators"] });
  };
}

export function useRecordVillageRound(dayId: number, villageId: number) {
  const invalidate = useInvalidateDay(dayId);
  return useMutation({
    mutationFn: (body: VillageMeetingInput) =>
      request<VillageElectionDto>(`/village-elections/${dayId}/villages/${villageId}/rounds`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  });
}

export interface StepDatesBody {
  readonly decisionOn: string | null;
  readonly teamOn: string | null;
  readonly noticeOn: string | null;
}

export function useSetCommuneSteps(dayId: number) {
  const invalidate = useInvalidateDay(dayId);
  return useMutation({
    mutationFn: ({ communeId, ...body }: StepDatesBody & { communeId: number }) =>
      request<StepDatesBody>(`/village-elections/${dayId}/steps/${communeId}`, { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

export const villageExportUrl = (dayId: number, orgId: number | undefined) =>
  apiUrl(`/village-elections/${dayId}/export.xlsx`, { orgId });

/**
 * Listens to GET /api/events while mounted: each `village` event of the day refreshes the day's
 * figures (debounced), so the dashboard moves within a second of a village reporting anywhere.
 */
export function useVillageEvents(dayId: number | undefined): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (dayId === undefined || typeof EventSource === "undefined") return;
    setStatus("connecting");
    const source = new EventSource(apiUrl("/events"), { withCredentials: true });
    const onVillage = (message: MessageEvent<string>) => {
      let eventDay: unknown;
      try {
        eventDay = (JSON.parse(message.data) as { dayId?: unknown }).dayId;
      } catch {
        eventDay = undefined;
      }
      if (eventDay !== undefined && Number(eventDay) !== dayId) return;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void client.invalidateQueries({ queryKey: keys.day(dayId) });
      }, 300);
    };
    source.addEventListener("village", onVillage);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => {
      source.removeEventListener("village", onVillage);
      source.close();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, dayId]);
  return dayId === undefined ? "offline" : status;
}

export interface InterimBody {
  readonly fullName: string;
  readonly personId: number | null;
  readonly gender: "male" | "female";
  readonly birthDate: string | null;
  readonly ethnicity: string;
  readonly appointedOn: string;
  readonly decisionNumber: string;
}

export function useAppointInterim(dayId: number, villageId: number) {
  const invalidate = useInvalidateDay(dayId);
  return useMutation({
    mutationFn: (body: InterimBody) =>
      request<VillageElectionDto>(`/village-elections/${dayId}/villages/${villageId}/interim`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  });
}

export interface RecognitionBody {
  readonly decisionNumber: string;
  readonly recognisedOn: string;
  readonly recognisedBy: string;
}

/** The commune People's Committee recognises the elected head: the post starts that day. */
export function useRecogniseHead(dayId: number, villageId: number) {
  const invalidate = useInvalidateDay(dayId);
  return useMutation({
    mutationFn: (body: RecognitionBody) =>
      request<VillageElectionDto>(`/village-elections/${dayId}/villages/${villageId}/recognition`, {
        method: "POST",
        body,
      }),
    onSuccess: invalidate,
  });
}

/** A village branch's village-head election and whether its secretary is the head (404: not a village branch). */
export function useBranchVillageLink(orgId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["village-elections", "branch", orgId ?? 0],
    queryFn: ({ signal }) => request<VillageElectionDto>(`/village-elections/branches/${orgId}`, { signal }),
    enabled: enabled && orgId !== undefined,
    retry: false,
  });
}
