import { timingSafeEqual } from "node:crypto";
import type { Permission, SessionUser } from "@tobira/protocol";
import { can, sessionOnlyPermissions } from "@tobira/protocol";
import type { FastifyInstance, FastifyRequest, HTTPMethods } from "fastify";
import { findActiveSession, touchSession } from "../auth/session-repository";
import { findUserById } from "../auth/user-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { type ApiTokenCaller, authenticateApiToken } from "../integration/authenticate-api-token";
import { presentSessionUser } from "./session-user";

/**
 * Every route declares who may call it, next to its schema:
 * - "public": anyone, no session needed;
 * - "signedIn": any signed-in user, even one who must still change the password;
 * - a permission: a signed-in user whose roles grant it (see core's permission table), or an API token
 *   (`Authorization: Bearer …`) whose scopes include it. Tokens never reach "signedIn" routes, the
 *   session's own routes or the permissions only a person may exercise.
 */
export type Access = "public" | "signedIn" | Permission;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionHash: string | null;
    csrfToken: string | null;
    /** The API token a bearer request was made with; such a request has no user and no session. */
    apiToken: ApiTokenCaller | null;
  }
}

export interface DeclaredRoute {
  method: HTTPMethods;
  url: string;
  access: Access;
}

declare module "fastify" {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

export const sessionCookie = "tobira_session";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
// Idle time is tracked to the minute; writing last_seen_at on every request would cost a write per read.
const touchEveryMs = 60_000;

export function registerAccessControl(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("user", null);
  app.decorateRequest("sessionHash", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("apiToken", null);

  const declared: DeclaredRoute[] = [];
  app.decorate("declaredRoutes", declared);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access).`);
    for (const method of [route.method].flat())
      if (method !== "HEAD") declared.push({ method, url: route.url, access });
  });

  // onRequest runs before the body is parsed or validated, so a caller without rights learns nothing more.
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === "public") return;
    const bearer = bearerSecretOf(request);
    if (bearer !== undefined) {
      await authorizeApiToken(request, deps, access, bearer);
      return;
    }
    await authenticate(request, deps);
    const user = request.user;
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    if (!safeMethods.has(request.method)) checkCsrf(request);
    if (access === "signedIn") return;
    if (user.mustChangePassword) {
      throw new AppError("password_change_required", "Choose a new password before going on.");
    }
    if (!can(user, access)) throw new AppError("forbidden", "Your roles do not allow this.");
  });
}

async function authenticate(request: FastifyRequest, deps: Deps): Promise<void> {
  const token = request.cookies[sessionCookie];
  if (!token) return;
  const now = deps.clock.now();
  const policy = { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours };
  const session = await findActiveSession(deps.db, token, policy, now);
  if (!session) return;
  const user = await findUserById(deps.db, session.userId);
  if (!user) return;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > touchEveryMs) {
    await touchSession(deps.db, session.idHash, now);
  }
  request.user = await presentSessionUser(deps.db, user);
  request.sessionHash = session.idHash;
  request.csrfToken = session.csrfToken;
}

/** The secret of an `Authorization: Bearer <secret>` header, or undefined when there is none. */
function bearerSecretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== "string") return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return undefined;
  return match[1]?.trim() ?? "";
}

// A token sends no cookie, so there is no CSRF to check; it may only use the permissions in its scopes.
async function authorizeApiToken(
  request: FastifyRequest,
  deps: Deps,
  access: Exclude<Access, "public">,
  secret: string,
): Promise<void> {
  const token = await authenticateApiToken(deps, secret);
  request.apiToken = token;
  if (access === "signedIn" || sessionOnlyPermissions.includes(access) || isSessionRoute(request)) {
    throw new AppError("forbidden", "API tokens cannot call this; it needs a person signed in.");
  }
  if (!token.scopes.includes(access)) {
    throw new AppError("forbidden", `This API token's scopes do not include ${access}.`);
  }
}

/** The session's own routes (sign-in, password, the caller's own records) belong to people only. */
function isSessionRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? "";
  return url.startsWith("/api/auth/") || /^\/api\/(?:.+\/)?me(?:\/|$)/.test(url);
}

function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers["x-csrf-token"];
  const expected = request.csrfToken;
  if (typeof sent !== "string" || !expected || !sameText(sent, expected)) {
    throw new AppError("csrf_failed", "The request lacks this session's X-CSRF-Token header.");
  }
  const origin = request.headers.origin;
  if (origin && !isSameOrigin(origin, request)) {
    throw new AppError("csrf_failed", "The request comes from another site.");
  }
}

function isSameOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
