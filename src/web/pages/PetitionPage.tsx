/**
 * One letter (đơn thư): registering it (/don-thu/moi, optionally for a congress: ?ky=&dv=),
 * and its page — facts, people concerned, triage, assignment, handling steps, conclusion, notice
 * to the sender, attachments, and letters that may be about the same matter. The forms are in
 * components/petitions/ (PetitionRegisterForm, PetitionActionForms).
 */

import { Alert, Breadcrumb, Card, Descriptions, Flex, Result, Skeleton, Timeline, Typography } from "antd";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import {
  CHANNEL_LABELS,
  COMPETENT_BODY_LABELS,
  CONCLUSION_LABELS,
  SENDER_IDENTITY_LABELS,
  SENDER_TYPE_LABELS,
} from "../../domain/complaints/types.ts";
import { formatDate } from "../../domain/format/date.ts";
import { isApiError, useMe } from "../api/index.ts";
import { usePetition } from "../api/petitions.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import {
  AssignForm,
  Attachments,
  ConcludeForm,
  NotifyForm,
  StepForm,
  TriageForm,
} from "../components/petitions/PetitionActionForms.tsx";
import { PetitionRegisterForm } from "../components/petitions/PetitionRegisterForm.tsx";
import { PetitionStatusTag } from "../components/petitions/PetitionTags.tsx";
import { paths } from "../paths.ts";

function PetitionView({ id }: { id: number }) {
  const q = usePetition(id);
  useEffect(() => {
    if (q.data) document.title = `Đơn ${q.data.code} — Đại Hội`;
  }, [q.data]);
  if (isApiError(q.error) && q.error.status === 404)
    return (
      <Result
        status="404"
        title="Không tìm thấy đơn thư"
        extra={<Link to={paths.petitions}>Về sổ theo dõi</Link>}
      />
    );
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;
  const open = p.status === "received" || p.status === "triaged" || p.status === "in_handling";
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="petition-title">
          Đơn {p.kindLabel.toLowerCase()} số {p.code}
        </Typography.Title>
        <PetitionStatusTag status={p.status} overdueDays={p.overdueDays} />
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Ngày nhận">{formatDate(p.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label="Nguồn">{CHANNEL_LABELS[p.channel]}</Descriptions.Item>
          <Descriptions.Item label="Người gửi">
            {SENDER_TYPE_LABELS[p.senderType]} — {SENDER_IDENTITY_LABELS[p.senderIdentity]}
            {p.senderName ? `: ${p.senderName}` : ""}
            {p.senderAddress ? `, ${p.senderAddress}` : ""}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị">{p.orgName}</Descriptions.Item>
          <Descriptions.Item label="Nội dung" span={2}>
            {p.summary}
          </Descriptions.Item>
          <Descriptions.Item label="Người, tổ chức liên quan" span={2}>
            {p.subjects.length === 0
              ? "—"
              : p.subjects.map((s, i) => (
                  <span key={`${s.personId}-${s.orgId}`}>
                    {i > 0 && "; "}
                    {s.personId ? <Link to={paths.person(s.personId)}>{s.personName}</Link> : s.orgName}
                  </span>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="Đại hội liên quan">
            {p.congressOrgId && p.congressSeasonId ? (
              <Link to={`${paths.congressRecord(p.congressOrgId)}?ky=${p.congressSeasonId}`}>
                {p.congressOrgName}
              </Link>
            ) : (
              "—"
            )}
            {p.congressOpensOn && ` (khai mạc ${formatDate(p.congressOpensOn)})`}
            {p.concernsPersonnel && " — liên quan nhân sự"}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan có thẩm quyền">
            {p.competentBody ? COMPETENT_BODY_LABELS[p.competentBody] : "—"}
          </Descriptions.Item>
          <Descriptions.Item label="Người xử lý">{p.assigneeName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn">
            {p.deadline ? `${formatDate(p.deadline)} (${p.deadlineRule ?? ""})` : "—"}
          </Descriptions.Item>
          {p.conclusion && (
            <Descriptions.Item label="Kết luận" span={2}>
              <span data-testid="petition-conclusion">
                {CONCLUSION_LABELS[p.conclusion]} ({formatDate(p.concludedOn ?? p.receivedOn)}):{" "}
                {p.conclusionText}
              </span>
            </Descriptions.Item>
          )}
          {p.noticeOn && (
            <Descriptions.Item label="Đã thông báo người gửi" span={2}>
              {formatDate(p.noticeOn)}: {p.noticeText}
            </Descriptions.Item>
          )}
          {p.duplicateOf && (
            <Descriptions.Item label="Cùng nội dung với" span={2}>
              <Link to={paths.petition(p.duplicateOf)}>đơn #{p.duplicateOf}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {p.status === "recorded_only" && (
        <Alert type="info" showIcon title="Đơn chỉ được lưu, không đưa vào xem xét giải quyết." />
      )}
      {(p.status === "received" || p.status === "triaged") && (
        <Card size="small" title="Phân loại">
          <TriageForm p={p} />
        </Card>
      )}
      {(p.status === "triaged" || p.status === "in_handling") && (
        <Card size="small" title="Giao xử lý">
          <AssignForm p={p} />
        </Card>
      )}
      <Card size="small" title="Các bước xử lý">
        <Timeline
          items={p.steps.map((s) => ({
            children: `${formatDate(s.on)} — ${s.description} (${s.byLabel})`,
          }))}
        />
        {p.steps.length === 0 && <Typography.Text type="secondary">Chưa có bước nào.</Typography.Text>}
        {open && p.status !== "received" && <StepForm p={p} />}
      </Card>
      {p.status === "in_handling" && (
        <Card size="small" title="Kết luận">
          <ConcludeForm p={p} />
        </Card>
      )}
      {p.status === "concluded" && (
        <Card size="small" title="Thông báo kết quả cho người gửi">
          <NotifyForm p={p} />
        </Card>
      )}
      <Card size="small" title="Tệp đính kèm">
        <Attachments p={p} />
      </Card>
    </Flex>
  );
}

export function PetitionPage() {
  const params = useParams();
  const me = useMe();
  const raw = Number(params.id);
  const isNew = params.id === undefined;
  // The breadcrumb names the letter by its register code (DT000001), never by its row id.
  const letter = usePetition(
    !isNew && Number.isInteger(raw) && raw > 0 && me.data?.canHandlePetitions ? raw : undefined,
  );
  if (me.data && !me.data.canHandlePetitions)
    return (
      <Result
        status="403"
        title="Bạn không có quyền xem đơn thư"
        subTitle="Chỉ cán bộ được giao giải quyết đơn thư và quản trị viên xem nội dung đơn."
        data-testid="petitions-forbidden"
      />
    );
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: "list", title: <Link to={paths.petitions}>Đơn thư</Link> },
          { key: "self", title: isNew ? "Tiếp nhận đơn" : `Đơn ${letter.data?.code ?? ""}`.trim() },
        ]}
      />
      {isNew ? (
        <PetitionRegisterForm />
      ) : Number.isInteger(raw) && raw > 0 ? (
        <PetitionView id={raw} />
      ) : (
        <Result status="404" title="Không tìm thấy đơn thư" />
      )}
    </>
  );
}
