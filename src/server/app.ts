/**
 * Builds the Fastify app from plugins (external → app → routes) with one error handler and no
 * `listen` (src/server/main.ts listens). Tests build it and use `app.inject`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { installVietnameseErrors } from "../domain/basics/zod-vietnamese.ts";
import { type AuthPolicy, authPolicyFromEnv } from "../services/accounts.ts";
import type { Database } from "../services/database.ts";
import { installErrorHandler, installNotFoundHandler } from "./errors.ts";
import { registerAuth } from "./plugins/auth.ts";
import { registerEvents } from "./plugins/events.ts";
import { registerSecurity } from "./plugins/security.ts";
import { registerWebApp } from "./plugins/web-app.ts";
import { auditRoutes } from "./routes/audit/routes.ts";
import { authRoutes } from "./routes/auth/routes.ts";
import { congressRoutes } from "./routes/congresses/routes.ts";
import { electionRoutes } from "./routes/elections/routes.ts";
import { healthRoutes } from "./routes/health/routes.ts";
import { indicatorRoutes } from "./routes/indicators/routes.ts";
import { organisationRoutes } from "./routes/organisations/routes.ts";
import { peopleRoutes } from "./routes/people/routes.ts";
import { petitionRoutes } from "./routes/petitions/routes.ts";
import { reportRoutes } from "./routes/reports/routes.ts";
import { scanRoutes } from "./routes/scans/routes.ts";
import { userRoutes } from "./routes/users/routes.ts";
import { villageElectionRoutes } from "./routes/village-elections/routes.ts";

export interface ServerDeps {
  readonly database: Database;
  /** Folder of the built web app; null serves the API only. */
  readonly webDir?: string | null;
  readonly logger?: FastifyServerOptions["logger"];
  /** Session lifetimes, lockout and the clock; from the environment by default. */
  readonly authPolicy?: AuthPolicy;
  /** Login requests per minute from one address (in-process limit before the DB lockout). */
  readonly loginRateLimitPerMinute?: number;
}

/** Who may call a route (see plugins/auth.ts). Every route declares one; registration fails otherwise. */
export type { RouteAccess } from "./plugins/auth.ts";

declare module "fastify" {
  interface FastifyInstance {
    deps: ServerDeps;
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
  installVietnameseErrors();
  installErrorHandler(app);

  await registerSecurity(app);
  await registerAuth(app, deps.authPolicy ?? authPolicyFromEnv());
  // Imports and attachments read through readUpload (MAX_UPLOAD_BYTES); ballot scans may be larger.
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
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(organisationRoutes);
  await app.register(congressRoutes);
  await app.register(peopleRoutes);
  await app.register(indicatorRoutes);
  await app.register(reportRoutes);
  await app.register(electionRoutes);
  await app.register(scanRoutes);
  await app.register(villageElectionRoutes);
  await app.register(petitionRoutes);
  await registerEvents(app);

  const webDir = deps.webDir === undefined ? DEFAULT_WEB_DIR : deps.webDir;
  const serveWebApp = Boolean(webDir && existsSync(join(webDir, "index.html")));
  if (serveWebApp) {
    await registerWebApp(app, webDir!);
  }
  installNotFoundHandler(app, serveWebApp);
  return app;
}
