import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FlagOutlined,
  MailOutlined,
  TeamOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { Layout, Menu, type MenuProps, Typography, theme } from "antd";
import type { ReactNode } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { paths } from "../paths.ts";

const { Header, Sider, Content } = Layout;

/** Items of later issues are listed (disabled) so the navigation does not reshuffle as they land. */
const comingSoon = (key: string, label: string, icon: ReactNode) => ({
  key,
  icon,
  label,
  disabled: true,
  title: `${label} (sắp có)`,
});

const menuItems: MenuProps["items"] = [
  { key: paths.orgTree, icon: <ApartmentOutlined />, label: "Tổ chức đảng" },
  { key: paths.importOrgs, icon: <UploadOutlined />, label: "Nhập dữ liệu" },
  { type: "divider" },
  comingSoon("dai-hoi", "Đại hội", <FlagOutlined />),
  comingSoon("bau-cu", "Bầu cử", <CheckSquareOutlined />),
  comingSoon("nhan-su", "Nhân sự", <TeamOutlined />),
  comingSoon("chi-tieu", "Chỉ tiêu", <AuditOutlined />),
  comingSoon("bao-cao", "Báo cáo", <BarChartOutlined />),
  comingSoon("don-thu", "Đơn thư", <MailOutlined />),
];

function selectedMenuKey(pathname: string): string {
  if (pathname.startsWith(paths.importOrgs)) return paths.importOrgs;
  return paths.orgTree;
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();

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
        {/* Issue 3 puts the signed-in user, their scope and "Đăng xuất" here. */}
        <div data-testid="header-user-slot" />
      </Header>
      <Layout>
        <Sider width={220} breakpoint="lg" collapsedWidth={56} theme="light">
          <nav aria-label="Điều hướng chính">
            <Menu
              mode="inline"
              selectedKeys={[selectedMenuKey(location.pathname)]}
              items={menuItems}
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
