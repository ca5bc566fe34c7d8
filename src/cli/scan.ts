/**
 * `daihoi scan FILES… --election ID --bundle N --user NAME`: the scanner's files of one bundle
 * counted as that member's scan entry, on the server's own database. Each page is reported as the
 * web page reports it; doubted pages wait for the counting committee in the web app.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { FULL_ACCESS } from "../services/access.ts";
import type { Database } from "../services/database.ts";
import { findUserByName as findUserByUsername } from "../services/users.ts";

const OUTCOME_WORDS = {
  counted: "đã đếm",
  pending: "chờ Ban kiểm phiếu xem",
  duplicate: "trùng",
  refused: "không nhận",
  unreadable: "không đọc được",
  "too-many": "thừa",
} as const;

export function registerScanCommand(
  program: Command,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  fail: (message: string) => never,
): void {
  program
    .command("scan <files...>")
    .description(
      "Đếm phiếu từ ảnh quét/chụp (PDF, TIFF, JPEG, PNG) của một tập phiếu — một lượt nhập độc lập",
    )
    .requiredOption("--election <id>", "số của cuộc bầu cử")
    .requiredOption("--bundle <n>", "số tập phiếu")
    .requiredOption("--user <name>", "tài khoản thành viên Ban kiểm phiếu đứng tên lượt quét")
    .action((files: string[], o: { election: string; bundle: string; user: string }) =>
      withDatabase(async (d) => {
        const user = await findUserByUsername(d.db, o.user);
        if (!user) fail(`Không có tài khoản "${o.user}"`);
        const { scanBundle } = await import("../services/elections/index.ts");
        const inputs = await Promise.all(
          files.map(async (f) => ({ name: basename(f), data: new Uint8Array(await readFile(f)) })),
        );
        const r = await scanBundle(
          d.db,
          { actor: { userId: user.id, label: user.username }, access: FULL_ACCESS, sessionId: null },
          Number(o.election),
          Number(o.bundle),
          inputs,
        );
        if (!r.ok) fail(r.error.message);
        for (const p of r.value.pages)
          console.log(
            `${p.file} trang ${p.page}: ${OUTCOME_WORDS[p.outcome]}${p.seq ? ` (phiếu ${p.seq})` : ""} — ${p.message}`,
          );
        console.log(
          `Tập ${r.value.bundleNumber}: ${r.value.counted}/${r.value.expected} phiếu đã đếm, ${r.value.pending} chờ xem${r.value.entryFinished ? "; lượt quét đã hoàn thành" : ""}.`,
        );
      }),
    );
}
