/**
 * Users and their grants: administrators see everyone; an officer sees the users whose grants lie in
 * their subtrees. One-time passwords (new user, reset) are shown once in a dialog.
 */
import { KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import {
  errorMessage,
  type GrantBody,
  type UserDto,
  useAddGrant,
  useCreateUser,
  useMe,
  useRemoveGrant,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useHierarchyNames } from "../components/hierarchy.tsx";
import { OrgSearchSelect } from "../components/OrgSearchSelect.tsx";

const ROLE_OPTIONS = [
  { value: "officer", label: "Cán bộ tổ chức" },
  { value: "viewer", label: "Chỉ xem" },
  { value: "counting_member", label: "Thành viên ban kiểm phiếu" },
  { value: "admin", label: "Quản trị" },
] as const;

function GrantFields({ isAdmin }: { isAdmin: boolean }) {
  const names = useHierarchyNames();
  const canGrantPetitions = useMe().data?.canHandlePetitions ?? false;
  return (
    <>
      <Form.Item label="Quyền" name="role" rules={[{ required: true, message: "Chọn quyền" }]}>
        <Select
          data-testid="grant-role"
          options={ROLE_OPTIONS.filter((o) => isAdmin || o.value !== "admin").map((o) => ({ ...o }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
        {({ getFieldValue }) =>
          getFieldValue("role") !== "admin" && (
            <Form.Item
              label="Đơn vị (cả các đơn vị trực thuộc)"
              name="orgId"
              rules={[{ required: true, message: "Chọn đơn vị" }]}
            >
              <OrgSearchSelect names={names} placeholder="Gõ tên đơn vị" data-testid="grant-org" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
        {({ getFieldValue }) =>
          getFieldValue("role") === "officer" &&
          canGrantPetitions && (
            <Form.Item name="petitions" valuePropName="checked">
              <Checkbox data-testid="grant-petitions">Kèm quyền xem và giải quyết đơn thư</Checkbox>
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

function toGrant(v: { role: GrantBody["role"]; orgId?: number; petitions?: boolean }): GrantBody {
  if (v.role === "admin") return { role: "admin", orgId: null };
  return {
    role: v.role,
    orgId: v.orgId ?? null,
    ...(v.role === "officer" && v.petitions ? { petitions: true } : {}),
  };
}

export function UsersPage() {
  const me = useMe();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const addGrant = useAddGrant();
  const removeGrant = useRemoveGrant();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserDto | null>(null);
  const isAdmin = me.data?.isAdmin ?? false;

  const showPassword = (username: string, password: string) =>
    modal.info({
      title: "Mật khẩu dùng một lần",
      content: (
        <>
          <p>
            Tài khoản <b>{username}</b>. Mật khẩu chỉ hiện một lần; người dùng phải đổi khi đăng nhập:
          </p>
          <Typography.Text code copyable data-testid="one-time-password">
            {password}
          </Typography.Text>
        </>
      ),
    });
  const onError = (e: unknown) => message.error(errorMessage(e));

  if (users.error) return <ErrorAlert error={users.error} />;
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>Người dùng và phân quyền</Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="user-create"
        >
          Thêm người dùng
        </Button>
      </Flex>
      <Table<UserDto>
        data-testid="users-table"
        rowKey="id"
        size="small"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 30, showSizeChanger: false }}
        columns={[
          { title: "Tên đăng nhập", dataIndex: "username" },
          { title: "Họ tên", dataIndex: "displayName" },
          {
            title: "Quyền",
            key: "grants",
            render: (_, u) => (
              <Flex gap={4} wrap>
                {u.grants.map((g) => (
                  <Tag
                    key={g.id}
                    color={g.role === "admin" ? "red" : g.role === "officer" ? "blue" : "default"}
                    closable
                    onClose={(e) => {
                      e.preventDefault();
                      removeGrant.mutate({ userId: u.id, grantId: g.id }, { onError });
                    }}
                  >
                    {g.roleName}
                    {g.orgName ? ` — ${g.orgName}` : ""}
                    {g.petitions ? " · đơn thư" : ""}
                  </Tag>
                ))}
                <Button size="small" type="dashed" onClick={() => setGranting(u)}>
                  + Cấp quyền
                </Button>
              </Flex>
            ),
          },
          {
            title: "Trạng thái",
            key: "state",
            render: (_, u) =>
              u.disabled ? (
                <Tag color="error">Đã khóa</Tag>
              ) : u.mustChangePassword ? (
                <Tag color="warning">Chờ đổi mật khẩu</Tag>
              ) : (
                <Tag color="success">Hoạt động</Tag>
              ),
          },
          {
            title: "",
            key: "actions",
            render: (_, u) => (
              <Flex gap={4}>
                <Popconfirm
                  title="Đặt lại mật khẩu? Các phiên đang mở của người này sẽ kết thúc."
                  onConfirm={() =>
                    reset.mutate(u.id, {
                      onSuccess: (r) => showPassword(r.user.username, r.password),
                      onError,
                    })
                  }
                >
                  <Button size="small" icon={<KeyOutlined />}>
                    Đặt lại mật khẩu
                  </Button>
                </Popconfirm>
                <Button
                  size="small"
                  icon={u.disabled ? <UnlockOutlined /> : <LockOutlined />}
                  onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabled } }, { onError })}
                >
                  {u.disabled ? "Mở khóa" : "Khóa"}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {creating && (
        <Modal open title="Thêm người dùng" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
          <Form
            layout="vertical"
            onFinish={(v: {
              username: string;
              displayName: string;
              role: GrantBody["role"];
              orgId?: number;
              petitions?: boolean;
            }) =>
              create.mutate(
                { username: v.username, displayName: v.displayName, grants: [toGrant(v)] },
                {
                  onSuccess: (r) => {
                    setCreating(false);
                    showPassword(r.user.username, r.password);
                  },
                  onError,
                },
              )
            }
          >
            <Form.Item
              label="Tên đăng nhập"
              name="username"
              rules={[{ required: true, message: "Nhập tên đăng nhập" }]}
            >
              <Input data-testid="user-username" />
            </Form.Item>
            <Form.Item label="Họ tên" name="displayName" rules={[{ required: true, message: "Nhập họ tên" }]}>
              <Input data-testid="user-display-name" />
            </Form.Item>
            <GrantFields isAdmin={isAdmin} />
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              Tạo
            </Button>
          </Form>
        </Modal>
      )}
      {granting && (
        <Modal
          open
          title={`Cấp quyền cho ${granting.username}`}
          footer={null}
          onCancel={() => setGranting(null)}
          destroyOnHidden
        >
          <Form
            layout="vertical"
            onFinish={(v: { role: GrantBody["role"]; orgId?: number; petitions?: boolean }) =>
              addGrant.mutate(
                { userId: granting.id, body: toGrant(v) },
                { onSuccess: () => setGranting(null), onError },
              )
            }
          >
            <GrantFields isAdmin={isAdmin} />
            <Button type="primary" htmlType="submit" loading={addGrant.isPending}>
              Cấp quyền
            </Button>
          </Form>
        </Modal>
      )}
    </>
  );
}
