/**
 * Bầu cử: the elections the user may see (a counting member sees their congress's), filtered to
 * one organisation ("dv") or one congress ("daiHoi"). With a congress given, an officer creates a
 * new election there (the setup form; the list is checked by the server against the regulation).
 */
import { PlusOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Flex, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatNumber } from "../../domain/format/number.ts";
import { type ElectionSummaryDto, useCreateElection, useElections } from "../api/elections.ts";
import { useMe } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { ElectionSetupForm, valuesOf } from "../components/election/ElectionSetupForm.tsx";
import { paths } from "../paths.ts";

const STATUS_COLORS = { setup: "default", counting: "processing", closed: "success" } as const;

export function ElectionsPage() {
  const [search] = useSearchParams();
  const orgId = Number(search.get("dv")) || undefined;
  const congressParam = Number(search.get("daiHoi")) || undefined;
  const list = useElections(congressParam);
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateElection();
  const [creating, setCreating] = useState(false);
  const rows = (list.data ?? []).filter((e) => orgId === undefined || e.orgId === orgId);
  // The congress to create in: given in the address, or the one the listed elections belong to.
  const congressId = congressParam ?? (orgId !== undefined ? rows[0]?.congressId : undefined);

  useEffect(() => {
    document.title = "Bầu cử — Đại Hội";
  }, []);

  return (
    <>
      <Breadcrumb items={[{ key: "list", title: "Bầu cử" }]} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: "8px 0 12px" }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Bầu cử tại đại hội{rows[0] && orgId !== undefined ? ` — ${rows[0].orgName}` : ""}
        </Typography.Title>
        {me.data?.canWrite && congressId !== undefined && !creating && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-election"
          >
            Tạo cuộc bầu
          </Button>
        )}
      </Flex>
      {list.error && <ErrorAlert error={list.error} />}
      {creating && congressId !== undefined && (
        <Card size="small" title="Cuộc bầu mới" style={{ marginBottom: 16 }}>
          {create.error && <ErrorAlert error={create.error} />}
          <ElectionSetupForm
            initial={valuesOf(undefined)}
            disabled={false}
            saving={create.isPending}
            submitLabel="Tạo cuộc bầu"
            congressId={congressId}
            onSubmit={(body) =>
              create.mutate({ ...body, congressId }, { onSuccess: (dto) => navigate(paths.election(dto.id)) })
            }
          />
        </Card>
      )}
      <Table<ElectionSummaryDto>
        data-testid="elections-table"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={rows.length > 30 && { pageSize: 30, showSizeChanger: false }}
        locale={{ emptyText: "Chưa có cuộc bầu nào" }}
        columns={[
          {
            title: "Cuộc bầu",
            key: "title",
            render: (_: unknown, e) => <Link to={paths.election(e.id)}>{e.title}</Link>,
          },
          { title: "Đơn vị", dataIndex: "orgName" },
          { title: "Bầu", dataIndex: "officeLabel" },
          {
            title: "Cần bầu / danh sách",
            key: "seats",
            align: "right",
            // One figure, never broken across lines ("34 /" then "8").
            render: (_: unknown, e) => (
              <span style={{ whiteSpace: "nowrap" }} data-testid="election-seats">
                {formatNumber(e.seats)} / {formatNumber(e.candidateCount)}
              </span>
            ),
          },
          { title: "Lần", dataIndex: "round", width: 60 },
          {
            title: "Trạng thái",
            key: "status",
            render: (_: unknown, e) => (
              <Flex gap={4} wrap>
                <Tag color={STATUS_COLORS[e.status]}>{e.statusLabel}</Tag>
                {e.released && <Tag color="purple">Đã công bố</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
