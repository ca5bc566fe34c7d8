import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
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
    // Plain boxes rather than antd's Card, Flex and Typography: the first page a user downloads,
    // on a provincial network; Card alone brings Tabs, Dropdown and Menu (issue 19, ≤ 250 KB).
    <main
      style={{
        display: "flex",
        justifyContent: "center",
        alignItems: "center",
        minHeight: "100vh",
        background: "#f5f5f5",
      }}
    >
      <section
        style={{
          width: 380,
          padding: 24,
          background: "#fff",
          borderRadius: 8,
          border: "1px solid #f0f0f0",
        }}
      >
        <h1 style={{ textAlign: "center", fontSize: 24, fontWeight: 600, margin: "0 0 12px" }}>
          Đại Hội — Ban Tổ chức Tỉnh ủy
        </h1>
        <p style={{ textAlign: "center", color: "rgba(0,0,0,0.45)", margin: "0 0 16px" }}>
          Đăng nhập để tiếp tục
        </p>
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
      </section>
    </main>
  );
}
