/** Scanned ballots of an election (issue 18): upload a bundle's scans, list pages, adjudicate. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Ballot } from "../../domain/election/index.ts";
import type { ScanPageDto, ScanReportDto } from "../../server/routes/scans/schema.ts";
import { request } from "./request.ts";

export type { ScanPageDto, ScanReportDto };

const scanKeys = {
  pages: (id: number, status: string) => ["elections", id, "scans", status] as const,
};

export function useScanPages(id: number | undefined, status: "pending" | "adjudicated" | "accepted") {
  return useQuery({
    queryKey: scanKeys.pages(id ?? 0, status),
    queryFn: ({ signal }) => request<ScanPageDto[]>(`/elections/${id}/scans`, { query: { status }, signal }),
    enabled: id !== undefined,
  });
}

export function scanImageUrl(id: number, pageId: number): string {
  return `/api/elections/${id}/scans/${pageId}/image`;
}

export function useUploadScans(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ bundle, file }: { bundle: number; file: File }) => {
      const form = new FormData();
      form.append("file", file);
      return request<ScanReportDto>(`/elections/${id}/bundles/${bundle}/scans`, {
        method: "POST",
        body: form,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["elections", id] }),
  });
}

export function useAdjudicate(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pageId, ballot }: { pageId: number; ballot: Ballot }) =>
      request<ScanPageDto>(`/elections/${id}/scans/${pageId}/adjudicate`, {
        method: "POST",
        body: { ballot },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["elections", id] }),
  });
}
