import {
  changePasswordRequestSchema,
  loginRequestSchema,
  okSchema,
  sessionResponseSchema,
} from "@tobira/protocol";
import type { FastifyReply } from "fastify";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { sessionCookie } from "../http/access";
import { type Api, signedInUser } from "../http/api";
import { presentSessionUser } from "../http/session-user";
import { AddressThrottle } from "./address-throttle";
import { changeOwnPassword } from "./passwords";
import { deleteSession, hashSessionToken } from "./session-repository";
import { signIn } from "./sign-in";

export function registerAuthRoutes(api: Api, deps: Deps): void {
  const throttle = new AddressThrottle(deps.config.loginAttemptsPerAddress, 10 * 60_000);
  const tags = ["auth"];

  api.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: { tags, body: loginRequestSchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const waitMs = throttle.hit(request.ip, deps.clock.now().getTime());
      if (waitMs > 0) {
        throw new AppError(
          "too_many_requests",
          `Too many sign-in attempts from this computer; try again in ${Math.ceil(waitMs / 60_000)} minutes.`,
        );
      }
      const previous = request.cookies[sessionCookie];
      const { user, token, csrfToken } = await signIn(deps, request.body.loginId, request.body.password);
      // A fresh session id at every sign-in; whatever session the browser carried before ends here.
      if (previous) await deleteSession(deps.db, hashSessionToken(previous));
      setSessionCookie(reply, token, deps);
      return { user: await presentSessionUser(deps.db, user), csrfToken };
    },
  );

  api.get(
    "/api/auth/session",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: sessionResponseSchema } } },
    async (request) => ({ user: signedInUser(request), csrfToken: request.csrfToken ?? "" }),
  );

  api.post(
    "/api/auth/logout",
    { config: { access: "signedIn" }, schema: { tags, response: { 200: okSchema } } },
    async (request, reply) => {
      if (request.sessionHash) await deleteSession(deps.db, request.sessionHash);
      reply.clearCookie(sessionCookie, { path: "/" });
      return { ok: true as const };
    },
  );

  api.post(
    "/api/auth/password",
    {
      config: { access: "signedIn" },
      schema: { tags, body: changePasswordRequestSchema, response: { 200: okSchema } },
    },
    async (request) => {
      const user = signedInUser(request);
      await changeOwnPassword(
        deps,
        user.id,
        request.sessionHash ?? "",
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
}

function setSessionCookie(reply: FastifyReply, token: string, deps: Deps): void {
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: deps.config.secureCookies,
    maxAge: deps.config.sessionMaxHours * 3600,
  });
}
