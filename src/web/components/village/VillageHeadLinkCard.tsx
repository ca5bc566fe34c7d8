/**
 * On a village branch's congress page: "Dân tin – Đảng cử" — who the village elected as head, and
 * whether the branch secretary elected at the congress is that village head.
 */
import { Card, Descriptions, Tag } from "antd";
import { Link } from "react-router";
import { formatDate } from "../../../domain/format/date.ts";
import { VILLAGE_STATUS_LABELS } from "../../../domain/village/index.ts";
import { useBranchVillageLink } from "../../api/village-elections.ts";
import { paths } from "../../paths.ts";

export function VillageHeadLinkCard({ orgId }: { orgId: number }) {
  const link = useBranchVillageLink(orgId, true);
  if (!link.data) return null;
  const v = link.data;
  const status = v.result?.status ?? "not-reported";
  return (
    <Card
      size="small"
      title="“Dân tin – Đảng cử”: bí thư chi bộ và trưởng thôn"
      data-testid="village-head-link"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "e",
            label: `Bầu trưởng ${v.village.kind} ngày ${formatDate(v.day.electionDate)}`,
            children: (
              <Link to={`${paths.villageRecord}?thon=${v.village.id}`}>
                {v.village.name}: {VILLAGE_STATUS_LABELS[status]}
                {v.result?.headName ? ` — ${v.result.headName}` : ""}
              </Link>
            ),
          },
          {
            key: "s",
            label: `Bí thư chi bộ (ngày ${formatDate(v.link.asOf)})`,
            children: v.link.secretaries.map((s) => s.name).join(", ") || "—",
          },
          {
            key: "same",
            label: "Bí thư chi bộ đồng thời là trưởng thôn",
            children: (
              <Tag
                color={v.link.secretaryIsHead ? "green" : "default"}
                data-testid="branch-secretary-is-head"
              >
                {v.link.secretaryIsHead ? "Có" : "Chưa"}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
