import { appendAudit } from "../audit/audit-repository";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { verifyAgainstNothing, verifyPassword } from "./password-hashing";
import { createSession } from "./session-repository";
import { isStaffActive } from "./staff-status";
import {
  findUserByLoginId,
  recordLoginFailure,
  recordLoginSuccess,
  type UserWithRoles,
} from "./user-repository";

export interface SignedIn {
  user: UserWithRoles;
  token: string;
  csrfToken: string;
}

const wrongCredentials = "The staff number or password is wrong.";

export async function signIn(
  { db, clock, config }: Pick<Deps, "db" | "clock" | "config">,
  loginId: string,
  password: string,
): Promise<SignedIn> {
  const now = clock.now();
  const user = await findUserByLoginId(db, loginId);
  if (!user) {
    await verifyAgainstNothing(password);
    throw new AppError("login_failed", wrongCredentials);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError("account_locked", lockedMessage(user.locked_until));
  }
  const passwordMatches = await verifyPassword(user.password_hash, password);
  if (!passwordMatches) {
    const failures = user.failed_attempts + 1;
    if (failures >= config.lockoutThreshold) {
      const until = new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await recordLoginFailure(trx, user.id, until);
        await appendAudit(
          trx,
          {
            actor: null,
            action: "account.locked",
            targetType: "user",
            targetId: user.login_id,
            details: { failures },
          },
          now,
        );
      });
      throw new AppError("account_locked", lockedMessage(until));
    }
    await recordLoginFailure(db, user.id, null);
    throw new AppError("login_failed", wrongCredentials);
  }
  if (!(await isStaffActive(db, user.staff_id, now))) throw new AppError("login_failed", wrongCredentials);

  return db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, user.id);
    const session = await createSession(
      trx,
      user.id,
      { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
      now,
    );
    await appendAudit(
      trx,
      { actor: user.login_id, action: "auth.signIn", targetType: "user", targetId: user.login_id },
      now,
    );
    return { user, ...session };
  });
}

function lockedMessage(until: string): string {
  return `This account is locked after repeated wrong passwords until ${until}. Ask HR to reset it or wait.`;
}
