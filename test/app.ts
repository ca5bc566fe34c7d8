/** API tests: the real app on a fresh test database, driven through app.inject. */
import type { FastifyInstance } from "fastify";
import { buildServer } from "../src/server/app.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

export interface TestApp {
  readonly app: FastifyInstance;
  readonly t: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  const app = await buildServer({ database: t.database, webDir: null });
  await app.ready();
  return {
    app,
    t,
    async close() {
      await app.close();
      await t.cleanup();
    },
  };
}

/** Headers every state-changing request from the web app carries. */
export const WRITE_HEADERS = { "x-requested-with": "daihoi" } as const;

/** A multipart body with one file field, for import routes. */
export function multipartFile(
  field: string,
  fileName: string,
  data: Uint8Array,
  contentType = "application/octet-stream",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----daihoi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(data), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
