import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate } from "react-router";
import { errorMessage, isApiError, useChangePassword, useMe } from "../api/index.ts";
import { paths } from "../paths.ts";

export function ChangePasswordPage() {
  const me = useMe();
  const change = useChangePassword();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const problems =
    isApiError(change.error) && change.error.code === "WEAK_PASSWORD"
      ? ((change.error.details as { problems?: string[] })?.problems ?? [])
      : [];
  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={3}>Đổi mật khẩu</Typography.Title>
      {me.data?.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="Bạn cần đổi mật khẩu dùng một lần trước khi làm việc."
          data-testid="must-change-password"
        />
      )}
      {change.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={problems.length > 0 ? "Mật khẩu chưa đủ mạnh" : errorMessage(change.error)}
          description={problems.length > 0 ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
        />
      )}
      <Form
        layout="vertical"
        onFinish={(v: { currentPassword: string; newPassword: string }) =>
          change.mutate(
            { currentPassword: v.currentPassword, newPassword: v.newPassword },
            {
              onSuccess: () => {
                message.success("Đã đổi mật khẩu");
                navigate(paths.orgTree, { replace: true });
              },
            },
          )
        }
      >
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: "Nhập mật khẩu hiện tại" }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra="Ít nhất 10 ký tự, có cả chữ và số, không chứa tên đăng nhập."
          rules={[{ required: true, message: "Nhập mật khẩu mới" }]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "Nhập lại mật khẩu mới" },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue("newPassword") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error("Hai mật khẩu mới không khớp")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={change.isPending}
          data-testid="change-password-submit"
        >
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
