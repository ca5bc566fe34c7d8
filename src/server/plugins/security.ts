/**
 * Security headers and cross-site request protection. State-changing API calls must carry the
 * `x-requested-with: daihoi` header (a cross-site form cannot set it, and a cross-site fetch with it
 * needs a CORS preflight this server never grants) and, when the browser sends an Origin, it must be
 * this server's own.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** C0 controls and DEL, except tab, line feed and carriage return (multi-line text keeps those). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string (or key) holding a control character, and the character. */
export function findControlCharacter(value: unknown, path = ""): { path: string; char: string } | null {
  if (typeof value === "string") {
    const m = CONTROL.exec(value);
    return m ? { path, char: m[0] } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = findControlCharacter(value[i], `${path}[${i}]`);
      if (f) return f;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const key = path ? `${path}.${k}` : k;
      const m = CONTROL.exec(k);
      if (m) return { path: key, char: m[0] };
      const f = findControlCharacter(v, key);
      if (f) return f;
    }
  }
  return null;
}

const PARTS = [
  ["params", "tham số đường dẫn"],
  ["query", "tham số truy vấn"],
  ["body", "nội dung"],
] as const;

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS inserts <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The API docs page loads its own inline bootstrap; it is served under /api/docs only.
    hsts: false,
  });
  // A NUL (or any control character) reaching PostgreSQL is a 500 ("invalid byte sequence"): refuse
  // it at the boundary, on every route (login included), naming the field, before anything runs.
  app.addHook("preValidation", async (request, reply) => {
    for (const [part, name] of PARTS) {
      const found = findControlCharacter(request[part]);
      if (found) {
        const code = `U+${found.char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
        return reply.code(400).send({
          code: "CONTROL_CHARACTER",
          message: `Dữ liệu gửi lên không hợp lệ (${name}): trường "${found.path || part}" chứa ký tự điều khiển ${code}, không được phép; hãy xóa ký tự đó rồi gửi lại`,
          details: { issues: [{ field: found.path || null, message: `chứa ký tự điều khiển ${code}` }] },
        });
      }
    }
  });
  app.addHook("onRequest", async (request, reply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith("/api/")) return;
    const xrw = request.headers["x-requested-with"];
    const origin = request.headers.origin;
    const host = request.headers.host;
    const originOk = !origin || (host !== undefined && hostOf(origin) === host);
    if (xrw !== "daihoi" || !originOk) {
      return reply.code(403).send({
        code: "CSRF_REJECTED",
        message: "Yêu cầu bị từ chối: thiếu tiêu đề x-requested-with hoặc đến từ trang khác",
      });
    }
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" origins (sandboxed frames, file://) are cross-site
  }
}
