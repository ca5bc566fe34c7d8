/**
 * Organisation routes: authorise → validate (zod) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { exportOrgSubtree, importOrgFile, orgTemplate } from "../../../services/org-files.ts";
import { createOrg, dissolveOrg, moveOrg, updateOrg } from "../../../services/organisations/change.ts";
import { loadHierarchy } from "../../../services/organisations/common.ts";
import {
  getOrgDetail,
  getOrgNode,
  listOrgChildren,
  listOrgRoots,
  searchOrgTree,
} from "../../../services/organisations/read.ts";
import { importReorganisationFile } from "../../../services/reorganisation/plan.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { readUpload, sendDownload, withImportSlot, XLSX } from "../../files.ts";
import { presentOrgNode } from "./presenters.ts";
import {
  asOfQuerySchema,
  createOrgBodySchema,
  dissolveOrgBodySchema,
  hierarchySchema,
  importQuerySchema,
  importResultSchema,
  moveOrgBodySchema,
  orgDetailSchema,
  orgIdParamsSchema,
  orgListSchema,
  orgNodeSchema,
  orgSearchQuerySchema,
  orgSearchResultSchema,
  queryBoolean,
  reorganisationResultSchema,
  updateOrgBodySchema,
} from "./schema.ts";

const tags = ["Tổ chức đảng"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/meta/hierarchy",
    {
      config: { access: "read" },
      schema: { tags, summary: "Danh mục cấp và loại hình tổ chức", response: { 200: hierarchySchema } },
    },
    async () => {
      const h = await loadHierarchy(db);
      return {
        levels: [...h.levels.values()].map((l) => ({ ...l, allowedParents: [...l.allowedParents] })),
        kinds: [...h.kinds.values()],
      };
    },
  );

  app.get(
    "/api/orgs/roots",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các đơn vị gốc trong phạm vi được xem (asOf: như vào ngày đó)",
        querystring: asOfQuerySchema,
        response: { 200: orgListSchema },
      },
    },
    async (request) =>
      (await listOrgRoots(db, callerOf(request).scope, request.query.asOf)).map(presentOrgNode),
  );

  app.get(
    "/api/orgs/search",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Tìm đơn vị theo tên (không cần dấu), cấp, loại hình, ngành",
        querystring: orgSearchQuerySchema,
        response: { 200: orgSearchResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await searchOrgTree(db, callerOf(request).scope, request.query);
      return sendResult(reply, r, (found) => ({
        total: found.total,
        items: found.items.map((n) => ({ ...presentOrgNode(n), pathNames: n.pathNames })),
      }));
    },
  );

  app.get(
    "/api/orgs/import/template.xlsx",
    { config: { access: "read" }, schema: { tags, summary: "Tải tệp mẫu nhập tổ chức (.xlsx)" } },
    async (_request, reply) => {
      const data = await orgTemplate(db);
      return sendDownload(reply, "mau-nhap-to-chuc.xlsx", XLSX, data);
    },
  );

  app.post(
    "/api/orgs/import",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Nhập cây tổ chức từ .xlsx hoặc .csv (tất cả hoặc không)",
        description: "multipart/form-data với trường `file`. `dryRun=true` chỉ kiểm tra, không ghi.",
        querystring: importQuerySchema,
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return importOrgFile(db, callerOf(request).actor, file.value, { dryRun: request.query.dryRun });
      });
      return sendResult(reply, result, (s) => s);
    },
  );

  app.post(
    "/api/orgs/reorganisation",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Áp dụng phương án sắp xếp tổ chức (.xlsx/.csv), tất cả hoặc không",
        description:
          "multipart/form-data với trường `file` (docs/reorganisation-format.md). `dryRun=true` kiểm tra và xem trước: các đơn vị, các số liệu thay đổi và từ ngày nào; không ghi. Áp dụng lại cùng phương án không thay đổi gì.",
        querystring: importQuerySchema,
        response: { 200: reorganisationResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return importReorganisationFile(db, callerOf(request).actor, file.value, {
          dryRun: request.query.dryRun,
        });
      });
      return sendResult(reply, result, (s) => s);
    },
  );

  app.get(
    "/api/orgs/:id",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Chi tiết một đơn vị (asOf: như vào ngày đó)",
        params: orgIdParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: orgDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getOrgDetail(db, callerOf(request).scope, request.params.id, request.query.asOf);
      return sendResult(reply, r, ({ node, ancestors, countsByLevel, villageCount }) => ({
        ...presentOrgNode(node),
        ancestors,
        countsByLevel,
        villageCount,
        dissolvedReason: node.dissolvedReason,
        createdAt: node.createdAt.toISOString(),
        updatedAt: node.updatedAt.toISOString(),
      }));
    },
  );

  app.get(
    "/api/orgs/:id/children",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các đơn vị trực thuộc",
        params: orgIdParamsSchema,
        querystring: asOfQuerySchema.extend({ includeDissolved: queryBoolean.default(false) }),
        response: { 200: orgListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await listOrgChildren(
        db,
        callerOf(request).scope,
        request.params.id,
        request.query.includeDissolved,
        request.query.asOf,
      );
      return sendResult(reply, r, (nodes) => nodes.map(presentOrgNode));
    },
  );

  app.get(
    "/api/orgs/:id/export.xlsx",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Xuất cây tổ chức từ đơn vị này (.xlsx, đúng mẫu nhập)",
        params: orgIdParamsSchema,
      },
    },
    async (request, reply) => {
      const result = await exportOrgSubtree(db, callerOf(request).scope, request.params.id);
      if (!result.ok) return sendError(reply, result.error);
      return sendDownload(reply, result.value.fileName, XLSX, result.value.data);
    },
  );

  /** After a write, the node as the tree shows it. */
  const nodeOf = async (id: number) => (await getOrgNode(db, id))!;

  app.post(
    "/api/orgs",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Thêm đơn vị",
        body: createOrgBodySchema,
        response: { 201: orgNodeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const result = await createOrg(db, c.actor, c.scope, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send(presentOrgNode(await nodeOf(result.value.id)));
    },
  );

  app.patch(
    "/api/orgs/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Đổi tên, loại hình, ngành",
        params: orgIdParamsSchema,
        body: updateOrgBodySchema,
        response: { 200: orgNodeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const result = await updateOrg(db, c.actor, c.scope, request.params.id, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return presentOrgNode(await nodeOf(result.value.id));
    },
  );

  app.post(
    "/api/orgs/:id/move",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Chuyển đơn vị (cùng toàn bộ đơn vị trực thuộc) sang cấp trên khác",
        params: orgIdParamsSchema,
        body: moveOrgBodySchema,
        response: { 200: orgNodeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const result = await moveOrg(
        db,
        c.actor,
        c.scope,
        request.params.id,
        request.body.parentId,
        request.body.effectiveOn,
      );
      if (!result.ok) return sendError(reply, result.error);
      return presentOrgNode(await nodeOf(result.value.id));
    },
  );

  app.post(
    "/api/orgs/:id/dissolve",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Giải thể đơn vị",
        params: orgIdParamsSchema,
        body: dissolveOrgBodySchema,
        response: { 200: orgNodeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const result = await dissolveOrg(db, c.actor, c.scope, request.params.id, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return presentOrgNode(await nodeOf(result.value.id));
    },
  );
};
