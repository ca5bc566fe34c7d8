/**
 * The rule-set settings of one election (Quyết định 190), read-only: the values in force, with the
 * ones this election sets differently from the defaults marked. The API accepts them per election
 * (docs/count-format.md, `settings`); this is where a clerk sees what the count will apply.
 */
import { Descriptions, Tag, Typography } from "antd";
import type { Party190Settings } from "../../../domain/election/index.ts";
import { effectiveSettings, settingRows } from "./ruleSettings.ts";

export function RuleSettingsPanel({ overrides }: { overrides: Record<string, unknown> | undefined }) {
  const s = effectiveSettings(overrides);
  const changed = new Set(Object.keys(overrides ?? {}));
  const related: Partial<Record<keyof Party190Settings, readonly string[]>> = {
    surplusCeilingPercent: ["surplusCeilingRounding"],
    conveningSurplusMinPercent: ["conveningSurplusMaxPercent"],
    smallBodyMaxSurplus: ["smallBodyMinSeats", "smallBodyMaxSeats"],
  };
  return (
    <div data-testid="rule-settings">
      <Typography.Title level={5}>
        Thiết lập quy chế bầu cử của cuộc bầu (Quyết định 190-QĐ/TW)
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
        {settingRows(s).map((r) => (
          <Descriptions.Item key={r.key} label={r.label}>
            {r.value}
            {(changed.has(r.key) || (related[r.key] ?? []).some((k) => changed.has(k))) && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                khác mặc định
              </Tag>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
