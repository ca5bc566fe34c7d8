/**
 * The `daihoi` command as a user runs it: a separate process on a PGlite data directory, exit codes
 * and Vietnamese messages.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "daihoi-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function daihoi(...args: string[]) {
  // Always the embedded engine: never write into a shared server from here.
  const { DATABASE_URL: _shared, ...rest } = process.env;
  const env = { ...rest, DAIHOI_DATA_DIR: join(dir, "data") };
  const r = spawnSync(
    join(ROOT, "node_modules", ".bin", "node"),
    [join(ROOT, "src", "cli", "main.ts"), ...args],
    {
      env,
      encoding: "utf8",
      // A busy machine (CI, several test processes) opens PGlite slowly: killed at 60 s, a command
      // left empty output and no status.
      timeout: 300_000,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("daihoi", () => {
  it("imports a good CSV, refuses a bad one with every error and a non-zero exit, and exports", () => {
    const good = file(
      "good.csv",
      "Mã đơn vị,Tên đơn vị,Cấp,Loại hình,Mã đơn vị cấp trên\nQN,Đảng bộ tỉnh Quảng Ninh,province,province,\nQN.HL,Đảng bộ thành phố Hạ Long,district_level,city,QN\n",
    );
    const ok = daihoi("import", "orgs", good);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Đã nhập: 2 dòng; tạo mới 2, cập nhật 0, không đổi 0, thôn/khu phố 0.");
    expect(ok.status).toBe(0);

    const bad = file(
      "bad.csv",
      "Mã đơn vị,Tên đơn vị,Cấp,Loại hình,Mã đơn vị cấp trên\nQN.CP,Đảng bộ thành phố Cẩm Phả,district_level,city,QN\nQN.CP.X,,grassroots_committee,commune,QN.CP\nQN.CP.Y,Chi bộ sai,branch,village,QN.KHONGCO\n",
    );
    const refused = daihoi("import", "orgs", bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr.split("\n").slice(0, 3)).toEqual([
      "Lỗi: Tệp có 2 lỗi; chưa ghi dữ liệu nào. Hãy sửa các lỗi dưới đây rồi nhập lại.",
      "bad.csv dòng 3, cột B (Tên đơn vị): Tên đơn vị không được để trống",
      'bad.csv dòng 4, cột E (Mã đơn vị cấp trên): Mã cấp trên "QN.KHONGCO" không có trong tệp và trong cơ sở dữ liệu',
    ]);

    // The good row of the bad file was not written either.
    const out = join(dir, "out.xlsx");
    const exported = daihoi("export", "orgs", out);
    expect(exported.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const check = daihoi("import", "orgs", out, "--dry-run");
    expect(check.stdout).toContain("Kiểm tra xong (chưa ghi): 2 dòng; tạo mới 0, cập nhật 0, không đổi 2");

    // Two imported organisations and the audit key's marker entry written at first use.
    expect(daihoi("audit", "verify").stdout).toContain("Nhật ký toàn vẹn: 3 mục.");
    // Five processes one after the other, each opening PGlite (~3–6 s on a busy CI machine).
  }, 900_000);

  it("says what is wrong with an unknown organisation code and a missing file", () => {
    const r = daihoi("export", "orgs", join(dir, "x.xlsx"), "--org", "KHONGCO");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Lỗi: Không có đơn vị mã "KHONGCO"');
    const missing = daihoi("import", "orgs", join(dir, "khong-co.xlsx"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Lỗi:");
  }, 600_000);
});
