/**
 * The reports API: one react-query hook per endpoint, and the download URLs. Types come from the
 * route schemas (types only).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateReportBody,
  EditReportBody,
  RegeneratedDto,
  ReportDto,
  ReportSnapshotDto,
  ReportSnapshotInfoDto,
} from "../../server/routes/reports/schema.ts";
import { apiUrl, request } from "./request.ts";

export type {
  CreateReportBody,
  EditReportBody,
  RegeneratedDto,
  ReportDto,
  ReportSnapshotDto,
  ReportSnapshotInfoDto,
};

export const reportKeys = {
  templates: ["reports", "templates"] as const,
  list: (orgId: number | undefined) => ["reports", "list", orgId ?? null] as const,
  one: (id: number) => ["reports", "one", id] as const,
};

export function useReportTemplates() {
  return useQuery({
    queryKey: reportKeys.templates,
    queryFn: ({ signal }) =>
      request<{ code: string; title: string; description: string }[]>("/reports/templates", { signal }),
    staleTime: 60 * 60_000,
  });
}

export function useReports(orgId: number | undefined) {
  return useQuery({
    queryKey: reportKeys.list(orgId),
    queryFn: ({ signal }) => request<ReportSnapshotInfoDto[]>("/reports", { query: { orgId }, signal }),
  });
}

export function useReport(id: number | undefined) {
  return useQuery({
    queryKey: reportKeys.one(id ?? 0),
    queryFn: ({ signal }) => request<ReportSnapshotDto>(`/reports/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportBody) => request<ReportSnapshotDto>("/reports", { method: "POST", body }),
    onSuccess: (s) => {
      qc.setQueryData(reportKeys.one(s.id), s);
      void qc.invalidateQueries({ queryKey: ["reports", "list"] });
    },
  });
}

export function useEditReport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EditReportBody) =>
      request<ReportSnapshotDto>(`/reports/${id}`, { method: "PATCH", body }),
    onSuccess: (s) => qc.setQueryData(reportKeys.one(s.id), s),
  });
}

export function useRegenerateReport(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { asOf?: string }) =>
      request<RegeneratedDto>(`/reports/${id}/regenerate`, { method: "POST", body }),
    onSuccess: (r) => {
      qc.setQueryData(reportKeys.one(r.snapshot.id), r.snapshot);
      void qc.invalidateQueries({ queryKey: ["reports", "list"] });
    },
  });
}

export const reportExportUrl = (id: number, ext: "docx" | "xlsx" | "json" | "pdf"): string =>
  apiUrl(`/reports/${id}/export.${ext}`);
