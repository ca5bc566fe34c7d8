/** Listens, with timeouts and a graceful close on SIGINT/SIGTERM. The only file that calls listen(). */
import type { Database } from "../services/database.ts";
import { buildServer } from "./app.ts";

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  readonly database: Database;
  readonly webDir?: string | null;
  readonly logLevel?: string;
}

export async function startServer(options: ListenOptions): Promise<{ url: string; close(): Promise<void> }> {
  const app = await buildServer({
    database: options.database,
    webDir: options.webDir,
    logger: { level: options.logLevel ?? "info" },
  });
  app.server.requestTimeout = 120_000;
  app.server.keepAliveTimeout = 65_000;
  const address = await app.listen({ port: options.port, host: options.host });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await options.database.close();
    })();
    return closing;
  };
  return { url: address, close };
}
