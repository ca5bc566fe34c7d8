import { Card } from "antd";
import { useState } from "react";
import { type AuditParams, useOrgHistory } from "../api/index.ts";
import { AuditFilterBar, type AuditFilters, AuditTable } from "./AuditTable.tsx";

/** The organisation's own history, filterable by user and date. */
export function OrgHistoryPanel({ orgId }: { orgId: number }) {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [pageAt, setPageAt] = useState({ offset: 0, limit: 10 });
  const params: AuditParams = { ...filters, ...pageAt };
  const history = useOrgHistory(orgId, params);
  return (
    <Card size="small" title="Lịch sử thay đổi" data-testid="org-history">
      <AuditFilterBar
        filters={filters}
        actors={history.data?.actors ?? []}
        onChange={(f) => {
          setFilters(f);
          setPageAt({ offset: 0, limit: 10 });
        }}
      />
      <AuditTable
        page={history.data}
        loading={history.isFetching}
        error={history.error}
        params={params}
        onPage={(offset, limit) => setPageAt({ offset, limit })}
      />
    </Card>
  );
}
