/** The columns every table of letters shares (register, dashboard, congress panel). */
import { type TableColumnsType, Typography } from "antd";
import { Link } from "react-router";
import { formatDate } from "../../../domain/format/date.ts";
import type { PetitionDto } from "../../api/petitions.ts";
import { paths } from "../../paths.ts";
import { PetitionStatusTag } from "./PetitionTags.tsx";

export function petitionColumns(): TableColumnsType<PetitionDto> {
  return [
    {
      title: "Số",
      key: "code",
      render: (_: unknown, p) => (
        <Link to={paths.petition(p.id)} data-testid="petition-link">
          {p.code}
        </Link>
      ),
    },
    { title: "Ngày nhận", key: "receivedOn", render: (_: unknown, p) => formatDate(p.receivedOn) },
    { title: "Loại", key: "kind", render: (_: unknown, p) => p.kindLabel },
    {
      title: "Nội dung",
      key: "summary",
      render: (_: unknown, p) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p.summary }} style={{ margin: 0, maxWidth: 360 }}>
          {p.summary}
        </Typography.Paragraph>
      ),
    },
    {
      title: "Người, tổ chức liên quan",
      key: "subjects",
      render: (_: unknown, p) => p.subjects.map((s) => s.personName ?? s.orgName).join("; ") || "—",
    },
    { title: "Đơn vị", key: "org", responsive: ["lg"], render: (_: unknown, p) => p.orgName },
    {
      title: "Thời hạn",
      key: "deadline",
      render: (_: unknown, p) => (p.deadline ? formatDate(p.deadline) : "—"),
    },
    {
      title: "Trạng thái",
      key: "status",
      // Always in view: pinned to the table's right edge when the other columns need scrolling
      // (at 1440 px the register cut it off).
      fixed: "right",
      render: (_: unknown, p) => <PetitionStatusTag status={p.status} overdueDays={p.overdueDays} />,
    },
  ];
}
