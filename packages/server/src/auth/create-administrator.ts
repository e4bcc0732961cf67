import type { Role } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { generateTemporaryPassword, hashPassword } from "./password-hashing";
import { findUserByLoginId, insertUser } from "./user-repository";

/** The first administrator, made from the command line; the password must be changed at first sign-in. */
export async function createAdministrator(
  { db, clock }: Pick<Deps, "db" | "clock">,
  loginId: string,
  roles: Role[],
): Promise<string> {
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (await findUserByLoginId(trx, loginId))
      throw new AppError("conflict", `An account ${loginId} already exists.`);
    const staff = await trx
      .selectFrom("staff")
      .select("id")
      .where("staff_number", "=", loginId)
      .executeTakeFirst();
    const allRoles = [...new Set<Role>(["staff", ...roles])];
    await insertUser(
      trx,
      { loginId, staffId: staff?.id ?? null, passwordHash, mustChangePassword: true, roles: allRoles },
      now,
    );
    await appendAudit(
      trx,
      {
        actor: "cli",
        action: "account.created",
        targetType: "user",
        targetId: loginId,
        details: { roles: allRoles },
      },
      now,
    );
  });
  return password;
}
