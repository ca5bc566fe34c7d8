/** One organisation: where it sits, what it is, what is under it, and the actions on it. */
import {
  ApartmentOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import {
  isApiError,
  type OrgDetail,
  type OrgNode,
  orgExportUrl,
  useMe,
  useOrg,
  useOrgChildren,
} from "../api/index.ts";
import { OrgCongressCard } from "../components/congress/OrgCongressCard.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type HierarchyNames, LevelTag, useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgHistoryPanel } from "../components/OrgHistoryPanel.tsx";
import { AddChildModal, DissolveOrgModal, EditOrgModal, MoveOrgModal } from "../components/OrgModals.tsx";
import { paths } from "../paths.ts";

type OpenModal = "add" | "edit" | "move" | "dissolve" | null;

function parseId(raw: string | undefined): number | undefined {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

const formatTimestamp = (iso: string) => dayjs(iso).format("DD/MM/YYYY HH:mm");

function describe(org: OrgDetail, names: HierarchyNames): DescriptionsProps["items"] {
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "code", label: "Mã đơn vị", children: <Typography.Text code>{org.code}</Typography.Text> },
    { key: "level", label: "Cấp", children: names.levelName(org.level) },
    { key: "kind", label: "Loại hình", children: names.kindName(org.kind) },
    { key: "sector", label: "Ngành", children: org.sector ?? "—" },
    { key: "children", label: "Đơn vị trực thuộc", children: formatNumber(org.childCount) },
    { key: "descendants", label: "Tổng số đơn vị cấp dưới", children: formatNumber(org.descendantCount) },
    { key: "villages", label: "Thôn, bản, khu phố trên địa bàn", children: formatNumber(org.villageCount) },
  ];
  if (org.village) {
    items.push({
      key: "village",
      label: "Phục vụ địa bàn",
      children: `${org.village.name} (${org.village.kind}, mã ${org.village.code})`,
    });
  }
  if (org.dissolvedOn) {
    items.push(
      {
        key: "dissolvedOn",
        label: "Ngày giải thể",
        children: <Typography.Text type="danger">{formatDate(org.dissolvedOn)}</Typography.Text>,
      },
      { key: "dissolvedReason", label: "Lý do giải thể", children: org.dissolvedReason ?? "—" },
    );
  }
  items.push({ key: "updatedAt", label: "Cập nhật lần cuối", children: formatTimestamp(org.updatedAt) });
  return items;
}

function CountsByLevel({ org, names }: { org: OrgDetail; names: HierarchyNames }) {
  const rows = [...org.countsByLevel].sort((a, b) => names.levelRank(a.level) - names.levelRank(b.level));
  return (
    <Table
      data-testid="org-counts-by-level"
      size="small"
      rowKey="level"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: "Cấp", dataIndex: "level", render: (level: string) => names.levelName(level) },
        {
          title: "Số đơn vị",
          dataIndex: "count",
          align: "right",
          render: (count: number) => formatNumber(count),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>Thôn, bản, khu phố</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatNumber(org.villageCount)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function ChildrenTable({ org, names }: { org: OrgDetail; names: HierarchyNames }) {
  const children = useOrgChildren(org.id);
  const columns: TableColumnsType<OrgNode> = [
    {
      title: "Tên đơn vị",
      dataIndex: "name",
      render: (name: string, child) => <Link to={paths.org(child.id)}>{name}</Link>,
    },
    {
      title: "Cấp",
      dataIndex: "level",
      render: (level: string) => <LevelTag level={level} names={names} />,
    },
    { title: "Loại hình", dataIndex: "kind", render: (kind: string) => names.kindName(kind) },
    { title: "Ngành", dataIndex: "sector", render: (sector: string | null) => sector ?? "" },
    {
      title: "Đơn vị cấp dưới",
      dataIndex: "descendantCount",
      align: "right",
      render: (count: number) => formatNumber(count),
    },
    {
      title: "",
      key: "open",
      width: 70,
      render: (_: unknown, child) => <Link to={paths.org(child.id)}>Mở</Link>,
    },
  ];
  if (children.error) return <ErrorAlert error={children.error} />;
  return (
    <Table<OrgNode>
      data-testid="org-children"
      size="small"
      rowKey="id"
      loading={children.isLoading}
      dataSource={children.data ?? []}
      columns={columns}
      locale={{ emptyText: "Không có đơn vị trực thuộc" }}
      pagination={(children.data?.length ?? 0) > 20 && { pageSize: 20, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
    />
  );
}

export function OrgPage() {
  const id = parseId(useParams().id);
  const org = useOrg(id);
  const names = useHierarchyNames();
  // Read-only users (viewers) get no change buttons; the server refuses their writes anyway.
  const canWrite = useMe().data?.canWrite ?? false;
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  const close = () => setOpenModal(null);

  useEffect(() => {
    if (org.data) document.title = `${org.data.name} — Đại Hội`;
  }, [org.data]);

  if (id === undefined || (isApiError(org.error) && org.error.status === 404)) {
    return (
      <Result
        status="404"
        title="Không tìm thấy đơn vị"
        subTitle={org.error ? org.error.message : "Đường dẫn không đúng."}
        extra={<Link to={paths.orgTree}>Về cây tổ chức</Link>}
      />
    );
  }
  if (org.error) return <ErrorAlert error={org.error} />;
  if (!org.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const data = org.data;
  const dissolved = data.dissolvedOn !== null;
  const childLevels = names.childLevelsOf(data.level);

  return (
    <>
      <Breadcrumb
        data-testid="org-breadcrumb"
        items={[
          {
            key: "root",
            title: (
              <Link to={paths.orgTree}>
                <ApartmentOutlined /> Tổ chức đảng
              </Link>
            ),
          },
          ...data.ancestors.map((a) => ({
            key: String(a.id),
            title: <Link to={paths.org(a.id)}>{a.name}</Link>,
          })),
          { key: "self", title: data.name },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ margin: "12px 0 16px" }}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="org-title">
            {data.name}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <LevelTag level={data.level} names={names} />
            <Tag>{names.kindName(data.kind)}</Tag>
            {data.sector && <Tag color="geekblue">Ngành {data.sector}</Tag>}
            {dissolved && <Tag color="error">Đã giải thể</Tag>}
          </Flex>
        </Flex>
        <Flex gap={8} wrap data-testid="org-actions">
          {canWrite && (
            <>
              <Tooltip title={childLevels.length === 0 ? "Cấp này không có đơn vị trực thuộc" : undefined}>
                <Button
                  icon={<PlusOutlined />}
                  type="primary"
                  disabled={dissolved || childLevels.length === 0}
                  onClick={() => setOpenModal("add")}
                >
                  Thêm đơn vị trực thuộc
                </Button>
              </Tooltip>
              <Button icon={<EditOutlined />} disabled={dissolved} onClick={() => setOpenModal("edit")}>
                Đổi tên / sửa
              </Button>
              <Button
                icon={<SwapOutlined />}
                disabled={dissolved || data.parentId === null}
                onClick={() => setOpenModal("move")}
              >
                Chuyển đơn vị
              </Button>
              <Button
                icon={<DeleteOutlined />}
                danger
                disabled={dissolved || data.parentId === null}
                onClick={() => setOpenModal("dissolve")}
              >
                Giải thể
              </Button>
            </>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={orgExportUrl(data.id)}
            download
            data-testid="org-export-link"
          >
            Xuất Excel
          </Button>
        </Flex>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title="Thông tin đơn vị">
            <Descriptions
              data-testid="org-descriptions"
              size="small"
              column={{ xs: 1, md: 2 }}
              items={describe(data, names)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="Số đơn vị theo cấp (gồm cả đơn vị này)">
            <CountsByLevel org={data} names={names} />
          </Card>
        </Col>
        <Col span={24}>
          <OrgCongressCard orgId={data.id} />
        </Col>
        <Col span={24}>
          <Card size="small" title={`Đơn vị trực thuộc (${formatNumber(data.childCount)})`}>
            <ChildrenTable org={data} names={names} />
          </Card>
        </Col>
        <Col span={24}>
          <OrgHistoryPanel orgId={data.id} />
        </Col>
      </Row>

      {/* Each modal mounts only while open, so its form starts from the current data. */}
      {openModal === "add" && <AddChildModal org={data} names={names} open onClose={close} />}
      {openModal === "edit" && <EditOrgModal org={data} names={names} open onClose={close} />}
      {openModal === "move" && <MoveOrgModal org={data} names={names} open onClose={close} />}
      {openModal === "dissolve" && <DissolveOrgModal org={data} names={names} open onClose={close} />}
    </>
  );
}
