import { Alert } from "antd";
import { errorMessage } from "../api/index.ts";

/** The server's Vietnamese message for a failed request, inline. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? errorMessage(error)}
      description={title ? errorMessage(error) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
