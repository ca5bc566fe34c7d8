/**
 * `daihoi users create-admin` and `daihoi audit verify` as a user runs them (a separate process):
 * verify passes on a clean database and, after one audit row is edited in SQL, names that row and
 * exits non-zero. Runs on PGlite (a data directory) or on PostgreSQL when DATABASE_URL is set.
 */
import { renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase } from "../../test/cli.ts";
import { currentAuditAnchorText } from "../db/audit.ts";
import { createDb } from "../db/client.ts";

const cli = cliDatabase("daihoi-audit-");
beforeAll(async () => {
  await cli.setUp();
}, 120_000);
afterAll(() => cli.tearDown());
const daihoi = cli.run;
// Each command is a process opening the database: slow on a busy machine.
const SLOW = 600_000;

describe("daihoi users create-admin and audit verify", () => {
  it(
    "creates an administrator with a one-time password printed once, and refuses a taken name",
    () => {
      const r = daihoi("users", "create-admin", "--username", "quantri2");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Tài khoản quản trị: quantri2/);
      expect(r.stdout).toMatch(/Mật khẩu dùng một lần: [A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/);
      const again = daihoi("users", "create-admin", "--username", "quantri2");
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/Tên đăng nhập "quantri2" đã có người dùng/);
    },
    SLOW,
  );

  it(
    "passes on a clean log, keyed from its first entry with a key file made at first use",
    () => {
      const r = daihoi("audit", "verify");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Nhật ký toàn vẹn: 3 mục/);
      expect(r.stdout).toMatch(/Mọi mục đều có khóa nhật ký/);
      expect(statSync(join(cli.dir, "daihoi-audit.key")).mode & 0o777).toBe(0o600);
    },
    SLOW,
  );

  it(
    "with --anchor, detects the newest entries deleted in SQL; without the key file, says where it must be",
    async () => {
      let database = await createDb(cli.config());
      const anchor = await currentAuditAnchorText(database.db);
      await database.close();
      const good = daihoi("audit", "verify", "--anchor", anchor);
      expect(good.stderr).toBe("");
      expect(good.stdout).toContain(`Khớp mã kiểm tra ${anchor}: 3 mục đầu còn nguyên`);
      expect(daihoi("audit", "verify", "--anchor", "3-ABCD").stderr).toMatch(/không đúng dạng/);

      database = await createDb(cli.config());
      await database.db.execute(sql`delete from audit_log where id = 3`);
      await database.close();
      const cut = daihoi("audit", "verify", "--anchor", anchor);
      expect(cut.status).toBe(1);
      expect(cut.stderr).toContain("nay chỉ còn 2: các mục mới nhất đã bị xóa");

      const keyFile = join(cli.dir, "daihoi-audit.key");
      renameSync(keyFile, `${keyFile}.bak`);
      const noKey = daihoi("audit", "verify");
      expect(noKey.status).toBe(1);
      expect(noKey.stderr).toContain("không tìm thấy khóa nhật ký");
      expect(noKey.stderr).toContain(`Khóa nhật ký phải ở tệp ${keyFile}`);
      // A writing command refuses too, rather than making a new key.
      const write = daihoi("users", "create-admin", "--username", "quantri3");
      expect(write.status).toBe(1);
      expect(write.stderr).toContain("không tìm thấy khóa nhật ký");
      renameSync(`${keyFile}.bak`, keyFile);
      // Put the cut entry's successor back in order for the next test: a new append continues at 3.
      expect(daihoi("users", "create-admin", "--username", "quantri3").status).toBe(0);
    },
    SLOW,
  );

  it(
    "fails with a non-zero exit naming the entry edited in SQL",
    async () => {
      const database = await createDb(cli.config());
      await database.db.execute(sql`update audit_log set actor_label = 'người khác' where id = 2`);
      await database.close();
      const r = daihoi("audit", "verify");
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/Nhật ký KHÔNG toàn vẹn: nội dung mục số 2 đã bị sửa/);
    },
    SLOW,
  );
});
