/**
 * Serves the built web app (dist/web): hashed files under /assets/ are cached by browsers for a year
 * as immutable (a new build has new names), everything else (index.html) is revalidated on every
 * visit; each file goes out brotli- or gzip-compressed from the .br/.gz siblings the build wrote
 * (vite.config.ts), so nothing is compressed per request.
 */
import { sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export function cacheControlFor(filePath: string): string {
  return filePath.includes(`${sep}assets${sep}`) ? IMMUTABLE : REVALIDATE;
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header("cache-control", cacheControlFor(filePath));
    },
  });
}
