import {
  idParamsSchema,
  passwordResetResponseSchema,
  setRolesRequestSchema,
  type UserAccount,
  userAccountSchema,
} from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { type Api, signedInUser } from "../http/api";
import { resetStaffPassword } from "./passwords";
import { findUserByStaffId, replaceRoles, type UserWithRoles } from "./user-repository";

function toUserAccount(user: UserWithRoles): UserAccount {
  return {
    id: user.id,
    loginId: user.login_id,
    staffId: user.staff_id,
    roles: user.roles,
    lockedUntil: user.locked_until,
    mustChangePassword: user.must_change_password === 1,
  };
}

export function registerAccountRoutes(api: Api, deps: Deps): void {
  const tags = ["accounts"];

  api.get(
    "/api/staff/:id/account",
    {
      config: { access: "account.read" },
      schema: { tags, params: idParamsSchema, response: { 200: userAccountSchema } },
    },
    async (request) => {
      const user = await findUserByStaffId(deps.db, request.params.id);
      if (!user) throw notFound("A sign-in account for this staff member");
      return toUserAccount(user);
    },
  );

  api.post(
    "/api/staff/:id/account/password-reset",
    {
      config: { access: "account.resetPassword" },
      schema: { tags, params: idParamsSchema, response: { 200: passwordResetResponseSchema } },
    },
    async (request) => ({
      temporaryPassword: await resetStaffPassword(deps, signedInUser(request).loginId, request.params.id),
    }),
  );

  api.put(
    "/api/staff/:id/account/roles",
    {
      config: { access: "account.assignRoles" },
      schema: {
        tags,
        params: idParamsSchema,
        body: setRolesRequestSchema,
        response: { 200: userAccountSchema },
      },
    },
    async (request) => {
      const actor = signedInUser(request);
      const now = deps.clock.now();
      return deps.db.transaction().execute(async (trx) => {
        const user = await findUserByStaffId(trx, request.params.id);
        if (!user) throw notFound("A sign-in account for this staff member");
        if (user.id === actor.id && !request.body.roles.includes("sysadmin")) {
          throw new AppError(
            "conflict",
            "You cannot remove your own sysadmin role; ask another administrator.",
          );
        }
        const roles = [...new Set(["staff" as const, ...request.body.roles])].sort();
        await replaceRoles(trx, user.id, roles);
        await appendAudit(
          trx,
          {
            actor: actor.loginId,
            action: "account.rolesChanged",
            targetType: "user",
            targetId: user.login_id,
            details: { before: user.roles, after: roles },
          },
          now,
        );
        return { ...toUserAccount(user), roles };
      });
    },
  );
}
