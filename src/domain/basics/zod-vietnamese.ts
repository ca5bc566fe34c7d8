/**
 * zod's messages in plain Vietnamese, for every schema in the product (installed once with
 * `z.config`, see installVietnameseErrors). zod's own "vi" locale leaves the type names in English
 * ("mong đợi string, nhận được số"); here every kind of problem is one Vietnamese sentence. The
 * caller puts the field's path in front ("username: …"). A schema's own message (`.refine(…, "…")`,
 * `z.string().min(1, "…")`) is kept.
 */
import { z } from "zod";

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "văn bản",
  number: "số",
  int: "số nguyên",
  bigint: "số nguyên",
  boolean: "đúng/sai (true/false)",
  object: "đối tượng JSON",
  array: "danh sách",
  date: "ngày",
  null: "rỗng (null)",
  undefined: "không có giá trị",
  nan: "số",
  file: "tệp",
  enum: "một giá trị trong danh sách",
  literal: "giá trị cố định",
  tuple: "danh sách",
  record: "đối tượng JSON",
  map: "đối tượng JSON",
  set: "danh sách",
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: "ngày dạng YYYY-MM-DD",
  datetime: "thời điểm ISO 8601",
  time: "giờ dạng HH:MM",
  email: "địa chỉ thư điện tử",
  url: "địa chỉ URL",
  uuid: "mã UUID",
  regex: "đúng mẫu quy định",
  starts_with: "bắt đầu đúng quy định",
  ends_with: "kết thúc đúng quy định",
  includes: "có nội dung bắt buộc",
};

function typeName(t: unknown): string {
  return TYPE_NAMES[String(t)] ?? String(t);
}

function received(input: unknown): string {
  if (input === null) return "rỗng (null)";
  if (Array.isArray(input)) return "danh sách";
  if (typeof input === "number") {
    if (Number.isNaN(input)) return "chữ hoặc ký hiệu (không đọc được thành số)";
    return Number.isInteger(input) ? "số nguyên" : `số thập phân ${String(input).replace(".", ",")}`;
  }
  return typeName(typeof input);
}

function shown(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : String(v);
}

function sizeWords(origin: unknown): { unit: string; what: string } {
  switch (origin) {
    case "string":
      return { unit: " ký tự", what: "Độ dài" };
    case "array":
    case "set":
      return { unit: " phần tử", what: "Số phần tử" };
    case "file":
      return { unit: " byte", what: "Kích thước tệp" };
    case "date":
      return { unit: "", what: "Ngày" };
    default:
      return { unit: "", what: "Giá trị" };
  }
}

export const vietnameseZodErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Thiếu trường bắt buộc";
      return `Phải là ${typeName(issue.expected)}, không phải ${received(issue.input)}`;
    case "too_small": {
      const { unit, what } = sizeWords(issue.origin);
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "Không được để trống";
      if (issue.origin === "array" || issue.origin === "set")
        return `Phải có ít nhất ${String(issue.minimum)}${unit}`;
      return `${what} phải ${issue.inclusive === false ? "lớn hơn" : "ít nhất là"} ${String(issue.minimum)}${unit}`;
    }
    case "too_big": {
      const { unit, what } = sizeWords(issue.origin);
      return `${what} ${issue.inclusive === false ? "phải nhỏ hơn" : "tối đa là"} ${String(issue.maximum)}${unit}`;
    }
    case "invalid_format":
      return `Không đúng định dạng: phải là ${FORMAT_NAMES[issue.format] ?? issue.format}`;
    case "not_multiple_of":
      return `Phải là bội số của ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `Có trường không được phép: ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_key":
      return "Tên trường không hợp lệ";
    case "invalid_element":
      return "Có phần tử không hợp lệ";
    case "invalid_union":
      return "Giá trị không hợp lệ (không khớp kiểu nào được nhận)";
    case "invalid_value":
      return issue.values.length === 1
        ? `Phải là ${shown(issue.values[0])}`
        : `Phải là một trong các giá trị: ${issue.values.map(shown).join(", ")}`;
    default:
      return "Giá trị không hợp lệ";
  }
};

let installed = false;

/** Makes every zod schema in this process answer in Vietnamese; idempotent. */
export function installVietnameseErrors(): void {
  if (installed) return;
  installed = true;
  z.config({ localeError: vietnameseZodErrors });
}
