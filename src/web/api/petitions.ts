/**
 * Letters (đơn thư) API: one react-query hook per endpoint, and the download URLs. Types come from
 * the route schemas (types only).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AssignBody,
  AttachmentDto,
  ComplaintFlagsDto,
  ConcludeBody,
  CongressPetitionsDto,
  NotifyBody,
  PetitionDashboardDto,
  PetitionDetailDto,
  PetitionDto,
  PetitionListDto,
  PetitionSettingsDto,
  RegisterBody,
  StepBody,
  TriageBody,
} from "../../server/routes/petitions/schema.ts";
import { apiUrl, request } from "./request.ts";

export type {
  AssignBody,
  AttachmentDto,
  ComplaintFlagsDto,
  ConcludeBody,
  CongressPetitionsDto,
  NotifyBody,
  PetitionDashboardDto,
  PetitionDetailDto,
  PetitionDto,
  PetitionListDto,
  PetitionSettingsDto,
  RegisterBody,
  StepBody,
  TriageBody,
};

export interface PetitionListParams {
  readonly orgId?: number | undefined;
  readonly status?: string | undefined;
  readonly kind?: string | undefined;
  readonly congressId?: number | undefined;
  readonly personId?: number | undefined;
  readonly overdue?: boolean | undefined;
  readonly q?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

const keys = {
  all: ["petitions"] as const,
  list: (p: PetitionListParams) => ["petitions", "list", p] as const,
  one: (id: number) => ["petitions", "one", id] as const,
  dashboard: (orgId: number | undefined) => ["petitions", "dashboard", orgId ?? 0] as const,
  settings: ["petitions", "settings"] as const,
  congress: (seasonId: number, orgId: number) => ["petitions", "congress", seasonId, orgId] as const,
  flags: (id: number, personIds: readonly number[]) => ["petitions", "flags", id, personIds] as const,
};

const query = (p: PetitionListParams) => ({ ...p, overdue: p.overdue ? "true" : undefined });

export function usePetitions(params: PetitionListParams, enabled = true) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal }) => request<PetitionListDto>("/petitions", { query: query(params), signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const petitionsExportUrl = (p: PetitionListParams): string =>
  apiUrl("/petitions/export.xlsx", query({ ...p, limit: undefined, offset: undefined }));

export function usePetition(id: number | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? 0),
    queryFn: ({ signal }) => request<PetitionDetailDto>(`/petitions/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function usePetitionDashboard(orgId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.dashboard(orgId),
    queryFn: ({ signal }) =>
      request<PetitionDashboardDto>("/petitions/dashboard", { query: { orgId }, signal }),
    enabled,
  });
}

export function usePetitionSettings(enabled = true) {
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => request<PetitionSettingsDto>("/petitions/settings", { signal }),
    enabled,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.all });
}

export function useUpdatePetitionSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PetitionSettingsDto) =>
      request<PetitionSettingsDto>("/petitions/settings", { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

export function useRegisterPetition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RegisterBody) => request<PetitionDetailDto>("/petitions", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

type ActionBodies = {
  triage: TriageBody;
  assign: AssignBody;
  steps: StepBody;
  conclude: ConcludeBody;
  notify: NotifyBody;
};

export function usePetitionAction<A extends keyof ActionBodies>(id: number, action: A) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ActionBodies[A]) =>
      request<PetitionDetailDto>(`/petitions/${id}/${action}`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUploadPetitionAttachment(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return request<AttachmentDto>(`/petitions/${id}/attachments`, { method: "POST", body: form });
    },
    onSuccess: invalidate,
  });
}

export const petitionAttachmentUrl = (id: number, attachmentId: number): string =>
  apiUrl(`/petitions/${id}/attachments/${attachmentId}`);

/** Open letters bearing on a congress: the count for anyone who sees it, content for petitions grants. */
export function useCongressPetitions(seasonId: number, orgId: number) {
  return useQuery({
    queryKey: keys.congress(seasonId, orgId),
    queryFn: ({ signal }) =>
      request<CongressPetitionsDto>(`/seasons/${seasonId}/congresses/${orgId}/petitions`, { signal }),
  });
}

/** Candidate flags (no content): for the candidate-list screen. */
export function useComplaintFlags(congressId: number | undefined, personIds: readonly number[]) {
  return useQuery({
    queryKey: keys.flags(congressId ?? 0, personIds),
    queryFn: ({ signal }) =>
      request<ComplaintFlagsDto>(`/congresses/${congressId}/complaint-flags`, {
        query: { personIds: personIds.join(",") },
        signal,
      }),
    enabled: congressId !== undefined && personIds.length > 0,
  });
}
