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
import {
  App,
  Button,
  Flex,
  Layout,
  Menu,
  type MenuProps,
  Result,
  Skeleton,
  Spin,
  Typography,
  theme,
} from "antd";
import { type ReactNode, Suspense } from "react";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { isApiError, type MeDto, useLogout, useMe } from "../api/index.ts";
import { paths } from "../paths.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import {
  readsTree,
  SECTIONS,
  type SectionKey,
  sectionBlockedReason,
  sectionOfPath,
  sectionsFor,
} from "./sections.ts";

const { Header, Sider, Content } = Layout;

const ICONS: Record<SectionKey, ReactNode> = {
  orgTree: <ApartmentOutlined />,
  importOrgs: <UploadOutlined />,
  users: <UserOutlined />,
  audit: <HistoryOutlined />,
  congress: <FlagOutlined />,
  seasons: <CalendarOutlined />,
  elections: <CheckSquareOutlined />,
  villageElections: <HomeOutlined />,
  people: <TeamOutlined />,
  indicators: <AuditOutlined />,
  reports: <BarChartOutlined />,
  petitions: <MailOutlined />,
};

/** Only the sections this user can use; a divider where the congress season's sections begin. */
function menuItemsFor(me: MeDto): MenuProps["items"] {
  const items: NonNullable<MenuProps["items"]> = [];
  for (const s of sectionsFor(me)) {
    if (s.dividerBefore && items.length > 0) items.push({ type: "divider" });
    items.push({ key: s.path, icon: ICONS[s.key], label: s.label });
  }
  return items;
}

function selectedMenuKey(pathname: string): string {
  const key = sectionOfPath(pathname);
  return SECTIONS.find((s) => s.key === key)?.path ?? "";
}

/** antd's App context (message, modal) for every signed-in page. */
export function AppLayout() {
  return (
    <App>
      <AppShell />
    </App>
  );
}

function AppShell() {
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const me = useMe();
  const logout = useLogout();
  const { message } = App.useApp();

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
  const mustChange = me.data.mustChangePassword;
  if (
    !readsTree(me.data) &&
    sectionBlockedReason(me.data, "elections") === null &&
    location.pathname === paths.home
  )
    return <Navigate to={paths.elections} replace />;
  const section = sectionOfPath(location.pathname);
  const blocked = section ? sectionBlockedReason(me.data, section) : null;

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
              onClick={({ key }) => {
                // Before the forced change nothing else opens: say so instead of silently staying.
                if (mustChange) message.warning("Hãy đổi mật khẩu dùng một lần trước khi dùng các mục khác.");
                else navigate(key);
              }}
              style={{ borderInlineEnd: "none", paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <div data-testid="page">
            {blocked ? (
              <Result
                status="403"
                title="Mục này nằm ngoài quyền của bạn"
                subTitle={blocked}
                data-testid="section-blocked"
              />
            ) : (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <Outlet />
              </Suspense>
            )}
          </div>
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
