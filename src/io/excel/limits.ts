/**
 * Limits on what an uploaded spreadsheet may make the server do, checked before any parser sees it.
 * An .xlsx is a zip: 18 MB of it held 1.000.000 rows (4–5 GB in ExcelJS) and 1 MB of it inflated to
 * gigabytes. Here the zip's central directory is read by hand and every entry is inflated with
 * zlib's maxOutputLength, so a lying size or a bomb stops at the limit, and the worksheets' rows and
 * cells are counted in the raw XML. Only a file within every limit reaches ExcelJS (whose reader
 * uses the same central directory).
 */
import { inflateRawSync } from "node:zlib";
import { MAX_UPLOAD_BYTES } from "../../domain/basics/limits.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";

export interface UploadLimits {
  /** The uploaded file itself. */
  readonly maxBytes: number;
  /** All zip entries inflated. */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  /** Rows of one worksheet. */
  readonly maxRows: number;
  /** Cells of all worksheets. */
  readonly maxCells: number;
}

/** A province's largest file (the people register: ~9.000 people, ~14.000 posts) fits many times. */
export const UPLOAD_LIMITS: UploadLimits = {
  maxBytes: MAX_UPLOAD_BYTES,
  maxUncompressedBytes: 120 * 1024 * 1024,
  maxEntries: 2000,
  maxRows: 50_000,
  maxCells: 600_000,
};

const vi = (n: number) => n.toLocaleString("vi-VN");

export function tooLargeMessage(limits: UploadLimits = UPLOAD_LIMITS): string {
  return `Tệp quá lớn (tối đa ${vi(limits.maxBytes / 1024 / 1024)} MB). Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`;
}

function countOccurrences(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    n++;
    i = haystack.indexOf(needle, i + needle.length);
  }
  return n;
}

const ROW_TAG = Buffer.from("<row");
const CELL_TAGS = [Buffer.from("<c "), Buffer.from("<c>")];

/**
 * Checks an .xlsx against the limits without building anything big; returns the Vietnamese reason
 * it is refused. A file that is not a well-formed zip passes through (the reader then says it is
 * unreadable).
 */
export function checkXlsxLimits(
  data: Uint8Array,
  limits: UploadLimits = UPLOAD_LIMITS,
): Result<void, string> {
  if (data.length > limits.maxBytes) return err(tooLargeMessage(limits));
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65.535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return ok(undefined);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    return err(
      "Tệp Excel dùng định dạng zip64, phần mềm không nhận; hãy lưu lại tệp bằng Excel rồi nhập lại.",
    );
  if (entries > limits.maxEntries) return err(`Tệp Excel có quá nhiều thành phần (${vi(entries)}).`);
  let p = cdOffset;
  let inflated = 0;
  let cells = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return ok(undefined);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const budget = limits.maxUncompressedBytes - inflated;
    if (declared > budget) return err(uncompressedMessage(limits));
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return ok(undefined);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const slice = buf.subarray(start, start + compressed);
    let out: Buffer;
    if (method === 0) out = slice;
    else if (method === 8) {
      try {
        // One byte over the declared size is enough to know it lied.
        out = inflateRawSync(slice, { maxOutputLength: Math.max(1, Math.min(declared, budget) + 1) });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return err(uncompressedMessage(limits));
        return ok(undefined); // corrupt: the reader says it is unreadable
      }
    } else return ok(undefined);
    if (out.length > declared) return err(uncompressedMessage(limits));
    inflated += out.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const rows = countOccurrences(out, ROW_TAG);
      if (rows > limits.maxRows + 1)
        return err(
          `Trang tính có ${vi(rows)} dòng, vượt giới hạn ${vi(limits.maxRows)} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
        );
      cells += CELL_TAGS.reduce((n, t) => n + countOccurrences(out, t), 0);
      if (cells > limits.maxCells)
        return err(
          `Tệp có hơn ${vi(limits.maxCells)} ô dữ liệu, vượt giới hạn mỗi lần nhập. Hãy chia thành nhiều tệp.`,
        );
    }
  }
  return ok(undefined);
}

function uncompressedMessage(limits: UploadLimits): string {
  return `Tệp Excel khi giải nén vượt quá ${vi(limits.maxUncompressedBytes / 1024 / 1024)} MB (tệp nén bất thường hoặc quá nhiều dữ liệu); phần mềm không đọc tệp này.`;
}
