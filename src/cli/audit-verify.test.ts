/**
 * `daihoi users create-admin` and `daihoi audit verify` as a user runs them (a separate process):
 * verify passes on a clean database and, after one audit row is edited in SQL, names that row and
 * exits non-zero. Runs on PGlite (a data directory) or on PostgreSQL when DATABASE_URL is set.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db.ts";
import { createDb, type DbConfig } from "../db/client.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "daihoi-audit-"));
let pgTest: TestDatabase | null = null;
let config: DbConfig;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    pgTest = await createTestDatabase();
    config = pgTest.database.config;
    await pgTest.database.close();
  } else {
    config = { kind: "pglite", dataDir: join(dir, "data") };
  }
});
afterAll(async () => {
  if (pgTest) {
    // cleanup drops the database; the pool it closes is already closed.
    await pgTest.cleanup().catch(() => {});
  }
  rmSync(dir, { recursive: true, force: true });
});

function daihoi(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (config.kind === "postgres") env.DATABASE_URL = config.url;
  else env.DAIHOI_DATA_DIR = config.dataDir!;
  const r = spawnSync(
    join(ROOT, "node_modules", ".bin", "node"),
    [join(ROOT, "src", "cli", "main.ts"), ...args],
    {
      env,
      encoding: "utf8",
      timeout: 90_000,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("daihoi users create-admin and audit verify", () => {
  it("creates an administrator with a one-time password printed once, and refuses a taken name", () => {
    const r = daihoi("users", "create-admin", "--username", "quantri2");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Tài khoản quản trị: quantri2/);
    expect(r.stdout).toMatch(/Mật khẩu dùng một lần: [A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/);
    const again = daihoi("users", "create-admin", "--username", "quantri2");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Tên đăng nhập "quantri2" đã có người dùng/);
  });

  it("passes on a clean log", () => {
    const r = daihoi("audit", "verify");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Nhật ký toàn vẹn: 2 mục/);
  });

  it("fails with a non-zero exit naming the entry edited in SQL", async () => {
    const database = await createDb(config);
    await database.db.execute(sql`update audit_log set actor_label = 'người khác' where id = 2`);
    await database.close();
    const r = daihoi("audit", "verify");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Nhật ký KHÔNG toàn vẹn: nội dung mục số 2 đã bị sửa/);
  });
});
