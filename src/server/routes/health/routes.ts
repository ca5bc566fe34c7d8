import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { databaseHealth } from "../../../services/health.ts";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng máy chủ và cơ sở dữ liệu",
        response: {
          200: z.object({
            status: z.literal("ok"),
            engine: z.enum(["pglite", "postgres"]),
            migration: z.string(),
          }),
        },
      },
    },
    async () => ({ status: "ok" as const, ...(await databaseHealth(app.deps.database)) }),
  );
};
