/**
 * `daihoi users create-admin` and `daihoi audit verify` as a user runs them (a separate process):
 * verify passes on a clean database and, after one audit row is edited in SQL, names that row and
 * exits non-zero. Runs on PGlite (a data directory) or on PostgreSQL when DATABASE_URL is set.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase } from "../../test/cli.ts";
import { createDb } from "../db/client.ts";

const cli = cliDatabase("daihoi-audit-");
beforeAll(async () => {
  await cli.setUp();
});
afterAll(() => cli.tearDown());
const daihoi = cli.run;

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
    const database = await createDb(cli.config());
    await database.db.execute(sql`update audit_log set actor_label = 'người khác' where id = 2`);
    await database.close();
    const r = daihoi("audit", "verify");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Nhật ký KHÔNG toàn vẹn: nội dung mục số 2 đã bị sửa/);
  });
});
