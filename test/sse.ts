/**
 * Live-update tests across server processes: server A listens on a real port for a browser's
 * EventSource while writes go through server B. On PostgreSQL B has its own pool and listening
 * connection, as a second process would; on PGlite both share the one embedded database.
 */

import { createDb, type Database } from "../src/db/client.ts";
import { buildServer } from "../src/server/app.ts";
import { seedTestUsers } from "./app.ts";
import type { TestDatabase } from "./db.ts";

type Server = Awaited<ReturnType<typeof buildServer>>;

export interface TwoServers {
  /** Listens on 127.0.0.1 (a free port): the browser's side. */
  readonly a: Server;
  /** Ready for inject: the side that writes. */
  readonly b: Server;
  /** Closes both servers and B's own connections; the test database itself stays. */
  close(): Promise<void>;
}

/** Builds the two servers on an already seeded test database, with the test users on it. */
export async function startTwoServers(t: TestDatabase): Promise<TwoServers> {
  const second: Database =
    t.database.config.kind === "postgres" ? await createDb(t.database.config) : t.database;
  const a = await buildServer({ database: t.database, webDir: null });
  const b = await buildServer({ database: second, webDir: null });
  await seedTestUsers(a);
  await a.listen({ port: 0, host: "127.0.0.1" });
  await b.ready();
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      if (second !== t.database) await second.close();
    },
  };
}

/** Reads SSE frames from a live response until `want` events arrived or the time is up. */
export async function readEvents(
  res: Response,
  want: number,
  ms: number,
): Promise<{ event: string; data: string; at: number }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  // `at`: when the event arrived, so a test can time delivery apart from the wait for events that
  // (rightly) never come.
  const events: { event: string; data: string; at: number }[] = [];
  const deadline = Date.now() + ms;
  while (events.length < want && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (chunk === null || chunk.done) break;
    buf += decoder.decode(chunk.value, { stream: true });
    let idx = buf.indexOf("\n\n");
    while (idx >= 0) {
      const frame = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data, at: Date.now() });
      idx = buf.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}
