import {
  type PasswordResetResponse,
  passwordResetResponseSchema,
  type Role,
  type UserAccount,
  userAccountSchema,
} from "@tobira/protocol";
import { ApiError, request } from "./client";

/** The person's sign-in account, or null when they have none yet. */
export async function getAccount(staffId: number, signal?: AbortSignal): Promise<UserAccount | null> {
  try {
    return await request("GET", `/api/staff/${staffId}/account`, {
      parser: userAccountSchema,
      signal,
    });
  } catch (error) {
    if (error instanceof ApiError && error.id === "not_found") return null;
    throw error;
  }
}

export function resetPassword(staffId: number): Promise<PasswordResetResponse> {
  return request("POST", `/api/staff/${staffId}/account/password-reset`, {
    parser: passwordResetResponseSchema,
  });
}

export function setRoles(staffId: number, roles: readonly Role[]): Promise<UserAccount> {
  return request("PUT", `/api/staff/${staffId}/account/roles`, {
    parser: userAccountSchema,
    body: { roles },
  });
}
