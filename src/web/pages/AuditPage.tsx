import { DownloadOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";
import { useState } from "react";
import { type AuditParams, auditExportUrl, useAudit, useMe } from "../api/index.ts";
import { AuditFilterBar, type AuditFilters, AuditTable } from "../components/AuditTable.tsx";

/** The audit log within the user's scope; administrators can export it as .xlsx. */
export function AuditPage() {
  const me = useMe();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [pageAt, setPageAt] = useState({ offset: 0, limit: 20 });
  const params: AuditParams = { ...filters, ...pageAt };
  const audit = useAudit(params);
  return (
    <>
      <Typography.Title level={2}>Nhật ký thay đổi</Typography.Title>
      <AuditFilterBar
        filters={filters}
        actors={audit.data?.actors ?? []}
        onChange={(f) => {
          setFilters(f);
          setPageAt({ offset: 0, limit: 20 });
        }}
        extra={
          me.data?.isAdmin && (
            <Button
              icon={<DownloadOutlined />}
              href={auditExportUrl(filters)}
              download
              data-testid="audit-export-link"
            >
              Xuất Excel
            </Button>
          )
        }
      />
      <AuditTable
        page={audit.data}
        loading={audit.isFetching}
        error={audit.error}
        params={params}
        onPage={(offset, limit) => setPageAt({ offset, limit })}
        showOrg
      />
    </>
  );
}
