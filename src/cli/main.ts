/**
 * The `daihoi` command. Every subcommand exits non-zero with a Vietnamese message on failure.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { Command } from "commander";
import {
  type AuditKeyMode,
  CLI_ACTOR,
  currentAuditKey,
  openAuditKey,
  parseAuditAnchor,
  verifyAuditChain,
} from "../db/audit.ts";
import { auditKeyWhere } from "../db/audit-key.ts";
import { createDb, type Database, dbConfigFromEnv } from "../db/client.ts";
import { migrateDb } from "../db/migrate.ts";
import { installVietnameseErrors } from "../domain/basics/zod-vietnamese.ts";
import { formatDate } from "../domain/format/date.ts";
import { startServer } from "../server/main.ts";
import { ALL_SCOPE, FULL_ACCESS } from "../services/access.ts";
import { isDatabaseEmpty, seedDemoProvince } from "../services/demo.ts";
import { exportOrgSubtree, findOrgToExport, importOrgFile } from "../services/org-files.ts";
import { importReorganisationFile } from "../services/reorganisation/plan.ts";
import { createAdministrator, ensureFirstAdministrator } from "../services/users.ts";
import { registerBackupCommands } from "./backup.ts";
import { startControlChannel } from "./control-channel.ts";
import { progressBar } from "./progress.ts";
import { registerReportCommand } from "./report.ts";
import { registerScanCommand } from "./scan.ts";
import { registerTallyCommand } from "./tally.ts";
import { buildWeb, webBuildIsStale } from "./web-build.ts";

class CliError extends Error {}

/**
 * Opens, migrates, and gives the process its audit key: "create" for every command that may write
 * (the key file is made on first use), "load" for those that only read (verify, backup).
 */
async function openDatabase(auditKey: AuditKeyMode = "create"): Promise<Database> {
  const database = await createDb(dbConfigFromEnv());
  try {
    await migrateDb(database);
    await openAuditKey(database, auditKey);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

async function withDatabase<T>(
  fn: (database: Database) => Promise<T>,
  auditKey: AuditKeyMode = "create",
): Promise<T> {
  const database = await openDatabase(auditKey);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function seedDemo(database: Database): Promise<void> {
  const bar = progressBar("Tạo tỉnh mẫu");
  const t0 = Date.now();
  const summary = await seedDemoProvince(database.db, {
    actor: CLI_ACTOR,
    onProgress: (d, t) => bar.update(d, t),
    reform2025: true,
  });
  bar.stop();
  console.log(
    `Đã tạo tỉnh mẫu: ${summary.created.toLocaleString("vi-VN")} tổ chức đảng, ${summary.villages.toLocaleString("vi-VN")} thôn, khu phố (${((Date.now() - t0) / 1000).toFixed(1)} giây).`,
  );
  console.log(
    "Đã áp dụng phương án sắp xếp năm 2025 (docs/examples/quang-ninh-2025.csv): từ 01/07/2025 có 54 đảng bộ xã, phường, đặc khu trực thuộc Tỉnh ủy.",
  );
}

function printOneTimePassword(username: string, password: string): void {
  console.log("");
  console.log("  ┌──────────────────────────────────────────────────────────────┐");
  console.log(`    Tài khoản quản trị: ${username}`);
  console.log(`    Mật khẩu dùng một lần: ${password}`);
  console.log("    Mật khẩu chỉ hiện MỘT lần; phải đổi ở lần đăng nhập đầu tiên.");
  console.log("  └──────────────────────────────────────────────────────────────┘");
  console.log("");
}

async function printFirstAdministrator(database: Database): Promise<void> {
  const first = await ensureFirstAdministrator(database.db, CLI_ACTOR);
  if (first) printOneTimePassword(first.username, first.password);
}

async function serve(options: { demo: boolean; build: boolean }): Promise<void> {
  if (options.build && webBuildIsStale()) {
    console.log("Đang dựng giao diện web (vite build)…");
    buildWeb();
  }
  const database = await openDatabase();
  // Before the demo accounts: on an empty users table the first administrator is `admin`.
  await printFirstAdministrator(database);
  if (options.demo && (await isDatabaseEmpty(database.db))) await seedDemo(database);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const server = await startServer({ port, host, database, logLevel: process.env.LOG_LEVEL ?? "info" });
  // The embedded database belongs to this process: `daihoi backup` asks through this channel.
  const control =
    database.config.kind === "pglite" && database.config.dataDir
      ? await startControlChannel(database, database.config.dataDir)
      : null;
  const shown = host === "0.0.0.0" || host === "::" ? `http://localhost:${port}` : server.url;
  console.log(
    `Đại Hội đang chạy tại ${shown} (cơ sở dữ liệu: ${database.engine === "pglite" ? `PGlite trong ${process.env.DAIHOI_DATA_DIR ?? "./data"}` : "PostgreSQL"})`,
  );
  const stop = async () => {
    await control?.close();
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export function buildProgram(): Command {
  installVietnameseErrors();
  const program = new Command();
  program.name("daihoi").description("Đại Hội — quản lý mùa đại hội đảng bộ các cấp").showHelpAfterError();

  program
    .command("start")
    .description("Dựng giao diện nếu cần, tạo tỉnh mẫu khi cơ sở dữ liệu còn trống, rồi chạy máy chủ")
    .action(() => serve({ demo: true, build: true }));

  program
    .command("serve")
    .description("Chạy máy chủ (không tự tạo dữ liệu mẫu)")
    .option("--demo", "tạo tỉnh mẫu khi cơ sở dữ liệu còn trống", false)
    .option("--no-build", "không dựng lại giao diện web")
    .action((o: { demo: boolean; build: boolean }) => serve(o));

  program
    .command("migrate")
    .description("Áp dụng các migration SQL")
    .action(() =>
      withDatabase(async (d) => {
        console.log(`Đã cập nhật lược đồ cơ sở dữ liệu (${d.engine}).`);
      }),
    );

  const seed = program.command("seed").description("Tạo dữ liệu mẫu");
  seed
    .command("demo")
    .description("Tạo tỉnh mẫu (chỉ khi cơ sở dữ liệu còn trống)")
    .action(() =>
      withDatabase(async (d) => {
        if (!(await isDatabaseEmpty(d.db)))
          throw new CliError("Cơ sở dữ liệu đã có tổ chức; không tạo tỉnh mẫu chồng lên.");
        await seedDemo(d);
      }),
    );

  const imp = program.command("import").description("Nhập dữ liệu từ tệp");
  imp
    .command("orgs <file>")
    .description("Nhập cây tổ chức từ .xlsx hoặc .csv (tất cả hoặc không)")
    .option("--dry-run", "chỉ kiểm tra, không ghi", false)
    .action((file: string, o: { dryRun: boolean }) =>
      withDatabase(async (d) => {
        const data = new Uint8Array(await readFile(file));
        const bar = progressBar("Nhập tổ chức");
        const result = await importOrgFile(
          d.db,
          CLI_ACTOR,
          { name: basename(file), data },
          { dryRun: o.dryRun, onProgress: (x, t) => bar.update(x, t) },
        );
        bar.stop();
        if (!result.ok) {
          // The message says "the errors below": print it first, then one line per issue.
          console.error(`Lỗi: ${result.error.message}`);
          const details = result.error.details as
            | { issues?: { sheet: string; row: number; column: string | null; message: string }[] }
            | undefined;
          for (const i of details?.issues ?? [])
            console.error(`${i.sheet} dòng ${i.row}${i.column ? `, cột ${i.column}` : ""}: ${i.message}`);
          process.exitCode = 1;
          return;
        }
        const s = result.value;
        console.log(
          `${s.dryRun ? "Kiểm tra xong (chưa ghi)" : "Đã nhập"}: ${s.rows} dòng; tạo mới ${s.created}, cập nhật ${s.updated}, không đổi ${s.unchanged}, thôn/khu phố ${s.villages}.${s.withoutFoundingDay > 0 ? ` ${s.withoutFoundingDay} đơn vị mới không có ngày thành lập: tính từ ngày nhập ${formatDate(s.foundingDay)}.` : ""}`,
        );
      }),
    );

  imp
    .command("reorganisation <file>")
    .description(
      "Áp dụng phương án sắp xếp tổ chức (.xlsx/.csv, docs/reorganisation-format.md), tất cả hoặc không",
    )
    .option("--dry-run", "chỉ kiểm tra và xem trước số liệu thay đổi, không ghi", false)
    .action((file: string, o: { dryRun: boolean }) =>
      withDatabase(async (d) => {
        const data = new Uint8Array(await readFile(file));
        const result = await importReorganisationFile(d.db, CLI_ACTOR, { name: basename(file), data }, o);
        if (!result.ok) {
          console.error(`Lỗi: ${result.error.message}`);
          const details = result.error.details as
            | { issues?: { sheet: string; row: number; column: string | null; message: string }[] }
            | undefined;
          for (const i of details?.issues ?? [])
            console.error(`${i.sheet} dòng ${i.row}${i.column ? `, cột ${i.column}` : ""}: ${i.message}`);
          process.exitCode = 1;
          return;
        }
        const s = result.value;
        if (s.alreadyApplied) {
          console.log("Phương án này đã được áp dụng trước đây; không thay đổi gì.");
          return;
        }
        console.log(
          `${s.dryRun ? "Kiểm tra xong (chưa ghi)" : "Đã áp dụng"}: ${s.rows} dòng, ${s.organisationsChanged} đơn vị thay đổi từ ngày ${formatDate(s.firstDay)}; số liệu trước ngày đó không đổi.`,
        );
        for (const f of s.figures)
          console.log(
            `  ${f.orgName} — ${f.season} — ${f.level} — từ ${formatDate(f.from)}: ${f.before.held}/${f.before.total} → ${f.after.held}/${f.after.total}`,
          );
      }),
    );

  const exp = program.command("export").description("Xuất dữ liệu ra tệp");
  exp
    .command("orgs <file>")
    .description("Xuất cây tổ chức ra .xlsx (mặc định từ đơn vị gốc)")
    .option("--org <code>", "mã đơn vị gốc của cây cần xuất")
    .action((file: string, o: { org?: string }) =>
      withDatabase(async (d) => {
        const top = await findOrgToExport(d.db, ALL_SCOPE, o.org);
        if (!top)
          throw new CliError(o.org ? `Không có đơn vị mã "${o.org}"` : "Cơ sở dữ liệu chưa có tổ chức nào");
        const result = await exportOrgSubtree(d.db, ALL_SCOPE, top.id);
        if (!result.ok) throw new CliError(result.error.message);
        await writeFile(file, result.value.data);
        console.log(`Đã xuất cây tổ chức từ "${top.name}" ra ${file}.`);
      }),
    );

  exp
    .command("count <electionId> <file>")
    .description("Xuất tệp kiểm phiếu của một cuộc bầu cử (docs/count-format.md); kiểm lại bằng daihoi tally")
    .action((electionId: string, file: string) =>
      withDatabase(async (d) => {
        // Loaded on use: every other command starts without the election code.
        const { exportCountFile } = await import("../services/elections/index.ts");
        const r = await exportCountFile(
          d.db,
          { actor: CLI_ACTOR, access: FULL_ACCESS, sessionId: null },
          Number(electionId),
        );
        // The user typed this id: name it.
        if (!r.ok)
          throw new CliError(
            r.error.code === "NOT_FOUND" ? `Không tìm thấy cuộc bầu cử "${electionId}"` : r.error.message,
          );
        await writeFile(file, `${JSON.stringify(r.value.file, null, 2)}\n`);
        console.log(`Đã xuất tệp kiểm phiếu (${r.value.file.ballots?.length ?? 0} phiếu) ra ${file}.`);
      }),
    );

  const audit = program.command("audit").description("Nhật ký thay đổi");
  audit
    .command("verify")
    .description(
      "Kiểm tra chuỗi nhật ký (có khóa); với --anchor còn chứng minh không mục nào đến mã kiểm tra đó bị xóa",
    )
    .option(
      "--anchor <mã>",
      'mã kiểm tra nhật ký in trên biên bản, báo cáo, tệp kiểm phiếu (ví dụ "1234-9F3A-21C0-77DE-04B1")',
    )
    .action((o: { anchor?: string }) => {
      const anchor = o.anchor === undefined ? null : parseAuditAnchor(o.anchor);
      if (o.anchor !== undefined && !anchor)
        throw new CliError(
          `Mã kiểm tra nhật ký "${o.anchor}" không đúng dạng (số mục, gạch ngang, 16 chữ số hex; ví dụ 1234-9F3A-21C0-77DE-04B1).`,
        );
      return withDatabase(async (d) => {
        const key = currentAuditKey();
        const v = await verifyAuditChain(d.db, { key, anchor });
        if (!v.ok) {
          const hint =
            !key && /không tìm thấy khóa/.test(v.reason)
              ? ` Khóa nhật ký phải ở ${auditKeyWhere(d.config)}.`
              : "";
          throw new CliError(`Nhật ký KHÔNG toàn vẹn: ${v.reason} (đã kiểm ${v.entries} mục).${hint}`);
        }
        console.log(`Nhật ký toàn vẹn: ${v.entries} mục.`);
        if (v.keyedFrom === null && v.entries > 0)
          console.log(
            "Nhật ký chưa có mục nào có khóa: chỉ được bảo vệ bằng chuỗi băm không khóa (người sửa được cơ sở dữ liệu có thể tính lại).",
          );
        else if (v.keyedFrom !== null && v.keyedFrom > 1)
          console.log(
            `Có khóa từ mục số ${v.keyedFrom}; ${v.keyedFrom - 1} mục trước đó (ghi trước khi có khóa) chỉ có chuỗi băm không khóa, được mục số ${v.keyedFrom} chốt lại.`,
          );
        else console.log("Mọi mục đều có khóa nhật ký.");
        if (anchor)
          console.log(
            `Khớp mã kiểm tra ${o.anchor!.trim()}: ${anchor.id} mục đầu còn nguyên, không mục nào trong đó bị xóa hay sửa.`,
          );
        else
          console.log(
            "Không có --anchor: chưa chứng minh được các mục mới nhất không bị xóa (xem README, mục Nhật ký).",
          );
      }, "load");
    });

  const users = program.command("users").description("Tài khoản người dùng");
  users
    .command("create-admin")
    .description("Tạo một tài khoản quản trị với mật khẩu dùng một lần (in ra một lần)")
    .option("--username <name>", "tên đăng nhập", "admin")
    .action((o: { username: string }) =>
      withDatabase(async (d) => {
        const result = await createAdministrator(d.db, CLI_ACTOR, o.username);
        if (!result.ok) throw new CliError(result.error.message);
        printOneTimePassword(result.value.username, result.value.password);
      }),
    );

  registerBackupCommands(program, (message) => {
    throw new CliError(message);
  });
  registerTallyCommand(program);
  registerScanCommand(program, withDatabase, (message) => {
    throw new CliError(message);
  });
  registerReportCommand(program, withDatabase);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CliError) console.error(`Lỗi: ${e.message}`);
    else console.error(`Lỗi: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}

if (import.meta.main) await runCli(process.argv);
