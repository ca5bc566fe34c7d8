/**
 * `daihoi tally FILE.json`: recomputes one election's result from its count file
 * (docs/count-format.md) so that any count can be checked outside the product. The result JSON
 * goes to stdout; a malformed file gets Vietnamese messages naming the bad field on stderr and a
 * non-zero exit code. All the counting is in src/domain/election: this only reads and prints.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  computeCountResult,
  describeCountFileProblem,
  parseCountFile,
} from "../domain/election/count-file.ts";

export interface TallyOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly setExitCode: (code: number) => void;
}

const processOutput: TallyOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** Exit codes: 1 the file is not a valid count, 2 the file cannot be read or is not JSON. */
export async function runTally(file: string, out: TallyOutput = processOutput): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    out.stderr(
      `Không đọc được tệp ${file}${code === "ENOENT" ? ": tệp không tồn tại" : ` (${code ?? "lỗi"})`}\n`,
    );
    out.setExitCode(2);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's message is English; only where it stopped is passed on (issue 20 item 9).
    const pos = /position (\d+)/.exec((e as Error).message);
    const before = pos ? text.slice(0, Number(pos[1])).split("\n") : null;
    const where = before
      ? `lỗi cú pháp ở dòng ${before.length}, cột ${before.at(-1)!.length + 1}`
      : "nội dung không đúng cú pháp JSON hoặc bị cắt cụt";
    out.stderr(`Tệp ${file} không phải JSON hợp lệ: ${where}\n`);
    out.setExitCode(2);
    return;
  }
  const parsed = parseCountFile(value);
  const result = parsed.ok ? computeCountResult(parsed.value) : parsed;
  if (!result.ok) {
    out.stderr(`Tệp kiểm phiếu ${file} không hợp lệ:\n`);
    for (const problem of result.error) out.stderr(`  - ${describeCountFileProblem(problem)}\n`);
    out.setExitCode(1);
    return;
  }
  out.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
}

export function registerTallyCommand(program: Command, out: TallyOutput = processOutput): void {
  program
    .command("tally")
    .description("Tính lại kết quả bầu cử từ tệp kiểm phiếu JSON (docs/count-format.md) và in kết quả JSON")
    .argument("<file>", "tệp kiểm phiếu .json")
    .action(async (file: string) => {
      await runTally(file, out);
    });
}
