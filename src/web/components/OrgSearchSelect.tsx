import { Flex, Select, Typography } from "antd";
import { useState } from "react";
import { type OrgSearchItem, useOrgSearchInLevels } from "../api/index.ts";
import type { HierarchyNames } from "./hierarchy.tsx";
import { useDebouncedValue } from "./useDebouncedValue.ts";

export interface OrgSearchSelectProps {
  readonly value?: number | undefined;
  readonly onChange?: ((id: number | undefined) => void) | undefined;
  readonly names: HierarchyNames;
  /** Only organisations of these levels are offered (e.g. the levels allowed as a new parent). */
  readonly levels?: readonly string[] | undefined;
  /** Organisations never offered (e.g. the one being moved, its current parent). */
  readonly excludeIds?: readonly number[] | undefined;
  readonly placeholder?: string;
  readonly "data-testid"?: string;
  readonly "aria-label"?: string;
}

/** A select that searches organisations on the server as the user types (without diacritics too). */
export function OrgSearchSelect(props: OrgSearchSelectProps) {
  const { names, levels, excludeIds = [] } = props;
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const search = useOrgSearchInLevels({ q, limit: 20 }, levels, { enabled: q.length > 0 });
  const items = search.items.filter((item) => !excludeIds.includes(item.id) && !item.dissolvedOn);
  const [selected, setSelected] = useState<OrgSearchItem>();

  const options = items.map((item) => ({ value: item.id, label: item.name, item }));
  // Keep the chosen organisation visible while the user types a new search.
  if (selected && selected.id === props.value && !options.some((o) => o.value === selected.id)) {
    options.unshift({ value: selected.id, label: selected.name, item: selected });
  }

  return (
    <Select<number, (typeof options)[number]>
      value={props.value}
      onChange={(id, option) => {
        setSelected(Array.isArray(option) ? undefined : option?.item);
        props.onChange?.(id);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={props.placeholder ?? "Gõ tên đơn vị để tìm"}
      notFoundContent={
        q.length === 0 ? "Gõ tên đơn vị để tìm" : search.isFetching ? "Đang tìm…" : "Không có đơn vị phù hợp"
      }
      loading={search.isFetching}
      options={options}
      optionRender={(option) => {
        const item = option.data.item;
        const path = item.pathNames.at(-1) === item.name ? item.pathNames.slice(0, -1) : item.pathNames;
        return (
          <Flex vertical>
            <span>
              {item.name} <Typography.Text type="secondary">({names.levelName(item.level)})</Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {path.join(" › ")}
            </Typography.Text>
          </Flex>
        );
      }}
      data-testid={props["data-testid"]}
      aria-label={props["aria-label"]}
      style={{ width: "100%" }}
    />
  );
}
