/** Login, logout, the signed-in user and changing one's own password. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { canHandlePetitions } from "../../../services/access.ts";
import { changeOwnPassword, login, logout, type SessionUser } from "../../../services/accounts.ts";
import { errors } from "../../../services/errors.ts";
import { homeOrganisation } from "../../../services/organisations/read.ts";
import { todayInVietnam } from "../../clock.ts";
import { callerOf, principalOf } from "../../context.ts";
import { sendError } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../../plugins/auth.ts";
import { presentGrant, presentUser } from "../users/presenters.ts";
import { changePasswordBodySchema, loginBodySchema, type MeDto, meSchema } from "./schema.ts";

const tags = ["Tài khoản"];
const errorResponses = errorResponsesFor(400, 401, 403, 422, 429);

function presentMe(
  s: Pick<SessionUser, "user" | "grants" | "access" | "expiresAt">,
  homeOrg: MeDto["homeOrg"],
): MeDto {
  return {
    user: presentUser(s),
    grants: s.grants.map(presentGrant),
    mustChangePassword: s.user.mustChangePassword,
    isAdmin: s.access.isAdmin,
    canWrite: s.access.canWrite,
    canHandlePetitions: canHandlePetitions(s.access),
    sessionExpiresAt: s.expiresAt.toISOString(),
    homeOrg,
    today: todayInVietnam(),
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: app.deps.loginRateLimitPerMinute ?? 30, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "Đăng nhập (đặt cookie phiên HttpOnly)",
        body: loginBodySchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(db, app.authPolicy, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      if (!result.ok) return sendError(reply, result.error);
      // A session that was open in this browser ends: one cookie, one session.
      const previous = callerOf(request).sessionId;
      if (previous) await logout(db, previous);
      setSessionCookie(request, reply, result.value.token, result.value.session.expiresAt);
      const session = result.value.session;
      return presentMe(session, await homeOrganisation(db, session.access.readScope));
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "public" },
      schema: { tags, summary: "Đăng xuất (kết thúc phiên trên máy chủ)", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const sessionId = callerOf(request).sessionId;
      if (sessionId) await logout(db, sessionId);
      if (request.cookies[SESSION_COOKIE]) clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Người dùng đang đăng nhập và quyền của họ",
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      if (!c.user || !c.sessionExpiresAt) return sendError(reply, errors.authRequired());
      return presentMe(
        { user: c.user, grants: c.grants, access: c.access, expiresAt: c.sessionExpiresAt },
        await homeOrganisation(db, c.access.readScope),
      );
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Đổi mật khẩu của mình (các phiên khác kết thúc)",
        body: changePasswordBodySchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      if (!c.user || !c.sessionExpiresAt) return sendError(reply, errors.authRequired());
      const result = await changeOwnPassword(
        db,
        app.authPolicy,
        { ...principalOf(request), userId: c.user.id },
        request.body,
      );
      if (!result.ok) return sendError(reply, result.error);
      return presentMe(
        {
          user: result.value,
          grants: c.grants,
          access: c.access,
          expiresAt: c.sessionExpiresAt,
        },
        await homeOrganisation(db, c.access.readScope),
      );
    },
  );
};
