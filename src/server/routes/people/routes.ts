/**
 * People routes: authorise → validate (zod) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { POST_KIND_LABELS } from "../../../domain/people/types.ts";
import { resolveWithinPath } from "../../../services/organisations/read.ts";
import {
  addPost,
  createPerson,
  endPost,
  getPerson,
  type PersonDetail,
  type PersonView,
  type PostView,
  searchPeople,
  updatePerson,
} from "../../../services/people.ts";
import { exportPeople, importPeopleFile, peopleTemplate } from "../../../services/people-files.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { readUpload, sendDownload, withImportSlot, XLSX } from "../../files.ts";
import { importQuerySchema } from "../organisations/schema.ts";
import {
  createPersonBodySchema,
  endPostBodySchema,
  exportQuerySchema,
  idParamsSchema,
  type PersonDto,
  type PostDto,
  peopleImportResultSchema,
  peopleSearchQuerySchema,
  peopleSearchResultSchema,
  personBodySchema,
  personSchema,
  postBodySchema,
} from "./schema.ts";

const tags = ["Nhân sự"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

function presentPost(p: PostView): PostDto {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: POST_KIND_LABELS[p.kind],
    orgId: p.orgId,
    villageCode: p.villageCode,
    placeName: p.placeName,
    term: p.term,
    title: p.title,
    start: p.start,
    end: p.end,
  };
}

function presentPerson(person: PersonView, posts: readonly PostView[]): PersonDto {
  return {
    id: person.id,
    code: person.code,
    fullName: person.fullName,
    gender: person.gender,
    birthDate: person.birthDate,
    ethnicity: person.ethnicity,
    hometown: person.hometown,
    membership: person.membership,
    education: person.education ?? null,
    politicalTheory: person.politicalTheory ?? null,
    localOverrides: person.localOverrides.map((o) => ({ orgId: o.orgId, local: o.local, reason: o.reason })),
    posts: posts.map(presentPost),
    updatedAt: person.updatedAt.toISOString(),
  };
}

const presentDetail = (d: PersonDetail) => presentPerson(d.person, d.posts);

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/people",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Tìm người (theo tên, có hoặc không dấu) trong phạm vi được xem",
        querystring: peopleSearchQuerySchema,
        response: { 200: peopleSearchResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = callerOf(request).scope;
      const q = request.query;
      const within = await resolveWithinPath(db, scope, q.within);
      if (!within.ok) return sendError(reply, within.error);
      const withinPath = within.value;
      const found = await searchPeople(db, scope, {
        text: q.q,
        withinPath,
        limit: q.limit,
        offset: q.offset,
      });
      return { total: found.total, items: found.items.map(presentDetail) };
    },
  );

  app.get(
    "/api/people/import/template.xlsx",
    { config: { access: "read" }, schema: { tags, summary: "Tải tệp mẫu nhập nhân sự (.xlsx)" } },
    async (_request, reply) => {
      const data = await peopleTemplate();
      return sendDownload(reply, "mau-nhap-nhan-su.xlsx", XLSX, data);
    },
  );

  app.post(
    "/api/people/import",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Nhập nhân sự và chức vụ từ .xlsx (tất cả hoặc không)",
        description:
          "multipart/form-data với trường `file`. `dryRun=true` chỉ kiểm tra, không ghi. Người có thể trùng phải được xác định trong tệp (cột Mã người hoặc Khác người).",
        querystring: importQuerySchema,
        response: { 200: peopleImportResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const result = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return importPeopleFile(db, caller.actor, caller.scope, file.value, { dryRun: request.query.dryRun });
      });
      return sendResult(reply, result, (s) => s);
    },
  );

  app.get(
    "/api/people/export.xlsx",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Xuất nhân sự có chức vụ trong đơn vị này (.xlsx, đúng mẫu nhập)",
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportPeople(db, callerOf(request).scope, request.query.orgId);
      if (!file.ok) return sendError(reply, file.error);
      return sendDownload(reply, file.value.fileName, XLSX, file.value.data);
    },
  );

  app.get(
    "/api/people/:id",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Một người và các chức vụ",
        params: idParamsSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await getPerson(db, callerOf(request).scope, request.params.id), presentDetail),
  );

  app.post(
    "/api/people",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Thêm người (với các chức vụ)",
        body: createPersonBodySchema,
        response: { 201: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await createPerson(db, caller.actor, caller.scope, request.body),
        presentDetail,
        201,
      );
    },
  );

  app.put(
    "/api/people/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Sửa thông tin một người",
        params: idParamsSchema,
        body: personBodySchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await updatePerson(db, caller.actor, caller.scope, request.params.id, request.body),
        presentDetail,
      );
    },
  );

  app.post(
    "/api/people/:id/posts",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Thêm một chức vụ (kiêm nhiệm được)",
        params: idParamsSchema,
        body: postBodySchema,
        response: { 201: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await addPost(db, caller.actor, caller.scope, request.params.id, request.body),
        presentDetail,
        201,
      );
    },
  );

  app.post(
    "/api/posts/:id/end",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Thôi giữ chức vụ từ một ngày (null: đương nhiệm trở lại)",
        params: idParamsSchema,
        body: endPostBodySchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await endPost(db, caller.actor, caller.scope, request.params.id, request.body.end),
        presentDetail,
      );
    },
  );
};
