import type { Role } from "@tobira/protocol";
import { roles as knownRoles } from "@tobira/protocol";
import type { UserRow } from "../db/schema";
import type { Executor } from "../db/transaction";

export interface UserWithRoles extends UserRow {
  roles: Role[];
}

function isRole(value: string): value is Role {
  return (knownRoles as readonly string[]).includes(value);
}

async function withRoles(db: Executor, user: UserRow | undefined): Promise<UserWithRoles | undefined> {
  if (!user) return undefined;
  const rows = await db.selectFrom("user_role").select("role").where("user_id", "=", user.id).execute();
  return {
    ...user,
    roles: rows
      .map((r) => r.role)
      .filter(isRole)
      .sort(),
  };
}

export async function findUserByLoginId(db: Executor, loginId: string): Promise<UserWithRoles | undefined> {
  return withRoles(
    db,
    await db.selectFrom("app_user").selectAll().where("login_id", "=", loginId).executeTakeFirst(),
  );
}

export async function findUserById(db: Executor, id: number): Promise<UserWithRoles | undefined> {
  return withRoles(db, await db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst());
}

export async function findUserByStaffId(db: Executor, staffId: number): Promise<UserWithRoles | undefined> {
  return withRoles(
    db,
    await db.selectFrom("app_user").selectAll().where("staff_id", "=", staffId).executeTakeFirst(),
  );
}

export interface NewUser {
  loginId: string;
  staffId: number | null;
  passwordHash: string;
  mustChangePassword: boolean;
  roles: Role[];
}

export async function insertUser(db: Executor, user: NewUser, at: Date): Promise<number> {
  const row = await db
    .insertInto("app_user")
    .values({
      login_id: user.loginId,
      staff_id: user.staffId,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ? 1 : 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: at.toISOString(),
      password_changed_at: at.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceRoles(db, row.id, user.roles);
  return row.id;
}

export async function replaceRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom("user_role").where("user_id", "=", userId).execute();
  const unique = [...new Set(roles)];
  if (unique.length > 0) {
    await db
      .insertInto("user_role")
      .values(unique.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function setPassword(
  db: Executor,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
  at: Date,
): Promise<void> {
  await db
    .updateTable("app_user")
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      failed_attempts: 0,
      locked_until: null,
      password_changed_at: at.toISOString(),
    })
    .where("id", "=", userId)
    .execute();
}

export async function recordLoginFailure(
  db: Executor,
  userId: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable("app_user")
    .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1), locked_until: lockedUntil }))
    .where("id", "=", userId)
    .execute();
}

export async function recordLoginSuccess(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ failed_attempts: 0, locked_until: null })
    .where("id", "=", userId)
    .execute();
}
