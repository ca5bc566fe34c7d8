/**
 * The people register and the indicators API: one react-query hook per endpoint, and the
 * download URLs. Types come from the route schemas (types only).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CatalogDto,
  DefinitionBody,
  DrillResultDto,
  IndicatorInfo,
  IndicatorValueDto,
  IndicatorValuesDto,
} from "../../server/routes/indicators/schema.ts";
import type {
  CreatePersonBody,
  EndPostBody,
  PeopleImportResultDto,
  PeopleSearchResult,
  PersonBody,
  PersonDto,
  PostBody,
  PostDto,
} from "../../server/routes/people/schema.ts";
import { apiUrl, request } from "./request.ts";

export type {
  CatalogDto,
  CreatePersonBody,
  DefinitionBody,
  DrillResultDto,
  EndPostBody,
  IndicatorInfo,
  IndicatorValueDto,
  IndicatorValuesDto,
  PeopleImportResultDto,
  PeopleSearchResult,
  PersonBody,
  PersonDto,
  PostBody,
  PostDto,
};

const keys = {
  people: ["people"] as const,
  search: (p: PeopleParams) => ["people", "search", p] as const,
  person: (id: number) => ["people", "one", id] as const,
  indicators: ["indicators"] as const,
  values: (p: IndicatorParams) => ["indicators", "values", p] as const,
  drill: (p: DrillParams) => ["indicators", "drill", p] as const,
  catalog: ["indicators", "catalog"] as const,
};

// ---------------------------------------------------------------- people

export interface PeopleParams {
  readonly q?: string | undefined;
  readonly within?: number | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export function usePeopleSearch(params: PeopleParams) {
  return useQuery({
    queryKey: keys.search(params),
    queryFn: ({ signal }) => request<PeopleSearchResult>("/people", { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number | undefined) {
  return useQuery({
    queryKey: keys.person(id ?? 0),
    queryFn: ({ signal }) => request<PersonDto>(`/people/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

function useInvalidatePeople() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.people });
    void qc.invalidateQueries({ queryKey: keys.indicators });
  };
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => request<PersonDto>("/people", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson(id: number) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: PersonBody) => request<PersonDto>(`/people/${id}`, { method: "PUT", body }),
    onSuccess: invalidate,
  });
}

export function useAddPost(personId: number) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: PostBody) => request<PersonDto>(`/people/${personId}/posts`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useEndPost() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ postId, end }: { postId: number; end: string | null }) =>
      request<PersonDto>(`/posts/${postId}/end`, { method: "POST", body: { end } }),
    onSuccess: invalidate,
  });
}

export function useImportPeople() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return request<PeopleImportResultDto>("/people/import", {
        method: "POST",
        query: { dryRun: dryRun ? "true" : undefined },
        body: form,
      });
    },
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

export const peopleTemplateUrl = (): string => apiUrl("/people/import/template.xlsx");
export const peopleExportUrl = (orgId: number): string => apiUrl("/people/export.xlsx", { orgId });

// ---------------------------------------------------------------- indicators

export interface IndicatorParams {
  readonly orgId: number;
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly seasonId?: number | undefined;
  readonly decimals?: number | undefined;
}

export interface DrillParams extends IndicatorParams {
  readonly code: string;
  readonly side: "numerator" | "denominator" | "not_counted";
  readonly childOrgId?: number | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export function useIndicatorValues(params: IndicatorParams | null) {
  return useQuery({
    queryKey: keys.values(params ?? { orgId: 0, asOf: "" }),
    queryFn: ({ signal }) => request<IndicatorValuesDto>("/indicators", { query: { ...params }, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorMembers(params: DrillParams | null) {
  return useQuery({
    queryKey: keys.drill(params ?? { orgId: 0, asOf: "", code: "", side: "numerator" }),
    queryFn: ({ signal }) => {
      const { code, ...query } = params!;
      return request<DrillResultDto>(`/indicators/${encodeURIComponent(code)}/members`, { query, signal });
    },
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorCatalog() {
  return useQuery({
    queryKey: keys.catalog,
    queryFn: ({ signal }) => request<CatalogDto>("/indicators/catalog", { signal }),
  });
}

export function useSaveIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: DefinitionBody }) =>
      id === null
        ? request<IndicatorInfo>("/indicators/definitions", { method: "POST", body })
        : request<IndicatorInfo>(`/indicators/definitions/${id}`, { method: "PUT", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.indicators }),
  });
}

export function useDeleteIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      request<{ deleted: true }>(`/indicators/definitions/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.indicators }),
  });
}
