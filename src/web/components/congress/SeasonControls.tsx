/** Season and "as of" pickers shared by the congress screens; both write to the URL. */
import { DatePicker, Flex, Select, Typography } from "antd";
import dayjs from "dayjs";
import type { CongressSearch } from "./useCongressSearch.ts";

export function SeasonControls({ search, showDate = true }: { search: CongressSearch; showDate?: boolean }) {
  return (
    <Flex gap={12} wrap align="center" data-testid="season-controls">
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">Nhiệm kỳ</Typography.Text>
        <Select
          data-testid="season-select"
          style={{ minWidth: 260 }}
          loading={search.seasonsLoading}
          value={search.season?.id}
          placeholder="Chọn nhiệm kỳ đại hội"
          options={search.seasons.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id: number) => search.update({ ky: id, cap: null, loai: null })}
        />
      </Flex>
      {showDate && (
        <Flex gap={6} align="center" data-testid="as-of-picker">
          <Typography.Text type="secondary">Tính đến ngày</Typography.Text>
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            value={dayjs(search.asOf)}
            onChange={(d) => d && search.update({ ngay: d.format("YYYY-MM-DD") })}
          />
        </Flex>
      )}
    </Flex>
  );
}
