/**
 * Live updates by server-sent events. Every server process LISTENs on the database channel that
 * congress writes NOTIFY (inside their transaction, so only committed changes are announced), and
 * forwards each event to its own connected browsers whose scope covers the changed organisation.
 * Several processes on one PostgreSQL therefore all deliver every change.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Scope } from "../../services/access.ts";
import { CONGRESS_EVENTS_CHANNEL } from "../../services/congresses/index.ts";
import { ELECTION_EVENTS_CHANNEL } from "../../services/elections/index.ts";
import { VILLAGE_EVENTS_CHANNEL } from "../../services/village-elections/index.ts";
import { callerOf } from "../context.ts";
import { queryBoolean } from "../routes/organisations/schema.ts";

interface Client {
  readonly reply: FastifyReply;
  readonly scope: Scope;
  /** Congresses whose count the user's counting-committee grants cover (election events). */
  readonly countingCongressIds: readonly number[];
}

function covers(scope: Scope, path: string): boolean {
  if (scope.kind === "all") return true;
  return scope.paths.some((p) => path === p || path.startsWith(`${p}.`));
}

export async function registerEvents(app: FastifyInstance): Promise<void> {
  const clients = new Set<Client>();
  let unlisten: (() => Promise<void>) | null = null;
  let unlistenElections: (() => Promise<void>) | null = null;
  let unlistenVillage: (() => Promise<void>) | null = null;

  app.addHook("onReady", async () => {
    unlisten = await app.deps.database.listen(CONGRESS_EVENTS_CHANNEL, (payload) => {
      let event: { seasonId: number; path: string };
      try {
        event = JSON.parse(payload);
      } catch {
        return;
      }
      const frame = `event: congress\ndata: ${JSON.stringify(event)}\n\n`;
      for (const c of clients) if (covers(c.scope, event.path)) c.reply.raw.write(frame);
    });
    // A count's changes: `event: election` to those who see the organisation or count at the congress.
    unlistenElections = await app.deps.database.listen(ELECTION_EVENTS_CHANNEL, (payload) => {
      let event: { electionId: number; congressId: number; path: string; kind: string; version: number };
      try {
        event = JSON.parse(payload);
      } catch {
        return;
      }
      const { path, ...data } = event;
      const frame = `event: election\ndata: ${JSON.stringify(data)}\n\n`;
      for (const c of clients)
        if (covers(c.scope, path) || c.countingCongressIds.includes(event.congressId))
          c.reply.raw.write(frame);
    });
    // Village-head election results (issue 8): event "village", payload {"dayId","path","villageId"?}.
    unlistenVillage = await app.deps.database.listen(VILLAGE_EVENTS_CHANNEL, (payload) => {
      let event: { dayId: number; path: string };
      try {
        event = JSON.parse(payload);
      } catch {
        return;
      }
      const frame = `event: village\ndata: ${JSON.stringify(event)}\n\n`;
      for (const c of clients) if (covers(c.scope, event.path)) c.reply.raw.write(frame);
    });
  });
  app.addHook("onClose", async () => {
    for (const c of clients) c.reply.raw.end();
    clients.clear();
    await unlisten?.();
    await unlistenElections?.();
    await unlistenVillage?.();
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/events",
    {
      config: { access: "read" },
      schema: {
        tags: ["Hệ thống"],
        summary:
          "Sự kiện trực tiếp (server-sent events): event congress khi một đại hội được ghi nhận, event election khi kiểm phiếu thay đổi, event village khi một thôn báo cáo kết quả bầu trưởng thôn",
        description: "`once=1` sends the opening frame and closes (health checks, tests).",
        querystring: z.object({ once: queryBoolean.default(false) }),
      },
    },
    (request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      reply.raw.write("retry: 3000\n: connected\n\n");
      if (request.query.once) {
        reply.raw.end();
        return;
      }
      const caller = callerOf(request);
      const client: Client = {
        reply,
        scope: caller.scope,
        countingCongressIds: caller.access.countingCongressIds ?? [],
      };
      clients.add(client);
      // A comment every 25 s keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => reply.raw.write(": ping\n\n"), 25_000);
      request.raw.on("close", () => {
        clearInterval(heartbeat);
        clients.delete(client);
      });
    },
  );
}
