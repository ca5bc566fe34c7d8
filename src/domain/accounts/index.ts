/**
 * Accounts as values: roles, and the password strength rule. Pure: the hashing and storing live in
 * services and db.
 */
import { z } from "zod";

export const ROLES = ["admin", "officer", "viewer", "counting_member"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Vietnamese names shown in the UI and in messages. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: "Quản trị",
  officer: "Cán bộ tổ chức",
  viewer: "Chỉ xem",
  counting_member: "Thành viên ban kiểm phiếu",
};

/** Only an administrator's grant has no organisation; every other role is scoped to a subtree. */
export function roleNeedsOrg(role: Role): boolean {
  switch (role) {
    case "admin":
      return false;
    case "officer":
    case "viewer":
    case "counting_member":
      return true;
  }
}

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3–64 characters. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    "Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới",
  );

export const PASSWORD_MIN_LENGTH = 10;

/** A few passwords people type first; the length and digit rules already exclude most others. */
const COMMON = new Set(["matkhau123", "password123", "123456789a", "abcd123456", "qwerty1234", "daihoi2025"]);

/**
 * The strength rule: at least 10 characters, letters and digits, not containing the username, not
 * a well-known password. Returns the Vietnamese reasons it fails (empty when strong enough).
 */
export function checkPasswordStrength(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
  if (password.length > 200) problems.push("Mật khẩu dài quá 200 ký tự");
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    problems.push("Mật khẩu phải có cả chữ cái và chữ số");
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    problems.push("Mật khẩu không được chứa tên đăng nhập");
  if (COMMON.has(lower)) problems.push("Mật khẩu này quá phổ biến; hãy chọn mật khẩu khác");
  return problems;
}
