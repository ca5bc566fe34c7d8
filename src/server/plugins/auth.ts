/**
 * Authentication and the route access rules, enforced in one place. Every route declares
 * `config.access`:
 *   public  — anyone (health, login, logout, static files, the API docs);
 *   session — any signed-in user, even one who must still change their password (me, password);
 *   read    — a signed-in user; data is limited to their scope by the queries;
 *   write   — an administrator or an officer; the caller's scope becomes their write scope;
 *   petitions — an administrator or an officer whose grant carries `petitions` (letters, đơn thư);
 *             the caller's scope becomes their petitions scope;
 *   admin   — administrators only.
 * An /api route registered without a declared access makes the server fail at registration.
 */
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { canHandlePetitions } from "../../services/access.ts";
import {
  type AuthPolicy,
  pruneAuthTables,
  resolveSession,
  type SessionUser,
} from "../../services/accounts.ts";
import { type AppError, errors } from "../../services/errors.ts";
import { type Caller, callerOf } from "../context.ts";
import { sendError } from "../errors.ts";

export const ROUTE_ACCESS = ["public", "session", "read", "write", "petitions", "admin"] as const;
export type RouteAccess = (typeof ROUTE_ACCESS)[number];

export const SESSION_COOKIE = "daihoi_session";

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    authPolicy: AuthPolicy;
    /** Every route with its access rule, in registration order (the authorisation matrix test walks it). */
    registeredRoutes: RegisteredRoute[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Routes that plugins register for themselves: not data, so public. */
function isPluginRoute(url: string): boolean {
  return !url.startsWith("/api/") || url === "/api/docs" || url.startsWith("/api/docs/");
}

export function callerFromSession(s: SessionUser): Caller {
  return {
    actor: { userId: s.user.id, label: s.user.username },
    scope: s.access.readScope,
    access: s.access,
    user: s.user,
    grants: s.grants,
    sessionId: s.sessionId,
    sessionExpiresAt: s.expiresAt,
  };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    // request.protocol honours X-Forwarded-Proto when TRUST_PROXY=1.
    secure: request.protocol === "https",
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
  });
}

function deny(reply: FastifyReply, e: AppError) {
  return sendError(reply, e);
}

export async function registerAuth(
  app: FastifyInstance,
  policy: AuthPolicy,
  options: { readonly pruneEveryMs?: number } = {},
): Promise<void> {
  await app.register(cookie);
  // Per-address limits on the routes that ask for them (login); per-account lockout is in the DB.
  await app.register(rateLimit, { global: false });
  app.decorate("authPolicy", policy);
  app.decorate("registeredRoutes", [] as RegisteredRoute[]);

  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (access === undefined) {
      if (!isPluginRoute(route.url))
        throw new Error(
          `Route ${methods.join(",")} ${route.url} declares no access rule: add config: { access: "public" | "session" | "read" | "write" | "admin" }`,
        );
      access = "public";
      route.config = { ...route.config, access };
    }
    if (!ROUTE_ACCESS.includes(access)) throw new Error(`Route ${route.url}: unknown access "${access}"`);
    for (const method of methods) app.registeredRoutes.push({ method, url: route.url, access });
  });

  app.addHook("onRequest", async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(app.deps.database.db, policy, token) : null;
    if (session) request.caller = callerFromSession(session);
    if (access === undefined || access === "public") return;
    if (!session) {
      if (token) clearSessionCookie(request, reply);
      return deny(reply, errors.authRequired());
    }
    if (access === "session") return;
    if (session.user.mustChangePassword) return deny(reply, errors.passwordChangeRequired());
    switch (access) {
      case "read":
        return;
      case "write":
        if (!session.access.canWrite) return deny(reply, errors.forbidden("thay đổi dữ liệu"));
        request.caller = { ...callerOf(request), scope: session.access.writeScope };
        return;
      case "petitions":
        if (!canHandlePetitions(session.access)) return deny(reply, errors.forbidden("xem và xử lý đơn thư"));
        request.caller = { ...callerOf(request), scope: session.access.petitionsScope };
        return;
      case "admin":
        if (!session.access.isAdmin)
          return deny(reply, errors.forbidden("thực hiện việc này (chỉ quản trị)"));
        return;
    }
  });

  // Housekeeping: expired sessions and old login attempts.
  const every = options.pruneEveryMs ?? 10 * 60_000;
  const timer = setInterval(() => {
    pruneAuthTables(app.deps.database.db, policy).catch((e) =>
      app.log.warn({ err: e }, "pruning sessions failed"),
    );
  }, every);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
