/**
 * The typed API of the web app: one react-query hook per endpoint, and URL helpers for the
 * downloads. Types come from the route schemas (types only), so client and server cannot drift.
 * Screens use these hooks and never call `fetch`.
 */
import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  type UseMutationResult,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import type { AuditEntryDto, AuditPageDto } from "../../server/routes/audit/schema.ts";
import type { ChangePasswordBody, LoginBody, MeDto } from "../../server/routes/auth/schema.ts";
import type {
  CreateOrgBody,
  DissolveOrgBody,
  HierarchyDto,
  ImportIssueDto,
  ImportResultDto,
  MoveOrgBody,
  OrgDetail,
  OrgNode,
  OrgSearchResult,
  ReorganisationResultDto,
  UpdateOrgBody,
} from "../../server/routes/organisations/schema.ts";
import type {
  CreateUserBody,
  GrantBody,
  GrantDto,
  UpdateUserBody,
  UserDto,
  UserWithPasswordDto,
} from "../../server/routes/users/schema.ts";
import { ApiError, apiUrl, isApiError, request } from "./request.ts";

// The congress season (seasons, progress, congresses, live events) lives in its own module.
export * from "./congresses.ts";
export { ApiError, errorMessage, isApiError, setUnauthorizedHandler } from "./request.ts";
export type {
  AuditEntryDto,
  AuditPageDto,
  ChangePasswordBody,
  CreateOrgBody,
  CreateUserBody,
  DissolveOrgBody,
  GrantBody,
  GrantDto,
  HierarchyDto,
  ImportIssueDto,
  ImportResultDto,
  LoginBody,
  MeDto,
  MoveOrgBody,
  OrgDetail,
  OrgNode,
  OrgSearchResult,
  UpdateOrgBody,
  UpdateUserBody,
  UserDto,
  UserWithPasswordDto,
};

export type OrgSearchItem = OrgSearchResult["items"][number];
export type LevelDto = HierarchyDto["levels"][number];
export type KindDto = HierarchyDto["kinds"][number];

/** What the search box and its filters ask for; empty values are left out of the URL. */
export interface OrgSearchParams {
  readonly q?: string | undefined;
  readonly level?: string | undefined;
  readonly kind?: string | undefined;
  readonly sector?: string | undefined;
  readonly within?: number | undefined;
  readonly includeDissolved?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

// ---------------------------------------------------------------- query keys and options

/** Every organisation query sits under ["orgs"], so one invalidation refreshes them all after a write. */
export const queryKeys = {
  health: ["health"] as const,
  hierarchy: ["hierarchy"] as const,
  orgs: ["orgs"] as const,
  orgRoots: ["orgs", "roots"] as const,
  orgRootsOn: (asOf: string | undefined) => ["orgs", "roots", asOf ?? "today"] as const,
  orgChildren: (id: number, asOf?: string) => ["orgs", "children", id, asOf ?? "today"] as const,
  org: (id: number) => ["orgs", "detail", id] as const,
  orgSearch: (params: OrgSearchParams) => ["orgs", "search", params] as const,
  me: ["me"] as const,
  users: ["users"] as const,
  audit: (params: AuditParams) => ["audit", params] as const,
  orgHistory: (id: number, params: AuditParams) => ["audit", "org", id, params] as const,
};

/** Filters of the audit log and of an organisation's history (dates YYYY-MM-DD, inclusive). */
export interface AuditParams {
  readonly orgId?: number | undefined;
  readonly userId?: number | undefined;
  readonly entity?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly subtree?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/** A node's children; with `asOf` (YYYY-MM-DD) as the tree stood on that day. */
export const orgChildrenQuery = (id: number, asOf?: string) =>
  queryOptions({
    queryKey: queryKeys.orgChildren(id, asOf),
    queryFn: ({ signal }) => request<OrgNode[]>(`/orgs/${id}/children`, { signal, query: { asOf } }),
  });

/** Loads the children of a node for the lazy tree, from the cache when fresh. */
export function fetchOrgChildren(client: QueryClient, id: number, asOf?: string): Promise<OrgNode[]> {
  return client.fetchQuery(orgChildrenQuery(id, asOf));
}

// ---------------------------------------------------------------- reads

/** Levels and kinds with their Vietnamese names: the hierarchy is data, never hard-coded. */
/** The levels' and kinds' names: the query useHierarchy runs, also started early by main.tsx. */
export const hierarchyQuery = {
  queryKey: queryKeys.hierarchy,
  queryFn: ({ signal }: { signal: AbortSignal }) => request<HierarchyDto>("/meta/hierarchy", { signal }),
  staleTime: 10 * 60_000,
};

export function useHierarchy() {
  return useQuery(hierarchyQuery);
}

/** The top of the tree; with `asOf` (YYYY-MM-DD) as it stood on that day. */
export function useOrgRoots(asOf?: string) {
  return useQuery({
    queryKey: queryKeys.orgRootsOn(asOf),
    queryFn: ({ signal }) => request<OrgNode[]>("/orgs/roots", { signal, query: { asOf } }),
  });
}

export function useOrgChildren(id: number | undefined) {
  return useQuery({ ...orgChildrenQuery(id ?? 0), enabled: id !== undefined });
}

export function useOrg(id: number | undefined) {
  return useQuery({
    queryKey: queryKeys.org(id ?? 0),
    queryFn: ({ signal }) => request<OrgDetail>(`/orgs/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

const orgSearchQuery = (params: OrgSearchParams) =>
  queryOptions({
    queryKey: queryKeys.orgSearch(params),
    queryFn: ({ signal }) => request<OrgSearchResult>("/orgs/search", { query: { ...params }, signal }),
  });

/** The server folds diacritics, so "hong gai" finds "Phường Hồng Gai". */
export function useOrgSearch(params: OrgSearchParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...orgSearchQuery(params),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

/**
 * Searches organisations of any of `levels` (the endpoint filters by one level per request), e.g.
 * the candidate parents of a move. Without levels it searches all levels.
 */
export function useOrgSearchInLevels(
  params: Omit<OrgSearchParams, "level">,
  levels: readonly string[] | undefined,
  options: { enabled?: boolean } = {},
) {
  const list: OrgSearchParams[] = levels?.length ? levels.map((level) => ({ ...params, level })) : [params];
  return useQueries({
    queries: list.map((p) => ({ ...orgSearchQuery(p), enabled: options.enabled ?? true })),
    combine: (results) => ({
      items: results.flatMap((r) => r.data?.items ?? []),
      isFetching: results.some((r) => r.isFetching),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

// ---------------------------------------------------------------- writes

function useInvalidateOrgs() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.orgs });
}

export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: CreateOrgBody) => request<OrgNode>("/orgs", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: UpdateOrgBody) => request<OrgNode>(`/orgs/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useMoveOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: MoveOrgBody) => request<OrgNode>(`/orgs/${id}/move`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useDissolveOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: DissolveOrgBody) => request<OrgNode>(`/orgs/${id}/dissolve`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export interface ImportOrgsInput {
  readonly file: File;
  /** true: check only, nothing is written. */
  readonly dryRun: boolean;
}

export function useImportOrgs() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ file, dryRun }: ImportOrgsInput) => {
      const form = new FormData();
      form.append("file", file, file.name);
      // dryRun is sent only when true: false is the server's default, and a "false" string must
      // never be coerced to true by a lenient parser.
      return request<ImportResultDto>("/orgs/import", {
        method: "POST",
        query: { dryRun: dryRun ? "true" : undefined },
        body: form,
      });
    },
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

/**
 * A reorganisation plan (docs/reorganisation-format.md): `dryRun` previews which organisations and
 * figures change and from which day; otherwise applies it, all or nothing.
 */
export function useReorganisation() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ file, dryRun }: ImportOrgsInput) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return request<ReorganisationResultDto>("/orgs/reorganisation", {
        method: "POST",
        query: { dryRun: dryRun ? "true" : undefined },
        body: form,
      });
    },
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

/** The row-by-row problems of a refused import (422 IMPORT_INVALID), or null for any other error. */
export function importIssuesOf(error: unknown): ImportIssueDto[] | null {
  if (!isApiError(error) || error.code !== "IMPORT_INVALID") return null;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as ImportIssueDto[]) : [];
}

/**
 * An upload that is checked first (a dry run) and applied on the user's word: the file, the two
 * calls of one import, and their row issues. The organisation, congress and reorganisation imports
 * all work this way.
 */
export function useCheckThenApply<R>(
  check: UseMutationResult<R, unknown, { file: File; dryRun: boolean }>,
  commit: UseMutationResult<R, unknown, { file: File; dryRun: boolean }>,
) {
  const [file, setFile] = useState<File | null>(null);
  const start = (next: File) => {
    setFile(next);
    commit.reset();
    check.reset();
    check.mutate({ file: next, dryRun: true });
  };
  return {
    file,
    start,
    preview: check.data,
    checkIssues: importIssuesOf(check.error),
    commitIssues: importIssuesOf(commit.error),
  };
}

// ---------------------------------------------------------------- accounts

/**
 * Today as the server's Vietnamese day (from /api/auth/me), not the browser's clock: a form's
 * default date and the last day it offers. Before the session is read: the browser's day.
 */
export function useToday(): Dayjs {
  const today = useMe().data?.today;
  return useMemo(() => (today ? dayjs(today) : dayjs().startOf("day")), [today]);
}

/**
 * The signed-in user; a 401 here means "not signed in" (the shell shows the login page). The query
 * useMe runs, also started by main.tsx before the shell's code arrives.
 */
export const meQuery = {
  queryKey: queryKeys.me,
  queryFn: ({ signal }: { signal: AbortSignal }) => request<MeDto>("/auth/me", { signal }),
  staleTime: 60_000,
  retry: false,
} as const;

export function useMe() {
  return useQuery(meQuery);
}

/**
 * The organisation a page opens on when none is chosen: the season's root for an administrator,
 * otherwise the user's own organisation (never one they cannot see).
 */
export function useDefaultOrgId(seasonRootOrgId?: number): number | undefined {
  const me = useMe();
  if (!me.data) return undefined;
  if (me.data.isAdmin && seasonRootOrgId !== undefined) return seasonRootOrgId;
  return me.data.homeOrg?.id;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => request<MeDto>("/auth/login", { method: "POST", body }),
    onSuccess: (me) => {
      // Another user's cached data must not show: start from an empty cache.
      client.clear();
      client.setQueryData(queryKeys.me, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<null>("/auth/logout", { method: "POST" }),
    onSettled: () => client.clear(),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => request<MeDto>("/auth/password", { method: "POST", body }),
    onSuccess: (me) => client.setQueryData(queryKeys.me, me),
  });
}

export function useUsers(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => request<UserDto[]>("/users", { signal }),
    enabled: options.enabled ?? true,
  });
}

function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.users });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => request<UserWithPasswordDto>("/users", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) =>
      request<UserDto>(`/users/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) =>
      request<UserWithPasswordDto>(`/users/${id}/reset-password`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useAddGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: number; body: GrantBody }) =>
      request<GrantDto>(`/users/${userId}/grants`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useRemoveGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: number; grantId: number }) =>
      request<null>(`/users/${userId}/grants/${grantId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- audit log

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: queryKeys.audit(params),
    queryFn: ({ signal }) => request<AuditPageDto>("/audit", { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrgHistory(id: number, params: AuditParams) {
  return useQuery({
    queryKey: queryKeys.orgHistory(id, params),
    queryFn: ({ signal }) => request<AuditPageDto>(`/orgs/${id}/history`, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- downloads (plain links)

export const importTemplateUrl = (): string => apiUrl("/orgs/import/template.xlsx");
export const orgExportUrl = (id: number): string => apiUrl(`/orgs/${id}/export.xlsx`);
export const auditExportUrl = (params: Omit<AuditParams, "limit" | "offset" | "subtree">): string =>
  apiUrl("/audit/export.xlsx", { ...params });

/** Do not retry what the server refused on purpose (4xx); retry network trouble and 5xx once. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}
