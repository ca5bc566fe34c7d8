/**
 * The only place in the web app that calls `fetch`. Every non-2xx answer becomes an `ApiError`
 * carrying the server's stable code and its Vietnamese message, which screens show as is.
 */
import type { ErrorBody } from "../../server/errors-schema.ts";

/** Sent on every state-changing request; the server refuses those without it (CSRF defence). */
export const CSRF_HEADER = { "x-requested-with": "daihoi" } as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The Vietnamese message to show for any error thrown by a request or a hook. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return "Đã có lỗi không mong đợi. Vui lòng thử lại.";
}

/**
 * Called when the server answers 401 (no session, or it expired) to anything but the login itself:
 * the app sends the user to the login page. Set once by the app shell.
 */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** A plain object is sent as JSON; FormData as multipart (the browser sets the boundary). */
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

/** "/api/orgs/search" + { q: "hong gai", level: undefined } → "/api/orgs/search?q=hong+gai". */
export function apiUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") Object.assign(headers, CSRF_HEADER);
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: body ?? null,
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, {
      code: "NETWORK_ERROR",
      message: "Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.",
    });
  }

  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }

  if (!response.ok) {
    if (response.status === 401 && path !== "/auth/login") onUnauthorized?.();
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed);
    throw new ApiError(response.status, {
      code: `HTTP_${response.status}`,
      message: `Máy chủ trả lời lỗi (mã ${response.status}). Vui lòng thử lại sau.`,
    });
  }
  return parsed as T;
}
