import { z } from "zod";
import { grantSchema, userSchema } from "../users/schema.ts";

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, "Chưa nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Chưa nhập mật khẩu").max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** The signed-in user, what they may do, and whether they must change their password first. */
export const meSchema = z.object({
  user: userSchema,
  grants: z.array(grantSchema),
  mustChangePassword: z.boolean(),
  isAdmin: z.boolean(),
  canWrite: z.boolean(),
  /** May read and handle letters (đơn thư) somewhere. */
  canHandlePetitions: z.boolean(),
  /** Where the user's pages open when no organisation is chosen: the top of what they may read. */
  homeOrg: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  sessionExpiresAt: z.string(),
  /** Today in Việt Nam (ISO): the web's default date and the last day a date field offers,
   *  whatever the browser's clock and time zone say. */
  today: z.string(),
});
export type MeDto = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, "Chưa nhập mật khẩu hiện tại").max(200),
  newPassword: z.string().min(1, "Chưa nhập mật khẩu mới").max(200),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
