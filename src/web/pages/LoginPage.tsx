import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useNavigate, useSearchParams } from "react-router";
import { errorMessage, useLogin } from "../api/index.ts";
import { paths } from "../paths.ts";

/** Only same-site paths are followed after login (never an absolute URL from the query string). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith(paths.login)
    ? next
    : paths.orgTree;
}

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <Flex justify="center" align="center" style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          Đại Hội — Ban Tổ chức Tỉnh ủy
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          Đăng nhập để tiếp tục
        </Typography.Paragraph>
        {login.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={errorMessage(login.error)}
            data-testid="login-error"
          />
        )}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { username: string; password: string }) =>
            login.mutate(v, {
              onSuccess: (me) =>
                navigate(me.mustChangePassword ? paths.changePassword : safeNext(search.get("next")), {
                  replace: true,
                }),
            })
          }
        >
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, message: "Nhập tên đăng nhập" }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: "Nhập mật khẩu" }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
