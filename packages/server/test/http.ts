import type { Role } from "@tobira/protocol";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { hashPassword } from "../src/auth/password-hashing";
import { insertUser } from "../src/auth/user-repository";
import type { Deps } from "../src/deps";
import { sessionCookie } from "../src/http/access";

export const testPassword = "correct horse battery";
let cachedHash: Promise<string> | undefined;

/** Creates a sign-in account with the given roles (password `testPassword`) and returns its login id. */
export async function createAccount(
  deps: Deps,
  loginId: string,
  roles: Role[],
  options: { staffId?: number; mustChangePassword?: boolean } = {},
): Promise<string> {
  cachedHash ??= hashPassword(testPassword);
  await insertUser(
    deps.db,
    {
      loginId,
      staffId: options.staffId ?? null,
      passwordHash: await cachedHash,
      mustChangePassword: options.mustChangePassword ?? false,
      roles,
    },
    deps.clock.now(),
  );
  return loginId;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function signInAs(
  app: FastifyInstance,
  loginId: string,
  password = testPassword,
): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { loginId, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${loginId} failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(response);
}

export function sessionFrom(response: LightMyRequestResponse): Session {
  const cookie = response.cookies.find((c) => c.name === sessionCookie);
  if (!cookie) throw new Error("no session cookie was set");
  const csrfToken = String(response.json().csrfToken);
  return {
    cookie: cookie.value,
    csrfToken,
    headers: { cookie: `${sessionCookie}=${cookie.value}`, "x-csrf-token": csrfToken },
  };
}
