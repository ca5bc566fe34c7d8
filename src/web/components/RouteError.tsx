import { CloseCircleFilled } from "@ant-design/icons";
import { Button } from "antd";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { paths } from "../paths.ts";

/**
 * Shown when a screen crashes: a bug, reported plainly rather than as a blank page. Part of the
 * first download (every route's error element), so it is plain markup: antd's <Result> would bring
 * its three status illustrations (~37 kB) into the login page's JavaScript.
 */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div role="alert" style={{ padding: "48px 32px", textAlign: "center" }}>
      <CloseCircleFilled style={{ fontSize: 72, color: "#ff4d4f" }} />
      <h2 style={{ margin: "24px 0 8px", fontSize: 24, fontWeight: 400 }}>Màn hình gặp lỗi</h2>
      <p style={{ color: "rgba(0,0,0,0.45)", marginBottom: 24 }}>
        Vui lòng tải lại trang. Nếu lỗi lặp lại, báo cho quản trị viên: {detail}
      </p>
      <Button type="primary" href={paths.home}>
        Về trang đầu
      </Button>
    </div>
  );
}
