/** Several people from the register, searched on the server as the user types (without diacritics too). */
import { Select } from "antd";
import { useState } from "react";
import { usePeopleSearch } from "../../api/people.ts";
import { useDebouncedValue } from "../useDebouncedValue.ts";

export function PersonSearchSelect(props: {
  readonly value?: number[] | undefined;
  readonly onChange?: ((ids: number[]) => void) | undefined;
  readonly "data-testid"?: string;
}) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const search = usePeopleSearch({ q: q || undefined, limit: 20 });
  const [known, setKnown] = useState(new Map<number, string>());
  const items = q ? (search.data?.items ?? []) : [];
  const options = items.map((p) => ({
    value: p.id,
    label: `${p.fullName} (${p.birthDate.slice(0, 4)}${p.posts[0] ? ` — ${p.posts[0].kindLabel}, ${p.posts[0].placeName ?? ""}` : ""})`,
  }));
  for (const id of props.value ?? [])
    if (!options.some((o) => o.value === id))
      options.unshift({ value: id, label: known.get(id) ?? `#${id}` });
  return (
    <Select<number[]>
      mode="multiple"
      value={props.value ?? []}
      onChange={(ids, chosen) => {
        const next = new Map(known);
        for (const o of Array.isArray(chosen) ? chosen : [])
          if (o?.value) next.set(Number(o.value), String(o.label));
        setKnown(next);
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder="Gõ họ tên để tìm trong nhân sự"
      notFoundContent={q ? (search.isFetching ? "Đang tìm…" : "Không có người phù hợp") : "Gõ họ tên để tìm"}
      options={options}
      data-testid={props["data-testid"]}
      style={{ width: "100%" }}
    />
  );
}
