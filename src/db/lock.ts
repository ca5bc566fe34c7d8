/**
 * One process owns a PGlite data directory. PGlite is PostgreSQL in WebAssembly with no postmaster:
 * two processes opening the same directory each believe they own it, and the second one's shutdown
 * checkpoint destroys the first one's WAL ("PANIC: could not locate a valid checkpoint record").
 *
 * The lock is an OS-level one: an SQLite file (`node:sqlite`, built into Node, no native addon to
 * build) opened in exclusive locking mode holds a POSIX record lock for as long as the process
 * lives. The kernel drops it when the process ends, however it ends (kill -9 included), so a stale
 * lock cannot exist and a live owner can never be bypassed — no pid guessing, no timeouts.
 *
 * The lock file sits next to the data directory (`data` → `data.lock`), not inside it: PGlite's
 * dumps copy the whole directory, and restoring one must not overwrite the lock under its owner.
 * The owner writes who it is to `data.lock.json` so a refused command can say who holds it.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly command: string;
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly lockPath: string;
  release(): void;
}

/** Thrown when another process (or this one, through another handle) holds the directory. */
export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly owner: LockOwner | null;
  constructor(dataDir: string, owner: LockOwner | null) {
    super(dataDirLockedMessage(dataDir, owner));
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return "một tiến trình Đại Hội khác";
  const since = new Date(owner.since);
  const at = Number.isNaN(since.getTime())
    ? ""
    : `, từ ${since.toLocaleTimeString("vi-VN", { hour12: false })} ${since.toLocaleDateString("vi-VN")}`;
  return `tiến trình ${owner.pid} (${owner.command}${at})`;
}

export function dataDirLockedMessage(dataDir: string, owner: LockOwner | null): string {
  return (
    `Cơ sở dữ liệu trong ${dataDir} đang được ${describeOwner(owner)} sử dụng — thường là máy chủ Đại Hội ` +
    "đang chạy. Hai tiến trình cùng mở một thư mục dữ liệu sẽ làm hỏng dữ liệu, nên lệnh này không mở nó. " +
    "Hãy dừng máy chủ (Ctrl+C trong cửa sổ đang chạy, hoặc dừng dịch vụ) rồi chạy lại lệnh."
  );
}

/** Directories this process holds: POSIX locks do not exclude the process that owns them. */
const heldHere = new Set<string>();

function readOwner(ownerPath: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(ownerPath, "utf8")) as LockOwner;
    return typeof o.pid === "number" ? o : null;
  } catch {
    return null;
  }
}

function currentCommand(): string {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  return args.length > 0 ? `daihoi ${args.slice(0, 2).join(" ")}` : "node";
}

/** Creates the data directory if needed and takes its lock; throws DataDirLockedError if held. */
export function lockDataDir(dataDirInput: string): DataDirLock {
  mkdirSync(dataDirInput, { recursive: true });
  // Every spelling of the directory (relative, absolute, through a symlink) locks the same file.
  const dataDir = realpathSync(dataDirInput);
  const lockPath = join(dirname(dataDir), `${basename(dataDir)}.lock`);
  const ownerPath = `${lockPath}.json`;
  if (heldHere.has(dataDir)) {
    throw new DataDirLockedError(dataDir, {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      command: `${currentCommand()}, chính tiến trình này`,
    });
  }
  const lockDb = new DatabaseSync(lockPath, { timeout: 0 });
  try {
    lockDb.exec("PRAGMA locking_mode = EXCLUSIVE");
    // The first write takes the EXCLUSIVE lock; in exclusive locking mode it is kept after COMMIT
    // until the connection closes (here: release(), or the kernel when the process dies).
    lockDb.exec("BEGIN EXCLUSIVE");
    lockDb.exec("CREATE TABLE IF NOT EXISTS owner (pid INTEGER, since TEXT)");
    lockDb.exec("DELETE FROM owner");
    lockDb.prepare("INSERT INTO owner VALUES (?, ?)").run(process.pid, new Date().toISOString());
    lockDb.exec("COMMIT");
  } catch (e) {
    try {
      lockDb.close();
    } catch {
      // closing a connection that never locked anything cannot fail in a way that matters
    }
    const code = (e as { errcode?: number }).errcode;
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6): someone holds it. Anything else is a real error.
    if (code === 5 || code === 6) throw new DataDirLockedError(dataDir, readOwner(ownerPath));
    throw e;
  }
  heldHere.add(dataDir);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: currentCommand(),
  };
  writeFileSync(ownerPath, `${JSON.stringify(owner)}\n`);
  let released = false;
  return {
    dataDir,
    lockPath,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(dataDir);
      lockDb.close();
    },
  };
}
