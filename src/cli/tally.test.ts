import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { registerTallyCommand } from "./tally.ts";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "counts");
const scratch = mkdtempSync(join(tmpdir(), "daihoi-tally-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function runCommand(...args: string[]) {
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  const program = new Command("daihoi").exitOverride();
  registerTallyCommand(program, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    setExitCode: (c) => {
      exitCode = c;
    },
  });
  await program.parseAsync(["tally", ...args], { from: "user" });
  return { stdout, stderr, exitCode };
}

describe("daihoi tally", () => {
  it("prints the result of a count with individual ballots", async () => {
    const r = await runCommand(join(fixtures, "branch-committee-ballots.json"));
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      format: "daihoi-count-result",
      version: 1,
      title: "Bầu Chi ủy Chi bộ Khu 5 nhiệm kỳ 2020–2022",
      ruleSet: "party-190",
      office: "committee",
      seats: 5,
      base: { n: 44, threshold: 23 },
      ballots: {
        present: 42,
        issued: 42,
        collected: 42,
        valid: 40,
        invalid: 2,
        invalidByReason: [
          { reason: "identifying-mark", label: "Phiếu có ký tên hoặc đánh dấu riêng", count: 1 },
          {
            reason: "crosses-out-everyone",
            label: "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
            count: 1,
          },
        ],
      },
      elected: [
        { position: 1, id: "m1", name: "Phạm Thị Hạnh", votes: 38 },
        { position: 2, id: "m2", name: "Lê Quang Hùng", votes: 35 },
        { position: 3, id: "m3", name: "Đỗ Văn Khánh", votes: 30 },
        { position: 4, id: "m4", name: "Bùi Thị Lan", votes: 27 },
        { position: 5, id: "m5", name: "Nguyễn Đức Long", votes: 25 },
      ],
      ties: [],
      openSeats: 0,
      nextStep: { kind: "complete" },
    });
    expect(result.candidates[5]).toEqual({
      position: 6,
      id: "m6",
      name: "Trần Minh Tâm",
      votes: 22,
      percentOfBase: "50,00%",
      passed: false,
      rank: 6,
      outcome: "below-threshold",
      explanation:
        "đạt 22/44 = 50,00%, không quá 1/2 số đảng viên chính thức được triệu tập (đã trừ 1 đảng viên đang tạm " +
        "thời sinh hoạt đảng nơi khác, 1 đảng viên đang bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố hoặc " +
        "tạm giam và 2 đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy triệu tập đại hội đồng ý) " +
        "(cần ít nhất 23 phiếu); không trúng cử",
    });
  });

  it("prints the result of a count entered as bundle totals", async () => {
    const r = await runCommand(join(fixtures, "provincial-committee-bundles.json"));
    expect(r.exitCode).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.elected).toHaveLength(55);
    expect(result.elected[0].votes).toBe(341);
    expect(result.elected[54].votes).toBe(179);
    expect(result.ballots.rowsForNobody).toBeNull();
    expect(
      result.candidates.filter((c: { outcome: string }) => c.outcome === "passed-not-elected"),
    ).toHaveLength(1);
    expect(result.candidates.find((c: { votes: number }) => c.votes === 212).explanation).toBe(
      "đạt 212/346 = 61,27% > 1/2 số đại biểu được triệu tập (đã trừ 4 đại biểu vắng mặt cả kỳ đại hội " +
        "không có đại biểu dự khuyết thay thế); trúng cử",
    );
  });

  it("prints a village-head result under its own rule set", async () => {
    const r = await runCommand(join(fixtures, "village-head-bundles.json"));
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ruleSet: "village-head",
      electorate: 312,
      threshold: 157,
      elected: { id: "v1", votes: 160 },
      nextStep: { kind: "complete" },
    });
  });

  it("names the bad fields of a malformed count in Vietnamese and fails", async () => {
    const r = await runCommand(join(fixtures, "malformed.json"));
    expect(r.stdout).toBe("");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `Tệp kiểm phiếu ${join(fixtures, "malformed.json")} không hợp lệ:\n` +
        "  - Trường ballotsCollected: Số phiếu thu vào (43) lớn hơn số phiếu phát ra (42)\n" +
        "  - Trường ballots[11].crossedOut[1]: Số thứ tự 7 không có trong danh sách (1–6)\n" +
        "  - Trường ballotsCollected: Số phiếu thu vào (43) khác số phiếu đã nhập (42)\n",
    );
  });

  it("rejects a file that is not JSON or does not exist", async () => {
    const bad = join(scratch, "not-json.json");
    writeFileSync(bad, "{ this is not json");
    const notJson = await runCommand(bad);
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stderr).toMatch(/^Tệp .*not-json\.json không phải JSON hợp lệ: /);
    // V8's English ("Unexpected token…") is not passed on.
    expect(notJson.stderr).not.toMatch(/Unexpected|token|position|valid JSON/);
    expect(notJson.stderr).toContain("lỗi cú pháp ở dòng 1, cột 3");
    const missing = await runCommand(join(scratch, "missing.json"));
    expect(missing).toEqual({
      stdout: "",
      stderr: `Không đọc được tệp ${join(scratch, "missing.json")}: tệp không tồn tại\n`,
      exitCode: 2,
    });
  });

  it("sets a non-zero exit code of the real process on malformed input", () => {
    const entry = join(scratch, "entry.ts");
    writeFileSync(
      entry,
      `import { Command } from ${JSON.stringify(pathToFileURL(require.resolve("commander")).href)};\n` +
        `import { registerTallyCommand } from ${JSON.stringify(join(root, "src", "cli", "tally.ts"))};\n` +
        `const program = new Command("daihoi");\nregisterTallyCommand(program);\nawait program.parseAsync(process.argv);\n`,
    );
    const node = join(root, "node_modules", ".bin", "node");
    const run = (file: string) =>
      spawnSync(node, [entry, "tally", file], {
        encoding: "utf8",
        cwd: root,
        env: { ...process.env, NODE_PATH: join(root, "node_modules") },
      });
    const good = run(join(fixtures, "branch-committee-ballots.json"));
    expect([good.status, JSON.parse(good.stdout).elected.length]).toEqual([0, 5]);
    const bad = run(join(fixtures, "malformed.json"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Trường ballots[11].crossedOut[1]");
  });
});
