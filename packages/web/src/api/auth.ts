import {
  type ChangePasswordRequest,
  type LoginRequest,
  okSchema,
  type SessionResponse,
  sessionResponseSchema,
} from "@tobira/protocol";
import { request, setCsrfToken } from "./client";

export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  const session = await request("GET", "/api/auth/session", {
    parser: sessionResponseSchema,
    quiet: true,
    signal,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signIn(body: LoginRequest): Promise<SessionResponse> {
  const session = await request("POST", "/api/auth/login", {
    parser: sessionResponseSchema,
    body,
    quiet: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await request("POST", "/api/auth/logout", { parser: okSchema, quiet: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: ChangePasswordRequest): Promise<{ ok: true }> {
  return request("POST", "/api/auth/password", { parser: okSchema, body, quiet: true });
}
