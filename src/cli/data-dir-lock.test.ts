/**
 * One process owns a PGlite data directory (issue 20, item 1). Before the lock, `daihoi audit verify`
 * run while the server was running opened the same directory, printed "toàn vẹn", and after the
 * server's next normal stop nothing could open the directory again (PANIC: could not locate a valid
 * checkpoint record). Real processes: the server and the CLI as a user runs them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase } from "../../test/cli.ts";
import { createDb } from "../db/client.ts";
import { DataDirLockedError } from "../db/lock.ts";

const cli = cliDatabase("daihoi-lock-", { engine: "pglite" });
beforeAll(async () => {
  await cli.setUp();
  const first = cli.run("migrate");
  expect(first.stderr).toBe("");
});
afterAll(() => cli.tearDown());

describe("the PGlite data directory belongs to one process", () => {
  it("refuses `daihoi audit verify` and `migrate` while the server runs, and the directory opens afterwards", async () => {
    const server = await cli.serve();
    try {
      const r = cli.run("audit", "verify");
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/đang được tiến trình \d+ \(daihoi serve/);
      expect(r.stderr).toMatch(/Hãy dừng máy chủ/);
      expect(r.stderr).toContain(`tiến trình ${server.pid} `);
      const m = cli.run("migrate");
      expect(m.status).toBe(1);
      expect(m.stderr).toMatch(/đang được tiến trình/);
      // The server still answers after the refused commands.
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    const after = cli.run("audit", "verify");
    expect(after.stderr).toBe("");
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/Nhật ký toàn vẹn: \d+ mục/);
  }, 120_000);

  it("a server killed with SIGKILL leaves no lock behind", async () => {
    const server = await cli.serve();
    expect(cli.run("audit", "verify").status).toBe(1);
    expect(await server.stop("SIGKILL")).toBe(null);
    const after = cli.run("audit", "verify");
    expect(after.stderr).toBe("");
    expect(after.status).toBe(0);
  }, 120_000);

  it("refuses a second handle in the same process, and frees the directory on close", async () => {
    const config = cli.config();
    const a = await createDb(config);
    await expect(createDb(config)).rejects.toBeInstanceOf(DataDirLockedError);
    await a.close();
    const b = await createDb(config);
    await b.close();
  }, 60_000);
});
