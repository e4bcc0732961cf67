import type { SessionUser } from "@tobira/protocol";
import type { UserWithRoles } from "../auth/user-repository";
import type { Executor } from "../db/transaction";

export async function presentSessionUser(db: Executor, user: UserWithRoles): Promise<SessionUser> {
  const staff =
    user.staff_id === null
      ? undefined
      : await db
          .selectFrom("staff")
          .select(["family_name", "given_name"])
          .where("id", "=", user.staff_id)
          .executeTakeFirst();
  return {
    id: user.id,
    loginId: user.login_id,
    staffId: user.staff_id,
    displayName: staff ? `${staff.family_name} ${staff.given_name}` : user.login_id,
    roles: user.roles,
    mustChangePassword: user.must_change_password === 1,
  };
}
