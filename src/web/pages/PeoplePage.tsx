/**
 * The people register: search by name with or without diacritics, within an organisation's
 * subtree; add a person; import and export .xlsx (check first, then write; every problem listed
 * with its sheet, row and column; possible duplicates must be resolved in the file).
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { formatDate } from "../../domain/format/date.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { type ImportIssueDto, importIssuesOf, useMe } from "../api/index.ts";
import {
  type PersonDto,
  peopleExportUrl,
  peopleTemplateUrl,
  useImportPeople,
  usePeopleSearch,
} from "../api/people.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { PersonForm } from "../components/people/PersonForm.tsx";
import { useDebouncedValue } from "../components/useDebouncedValue.ts";
import { paths } from "../paths.ts";

const inOffice = (p: PersonDto["posts"][number]) => p.end === null;

const columns: TableColumnsType<PersonDto> = [
  { title: "Mã", dataIndex: "code", width: 110 },
  {
    title: "Họ và tên",
    dataIndex: "fullName",
    render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
  },
  {
    title: "Giới tính",
    dataIndex: "gender",
    width: 80,
    render: (g: string) => (g === "female" ? "Nữ" : "Nam"),
  },
  { title: "Ngày sinh", dataIndex: "birthDate", width: 110, render: (d: string) => formatDate(d) },
  {
    title: "Quê quán",
    key: "hometown",
    render: (_, p) =>
      [p.hometown.commune?.name, p.hometown.district?.name, p.hometown.province.name]
        .filter(Boolean)
        .join(", "),
  },
  {
    title: "Chức vụ đương nhiệm",
    key: "posts",
    render: (_, p) => (
      <Flex vertical gap={2}>
        {p.posts.filter(inOffice).map((post) => (
          <span key={post.id}>
            <Tag>{post.kindLabel}</Tag>
            {post.placeName}
          </span>
        ))}
      </Flex>
    ),
  },
];

function IssuesTable({ issues }: { issues: readonly ImportIssueDto[] }) {
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={issues.map((x) => ({ ...x }))}
      pagination={{ pageSize: 20 }}
      data-testid="people-import-issues"
      columns={[
        { title: "Trang", dataIndex: "sheet", width: 90 },
        { title: "Dòng", dataIndex: "row", width: 70 },
        { title: "Cột", dataIndex: "column", width: 170, render: (c: string | null) => c ?? "—" },
        { title: "Lỗi", dataIndex: "message" },
      ]}
    />
  );
}

function ImportCard({ orgId }: { orgId: number | undefined }) {
  const importPeople = useImportPeople();
  const [file, setFile] = useState<File | null>(null);
  const issues = importIssuesOf(importPeople.error);
  const result = importPeople.data;
  return (
    <Card title="Nhập, xuất nhân sự (.xlsx)" size="small" data-testid="people-import">
      <Flex vertical gap={12}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={peopleTemplateUrl()}>
            Tải tệp mẫu
          </Button>
          {orgId ? (
            <Button icon={<DownloadOutlined />} href={peopleExportUrl(orgId)}>
              Xuất nhân sự của đơn vị
            </Button>
          ) : null}
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              importPeople.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
          <Button
            disabled={!file}
            loading={importPeople.isPending}
            onClick={() => file && importPeople.mutate({ file, dryRun: true })}
          >
            Kiểm tra (chưa ghi)
          </Button>
          <Button
            type="primary"
            disabled={!file || !result?.dryRun}
            loading={importPeople.isPending}
            onClick={() => file && importPeople.mutate({ file, dryRun: false })}
          >
            Ghi dữ liệu
          </Button>
        </Space>
        {result ? (
          <Alert
            type="success"
            showIcon
            title={`${result.dryRun ? "Tệp hợp lệ, chưa ghi" : "Đã ghi"}: ${formatNumber(result.peopleCreated)} người mới, ${formatNumber(result.peopleUpdated)} người cập nhật, ${formatNumber(result.postsCreated)} chức vụ mới, ${formatNumber(result.postsUpdated)} chức vụ cập nhật`}
          />
        ) : null}
        {issues ? (
          <>
            <ErrorAlert error={importPeople.error} />
            <IssuesTable issues={issues} />
          </>
        ) : importPeople.error ? (
          <ErrorAlert error={importPeople.error} />
        ) : null}
      </Flex>
    </Card>
  );
}

export function PeoplePage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const names = useHierarchyNames();
  const me = useMe();
  const [text, setText] = useState(search.get("q") ?? "");
  const q = useDebouncedValue(text.trim(), 300);
  const within = search.get("don-vi") ? Number(search.get("don-vi")) : undefined;
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const people = usePeopleSearch({ q: q || undefined, within, limit: 20, offset: (page - 1) * 20 });

  return (
    <Flex vertical gap={16} data-testid="people-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          Nhân sự
        </Typography.Title>
        {me.data?.canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-person"
          >
            Thêm người
          </Button>
        ) : null}
      </Flex>
      <Flex gap={12} wrap>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          placeholder="Tìm theo họ tên (có hoặc không dấu)"
          style={{ width: 360 }}
          aria-label="Tìm người"
          data-testid="people-search"
        />
        <div style={{ width: 360 }}>
          <OrgSearchSelect
            names={names}
            value={within}
            onChange={(id) => {
              const next = new URLSearchParams(search);
              if (id) next.set("don-vi", String(id));
              else next.delete("don-vi");
              setSearch(next, { replace: true });
              setPage(1);
            }}
            placeholder="Trong đơn vị (tất cả)"
            aria-label="Trong đơn vị"
          />
        </div>
      </Flex>
      <ErrorAlert error={people.error} />
      <Table<PersonDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isFetching}
        onRow={(p) => ({ onClick: () => navigate(paths.person(p.id)), style: { cursor: "pointer" } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: people.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `${formatNumber(t)} người`,
        }}
      />
      {me.data?.canWrite ? <ImportCard orgId={within} /> : null}
      {adding ? (
        <PersonForm
          person={null}
          names={names}
          onClose={(saved) => {
            setAdding(false);
            if (saved) navigate(paths.person(saved.id));
          }}
        />
      ) : null}
    </Flex>
  );
}
