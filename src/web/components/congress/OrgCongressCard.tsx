/** The organisation page's compact view of its congress in the newest season, with the way in. */
import { BarChartOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Skeleton, Typography } from "antd";
import { Link } from "react-router";
import { useCongress, useSeasons } from "../../api/index.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { congressTitle } from "../season/seasonText.ts";
import { formatDateRange } from "./CongressFacts.tsx";
import { CongressStatusTag } from "./CongressStatusTag.tsx";
import { newestFirst } from "./useCongressSearch.ts";

export function OrgCongressCard({ orgId }: { orgId: number }) {
  const seasons = useSeasons();
  const season = newestFirst(seasons.data ?? [])[0];
  const congress = useCongress(season?.id, orgId);
  if (seasons.data && !season) return null;
  const dto = congress.data;
  const c = dto?.congress ?? null;
  const query = season ? `?ky=${season.id}` : "";
  return (
    <Card
      size="small"
      title={congressTitle(season?.name)}
      data-testid="org-congress-card"
      extra={
        <Flex gap={8}>
          <Link to={`${paths.congressOrg(orgId)}${query}`}>
            <Button size="small" icon={<BarChartOutlined />}>
              Tiến độ
            </Button>
          </Link>
          {dto?.seasonLevel !== null && (
            <Link to={`${paths.congressRecord(orgId)}${query}`}>
              <Button
                size="small"
                type="primary"
                icon={<EditOutlined />}
                data-testid="org-congress-record-link"
              >
                Ghi nhận
              </Button>
            </Link>
          )}
        </Flex>
      }
    >
      <ErrorAlert error={seasons.error ?? congress.error} />
      {!dto && !congress.error && <Skeleton active paragraph={{ rows: 1 }} />}
      {dto && dto.seasonLevel === null && (
        <Typography.Text type="secondary">Cấp này không tổ chức đại hội trong nhiệm kỳ.</Typography.Text>
      )}
      {dto && dto.seasonLevel !== null && (
        <Flex gap={12} wrap align="center">
          <CongressStatusTag status={c?.status} />
          {c && (
            <Typography.Text>
              {c.actualStart
                ? `Tổ chức ${formatDateRange(c.actualStart, c.actualEnd)}`
                : `Dự kiến ${formatDateRange(c.plannedStart, c.plannedEnd)}`}
              {c.confirmation && `; chuẩn y theo Quyết định ${c.confirmation.decisionNumber}`}
            </Typography.Text>
          )}
          {dto.warnings.length > 0 && (
            <Typography.Text type="warning">{dto.warnings.length} lưu ý</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
