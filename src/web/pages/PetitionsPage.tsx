/**
 * Đơn thư: the register of letters with filters and the .xlsx export, the dashboard (open /
 * settled by kind and organisation, overdue, about personnel of upcoming congresses) and the
 * settings. Only petitions grants (and administrators) read letters; others are told so.
 */
import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Statistic,
  Switch,
  Table,
  Tabs,
  Typography,
} from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import {
  PETITION_KIND_LABELS,
  PETITION_KINDS,
  PETITION_STATUS_LABELS,
  PETITION_STATUSES,
} from "../../domain/complaints/types.ts";
import { formatNumber } from "../../domain/format/number.ts";
import { useMe } from "../api/index.ts";
import {
  type PetitionDto,
  type PetitionListParams,
  type PetitionSettingsDto,
  petitionsExportUrl,
  usePetitionDashboard,
  usePetitionSettings,
  usePetitions,
  useUpdatePetitionSettings,
} from "../api/petitions.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";
import { petitionColumns } from "../components/petitions/columns.tsx";
import { paths } from "../paths.ts";

const PetitionsChart = lazy(() => import("../components/petitions/PetitionsChart.tsx"));

function RegisterTab() {
  const [sp, setSp] = useSearchParams();
  const names = useHierarchyNames();
  const num = (k: string) => (sp.get(k) ? Number(sp.get(k)) : undefined);
  const params: PetitionListParams = {
    orgId: num("dv"),
    status: sp.get("trangthai") ?? undefined,
    kind: sp.get("loai") ?? undefined,
    overdue: sp.get("quahan") === "1",
    q: sp.get("q") ?? undefined,
    limit: 50,
    offset: ((num("trang") ?? 1) - 1) * 50,
  };
  const set = (k: string, v: string | number | undefined | null) => {
    const next = new URLSearchParams(sp);
    if (v === undefined || v === null || v === "") next.delete(k);
    else next.set(k, String(v));
    if (k !== "trang") next.delete("trang");
    setSp(next, { replace: true });
  };
  const list = usePetitions(params);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <div style={{ width: 280 }}>
          <OrgSearchSelect
            names={names}
            value={params.orgId}
            onChange={(id) => set("dv", id)}
            placeholder="Trong đơn vị (tất cả)"
          />
        </div>
        <Select
          allowClear
          placeholder="Trạng thái"
          style={{ width: 200 }}
          value={params.status}
          onChange={(v) => set("trangthai", v)}
          options={[
            { value: "open", label: "Chưa giải quyết xong" },
            { value: "settled", label: "Đã giải quyết" },
            ...PETITION_STATUSES.map((s) => ({ value: s, label: PETITION_STATUS_LABELS[s] })),
          ]}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder="Loại đơn"
          style={{ width: 150 }}
          value={params.kind}
          onChange={(v) => set("loai", v)}
          options={PETITION_KINDS.map((k) => ({ value: k, label: PETITION_KIND_LABELS[k] }))}
        />
        <Flex align="center" gap={4}>
          <Switch size="small" checked={params.overdue} onChange={(v) => set("quahan", v ? "1" : null)} />
          Quá hạn
        </Flex>
        <Input.Search
          allowClear
          placeholder="Tìm theo số, nội dung"
          style={{ width: 240 }}
          defaultValue={params.q}
          onSearch={(v) => set("q", v)}
        />
        <a href={petitionsExportUrl(params)} download>
          <Button icon={<DownloadOutlined />} data-testid="export-petitions">
            Xuất Excel
          </Button>
        </a>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<PetitionDto>
        data-testid="petitions-table"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        columns={petitionColumns()}
        dataSource={list.data?.items ?? []}
        pagination={{
          total: list.data?.total ?? 0,
          pageSize: 50,
          current: num("trang") ?? 1,
          showSizeChanger: false,
          showTotal: (t) => `${formatNumber(t)} đơn`,
          onChange: (page) => set("trang", page),
        }}
        scroll={{ x: "max-content" }}
      />
    </Flex>
  );
}

function DashboardTab() {
  const names = useHierarchyNames();
  const [orgId, setOrgId] = useState<number>();
  const d = usePetitionDashboard(orgId);
  const data = d.data;
  return (
    <Flex vertical gap={16}>
      <div style={{ width: 320 }}>
        <OrgSearchSelect
          names={names}
          value={orgId}
          onChange={setOrgId}
          placeholder="Đơn vị (toàn phạm vi)"
        />
      </div>
      <ErrorAlert error={d.error} />
      {data && (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ["Tổng số đơn", data.total.all],
                ["Chưa giải quyết xong", data.total.open],
                ["Đã giải quyết", data.total.settled],
                ["Chỉ lưu, không xử lý", data.total.recordedOnly],
                ["Quá hạn", data.total.overdue],
                ["Liên quan nhân sự đại hội sắp tới", data.personnelUpcoming],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={title} value={value} formatter={(v) => formatNumber(Number(v))} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title="Theo loại đơn">
                <Suspense fallback={null}>
                  <PetitionsChart rows={data.byKind.map((k) => ({ ...k, name: k.label }))} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="Theo đơn vị">
                <Suspense fallback={null}>
                  <PetitionsChart rows={data.byOrg.map((o) => ({ ...o, name: o.orgName }))} />
                </Suspense>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`Đơn quá hạn (${formatNumber(data.overdue.length)})`}>
            <Table<PetitionDto>
              size="small"
              rowKey="id"
              columns={petitionColumns()}
              dataSource={data.overdue}
              pagination={data.overdue.length > 20 && { pageSize: 20 }}
              scroll={{ x: "max-content" }}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

function SettingsTab({ isAdmin }: { isAdmin: boolean }) {
  const settings = usePetitionSettings();
  const update = useUpdatePetitionSettings();
  const [form] = Form.useForm<PetitionSettingsDto>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      <ErrorAlert error={settings.error ?? update.error} />
      <Form<PetitionSettingsDto>
        form={form}
        layout="vertical"
        disabled={!isAdmin}
        onFinish={(v) => update.mutate(v)}
        data-testid="petition-settings"
      >
        <Form.Item
          name="recordOnlyUnidentifiedDenunciations"
          label="Đơn tố cáo nặc danh, mạo danh chỉ lưu, không xem xét giải quyết"
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="personnelLeadDays"
          label="Đơn liên quan nhân sự đại hội: giải quyết xong trước ngày khai mạc (ngày)"
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={365} />
        </Form.Item>
        <Typography.Text strong>Thời hạn giải quyết kể từ ngày nhận (ngày)</Typography.Text>
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          {PETITION_KINDS.map((k) => (
            <Form.Item
              key={k}
              name={["handlingDays", k]}
              label={PETITION_KIND_LABELS[k]}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={365} />
            </Form.Item>
          ))}
        </Flex>
        {isAdmin ? (
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            Lưu cài đặt
          </Button>
        ) : (
          <Typography.Text type="secondary">Chỉ quản trị viên thay đổi cài đặt.</Typography.Text>
        )}
        {update.isSuccess && <Typography.Text type="success"> Đã lưu (ghi nhật ký).</Typography.Text>}
      </Form>
    </Card>
  );
}

export function PetitionsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  useEffect(() => {
    document.title = "Đơn thư — Đại Hội";
  }, []);
  if (me.data && !me.data.canHandlePetitions)
    return (
      <Result
        status="403"
        title="Đơn thư"
        subTitle="Chỉ cán bộ được giao giải quyết đơn thư (quyền có đánh dấu “đơn thư”) và quản trị viên xem nội dung đơn thư. Trang đại hội cho biết số đơn đang giải quyết liên quan mỗi đại hội."
        data-testid="petitions-forbidden"
      />
    );
  const tab = sp.get("tab") ?? "so";
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Đơn thư
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate(paths.petitionNew)}
          data-testid="new-petition"
        >
          Tiếp nhận đơn
        </Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp({ tab: k }, { replace: true })}
        items={[
          { key: "so", label: "Sổ theo dõi", children: <RegisterTab /> },
          { key: "tong-hop", label: "Tổng hợp", children: <DashboardTab /> },
          { key: "cai-dat", label: "Cài đặt", children: <SettingsTab isAdmin={me.data?.isAdmin ?? false} /> },
        ]}
      />
    </>
  );
}
