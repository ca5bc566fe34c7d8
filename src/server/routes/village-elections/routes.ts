/**
 * Village-head election routes ("Dân tin – Đảng cử", issue 8): authorise → validate (zod) → one
 * service call → present. Commune officers write the villages of their subtree (write scope).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type Nomination, recognitionState, VILLAGE_STATUS_LABELS } from "../../../domain/village/index.ts";
import {
  appointInterimHead,
  createElectionDay,
  type ElectionDay,
  exportVillageFile,
  getBranchVillageLink,
  getChecklist,
  getVillageDashboard,
  getVillageElection,
  importVillageFile,
  listElectionDays,
  listVillageStatuses,
  recogniseVillageHead,
  recordVillageRound,
  setCommuneSteps,
  type VillageElectionView,
  type VillageRound,
  type VillageStatus,
  villageTemplate,
} from "../../../services/village-elections/index.ts";
import { todayInVietnam } from "../../clock.ts";
import { callerOf } from "../../context.ts";
import { sendError, sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import { readUpload, sendDownload, withImportSlot, XLSX } from "../../files.ts";
import { importQuerySchema } from "../organisations/schema.ts";
import {
  branchParamsSchema,
  checklistQuerySchema,
  checklistSchema,
  communeParamsSchema,
  createDayBodySchema,
  dashboardSchema,
  dayParamsSchema,
  type ElectionDayDto,
  electionDaySchema,
  importResultSchema,
  interimBodySchema,
  orgQuerySchema,
  recognitionBodySchema,
  roundBodySchema,
  stepsBodySchema,
  type VillageElectionDto,
  villageElectionSchema,
  villageListSchema,
  villageParamsSchema,
} from "./schema.ts";

const tags = ["Bầu trưởng thôn"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

const presentDay = (d: ElectionDay): ElectionDayDto => ({
  id: d.id,
  code: d.code,
  name: d.name,
  electionDate: d.electionDate,
  termStart: d.termStart,
  termEnd: d.termEnd,
  rootOrgId: d.rootOrgId,
  rootName: d.rootName,
  seasonId: d.seasonId,
  holidays: [...d.holidays],
});

const presentVillageRef = (v: Omit<VillageStatus, "status">) => ({
  id: v.id,
  code: v.code,
  name: v.name,
  kind: v.kind,
  branchId: v.branchId,
  communeId: v.communeId,
  communeName: v.communeName,
  districtId: v.districtId,
  districtName: v.districtName,
});

const presentRound = (r: VillageRound) => ({
  id: r.id,
  attempt: r.attempt,
  heldOn: r.heldOn,
  electorate: r.electorate,
  present: r.present,
  method: r.method as "show-of-hands" | "secret-ballot",
  issued: r.issued,
  collected: r.collected,
  valid: r.valid,
  invalid: r.invalid,
  team: [...r.team],
  proceduralVotes:
    r.methodApprovals === null || r.teamApprovals === null
      ? null
      : { method: r.methodApprovals, team: r.teamApprovals },
  outcome: r.outcome,
  explanation: r.explanation,
  decision: r.decision,
  recordedAt: r.recordedAt.toISOString(),
  candidates: r.candidates.map((c) => ({
    ...c,
    nomination: c.nomination as Nomination,
    gender: c.gender as "male" | "female",
  })),
});

/** The recognition of an elected head as of today (the server's clock, read at the edge). */
function presentRecognition(v: VillageElectionView): VillageElectionDto["recognition"] {
  if (v.electedOn === null || v.result?.status !== "elected") return null;
  const state = recognitionState(
    v.electedOn,
    v.result.recognisedOn,
    todayInVietnam(),
    new Set(v.day.holidays),
  );
  return {
    kind: state.kind,
    deadline: state.deadline,
    late: state.kind === "recognised" ? state.late : state.overdue,
    note: state.note,
  };
}

const presentElection = (v: VillageElectionView): VillageElectionDto => ({
  day: presentDay(v.day),
  village: presentVillageRef(v.village as VillageStatus),
  rounds: v.rounds.map(presentRound),
  result: v.result
    ? {
        status: v.result.status,
        statusLabel: VILLAGE_STATUS_LABELS[v.result.status],
        explanation: v.result.explanation,
        headName: v.result.headName,
        headPersonId: v.result.headPersonId,
        headPostId: v.result.headPostId,
        interimDecision: v.result.interimDecision,
        interimOn: v.result.interimOn,
        recognitionDecision: v.result.recognitionDecision,
        recognisedOn: v.result.recognisedOn,
        recognisedBy: v.result.recognisedBy,
      }
    : null,
  recognition: presentRecognition(v),
  next: v.next,
  link: {
    asOf: v.link.asOf,
    secretaries: [...v.link.secretaries],
    heads: [...v.link.heads],
    secretaryIsHead: v.link.secretaryIsHead,
  },
});

const today = () => new Date().toISOString().slice(0, 10);

export const villageElectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/village-elections",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các ngày bầu trưởng thôn, bản, khu phố",
        response: { 200: electionDaySchema.array(), ...errorResponses },
      },
    },
    async () => (await listElectionDays(db)).map(presentDay),
  );

  app.post(
    "/api/village-elections",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Tạo ngày bầu trưởng thôn cho cả tỉnh (quản trị viên)",
        body: createDayBodySchema,
        response: { 201: electionDaySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(reply, await createElectionDay(db, callerOf(request).actor, request.body), presentDay, 201),
  );

  app.get(
    "/api/village-elections/:dayId/dashboard",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "Bảng theo dõi ngày bầu: số thôn đã báo cáo theo huyện, xã; tỷ lệ tham dự; danh sách phải bầu lại",
        params: dayParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getVillageDashboard(
          db,
          callerOf(request).scope,
          request.params.dayId,
          request.query.orgId ?? null,
        ),
        (v) => ({ day: presentDay(v.day), org: v.org, dashboard: v.dashboard }),
      ),
  );

  app.get(
    "/api/village-elections/:dayId/checklist",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các bước theo luật trước ngày bầu, theo từng xã (đúng hạn, trễ hạn, chưa đến hạn)",
        params: dayParamsSchema,
        querystring: checklistQuerySchema,
        response: { 200: checklistSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getChecklist(
          db,
          callerOf(request).scope,
          request.params.dayId,
          request.query.orgId ?? null,
          request.query.asOf ?? today(),
        ),
        (v) => ({ ...v, day: presentDay(v.day) }),
      ),
  );

  app.put(
    "/api/village-elections/:dayId/steps/:communeId",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Ghi ngày thực hiện các bước (quyết định và kế hoạch, tổ bầu cử, niêm yết) của một xã",
        params: communeParamsSchema,
        body: stepsBodySchema,
        response: { 200: stepsBodySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await setCommuneSteps(
          db,
          caller.actor,
          caller.scope,
          request.params.dayId,
          request.params.communeId,
          request.body,
        ),
        (v) => v,
      );
    },
  );

  app.get(
    "/api/village-elections/:dayId/villages",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Các thôn, khu phố của một đơn vị và tình trạng bầu trưởng thôn",
        params: dayParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: villageListSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await listVillageStatuses(
          db,
          callerOf(request).scope,
          request.params.dayId,
          request.query.orgId ?? null,
        ),
        (v) => ({
          day: presentDay(v.day),
          org: v.org,
          villages: v.villages.map((x) => {
            const status = x.status ?? "not-reported";
            return {
              ...presentVillageRef(x),
              status,
              statusLabel: VILLAGE_STATUS_LABELS[status],
              headName: x.headName,
              explanation: x.explanation,
            };
          }),
        }),
      ),
  );

  app.get(
    "/api/village-elections/:dayId/villages/:villageId",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "Kết quả bầu trưởng thôn của một thôn: các lần bầu, người trúng cử, liên hệ với bí thư chi bộ",
        params: villageParamsSchema,
        response: { 200: villageElectionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getVillageElection(db, callerOf(request).scope, request.params.dayId, request.params.villageId),
        presentElection,
      ),
  );

  app.get(
    "/api/village-elections/branches/:orgId",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "Chi bộ thôn: kết quả bầu trưởng thôn của thôn chi bộ phụ trách (ngày bầu gần nhất) và bí thư chi bộ có đồng thời là trưởng thôn không",
        params: branchParamsSchema,
        response: { 200: villageElectionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await getBranchVillageLink(db, callerOf(request).scope, request.params.orgId),
        presentElection,
      ),
  );

  app.post(
    "/api/village-elections/:dayId/villages/:villageId/rounds",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary:
          "Ghi hội nghị bầu trưởng thôn (lần 1, hoặc lần 2 khi bầu lại): phần mềm quyết định và giải thích",
        description:
          "Gửi lại đúng biên bản đã ghi không ghi thêm gì (an toàn khi thử lại). Người trúng cử được ghi vào danh sách nhân sự; chức vụ trưởng thôn bắt đầu khi UBND cấp xã công nhận (POST …/recognition). Các biểu quyết thủ tục (hình thức bầu, tổ bầu cử) phải quá 1/2 số có mặt và được lưu cùng biên bản.",
        params: villageParamsSchema,
        body: roundBodySchema,
        response: { 200: villageElectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await recordVillageRound(
          db,
          caller.actor,
          caller.scope,
          request.params.dayId,
          request.params.villageId,
          request.body,
        ),
        presentElection,
      );
    },
  );

  app.post(
    "/api/village-elections/:dayId/villages/:villageId/recognition",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary:
          "Ghi quyết định của UBND cấp xã công nhận kết quả bầu trưởng thôn: trưởng thôn nhận nhiệm vụ từ ngày công nhận",
        description:
          "Nghị định 59/2023: UBND cấp xã công nhận trong 5 ngày làm việc kể từ ngày bầu (trừ thứ Bảy, Chủ nhật và các ngày nghỉ lễ của ngày bầu). Công nhận muộn vẫn ghi, kèm cảnh báo; ngày công nhận trước ngày bầu hoặc sau hôm nay bị từ chối. Chức vụ trưởng thôn bắt đầu từ ngày công nhận. Gửi lại đúng quyết định đã ghi không ghi thêm gì.",
        params: villageParamsSchema,
        body: recognitionBodySchema,
        response: { 200: villageElectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await recogniseVillageHead(
          db,
          caller.actor,
          caller.scope,
          request.params.dayId,
          request.params.villageId,
          request.body,
          todayInVietnam(),
        ),
        presentElection,
      );
    },
  );

  app.post(
    "/api/village-elections/:dayId/villages/:villageId/interim",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Ghi quyết định của Chủ tịch UBND xã cử trưởng thôn lâm thời (sau khi bầu lại không thành)",
        params: villageParamsSchema,
        body: interimBodySchema,
        response: { 200: villageElectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await appointInterimHead(
          db,
          caller.actor,
          caller.scope,
          request.params.dayId,
          request.params.villageId,
          request.body,
        ),
        presentElection,
      );
    },
  );

  // The empty template and the export share one layout and differ only in what fills it.
  for (const [file, summary, build] of [
    [
      "template.xlsx",
      "Tải tệp mẫu nhập kết quả bầu trưởng thôn (.xlsx), có sẵn các thôn của đơn vị",
      villageTemplate,
    ],
    ["export.xlsx", "Xuất kết quả bầu trưởng thôn (.xlsx, đúng mẫu nhập)", exportVillageFile],
  ] as const) {
    app.get(
      `/api/village-elections/:dayId/${file}`,
      {
        config: { access: "read" },
        schema: { tags, summary, params: dayParamsSchema, querystring: orgQuerySchema },
      },
      async (request, reply) => {
        const r = await build(db, callerOf(request).scope, request.params.dayId, request.query.orgId ?? null);
        if (!r.ok) return sendError(reply, r.error);
        return sendDownload(reply, r.value.fileName, XLSX, r.value.data);
      },
    );
  }

  app.post(
    "/api/village-elections/:dayId/import",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Nhập kết quả bầu trưởng thôn từ .xlsx (tất cả hoặc không)",
        description: "multipart/form-data với trường `file`. `dryRun=true` chỉ kiểm tra, không ghi.",
        params: dayParamsSchema,
        querystring: importQuerySchema,
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const result = await withImportSlot(request, async () => {
        const file = await readUpload(request);
        if (!file.ok) return file;
        return importVillageFile(db, caller.actor, caller.scope, request.params.dayId, file.value.data, {
          dryRun: request.query.dryRun,
          today: todayInVietnam(),
        });
      });
      return sendResult(reply, result, (s) => s);
    },
  );
};
