import { z } from "zod";
import { roleSchema } from "./roles";

export const sessionUserSchema = z.object({
  id: z.number().int(),
  loginId: z.string(),
  staffId: z.number().int().nullable(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginRequestSchema = z.object({
  loginId: z.string().trim().min(1, "enter your staff number").max(64),
  password: z.string().min(1, "enter your password").max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const passwordMinLength = 10;
export const newPasswordSchema = z
  .string()
  .min(passwordMinLength, `must be at least ${passwordMinLength} characters`)
  .max(256, "must be at most 256 characters");

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const passwordResetResponseSchema = z.object({ temporaryPassword: z.string() });
export type PasswordResetResponse = z.infer<typeof passwordResetResponseSchema>;

export const userAccountSchema = z.object({
  id: z.number().int(),
  loginId: z.string(),
  staffId: z.number().int().nullable(),
  roles: z.array(roleSchema),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;

export const setRolesRequestSchema = z.object({ roles: z.array(roleSchema).max(6) });
