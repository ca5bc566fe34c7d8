/**
 * The organisation tree: lazily loaded (children are fetched when a node is opened, never the whole
 * province), virtually scrolled, with a diacritics-insensitive search and level/kind/sector filters.
 */

import { useQueries, useQueryClient } from "@tanstack/react-query";
import {
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Flex,
  Input,
  List,
  Row,
  Select,
  Skeleton,
  Tree,
  type TreeDataNode,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { formatNumber } from "../../domain/format/number.ts";
import { sectorCodeOf } from "../../domain/organisation/kinds.ts";
import {
  fetchOrgChildren,
  type OrgNode,
  type OrgSearchItem,
  orgChildrenQuery,
  useOrgRoots,
  useOrgSearch,
  useToday,
} from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { type HierarchyNames, LevelTag, useHierarchyNames } from "../components/hierarchy.tsx";
import { useDebouncedValue } from "../components/useDebouncedValue.ts";
import { paths } from "../paths.ts";

const SEARCH_PAGE_SIZE = 20;
const EXPANDED_STORAGE_KEY = "daihoi.orgTree.expanded";

interface OrgTreeNode extends TreeDataNode {
  readonly org: OrgNode;
}

/** Open nodes survive a visit to an organisation's page and back (per browser tab). */
function useExpandedKeys(): [string[], (keys: string[]) => void] {
  const [keys, setKeys] = useState<string[]>(() => {
    try {
      const stored = JSON.parse(sessionStorage.getItem(EXPANDED_STORAGE_KEY) ?? "[]");
      return Array.isArray(stored) ? stored.map(String) : [];
    } catch {
      return [];
    }
  });
  const update = useCallback((next: string[]) => {
    setKeys(next);
    sessionStorage.setItem(EXPANDED_STORAGE_KEY, JSON.stringify(next));
  }, []);
  return [keys, update];
}

/** Tall enough to fill the window: the tree scrolls inside itself (virtual list). */
const treeHeightFor = (windowHeight: number) => Math.max(360, windowHeight - 260);

function useTreeHeight(): number {
  const compute = () => treeHeightFor(window.innerHeight);
  const [height, setHeight] = useState(compute);
  useEffect(() => {
    const onResize = () => setHeight(treeHeightFor(window.innerHeight));
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return height;
}

function OrgTitle({ org, names }: { org: OrgNode; names: HierarchyNames }) {
  return (
    <span
      data-testid="org-tree-node"
      data-org-id={org.id}
      data-parent-id={org.parentId ?? ""}
      style={{ display: "inline-flex", alignItems: "center", gap: 8, whiteSpace: "nowrap" }}
    >
      <span data-testid="org-tree-node-name">{org.name}</span>
      {org.descendantCount > 0 && (
        <Typography.Text type="secondary" data-testid="org-tree-node-count">
          · {formatNumber(org.descendantCount)}
        </Typography.Text>
      )}
      <LevelTag level={org.level} names={names} />
      {org.dissolvedOn && <Typography.Text type="danger">(đã giải thể)</Typography.Text>}
    </span>
  );
}

function OrgTreeCard({ names, asOf }: { names: HierarchyNames; asOf: string | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roots = useOrgRoots(asOf);
  const [expandedKeys, setExpandedKeys] = useExpandedKeys();
  const height = useTreeHeight();

  // The children of every open node come from the query cache: a write elsewhere invalidates
  // ["orgs"] and the open branches refresh themselves.
  const expandedIds = useMemo(() => expandedKeys.map(Number).filter(Number.isInteger), [expandedKeys]);
  const childQueries = useQueries({ queries: expandedIds.map((id) => orgChildrenQuery(id, asOf)) });
  const childrenById = new Map<number, OrgNode[]>();
  expandedIds.forEach((id, i) => {
    const data = childQueries[i]?.data;
    if (data) childrenById.set(id, data);
  });
  const childError = childQueries.find((q) => q.error)?.error;

  const toTreeNode = (org: OrgNode): OrgTreeNode => {
    const children = childrenById.get(org.id);
    return {
      key: String(org.id),
      org,
      title: <OrgTitle org={org} names={names} />,
      isLeaf: org.childCount === 0,
      ...(children ? { children: children.map(toTreeNode) } : {}),
    };
  };
  const treeData = (roots.data ?? []).map(toTreeNode);

  if (roots.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (roots.error) return <ErrorAlert error={roots.error} />;
  if (treeData.length === 0) return <Empty description="Chưa có tổ chức nào. Hãy nhập dữ liệu." />;

  return (
    <>
      <ErrorAlert error={childError} />
      <section data-testid="org-tree" data-as-of={asOf ?? ""} aria-label="Cây tổ chức đảng">
        <Tree<OrgTreeNode>
          treeData={treeData}
          height={height}
          virtual
          blockNode
          expandedKeys={expandedKeys}
          selectedKeys={[]}
          onExpand={(keys) => setExpandedKeys(keys.map(String))}
          loadData={async (node) => {
            await fetchOrgChildren(queryClient, node.org.id, asOf);
          }}
          onSelect={(_keys, info) => navigate(paths.org(info.node.org.id))}
        />
      </section>
    </>
  );
}

function SearchResult({ item, names }: { item: OrgSearchItem; names: HierarchyNames }) {
  // pathNames runs from the top of the tree; the organisation itself is shown as the title.
  const path = item.pathNames.at(-1) === item.name ? item.pathNames.slice(0, -1) : item.pathNames;
  return (
    <List.Item>
      <div data-testid="org-search-result" data-org-id={item.id} style={{ minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Link to={paths.org(item.id)} data-testid="org-search-result-link">
            {item.name}
          </Link>
          <LevelTag level={item.level} names={names} />
          {item.dissolvedOn && <Typography.Text type="danger">(đã giải thể)</Typography.Text>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="org-search-result-path">
          {path.length > 0 ? path.join(" › ") : "Cấp cao nhất"}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

function OrgSearchCard({ names }: { names: HierarchyNames }) {
  const [text, setText] = useState("");
  const [level, setLevel] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [sectorText, setSectorText] = useState("");
  const [includeDissolved, setIncludeDissolved] = useState(false);
  const [page, setPage] = useState(1);

  const q = useDebouncedValue(text.trim(), 300);
  const sector = useDebouncedValue(sectorText.trim(), 300);
  const active = q.length > 0 || Boolean(level) || Boolean(kind) || sector.length > 0;

  // A new question starts again from its first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are the trigger, not read.
  useEffect(() => setPage(1), [q, level, kind, sector, includeDissolved]);

  const search = useOrgSearch(
    {
      q: q || undefined,
      level,
      kind,
      sector: sector ? sectorCodeOf(sector) : undefined,
      includeDissolved: includeDissolved || undefined,
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
    },
    { enabled: active },
  );

  return (
    <Card title="Tìm đơn vị" size="small">
      <Flex vertical gap={8}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Tìm đơn vị (gõ không dấu cũng được)"
          aria-label="Tìm đơn vị"
          data-testid="org-search-input"
          loading={active && search.isFetching}
        />
        <Flex gap={8} wrap>
          <Select
            allowClear
            placeholder="Cấp"
            aria-label="Lọc theo cấp"
            data-testid="org-filter-level"
            style={{ minWidth: 180, flex: 1 }}
            value={level}
            onChange={setLevel}
            options={names.levels.map((l) => ({ value: l.code, label: l.name }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="Loại hình"
            aria-label="Lọc theo loại hình"
            data-testid="org-filter-kind"
            style={{ minWidth: 160, flex: 1 }}
            value={kind}
            onChange={setKind}
            options={names.kinds.map((k) => ({ value: k.code, label: k.name }))}
          />
          <Input
            allowClear
            placeholder="Ngành (ví dụ: Than)"
            aria-label="Lọc theo ngành"
            data-testid="org-filter-sector"
            style={{ minWidth: 140, flex: 1 }}
            value={sectorText}
            onChange={(e) => setSectorText(e.target.value)}
          />
        </Flex>
        <Checkbox checked={includeDissolved} onChange={(e) => setIncludeDissolved(e.target.checked)}>
          Gồm cả đơn vị đã giải thể
        </Checkbox>
        <ErrorAlert error={search.error} />
        {!active ? (
          <Typography.Text type="secondary">
            Gõ tên đơn vị hoặc chọn bộ lọc. Có thể gõ không dấu: "hong gai" tìm được "Phường Hồng Gai".
          </Typography.Text>
        ) : (
          <List<OrgSearchItem>
            data-testid="org-search-results"
            size="small"
            loading={search.isLoading}
            dataSource={search.data?.items ?? []}
            locale={{ emptyText: "Không tìm thấy đơn vị nào" }}
            header={
              search.data && (
                <Typography.Text type="secondary" data-testid="org-search-total">
                  Tìm thấy {formatNumber(search.data.total)} đơn vị
                </Typography.Text>
              )
            }
            renderItem={(item) => <SearchResult item={item} names={names} />}
            pagination={
              (search.data?.total ?? 0) > SEARCH_PAGE_SIZE && {
                current: page,
                pageSize: SEARCH_PAGE_SIZE,
                total: search.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
                size: "small",
              }
            }
          />
        )}
      </Flex>
    </Card>
  );
}

export function OrgTreePage() {
  const names = useHierarchyNames();
  // The tree as it stood on a day (default today): a 2020 report's tree, or today's after a reform.
  const today = useToday();
  const [day, setDay] = useState<Dayjs | null>(null);
  const asOf = day && !day.isSame(today, "day") ? day.format("YYYY-MM-DD") : undefined;
  useEffect(() => {
    document.title = "Tổ chức đảng — Đại Hội";
  }, []);
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Tổ chức đảng
      </Typography.Title>
      <ErrorAlert error={names.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title="Cây tổ chức"
            size="small"
            extra={
              <Flex gap={8} align="center" wrap>
                <Typography.Text type="secondary">Tại ngày</Typography.Text>
                <DatePicker
                  value={day}
                  onChange={setDay}
                  format="DD/MM/YYYY"
                  placeholder="Hôm nay"
                  allowClear
                  disabledDate={(d) => d.isAfter(today, "day")}
                  aria-label="Xem cây tổ chức tại ngày"
                  data-testid="org-tree-as-of"
                />
              </Flex>
            }
          >
            {asOf && (
              <Typography.Paragraph type="secondary" data-testid="org-tree-as-of-note">
                Cây tổ chức như tại ngày {day?.format("DD/MM/YYYY")}. Bấm vào tên để mở.
              </Typography.Paragraph>
            )}
            <OrgTreeCard names={names} asOf={asOf} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <OrgSearchCard names={names} />
        </Col>
      </Row>
    </>
  );
}
