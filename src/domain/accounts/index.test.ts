import { describe, expect, it } from "vitest";
import { checkPasswordStrength, usernameSchema } from "./index.ts";

describe("checkPasswordStrength", () => {
  it("accepts a long password with letters and digits", () => {
    expect(checkPasswordStrength("VinhHaLong#25", "canbo.halong")).toEqual([]);
  });
  it("names every rule a weak password breaks, in Vietnamese", () => {
    expect(checkPasswordStrength("halong", "halong")).toEqual([
      "Mật khẩu phải có ít nhất 10 ký tự",
      "Mật khẩu phải có cả chữ cái và chữ số",
      "Mật khẩu không được chứa tên đăng nhập",
    ]);
    expect(checkPasswordStrength("MatKhau123", "x")).toEqual([
      "Mật khẩu này quá phổ biến; hãy chọn mật khẩu khác",
    ]);
  });
  it("counts Vietnamese letters as letters", () => {
    expect(checkPasswordStrength("Đạihội20252025", "admin")).toEqual([]);
  });
});

describe("usernameSchema", () => {
  it("lower-cases and trims, and refuses spaces and diacritics", () => {
    expect(usernameSchema.parse("  CanBo.HaLong ")).toBe("canbo.halong");
    expect(usernameSchema.safeParse("cán bộ").success).toBe(false);
  });
});
