import type { Role } from "@tobira/protocol";
import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError, notFound } from "../errors";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "./password-hashing";
import { deleteSessionsOfUser } from "./session-repository";
import { findUserById, findUserByStaffId, insertUser, setPassword } from "./user-repository";

export async function changeOwnPassword(
  { db, clock }: Pick<Deps, "db" | "clock">,
  userId: number,
  currentSessionHash: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw notFound("The account");
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong.", [
      { path: "currentPassword", message: "is wrong" },
    ]);
  }
  if (newPassword === currentPassword) {
    throw new AppError("validation_failed", "The new password must differ from the current one.", [
      { path: "newPassword", message: "must differ from the current password" },
    ]);
  }
  if (newPassword.toLowerCase().includes(user.login_id.toLowerCase())) {
    throw new AppError("validation_failed", "The new password must not contain the staff number.", [
      { path: "newPassword", message: "must not contain the staff number" },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, userId, passwordHash, false, now);
    // Other devices signed in with the old password are signed out.
    await deleteSessionsOfUser(trx, userId, currentSessionHash);
    await appendAudit(
      trx,
      { actor: user.login_id, action: "auth.passwordChanged", targetType: "user", targetId: user.login_id },
      now,
    );
  });
}

/**
 * Issues a one-time password for a staff member (creating the sign-in account with the staff role
 * when there is none); the person must choose a new one at the next sign-in.
 */
export async function resetStaffPassword(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: string,
  staffId: number,
): Promise<string> {
  const staff = await db
    .selectFrom("staff")
    .select(["id", "staff_number"])
    .where("id", "=", staffId)
    .executeTakeFirst();
  if (!staff) throw notFound("The staff member");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const existing = await findUserByStaffId(trx, staffId);
    if (existing) {
      await setPassword(trx, existing.id, passwordHash, true, now);
      await deleteSessionsOfUser(trx, existing.id);
    } else {
      const roles: Role[] = ["staff"];
      await insertUser(
        trx,
        { loginId: staff.staff_number, staffId, passwordHash, mustChangePassword: true, roles },
        now,
      );
    }
    await appendAudit(
      trx,
      {
        actor,
        action: existing ? "account.passwordReset" : "account.created",
        targetType: "user",
        targetId: staff.staff_number,
      },
      now,
    );
  });
  return temporaryPassword;
}
