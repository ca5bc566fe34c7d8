/**
 * Reading an uploaded .csv the same way in every import: its encoding detected (UTF-8 with or
 * without BOM, UTF-16 LE/BE with or without BOM, Windows-1258 — what Excel's plain "CSV" writes on a
 * Vietnamese Windows), the text normalised to NFC (Windows-1258 writes tone marks as combining
 * characters), and the parser's English errors turned into Vietnamese naming the row.
 *
 * Decoding uses Node's built-in WHATWG TextDecoder (full ICU: windows-1258, utf-16le/be), so no
 * decoding library is needed.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { columnLetter } from "./cells.ts";
import { tooLargeMessage, UPLOAD_LIMITS } from "./limits.ts";
import type { FileIssue } from "./org-sheet.ts";

export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1258";

const VIETNAMESE_LETTERS =
  "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" +
  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";
/** Beyond ASCII and Vietnamese letters, what a Vietnamese CSV plausibly holds in Windows-1258. */
const PLAUSIBLE = new Set([...VIETNAMESE_LETTERS, ..."–—‘’“”…•°·«»€£×\u00a0"]);

export const NOT_UTF8_MESSAGE =
  "Tệp CSV không ở bảng mã UTF-8, và phần mềm không nhận ra bảng mã của tệp (UTF-16 hay Windows-1258 đều không khớp; có thể là TCVN3/ABC hoặc VNI). Hãy mở tệp bằng Excel, chọn Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)” hoặc lưu dạng .xlsx, rồi nhập lại.";

function decodeWith(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: ASCII text has a zero byte in every other position. */
function utf16WithoutBom(data: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(data.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) zeroEven++;
    if (data[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return "UTF-16BE";
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return "UTF-16LE";
  return null;
}

/** Whether Windows-1258 text (NFC) reads as Vietnamese: no stray symbols or uncomposed marks. */
function plausibleVietnamese(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (!PLAUSIBLE.has(ch)) return false;
  }
  return true;
}

/**
 * The file's text and the encoding it was read in, or the Vietnamese reason it cannot be read.
 * The text is NFC and without a BOM.
 */
export function decodeCsv(data: Uint8Array): Result<{ text: string; encoding: CsvEncoding }, string> {
  const done = (text: string, encoding: CsvEncoding) => ok({ text: text.normalize("NFC"), encoding });
  const b = data;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const t = decodeWith("utf-8", b.subarray(3));
    return t === null ? err(NOT_UTF8_MESSAGE) : done(t, "UTF-8");
  }
  const bom16 =
    b[0] === 0xff && b[1] === 0xfe ? "UTF-16LE" : b[0] === 0xfe && b[1] === 0xff ? "UTF-16BE" : null;
  const utf16 = bom16 ?? utf16WithoutBom(b);
  if (utf16) {
    const t = decodeWith(utf16.toLowerCase(), bom16 ? b.subarray(2) : b);
    return t === null ? err(NOT_UTF8_MESSAGE) : done(t, utf16);
  }
  const utf8 = decodeWith("utf-8", b);
  if (utf8 !== null) return done(utf8, "UTF-8");
  const legacy = decodeWith("windows-1258", b);
  if (legacy !== null) {
    const text = legacy.normalize("NFC");
    if (plausibleVietnamese(text)) return ok({ text, encoding: "Windows-1258" });
  }
  return err(NOT_UTF8_MESSAGE);
}

/** csv-parse's error codes, in Vietnamese. */
function csvProblem(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'có dấu ngoặc kép (") mở mà không đóng đến hết tệp';
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'sau dấu ngoặc kép (") đóng còn ký tự khác thay vì dấu phân cách; trong ô có ngoặc kép phải viết hai lần ("")';
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
      return 'dấu ngoặc kép (") nằm giữa ô; ô có ngoặc kép phải đặt cả ô trong ngoặc kép và viết ngoặc kép bên trong hai lần ("")';
    case "CSV_MAX_RECORD_SIZE":
      return "dòng quá dài";
    default:
      return "dòng không đúng định dạng CSV";
  }
}

/**
 * An uploaded .csv as a table of cell texts (comma or semicolon separated), or Vietnamese issues.
 * At most UPLOAD_LIMITS.maxRows data rows: one past the limit is enough to refuse.
 */
export function readCsvTable(data: Uint8Array, fileName: string): Result<string[][], FileIssue[]> {
  const issue = (row: number, column: string | null, rule: string, message: string): FileIssue[] => [
    { sheet: fileName, row, column, field: null, rule, message },
  ];
  if (data.length > UPLOAD_LIMITS.maxBytes) return err(issue(0, null, "too_large", tooLargeMessage()));
  const decoded = decodeCsv(data);
  if (!decoded.ok) return err(issue(0, null, "encoding", decoded.error));
  let table: string[][];
  try {
    table = parseCsv(decoded.value.text, {
      to_line: UPLOAD_LIMITS.maxRows + 2,
      delimiter: [",", ";"],
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    const x = e as { code?: string; records?: number; index?: number };
    const row = (x.records ?? 0) + 1;
    const column = typeof x.index === "number" ? columnLetter(x.index) : null;
    return err(
      issue(
        row,
        column,
        "unreadable",
        `Không đọc được tệp CSV ở dòng ${row}${column ? `, cột ${column}` : ""}: ${csvProblem(x.code ?? "")}`,
      ),
    );
  }
  if (table.length > UPLOAD_LIMITS.maxRows + 1)
    return err(
      issue(
        0,
        null,
        "too_large",
        `Tệp có hơn ${UPLOAD_LIMITS.maxRows.toLocaleString("vi-VN")} dòng, vượt giới hạn mỗi lần nhập. Hãy chia thành nhiều tệp.`,
      ),
    );
  return ok(table);
}
