/**
 * Indicator routes: authorise → validate (zod) → one service call → present. The counting is the
 * domain engine's (src/domain/indicators); these only shape its values.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { IndicatorEntry } from "../../../services/indicators/context.ts";
import { listIndicatorEntries } from "../../../services/indicators/context.ts";
import {
  createIndicatorDefinition,
  deleteIndicatorDefinition,
  updateIndicatorDefinition,
} from "../../../services/indicators/definitions.ts";
import type { IndicatorRow } from "../../../services/indicators/evaluate.ts";
import { drillIndicator, evaluateIndicators } from "../../../services/indicators/evaluate.ts";
import { callerOf } from "../../context.ts";
import { sendResult } from "../../errors.ts";
import { errorResponsesFor } from "../../errors-schema.ts";
import {
  catalogSchema,
  codeParamsSchema,
  definitionBodySchema,
  definitionIdParamsSchema,
  drillQuerySchema,
  drillResultSchema,
  type IndicatorInfo,
  type IndicatorValueDto,
  indicatorInfoSchema,
  indicatorQuerySchema,
  indicatorValuesSchema,
} from "./schema.ts";

const tags = ["Chỉ tiêu"];
const errorResponses = errorResponsesFor(400, 403, 404, 409, 422);

function presentInfo(e: IndicatorEntry): IndicatorInfo {
  return {
    code: e.def.code,
    name: e.def.name,
    description: e.def.description,
    group: e.def.group ?? null,
    custom: e.customId === null ? null : { id: e.customId, orgId: e.customOrgId },
    definition: e.def,
  };
}

function presentValue(row: IndicatorRow): IndicatorValueDto {
  const { definition: _d, ...info } = presentInfo(row.entry);
  const v = row.value;
  const reported = row.entry.def.reported ?? null;
  return {
    ...info,
    subject: v?.subject ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    percent: v?.percent ?? null,
    percentValue: v?.percentValue ?? null,
    ratioText: v?.ratioText ?? null,
    target: v?.target
      ? {
          text: v.target.text,
          status: v.target.status,
          statusLabel: v.target.statusLabel,
          due: v.target.target.due,
        }
      : null,
    definitionTarget: row.entry.def.target?.unit === "percent" ? row.entry.def.target.value : null,
    baselines: (v?.baselines ?? []).map((b) => ({ ...b })),
    aggregates: (v?.aggregates ?? []).map((a) => ({
      measure: a.measure,
      over: a.over,
      count: a.count,
      min: a.min ? { value: a.min.value, text: a.min.text } : null,
      max: a.max ? { value: a.max.value, text: a.max.text } : null,
      mean: a.mean,
    })),
    byChild: (v?.byChild ?? []).map((c) => ({
      orgId: c.orgId === null ? null : Number(c.orgId),
      name: c.name,
      numerator: c.numerator,
      denominator: c.denominator,
      percent: c.percent,
      percentValue: c.denominator === 0 ? null : (c.numerator / c.denominator) * 100,
    })),
    reported: reported
      ? {
          numerator: reported.numerator,
          denominator: reported.denominator,
          percent: reported.percent,
          source: reported.source,
        }
      : null,
    undecidedLocality: v?.undecidedLocality.length ?? 0,
    error: row.error ? { code: row.error.code, message: row.error.message } : null,
  };
}

const ruleOf = (q: { decimals: number; rounding: "half-up" | "half-even" | "truncate" }) => ({
  decimals: q.decimals,
  mode: q.rounding,
  trimZeros: false,
});

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get(
    "/api/indicators/catalog",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Danh mục chỉ tiêu: có sẵn và do người dùng định nghĩa",
        response: { 200: catalogSchema },
      },
    },
    async (request) => (await listIndicatorEntries(db, callerOf(request).scope)).map(presentInfo),
  );

  app.get(
    "/api/indicators",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Giá trị mọi chỉ tiêu của một đơn vị (cả cây bên dưới) tại một ngày",
        querystring: indicatorQuerySchema,
        response: { 200: indicatorValuesSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await evaluateIndicators(db, callerOf(request).scope, {
        orgId: q.orgId,
        asOf: q.asOf,
        seasonId: q.seasonId,
        percentRule: ruleOf(q),
        codes: q.codes?.split(","),
      });
      return sendResult(reply, result, (v) => ({
        org: { id: v.org.id, code: v.org.code, name: v.org.name },
        season: v.season ? { id: v.season.id, code: v.season.season.code, name: v.season.season.name } : null,
        asOf: v.asOf,
        indicators: v.rows.map(presentValue),
      }));
    },
  );

  app.get(
    "/api/indicators/:code/members",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Những người (hoặc tổ chức) được tính ở tử số, mẫu số, hoặc chưa đạt",
        params: codeParamsSchema,
        querystring: drillQuerySchema,
        response: { 200: drillResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await drillIndicator(db, callerOf(request).scope, {
        orgId: q.orgId,
        asOf: q.asOf,
        seasonId: q.seasonId,
        percentRule: ruleOf(q),
        code: request.params.code,
        side: q.side,
        childOrgId: q.childOrgId,
        limit: q.limit,
        offset: q.offset,
      });
      return sendResult(reply, result, (d) => ({
        code: d.entry.def.code,
        name: d.entry.def.name,
        side: d.side,
        ratioText: d.value.ratioText,
        total: d.total,
        members: d.members.map((m) => ({ ...m })),
      }));
    },
  );

  app.post(
    "/api/indicators/definitions",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Định nghĩa một chỉ tiêu mới (tập hợp, điều kiện, chỉ tiêu phấn đấu)",
        body: definitionBodySchema,
        response: { 201: indicatorInfoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await createIndicatorDefinition(db, caller.actor, caller.scope, request.body),
        presentInfo,
        201,
      );
    },
  );

  app.put(
    "/api/indicators/definitions/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Sửa một chỉ tiêu do người dùng định nghĩa",
        params: definitionIdParamsSchema,
        body: definitionBodySchema,
        response: { 200: indicatorInfoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await updateIndicatorDefinition(db, caller.actor, caller.scope, request.params.id, request.body),
        presentInfo,
      );
    },
  );

  app.delete(
    "/api/indicators/definitions/:id",
    {
      config: { access: "write" },
      schema: {
        tags,
        summary: "Xóa một chỉ tiêu do người dùng định nghĩa",
        params: definitionIdParamsSchema,
        response: { 200: z.object({ deleted: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      return sendResult(
        reply,
        await deleteIndicatorDefinition(db, caller.actor, caller.scope, request.params.id),
        () => ({ deleted: true as const }),
      );
    },
  );
};
