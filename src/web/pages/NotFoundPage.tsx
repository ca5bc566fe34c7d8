import { Result } from "antd";
import { Link } from "react-router";
import { paths } from "../paths.ts";

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Đường dẫn không đúng hoặc trang đã được chuyển đi."
      extra={<Link to={paths.orgTree}>Về cây tổ chức</Link>}
    />
  );
}
