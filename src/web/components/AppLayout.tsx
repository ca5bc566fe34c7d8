import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FlagOutlined,
  HistoryOutlined,
  HomeOutlined,
  LogoutOutlined,
  MailOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Flex, Layout, Menu, type MenuProps, Spin, Typography, theme } from "antd";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { isApiError, useLogout, useMe } from "../api/index.ts";
import { paths } from "../paths.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

const { Header, Sider, Content } = Layout;

const menuItemsFor = (me: { isAdmin: boolean; canWrite: boolean }): MenuProps["items"] => [
  { key: paths.orgTree, icon: <ApartmentOutlined />, label: "Tổ chức đảng" },
  ...(me.isAdmin ? [{ key: paths.importOrgs, icon: <UploadOutlined />, label: "Nhập dữ liệu" }] : []),
  ...(me.canWrite ? [{ key: paths.users, icon: <UserOutlined />, label: "Người dùng" }] : []),
  { key: paths.audit, icon: <HistoryOutlined />, label: "Nhật ký" },
  { type: "divider" },
  { key: paths.congress, icon: <FlagOutlined />, label: "Đại hội" },
  { key: paths.seasons, icon: <CalendarOutlined />, label: "Mùa đại hội" },
  { key: paths.elections, icon: <CheckSquareOutlined />, label: "Bầu cử" },
  { key: paths.villageElections, icon: <HomeOutlined />, label: "Bầu trưởng thôn" },
  { key: paths.people, icon: <TeamOutlined />, label: "Nhân sự" },
  { key: paths.indicators, icon: <AuditOutlined />, label: "Chỉ tiêu" },
  { key: paths.reports, icon: <BarChartOutlined />, label: "Báo cáo" },
  { key: paths.petitions, icon: <MailOutlined />, label: "Đơn thư" },
];

function selectedMenuKey(pathname: string): string {
  if (pathname.startsWith(paths.importOrgs)) return paths.importOrgs;
  if (pathname.startsWith(paths.users)) return paths.users;
  if (pathname.startsWith(paths.audit)) return paths.audit;
  if (pathname.startsWith(paths.congress)) return paths.congress;
  if (pathname.startsWith(paths.seasons)) return paths.seasons;
  if (pathname.startsWith(paths.elections)) return paths.elections;
  if (pathname.startsWith(paths.people)) return paths.people;
  if (pathname.startsWith(paths.villageElections)) return paths.villageElections;
  if (pathname.startsWith(paths.indicators)) return paths.indicators;
  if (pathname.startsWith(paths.reports)) return paths.reports;
  if (pathname.startsWith(paths.petitions)) return paths.petitions;
  return paths.orgTree;
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const me = useMe();
  const logout = useLogout();

  // Signed out (or the session expired): the login page, coming back here afterwards.
  if (isApiError(me.error) && me.error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.login}?next=${next}`} replace />;
  }
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data)
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  if (me.data.mustChangePassword && location.pathname !== paths.changePassword)
    return <Navigate to={paths.changePassword} replace />;
  const user = me.data.user;
  // A counting-committee member has nothing but their congress's count: they start at the elections.
  const countingOnly = me.data.grants.length > 0 && me.data.grants.every((g) => g.role === "counting_member");
  if (countingOnly && location.pathname === paths.home) return <Navigate to={paths.elections} replace />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 16,
          paddingInline: 24,
          background: token.colorPrimary,
        }}
      >
        <Typography.Text strong style={{ color: "#fff", fontSize: 18 }} data-testid="app-title">
          Đại Hội — Ban Tổ chức Tỉnh ủy
        </Typography.Text>
        <Flex data-testid="header-user-slot" align="center" gap={12}>
          <Typography.Text
            style={{ color: "#fff" }}
            data-testid="header-user"
            title={user.grants.map((g) => `${g.roleName}${g.orgName ? ` — ${g.orgName}` : ""}`).join("\n")}
          >
            <UserOutlined /> {user.displayName} ({user.username})
          </Typography.Text>
          <Button
            size="small"
            onClick={() => navigate(paths.changePassword)}
            data-testid="change-password-link"
          >
            Đổi mật khẩu
          </Button>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            data-testid="logout-button"
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) })
            }
          >
            Đăng xuất
          </Button>
        </Flex>
      </Header>
      <Layout>
        <Sider width={220} breakpoint="lg" collapsedWidth={56} theme="light">
          <nav aria-label="Điều hướng chính">
            <Menu
              mode="inline"
              selectedKeys={[selectedMenuKey(location.pathname)]}
              items={menuItemsFor(me.data)}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: "none", paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
      <Layout.Footer style={{ textAlign: "center", padding: "12px 24px" }}>
        <Typography.Text type="secondary">
          <FileTextOutlined /> Đại Hội — phần mềm phục vụ đại hội đảng bộ các cấp
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
