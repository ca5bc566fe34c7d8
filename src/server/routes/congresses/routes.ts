/** Congress season routes: authorise → validate → one service call → present. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { describeDeadline, LATE_REASON_LABELS, type Progress } from "../../../domain/congress/index.ts";
import { formatPercent } from "../../../domain/format/number.ts";
import {
  type CongressView,
  changeCongress,
  createSeason,
  exportChildrenProgress,
  exportCongressFile,
  exportLateList,
  getChildrenProgress,
  getCongress,
  getCurves,
  getLateList,
  getProgress,
  importCongressFile,
  listChildCongresses,
  listSeasons,
  updateSeasonLevel,
} from "../../../services/congresses/index.ts";
import { todayInVietnam } from "../../clock.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { readUpload, sendDownload, withImportSlot, XLSX } from "../../files.ts";
import {
  childProgressSchema,
  congressDtoSchema,
  congressEventBodySchema,
  congressListQuerySchema,
  congressListSchema,
  congressParamsSchema,
  createSeasonBodySchema,
  curvesDtoSchema,
  curvesQuerySchema,
  importCongressQuerySchema,
  importCongressResultSchema,
  lateDtoSchema,
  lateQuerySchema,
  type ProgressDto,
  planBodySchema,
  progressDtoSchema,
  progressQuerySchema,
  seasonDtoSchema,
  seasonLevelParamsSchema,
  seasonParamsSchema,
  updateSeasonLevelBodySchema,
} from "./schema.ts";

const tags = ["Đại hội"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

function presentProgress(p: Progress): ProgressDto {
  const shareText = (s: Progress["secretaryVoteShareMin"]) => (s ? formatPercent(s.votes, s.base) : null);
  const evalDto = (e: NonNullable<Progress["completion"]>["province"]) =>
    e
      ? { deadline: e.deadline, daysEarly: e.daysEarly, onTime: e.onTime, phrase: describeDeadline(e) }
      : null;
  return {
    seasonCode: p.seasonCode,
    level: p.level,
    asOf: p.asOf,
    total: p.total,
    held: p.held,
    heldPercent: p.heldPercent,
    notHeld: p.notHeld,
    unscheduled: p.unscheduled,
    onTimeProvince: p.onTimeProvince,
    onTimeCentral: p.onTimeCentral,
    pilots: p.pilots,
    contentsComplete: p.contentsComplete,
    committeeAppointed: p.committeeAppointed,
    resultsRecorded: p.resultsRecorded,
    directSecretary: p.directSecretary,
    oneRoundFull: p.oneRoundFull,
    confirmed: p.confirmed,
    confirmationsPending: p.confirmationsPending,
    resultsPending: p.resultsPending,
    secretaryVoteShareMin: p.secretaryVoteShareMin,
    secretaryVoteShareMax: p.secretaryVoteShareMax,
    secretaryVoteShareMinText: shareText(p.secretaryVoteShareMin),
    secretaryVoteShareMaxText: shareText(p.secretaryVoteShareMax),
    firstHeldOn: p.firstHeldOn,
    lastHeldOn: p.lastHeldOn,
    completion: p.completion
      ? { province: evalDto(p.completion.province), central: evalDto(p.completion.central) }
      : null,
  };
}

const presentCongress = ({ congressId, ...v }: CongressView) => ({
  ...v,
  congress: v.congress ? { ...v.congress, id: congressId!, contents: [...v.congress.contents] } : null,
});

export const congressRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/seasons",
    {
      config: { access: "read" },
      schema: { tags, summary: "Các mùa đại hội", response: { 200: seasonDtoSchema.array() } },
    },
    async () =>
      (await listSeasons(db)).map((s) => ({
        id: s.id,
        code: s.season.code,
        name: s.season.name,
        rootOrgId: s.rootOrgId,
        term: s.season.term,
        plan: s.season.plan,
        directive: s.season.directive,
        levels: s.season.levels.map((l) => ({ ...l, orgLevels: [...l.orgLevels] })),
        pilotCount: s.season.pilotOrgIds.length,
      })),
  );

  const presentSeason = (s: Awaited<ReturnType<typeof listSeasons>>[number]) => ({
    id: s.id,
    code: s.season.code,
    name: s.season.name,
    rootOrgId: s.rootOrgId,
    term: s.season.term,
    plan: s.season.plan,
    directive: s.season.directive,
    levels: s.season.levels.map((l) => ({ ...l, orgLevels: [...l.orgLevels] })),
    pilotCount: s.season.pilotOrgIds.length,
  });

  app.post(
    "/api/seasons",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Tạo mùa đại hội: kế hoạch, chỉ thị, các cấp với nhiệm kỳ, thời gian và thời hạn",
        body: createSeasonBodySchema,
        response: { 201: seasonDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { rootOrgId, ...season } = request.body;
      const r = await createSeason(db, callerOf(request).actor, { ...season, pilotOrgIds: [] }, rootOrgId);
      if (!r.ok) return sendError(reply, r.error);
      const created = (await listSeasons(db)).find((s) => s.id === r.value)!;
      return reply.code(201).send(presentSeason(created));
    },
  );

  app.patch(
    "/api/seasons/:seasonId/levels/:levelCode",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Sửa tên, nhiệm kỳ, thời gian hoặc thời hạn của một cấp đại hội",
        params: seasonLevelParamsSchema,
        body: updateSeasonLevelBodySchema,
        response: { 200: seasonDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await updateSeasonLevel(
        db,
        callerOf(request).actor,
        request.params.seasonId,
        request.params.levelCode,
        request.body,
      );
      return sendResult(reply, r, presentSeason);
    },
  );

  app.get(
    "/api/seasons/:seasonId/progress",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Tiến độ đại hội của một cây đơn vị, một cấp, tính đến một ngày",
        params: seasonParamsSchema,
        querystring: progressQuerySchema,
        response: { 200: progressDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await getProgress(db, callerOf(request).scope, {
        seasonId: request.params.seasonId,
        orgId: q.orgId,
        level: q.level,
        asOf: q.asOf,
        filter: { kinds: q.kinds, orgLevels: q.orgLevels },
      });
      return sendResult(reply, r, presentProgress);
    },
  );

  app.get(
    "/api/seasons/:seasonId/progress/children",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Tiến độ theo từng đơn vị trực thuộc",
        params: seasonParamsSchema,
        querystring: progressQuerySchema,
        response: { 200: childProgressSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await getChildrenProgress(db, callerOf(request).scope, {
        seasonId: request.params.seasonId,
        orgId: q.orgId,
        level: q.level,
        asOf: q.asOf,
        filter: { kinds: q.kinds, orgLevels: q.orgLevels },
      });
      return sendResult(reply, r, (rows) =>
        rows.map(({ kind: _kind, ...x }) => ({ ...x, heldPercent: formatPercent(x.held, x.total) })),
      );
    },
  );

  app.get(
    "/api/seasons/:seasonId/curves",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Đường tiến độ lũy kế theo cấp",
        params: seasonParamsSchema,
        querystring: curvesQuerySchema,
        response: { 200: curvesDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getCurves(
        db,
        callerOf(request).scope,
        request.params.seasonId,
        request.query.orgId,
        request.query.asOf,
      );
      return sendResult(reply, r, (x) => x);
    },
  );

  app.get(
    "/api/seasons/:seasonId/late",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Danh sách đơn vị chậm tiến độ",
        params: seasonParamsSchema,
        querystring: lateQuerySchema,
        response: { 200: lateDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getLateList(db, callerOf(request).scope, {
        seasonId: request.params.seasonId,
        ...request.query,
      });
      return sendResult(reply, r, (rows) =>
        rows.map((e) => ({
          ...e,
          orgId: Number(e.orgId),
          pathNames: e.pathNames,
          reasonText: LATE_REASON_LABELS[e.reason],
        })),
      );
    },
  );

  app.get(
    "/api/seasons/:seasonId/congresses",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Đại hội của các đơn vị trực thuộc",
        params: seasonParamsSchema,
        querystring: congressListQuerySchema,
        response: { 200: congressListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await listChildCongresses(
        db,
        callerOf(request).scope,
        request.params.seasonId,
        request.query.parentId,
      );
      return sendResult(reply, r, (rows) => rows.map(presentCongress));
    },
  );

  app.get(
    "/api/seasons/:seasonId/congresses/:orgId",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Đại hội của một đơn vị",
        params: congressParamsSchema,
        response: { 200: congressDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await getCongress(db, callerOf(request).scope, request.params.seasonId, request.params.orgId);
      return sendResult(reply, r, presentCongress);
    },
  );

  const afterChange = async (
    request: { params: { seasonId: number; orgId: number } },
    scope: Parameters<typeof getCongress>[1],
  ) => getCongress(db, scope, request.params.seasonId, request.params.orgId);

  app.put(
    "/api/seasons/:seasonId/congresses/:orgId/plan",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Lập hoặc sửa kế hoạch đại hội",
        params: congressParamsSchema,
        body: planBodySchema,
        response: { 200: congressDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const r = await changeCongress(
        db,
        c.actor,
        c.scope,
        request.params.seasonId,
        request.params.orgId,
        { kind: "plan", plan: request.body },
        todayInVietnam(),
      );
      if (!r.ok) return sendError(reply, r.error);
      return sendResult(reply, await afterChange(request, c.scope), presentCongress);
    },
  );

  app.post(
    "/api/seasons/:seasonId/congresses/:orgId/events",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Ghi nhận đại hội: đã tổ chức, nhập kết quả, chuẩn y, đổi lịch",
        params: congressParamsSchema,
        body: congressEventBodySchema,
        response: { 200: congressDtoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const r = await changeCongress(
        db,
        c.actor,
        c.scope,
        request.params.seasonId,
        request.params.orgId,
        { kind: "event", event: request.body },
        todayInVietnam(),
      );
      if (!r.ok) return sendError(reply, r.error);
      return sendResult(reply, await afterChange(request, c.scope), presentCongress);
    },
  );

  app.get(
    "/api/seasons/:seasonId/late.xlsx",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Xuất danh sách chậm tiến độ (.xlsx)",
        params: seasonParamsSchema,
        querystring: lateQuerySchema,
      },
    },
    async (request, reply) => {
      const r = await exportLateList(db, callerOf(request).scope, {
        seasonId: request.params.seasonId,
        ...request.query,
      });
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(reply, r.value.fileName, XLSX, r.value.data);
    },
  );

  app.get(
    "/api/seasons/:seasonId/congresses/import/template.xlsx",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Tệp mẫu cập nhật đại hội hàng loạt: mỗi đơn vị một dòng, điền sẵn điều đã biết",
        params: seasonParamsSchema,
        querystring: curvesQuerySchema.pick({ orgId: true }),
      },
    },
    async (request, reply) => {
      const r = await exportCongressFile(
        db,
        callerOf(request).scope,
        request.params.seasonId,
        request.query.orgId,
      );
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(reply, r.value.fileName, XLSX, r.value.data);
    },
  );

  app.post(
    "/api/seasons/:seasonId/congresses/import",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Cập nhật đại hội hàng loạt từ .xlsx (tất cả hoặc không)",
        description: "multipart/form-data với trường `file`. `dryRun=true` chỉ kiểm tra.",
        params: seasonParamsSchema,
        querystring: importCongressQuerySchema,
        response: { 200: importCongressResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = callerOf(request);
      const r = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return importCongressFile(db, c.actor, c.scope, request.params.seasonId, file.value.data, {
          dryRun: request.query.dryRun,
          today: todayInVietnam(),
        });
      });
      return sendResult(reply, r, (x) => x);
    },
  );

  app.get(
    "/api/seasons/:seasonId/progress/children.xlsx",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Xuất bảng tiến độ theo đơn vị trực thuộc (.xlsx)",
        params: seasonParamsSchema,
        querystring: progressQuerySchema,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await exportChildrenProgress(db, callerOf(request).scope, {
        seasonId: request.params.seasonId,
        orgId: q.orgId,
        level: q.level,
        asOf: q.asOf,
        filter: { kinds: q.kinds, orgLevels: q.orgLevels },
      });
      if (!r.ok) return sendError(reply, r.error);
      return sendDownload(reply, r.value.fileName, XLSX, r.value.data);
    },
  );
};
