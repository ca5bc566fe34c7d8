/**
 * "Mùa đại hội": the congress seasons side by side — term, the province's plan and the Central
 * directive, and per season its levels in the order congresses are held, with their windows and
 * deadlines. Administrators create seasons and edit a level's deadlines; the server decides and
 * refuses in Vietnamese (e.g. a province deadline later than the Central one).
 */
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Table, Tag, Typography } from "antd";
import { type HTMLAttributes, useEffect, useState } from "react";
import { type SeasonDto, type SeasonLevelDto, useMe, useSeasons } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type HierarchyNames, useHierarchyNames } from "../components/hierarchy.tsx";
import { CreateSeasonModal } from "../components/season/CreateSeasonModal.tsx";
import { EditSeasonLevelModal } from "../components/season/EditSeasonLevelModal.tsx";
import { formatDay, formatDocument, formatTerm } from "../components/season/seasonText.ts";

interface Editing {
  readonly season: SeasonDto;
  readonly level: SeasonLevelDto;
}

function SeasonLevelsTable({
  season,
  names,
  isAdmin,
  onEdit,
}: {
  season: SeasonDto;
  names: HierarchyNames;
  isAdmin: boolean;
  onEdit: (level: SeasonLevelDto) => void;
}) {
  const levels = [...season.levels].sort((a, b) => a.order - b.order);
  return (
    <Table<SeasonLevelDto>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={levels}
      scroll={{ x: "max-content" }}
      data-testid="season-levels"
      onRow={(level) => ({ "data-level": level.code }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: "order", title: "Thứ tự", dataIndex: "order", width: 70, align: "center" },
        { key: "name", title: "Cấp đại hội", dataIndex: "name" },
        {
          key: "orgLevels",
          title: "Cấp tổ chức đảng",
          render: (_, l) => (
            <Flex gap={4} wrap>
              {l.orgLevels.map((code) => (
                <Tag key={code} style={{ marginInlineEnd: 0 }}>
                  {names.levelName(code)}
                </Tag>
              ))}
            </Flex>
          ),
        },
        { key: "term", title: "Nhiệm kỳ", render: (_, l) => formatTerm(l.term) },
        {
          key: "window",
          title: "Thời gian tổ chức",
          render: (_, l) => `${formatDay(l.window.start)} – ${formatDay(l.window.end)}`,
        },
        {
          key: "province",
          title: "Thời hạn của tỉnh",
          render: (_, l) => (
            <span data-testid="level-province-deadline">{formatDay(l.provinceDeadline)}</span>
          ),
        },
        {
          key: "central",
          title: "Thời hạn của Trung ương",
          render: (_, l) => <span data-testid="level-central-deadline">{formatDay(l.centralDeadline)}</span>,
        },
        ...(isAdmin
          ? [
              {
                key: "actions",
                title: "",
                width: 90,
                render: (_: unknown, l: SeasonLevelDto) => (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => onEdit(l)}
                    data-testid="season-level-edit"
                    aria-label={`Sửa cấp ${l.name}`}
                  >
                    Sửa
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function DocumentText({ doc, kind, testId }: { doc: SeasonDto["plan"]; kind: string; testId: string }) {
  return (
    <Flex vertical>
      <span data-testid={testId}>{formatDocument(doc, kind)}</span>
      {doc.title && <Typography.Text type="secondary">{doc.title}</Typography.Text>}
    </Flex>
  );
}

function SeasonCard({
  season,
  names,
  isAdmin,
  onEdit,
}: {
  season: SeasonDto;
  names: HierarchyNames;
  isAdmin: boolean;
  onEdit: (level: SeasonLevelDto) => void;
}) {
  return (
    <Card
      title={season.name}
      extra={<Tag color="red">Nhiệm kỳ {formatTerm(season.term)}</Tag>}
      data-testid="season-card"
      data-season-code={season.code}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: "code", label: "Mã", children: season.code },
          { key: "term", label: "Nhiệm kỳ", children: formatTerm(season.term) },
          {
            key: "plan",
            label: "Kế hoạch",
            children: <DocumentText doc={season.plan} kind="Kế hoạch" testId="season-plan" />,
          },
          {
            key: "directive",
            label: "Thực hiện",
            children: <DocumentText doc={season.directive} kind="Chỉ thị" testId="season-directive" />,
          },
          ...(season.pilotCount > 0
            ? [{ key: "pilots", label: "Đại hội điểm", children: `${season.pilotCount} đơn vị` }]
            : []),
        ]}
      />
      <SeasonLevelsTable season={season} names={names} isAdmin={isAdmin} onEdit={onEdit} />
    </Card>
  );
}

export function SeasonsPage() {
  const seasons = useSeasons();
  const me = useMe();
  const names = useHierarchyNames();
  const isAdmin = me.data?.isAdmin ?? false;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    document.title = "Mùa đại hội — Đại Hội";
  }, []);

  // Newest season first: that is the one being organised.
  const list = [...(seasons.data ?? [])].sort((a, b) => b.term.startYear - a.term.startYear || b.id - a.id);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="seasons-title">
          Mùa đại hội
        </Typography.Title>
        {isAdmin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="season-create-button"
          >
            Tạo mùa đại hội
          </Button>
        )}
      </Flex>
      <ErrorAlert error={seasons.error} />
      <ErrorAlert error={names.error} />
      {seasons.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {seasons.data && list.length === 0 && <Empty description="Chưa có mùa đại hội nào" />}
      <Flex vertical gap={16}>
        {list.map((season) => (
          <SeasonCard
            key={season.id}
            season={season}
            names={names}
            isAdmin={isAdmin}
            onEdit={(level) => setEditing({ season, level })}
          />
        ))}
      </Flex>
      {creating && <CreateSeasonModal onClose={() => setCreating(false)} />}
      {editing && (
        <EditSeasonLevelModal
          key={`${editing.season.id}:${editing.level.code}`}
          season={editing.season}
          level={editing.level}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
