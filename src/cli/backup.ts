/**
 * `daihoi backup FILE` and `daihoi restore FILE` (README, "Sao lưu và khôi phục").
 *
 * backup — safe while the server runs. PostgreSQL: pg_dump (a consistent snapshot). PGlite: when no
 * one holds the data directory, this process opens it and dumps it; when the server holds it, the
 * server dumps it and sends it through its control socket (./control-channel.ts). Prints the audit
 * log's anchor at that moment: after a restore, `daihoi audit verify --anchor` proves the copy.
 *
 * restore — only into a fresh database: an empty or missing PGlite data directory, or an empty
 * PostgreSQL database. Refuses while a server owns the directory. Verifies the audit log afterwards.
 */
import {
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import type { Command } from "commander";
import { currentAuditAnchorText, openAuditKey, verifyAuditChain } from "../db/audit.ts";
import { auditKeyWhere } from "../db/audit-key.ts";
import {
  backupKindOfFile,
  controlSocketPath,
  countUserTables,
  isDirectoryFresh,
  pgDump,
  pgRestore,
} from "../db/backup.ts";
import { createDb, type DbConfig, dbConfigFromEnv } from "../db/client.ts";
import { DataDirLockedError, lockDataDir } from "../db/lock.ts";
import { migrateDb } from "../db/migrate.ts";
import { formatNumber } from "../domain/format/number.ts";

const ENGINE_NAMES = { pglite: "PGlite (cơ sở dữ liệu nhúng)", postgres: "PostgreSQL" } as const;

function sizeText(file: string): string {
  const bytes = statSync(file).size;
  return bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`
    : `${formatNumber(Math.ceil(bytes / 1024))} KB`;
}

/** Asks the running server for a dump of its data directory; writes it to `tmp`; returns the anchor. */
function backupThroughServer(dataDir: string, tmp: string, locked: DataDirLockedError): Promise<string> {
  const socketPath = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method: "POST", path: "/backup" }, (res) => {
      if (res.statusCode !== 200) {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => reject(new Error(text || `Máy chủ trả lời ${res.statusCode}`)));
        return;
      }
      const anchor = String(res.headers["x-daihoi-audit-anchor"] ?? "");
      const out = createWriteStream(tmp);
      res.pipe(out);
      out.on("finish", () => resolve(anchor));
      out.on("error", reject);
      res.on("error", reject);
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === "ENOENT" || e.code === "ECONNREFUSED"
            ? `${locked.message.split(" — ")[0]}, và tiến trình đó không nhận yêu cầu sao lưu (chỉ máy chủ "daihoi start"/"daihoi serve" nhận). Hãy chạy lại khi lệnh đó xong.`
            : `Không hỏi được máy chủ qua ${socketPath}: ${e.message}`,
        ),
      );
    });
    req.end();
  });
}

async function backup(file: string, fail: (message: string) => never): Promise<void> {
  const config = dbConfigFromEnv();
  const tmp = `${file}.tmp-${process.pid}`;
  let anchor: string;
  let how = "";
  try {
    if (config.kind === "postgres") {
      // The anchor first: every entry up to it is in the snapshot pg_dump takes just after.
      const database = await createDb(config);
      try {
        anchor = await currentAuditAnchorText(database.db);
      } finally {
        await database.close();
      }
      await pgDump(config.url, tmp);
    } else {
      const dataDir = config.dataDir ?? "./data";
      if (isDirectoryFresh(dataDir)) fail(`Không có cơ sở dữ liệu nào trong ${dataDir} để sao lưu.`);
      let database: Awaited<ReturnType<typeof createDb>> | null = null;
      try {
        database = await createDb(config);
      } catch (e) {
        if (!(e instanceof DataDirLockedError)) throw e;
        anchor = await backupThroughServer(dataDir, tmp, e);
        how = " qua máy chủ đang chạy";
      }
      if (database) {
        try {
          anchor = await currentAuditAnchorText(database.db);
          writeFileSync(tmp, await database.backupDataDir!());
        } finally {
          await database.close();
        }
      }
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  console.log(`Đã sao lưu cơ sở dữ liệu ${ENGINE_NAMES[config.kind]}${how} ra ${file} (${sizeText(file)}).`);
  console.log(`Mã kiểm tra nhật ký lúc sao lưu: ${anchor!}`);
  console.log(
    `Khóa nhật ký KHÔNG nằm trong bản sao lưu: hãy sao lưu riêng ${auditKeyWhere(config)} (README, "Sao lưu và khôi phục").`,
  );
}

function refuseWhileRunning(dataDir: string, e: DataDirLockedError): string {
  return `${e.message.split(" — ")[0]}. Không khôi phục khi máy chủ đang chạy trên thư mục này: khôi phục vào một thư mục mới (DAIHOI_DATA_DIR=./data-khoi-phuc), hoặc dừng máy chủ trước. Thư mục ${dataDir} không bị thay đổi.`;
}

async function restore(file: string, fail: (message: string) => never): Promise<void> {
  if (!existsSync(file)) fail(`Không có tệp ${file}.`);
  const kind = backupKindOfFile(file);
  if (!kind) fail(`Tệp ${file} không phải bản sao lưu của Đại Hội (daihoi backup).`);
  const config: DbConfig = dbConfigFromEnv();
  if (kind !== config.kind)
    fail(
      `Tệp ${file} là bản sao lưu ${ENGINE_NAMES[kind]} nhưng cơ sở dữ liệu đích là ${ENGINE_NAMES[config.kind]}. ` +
        (kind === "postgres"
          ? "Đặt DATABASE_URL trỏ tới một cơ sở dữ liệu PostgreSQL mới, trống."
          : "Bỏ DATABASE_URL và đặt DAIHOI_DATA_DIR trỏ tới một thư mục mới."),
    );
  let database: Awaited<ReturnType<typeof createDb>>;
  let target: string;
  if (config.kind === "postgres") {
    target = "cơ sở dữ liệu PostgreSQL trong DATABASE_URL";
    const tables = await countUserTables(config.url);
    if (tables > 0)
      fail(
        `Cơ sở dữ liệu đích (DATABASE_URL) đã có ${formatNumber(tables)} bảng; chỉ khôi phục vào một cơ sở dữ liệu mới, trống ` +
          "(ví dụ: createdb daihoi_khoi_phuc, rồi đặt DATABASE_URL=postgres://…/daihoi_khoi_phuc). Không thay đổi gì.",
      );
    await pgRestore(config.url, file);
    database = await createDb(config);
  } else {
    const dataDir = config.dataDir ?? "./data";
    target = `thư mục ${dataDir}`;
    if (!isDirectoryFresh(dataDir)) {
      try {
        lockDataDir(dataDir).release();
      } catch (e) {
        if (e instanceof DataDirLockedError) fail(refuseWhileRunning(dataDir, e));
        throw e;
      }
      fail(
        `Thư mục dữ liệu ${dataDir} đã có dữ liệu; chỉ khôi phục vào một thư mục mới hoặc trống ` +
          "(đặt DAIHOI_DATA_DIR=./data-khoi-phuc). Không thay đổi gì.",
      );
    }
    try {
      database = await createDb({ ...config, loadDataDir: new Blob([readFileSync(file)]) });
    } catch (e) {
      if (e instanceof DataDirLockedError) fail(refuseWhileRunning(dataDir, e));
      throw e;
    }
  }
  try {
    await migrateDb(database);
    const key = await openAuditKey(database, "load");
    const v = await verifyAuditChain(database.db, { key });
    console.log(`Đã khôi phục bản sao lưu ${file} vào ${target}.`);
    if (!v.ok) {
      const hint = key ? "" : ` Chép tệp khóa nhật ký của cơ sở dữ liệu gốc vào ${auditKeyWhere(config)}.`;
      fail(`Nhật ký KHÔNG toàn vẹn: ${v.reason} (đã kiểm ${v.entries} mục).${hint}`);
    }
    console.log(
      `Nhật ký toàn vẹn: ${v.entries} mục. So với mã in lúc sao lưu: daihoi audit verify --anchor <mã kiểm tra nhật ký>.`,
    );
  } finally {
    await database.close();
  }
}

export function registerBackupCommands(program: Command, fail: (message: string) => never): void {
  program
    .command("backup <file>")
    .description(
      "Sao lưu cơ sở dữ liệu ra tệp (PGlite: bản kết xuất thư mục dữ liệu; PostgreSQL: pg_dump), chạy được khi máy chủ đang chạy",
    )
    .action((file: string) => backup(file, fail));
  program
    .command("restore <file>")
    .description(
      "Khôi phục bản sao lưu vào một cơ sở dữ liệu mới (thư mục DAIHOI_DATA_DIR trống, hoặc DATABASE_URL trống), rồi kiểm nhật ký",
    )
    .action((file: string) => restore(file, fail));
}
