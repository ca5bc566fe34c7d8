/**
 * Builds the Fastify app from plugins (external → app → routes) with one error handler and no
 * `listen` (src/server/main.ts listens). Tests build it and use `app.inject`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Database } from "../db/client.ts";
import { installErrorHandler, installNotFoundHandler } from "./errors.ts";
import { registerSecurity } from "./plugins/security.ts";
import { healthRoutes } from "./routes/health/routes.ts";
import { organisationRoutes } from "./routes/organisations/routes.ts";

export interface ServerDeps {
  readonly database: Database;
  /** Folder of the built web app; null serves the API only. */
  readonly webDir?: string | null;
  readonly logger?: FastifyServerOptions["logger"];
}

/** Who may call a route. Every route declares one; the authorisation matrix test enforces it. */
export type RouteAccess = "public" | "read" | "write" | "admin";

declare module "fastify" {
  interface FastifyInstance {
    deps: ServerDeps;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const DEFAULT_WEB_DIR = join(import.meta.dirname, "..", "..", "dist", "web");

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // Behind a reverse proxy, X-Forwarded-* tell the client's address and scheme.
    trustProxy: process.env.TRUST_PROXY === "1",
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", deps);
  installErrorHandler(app);

  await registerSecurity(app);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Đại Hội API",
        version: "0.1.0",
        description: "API JSON của phần mềm quản lý mùa đại hội đảng bộ các cấp",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  await app.register(healthRoutes);
  await app.register(organisationRoutes);

  const webDir = deps.webDir === undefined ? DEFAULT_WEB_DIR : deps.webDir;
  const serveWebApp = Boolean(webDir && existsSync(join(webDir, "index.html")));
  if (serveWebApp) {
    await app.register(fastifyStatic, { root: webDir!, prefix: "/", wildcard: false, index: ["index.html"] });
  }
  installNotFoundHandler(app, serveWebApp);
  return app;
}
