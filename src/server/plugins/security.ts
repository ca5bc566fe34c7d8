/**
 * Security headers and cross-site request protection. State-changing API calls must carry the
 * `x-requested-with: daihoi` header (a cross-site form cannot set it, and a cross-site fetch with it
 * needs a CORS preflight this server never grants) and, when the browser sends an Origin, it must be
 * this server's own.
 */
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

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
