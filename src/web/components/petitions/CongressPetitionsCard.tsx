/**
 * The congress page's panel of open letters bearing on the congress: the list for petitions grants,
 * only the count for everyone else (no content leaves the server for them).
 */
import { MailOutlined } from "@ant-design/icons";
import { Button, Card, Table, Typography } from "antd";
import { Link } from "react-router";
import { formatNumber } from "../../../domain/format/number.ts";
import { type PetitionDto, useCongressPetitions } from "../../api/petitions.ts";
import { paths } from "../../paths.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { petitionColumns } from "./columns.tsx";

export function CongressPetitionsCard({ seasonId, orgId }: { seasonId: number; orgId: number }) {
  const q = useCongressPetitions(seasonId, orgId);
  const d = q.data;
  const title = d
    ? `Đơn thư đang giải quyết liên quan đại hội (${formatNumber(d.openCount)})`
    : "Đơn thư liên quan đại hội";
  return (
    <Card
      size="small"
      title={
        <span>
          <MailOutlined /> {title}
        </span>
      }
      data-testid="congress-petitions"
      extra={
        d?.items ? (
          <Link to={`${paths.petitionNew}?ky=${seasonId}&dv=${orgId}`}>
            <Button size="small" data-testid="congress-new-petition">
              Tiếp nhận đơn
            </Button>
          </Link>
        ) : null
      }
    >
      <ErrorAlert error={q.error} />
      {d && d.openCount === 0 && (
        <Typography.Text type="secondary" data-testid="congress-petitions-none">
          Không có đơn thư nào đang giải quyết liên quan đại hội này.
        </Typography.Text>
      )}
      {d && d.openCount > 0 && d.items === null && (
        <Typography.Text data-testid="congress-petitions-count">
          Có {formatNumber(d.openCount)} đơn thư đang giải quyết liên quan đại hội này. Nội dung chỉ cán bộ
          được giao giải quyết đơn thư xem được.
        </Typography.Text>
      )}
      {d?.items && d.items.length > 0 && (
        <Table<PetitionDto>
          size="small"
          rowKey="id"
          columns={petitionColumns()}
          dataSource={d.items}
          pagination={false}
          scroll={{ x: "max-content" }}
        />
      )}
    </Card>
  );
}
