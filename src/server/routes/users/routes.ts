/**
 * Users and their grants. Administrators manage everyone; an officer manages the users whose grants
 * all lie inside the officer's subtrees. Others' accounts answer 404 (their existence does not leak).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addGrant,
  createUser,
  getManagedUser,
  listManagedUsers,
  removeGrant,
  resetPassword,
  updateUser,
} from "../../../services/users.ts";
import { principalOf } from "../../context.ts";
import { sendError } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { presentGrant, presentUser } from "./presenters.ts";
import {
  createUserBodySchema,
  grantBodySchema,
  grantIdParamsSchema,
  grantSchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
  userWithPasswordSchema,
} from "./schema.ts";

const tags = ["Người dùng"];
const errorResponses = errorResponsesFor(400, 401, 403, 404, 409, 422);

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const policy = app.authPolicy;

  app.get(
    "/api/users",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Người dùng mình quản lý",
        response: { 200: userListSchema, ...errorResponses },
      },
    },
    async (request) => (await listManagedUsers(db, principalOf(request))).map(presentUser),
  );

  app.post(
    "/api/users",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Tạo người dùng (trả về mật khẩu dùng một lần)",
        body: createUserBodySchema,
        response: { 201: userWithPasswordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await createUser(db, policy, principalOf(request), request.body);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send({ user: presentUser(result.value), password: result.value.password });
    },
  );

  app.get(
    "/api/users/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Một người dùng",
        params: userIdParamsSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await getManagedUser(db, principalOf(request), request.params.id);
      if (!result.ok) return sendError(reply, result.error);
      return presentUser(result.value);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Sửa họ tên, khóa hoặc mở khóa tài khoản",
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await updateUser(db, policy, principalOf(request), request.params.id, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return presentUser(result.value);
    },
  );

  app.post(
    "/api/users/:id/reset-password",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Đặt lại mật khẩu (buộc đổi khi đăng nhập, kết thúc các phiên của người đó)",
        params: userIdParamsSchema,
        response: { 200: userWithPasswordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await resetPassword(db, policy, principal, request.params.id);
      if (!result.ok) return sendError(reply, result.error);
      const user = await getManagedUser(db, principal, request.params.id);
      if (!user.ok) return sendError(reply, user.error);
      return { user: presentUser(user.value), password: result.value.password };
    },
  );

  app.post(
    "/api/users/:id/grants",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Cấp quyền (chỉ quản trị cấp được quyền quản trị)",
        params: userIdParamsSchema,
        body: grantBodySchema,
        response: { 201: grantSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await addGrant(db, policy, principalOf(request), request.params.id, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send(presentGrant(result.value));
    },
  );

  app.delete(
    "/api/users/:id/grants/:grantId",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Thu hồi quyền",
        params: grantIdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await removeGrant(db, principalOf(request), request.params.id, request.params.grantId);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(204).send(null);
    },
  );
};
