/**
 * `daihoi backup` and `daihoi restore` as a user runs them (issue 20, item 7), on PGlite or — with
 * DATABASE_URL — PostgreSQL: a backup taken while the server runs (PGlite: through the server, which
 * owns the directory), restored into a fresh directory or database, where `daihoi audit verify
 * --anchor` with the anchor printed at backup time passes. Restore refuses a directory or database
 * that is not fresh, and (PGlite) one the server owns.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase } from "../../test/cli.ts";

const cli = cliDatabase("daihoi-backup-");
const SLOW = 900_000;
const freshDb = `daihoi_restore_${process.pid}_${Date.now()}`;
let freshUrl = "";

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await cli.setUp();
  if (cli.config().kind === "postgres") {
    await admin(`CREATE DATABASE "${freshDb}"`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${freshDb}`;
    freshUrl = u.toString();
  }
}, 120_000);
afterAll(async () => {
  if (freshUrl) await admin(`DROP DATABASE IF EXISTS "${freshDb}" WITH (FORCE)`).catch(() => {});
  await cli.tearDown();
});

describe("daihoi backup and restore", () => {
  it(
    "backs up while the server runs, restores into a fresh database, and the anchor verifies there",
    async () => {
      const pglite = cli.config().kind === "pglite";
      const created = cli.run("users", "create-admin", "--username", "quantri2");
      expect(created.stderr).toBe("");
      const file = join(cli.dir, pglite ? "sao-luu.tar.gz" : "sao-luu.dump");
      const server = await cli.serve();
      let anchor = "";
      try {
        const b = cli.run("backup", file);
        expect(b.stderr).toBe("");
        expect(b.status).toBe(0);
        if (pglite) expect(b.stdout).toContain("qua máy chủ đang chạy");
        expect(b.stdout).toContain("Khóa nhật ký KHÔNG nằm trong bản sao lưu");
        anchor = /Mã kiểm tra nhật ký lúc sao lưu: (\S+)/.exec(b.stdout)?.[1] ?? "";
        expect(anchor).toMatch(/^\d+-[0-9A-F]{4}-/);
        expect(existsSync(file)).toBe(true);
        // Restoring over the database in use is refused, and changes nothing.
        const over = cli.run("restore", file);
        expect(over.status).toBe(1);
        expect(over.stderr).toMatch(pglite ? /Không khôi phục khi máy chủ đang chạy/ : /đã có \d+ bảng/);
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
      } finally {
        expect(await server.stop("SIGTERM")).toBe(0);
      }
      const target = pglite
        ? { DAIHOI_DATA_DIR: join(cli.dir, "data-khoi-phuc") }
        : { DATABASE_URL: freshUrl };
      const r = cli.runWith(target, "restore", file);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Đã khôi phục bản sao lưu/);
      expect(r.stdout).toMatch(/Nhật ký toàn vẹn: \d+ mục/);
      const v = cli.runWith(target, "audit", "verify", "--anchor", anchor);
      expect(v.stderr).toBe("");
      expect(v.status).toBe(0);
      expect(v.stdout).toContain(`Khớp mã kiểm tra ${anchor}`);
      // A second restore into the now-used target is refused.
      const again = cli.runWith(target, "restore", file);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/đã có/);
    },
    SLOW,
  );
});
