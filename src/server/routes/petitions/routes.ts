/**
 * Letters (đơn thư) routes: authorise → validate (zod) → one service call → present. Content routes
 * declare access "petitions" (petitions grants and administrators; the caller's scope is their
 * petitions scope); the congress panel and the candidate flags are "read" and give others only
 * counts.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import type { Result } from "../../../domain/basics/result.ts";
import {
  PETITION_KIND_LABELS,
  PETITION_KINDS,
  PETITION_STATUS_LABELS,
} from "../../../domain/complaints/types.ts";
import type { AppError } from "../../../services/errors.ts";
import {
  addPetitionAttachment,
  addPetitionStep,
  assignPetition,
  complaintFlagsForCongress,
  concludePetition,
  congressPetitions,
  exportPetitionRegister,
  getAttachment,
  getPetition,
  getPetitionSettings,
  listPetitionRegister,
  notifyPetitionSender,
  type Petition,
  type PetitionAttachment,
  type PetitionDetail,
  type PetitionSubject,
  petitionDashboard,
  registerPetition,
  triagePetition,
  updatePetitionSettings,
} from "../../../services/petitions/index.ts";
import { todayInVietnam } from "../../clock.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { attachment, readUpload, sendDownload, withImportSlot, XLSX } from "../../files.ts";
import {
  type AttachmentDto,
  assignBodySchema,
  attachmentParamsSchema,
  attachmentSchema,
  concludeBodySchema,
  congressParamsSchema,
  congressPetitionsSchema,
  dashboardQuerySchema,
  dashboardSchema,
  flagsQuerySchema,
  flagsSchema,
  idParamsSchema,
  listQuerySchema,
  notifyBodySchema,
  type PetitionDetailDto,
  type PetitionDto,
  petitionDetailSchema,
  petitionListSchema,
  registerBodySchema,
  seasonOrgParamsSchema,
  settingsSchema,
  stepBodySchema,
  triageBodySchema,
} from "./schema.ts";

const tags = ["Đơn thư"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 413, 415, 422);

export function presentPetition(
  p: Petition,
  subjects: readonly PetitionSubject[],
  overdueDays: number,
): PetitionDto {
  return {
    id: p.id,
    code: p.code,
    orgId: p.orgId,
    orgName: p.orgName,
    receivedOn: p.receivedOn,
    channel: p.channel,
    senderType: p.senderType,
    senderIdentity: p.senderIdentity,
    senderName: p.senderName,
    senderAddress: p.senderAddress,
    kind: p.kind,
    kindLabel: PETITION_KIND_LABELS[p.kind],
    summary: p.summary,
    congressId: p.congressId,
    congressOrgId: p.congressOrgId,
    congressOrgName: p.congressOrgName,
    congressSeasonId: p.congressSeasonId,
    congressOpensOn: p.congressOpensOn,
    concernsPersonnel: p.concernsPersonnel,
    status: p.status,
    statusLabel: PETITION_STATUS_LABELS[p.status],
    competentBody: p.competentBody,
    assigneeName: p.assigneeName,
    deadline: p.deadline,
    deadlineRule: p.deadlineRule,
    conclusion: p.conclusion,
    conclusionText: p.conclusionText,
    concludedOn: p.concludedOn,
    noticeOn: p.noticeOn,
    noticeText: p.noticeText,
    duplicateOf: p.duplicateOf,
    overdueDays,
    subjects: subjects.map((s) => ({
      personId: s.personId,
      personName: s.personName,
      personCode: s.personCode,
      orgId: s.orgId,
      orgName: s.orgName,
    })),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const presentAttachment = (a: PetitionAttachment): AttachmentDto => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  createdAt: a.createdAt.toISOString(),
});

function presentDetail(d: PetitionDetail): PetitionDetailDto {
  return {
    ...presentPetition(d.petition, d.subjects, d.overdueDays),
    steps: d.steps.map((s) => ({ id: s.id, on: s.on, description: s.description, byLabel: s.byLabel })),
    attachments: d.attachments.map(presentAttachment),
    duplicateSuggestions: [...d.duplicateSuggestions],
  };
}

export const petitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const petitions = { access: "petitions" } as const;

  const filterOf = (q: {
    orgId?: number | undefined;
    status?: Petition["status"] | "open" | "settled" | undefined;
    kind?: Petition["kind"] | undefined;
    congressId?: number | undefined;
    personId?: number | undefined;
    overdue: boolean;
    q?: string | undefined;
  }) => ({
    withinOrgId: q.orgId ?? null,
    status: q.status ?? null,
    kind: q.kind ?? null,
    congressId: q.congressId ?? null,
    personId: q.personId ?? null,
    overdueOn: q.overdue ? todayInVietnam() : null,
    text: q.q || null,
  });

  app.get(
    "/api/petitions",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Sổ theo dõi đơn thư, lọc theo đơn vị, trạng thái, loại, đại hội, người, quá hạn",
        querystring: listQuerySchema,
        response: { 200: petitionListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await listPetitionRegister(
        db,
        callerOf(request).scope,
        filterOf(q),
        { limit: q.limit, offset: q.offset },
        todayInVietnam(),
      );
      return sendResult(reply, r, (v) => ({
        total: v.total,
        items: v.items.map((i) => presentPetition(i.petition, i.subjects, i.overdueDays)),
      }));
    },
  );

  app.get(
    "/api/petitions/export.xlsx",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Xuất sổ theo dõi đơn thư (.xlsx), cùng bộ lọc",
        querystring: listQuerySchema,
      },
    },
    async (request, reply) => {
      const today = todayInVietnam();
      const r = await exportPetitionRegister(db, callerOf(request).scope, filterOf(request.query), today);
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(reply, `So-theo-doi-don-thu-${today}.xlsx`, XLSX, r.value);
    },
  );

  app.get(
    "/api/petitions/dashboard",
    {
      config: petitions,
      schema: {
        tags,
        summary:
          "Tổng hợp đơn thư: đang giải quyết / đã giải quyết theo loại và đơn vị, quá hạn, liên quan nhân sự",
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayInVietnam();
      const r = await petitionDashboard(db, callerOf(request).scope, request.query.orgId ?? null, asOf);
      return sendResult(reply, r, (d) => ({
        asOf,
        total: d.total,
        byKind: PETITION_KINDS.map((kind) => ({
          kind,
          label: PETITION_KIND_LABELS[kind],
          ...d.byKind[kind],
        })),
        byOrg: d.byOrg.map((o) => ({ ...o, orgName: d.orgNames.get(o.orgId) ?? String(o.orgId) })),
        personnelUpcoming: d.personnelUpcoming,
        overdue: d.overdueList.map((i) => presentPetition(i.petition, i.subjects, i.overdueDays)),
      }));
    },
  );

  app.get(
    "/api/petitions/settings",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Cài đặt đơn thư: đơn tố cáo nặc danh chỉ lưu; thời hạn giải quyết",
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    async () => getPetitionSettings(db),
  );

  app.put(
    "/api/petitions/settings",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Đổi cài đặt đơn thư (quản trị; ghi nhật ký)",
        body: settingsSchema,
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await updatePetitionSettings(db, callerOf(request).actor, request.body);
      return sendResult(reply, r, (s) => s);
    },
  );

  app.post(
    "/api/petitions",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Tiếp nhận đơn thư (đơn tố cáo nặc danh, mạo danh: chỉ lưu, theo cài đặt)",
        body: registerBodySchema,
        response: { 201: petitionDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const { congressSeasonId, congressOrgId, ...body } = request.body;
      const congressOf =
        congressSeasonId && congressOrgId ? { seasonId: congressSeasonId, orgId: congressOrgId } : null;
      const r = await registerPetition(db, c.actor, c.scope, { ...body, congressOf }, todayInVietnam());
      return sendResult(reply, r, presentDetail, 201);
    },
  );

  app.get(
    "/api/petitions/:id",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Một đơn thư: nội dung, người bị phản ánh, các bước xử lý, tệp đính kèm, đơn có thể trùng",
        params: idParamsSchema,
        response: { 200: petitionDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getPetition(db, callerOf(request).scope, request.params.id, todayInVietnam());
      return sendResult(reply, r, presentDetail);
    },
  );

  const action = <B>(
    path: string,
    summary: string,
    body: ZodType<B>,
    run: (
      c: ReturnType<typeof callerOf>,
      id: number,
      body: B,
      today: string,
    ) => Promise<Result<PetitionDetail, AppError>>,
  ) =>
    app.post(
      `/api/petitions/:id/${path}`,
      {
        config: petitions,
        schema: {
          tags,
          summary,
          params: idParamsSchema,
          body,
          response: { 200: petitionDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const r = await run(callerOf(request), request.params.id, request.body as B, todayInVietnam());
        return sendResult(reply, r, presentDetail);
      },
    );

  action(
    "triage",
    "Phân loại: cơ quan có thẩm quyền, xử lý hay chỉ lưu, đơn trùng",
    triageBodySchema,
    (c, id, b, t) => triagePetition(db, c.actor, c.scope, id, b, t),
  );
  action("assign", "Giao người xử lý (và thời hạn nếu ấn định khác)", assignBodySchema, (c, id, b, t) =>
    assignPetition(db, c.actor, c.scope, id, b, t),
  );
  action("steps", "Ghi một bước xử lý", stepBodySchema, (c, id, b, t) =>
    addPetitionStep(db, c.actor, c.scope, id, b, t),
  );
  action("conclude", "Kết luận: đúng, đúng một phần, sai", concludeBodySchema, (c, id, b, t) =>
    concludePetition(db, c.actor, c.scope, id, b, t),
  );
  action("notify", "Thông báo kết quả cho người gửi", notifyBodySchema, (c, id, b, t) =>
    notifyPetitionSender(db, c.actor, c.scope, id, b, t),
  );

  app.post(
    "/api/petitions/:id/attachments",
    {
      config: petitions,
      schema: {
        tags,
        summary: "Đính kèm bản chụp đơn (PDF, JPEG, PNG; tối đa 10 MB; kiểm tra theo nội dung tệp)",
        params: idParamsSchema,
        response: { 201: attachmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const r = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return addPetitionAttachment(db, c.actor, c.scope, request.params.id, {
          fileName: file.value.name || "tep-dinh-kem",
          data: file.value.data,
        });
      });
      return sendResult(reply, r, presentAttachment, 201);
    },
  );

  app.get(
    "/api/petitions/:id/attachments/:attachmentId",
    {
      config: petitions,
      schema: { tags, summary: "Tải tệp đính kèm", params: attachmentParamsSchema },
    },
    async (request, reply) => {
      const r = await getAttachment(
        db,
        callerOf(request).scope,
        request.params.id,
        request.params.attachmentId,
      );
      if (!r.ok) return sendError(reply, r.error);
      return reply
        .header("content-type", r.value.contentType)
        .header("content-disposition", attachment(r.value.fileName))
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(r.value.data));
    },
  );

  app.get(
    "/api/seasons/:seasonId/congresses/:orgId/petitions",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "Đơn thư đang giải quyết liên quan một đại hội: số đơn cho người xem được đại hội; nội dung chỉ cho người có quyền đơn thư",
        params: seasonOrgParamsSchema,
        response: { 200: congressPetitionsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await congressPetitions(db, callerOf(request).access, request.params, todayInVietnam());
      return sendResult(reply, r, (v) => ({
        congressId: v.congressId,
        openCount: v.openCount,
        items: v.items ? v.items.map((i) => presentPetition(i.petition, i.subjects, i.overdueDays)) : null,
      }));
    },
  );

  app.get(
    "/api/congresses/:id/complaint-flags",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Cờ ứng cử viên: người có đơn thư chưa giải quyết xong (chỉ số đơn, không nội dung)",
        params: congressParamsSchema,
        querystring: flagsQuerySchema,
        response: { 200: flagsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await complaintFlagsForCongress(
        db,
        callerOf(request).access,
        request.params.id,
        request.query.personIds,
      );
      return sendResult(reply, r, (flags) => ({ congressId: request.params.id, flags }));
    },
  );
};
