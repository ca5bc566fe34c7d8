/**
 * The running server's local control channel, for the embedded database only: the server owns the
 * PGlite data directory (src/db/lock.ts), so `daihoi backup` cannot open it and asks the server.
 *
 * A Unix socket next to the data directory (`data` → `data.sock`, src/db/backup.ts), mode 0600:
 * only the operating-system account that runs the server (and root) can connect; it is not on the
 * network at all. One request: `POST /backup` answers the gzip tarball of the data directory, with
 * the audit log's anchor at that moment in the `x-daihoi-audit-anchor` header.
 */
import { chmodSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { currentAuditAnchorText } from "../db/audit.ts";
import { controlSocketPath } from "../db/backup.ts";
import type { Database } from "../db/client.ts";

export interface ControlChannel {
  readonly socketPath: string;
  close(): Promise<void>;
}

export async function startControlChannel(database: Database, dataDir: string): Promise<ControlChannel> {
  const socketPath = controlSocketPath(dataDir);
  // We hold the directory's lock: a socket file left here is from a process that has died.
  rmSync(socketPath, { force: true });
  let busy = false;
  const server: Server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Không có yêu cầu này.");
      return;
    }
    if (busy || !database.backupDataDir) {
      res
        .writeHead(409, { "content-type": "text/plain; charset=utf-8" })
        .end("Máy chủ đang sao lưu; hãy chạy lại sau ít phút.");
      return;
    }
    busy = true;
    void (async () => {
      try {
        // The anchor first: every entry up to it is in the dump taken just after.
        const anchor = await currentAuditAnchorText(database.db);
        const data = await database.backupDataDir!();
        res.writeHead(200, {
          "content-type": "application/gzip",
          "content-length": String(data.byteLength),
          "x-daihoi-audit-anchor": anchor,
        });
        res.end(data);
      } catch (e) {
        res
          .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
          .end(`Máy chủ không sao lưu được: ${(e as Error).message}`);
      } finally {
        busy = false;
      }
    })();
  });
  // Created owner-only (umask), then made sure of (chmod): no moment where others may connect.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}
