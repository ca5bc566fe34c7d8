import { Button, Result } from "antd";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { paths } from "../paths.ts";

/** Shown when a screen crashes: a bug, reported plainly rather than as a blank page. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Result
      status="error"
      title="Màn hình gặp lỗi"
      subTitle={`Vui lòng tải lại trang. Nếu lỗi lặp lại, báo cho quản trị viên: ${detail}`}
      extra={
        <Button type="primary" href={paths.home}>
          Về trang đầu
        </Button>
      }
    />
  );
}
